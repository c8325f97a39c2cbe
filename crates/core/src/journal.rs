//! The record of what Premiers Pas looked at during this session: every file read, every request made.
//!
//! It feeds the transparency panel ("Ce que Premiers Pas a regardé") and the `files_read` of an audit.
//! The journal lives in memory only and is never written to disk: it describes this session, and a stand
//! must keep nothing. Cloning a [`Journal`] gives another handle on the same record.

use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One thing Premiers Pas did that touched the outside world.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum JournalEntry {
    /// A file was opened for reading (never for writing).
    FileRead {
        /// The application the file belongs to, e.g. "firefox", "thunderbird", "system".
        app: String,
        path: String,
        /// Bytes read; 0 when the read failed.
        #[ts(type = "number")]
        bytes: u64,
        /// Why the read failed, if it did.
        error: Option<String>,
        /// Milliseconds since the Unix epoch.
        #[ts(type = "number")]
        at_ms: u64,
    },
    /// A network request made because the person asked (directory refresh, MX lookup).
    Request {
        /// What the request was for, e.g. "directory", "dns".
        purpose: String,
        /// The URL, or for DNS the name and record type.
        target: String,
        /// HTTP status, or 0 for DNS and failed requests.
        status: u16,
        #[ts(type = "number")]
        bytes: u64,
        error: Option<String>,
        #[ts(type = "number")]
        at_ms: u64,
        #[ts(type = "number")]
        duration_ms: u64,
    },
}

/// A shared, append-only, in-memory journal.
#[derive(Debug, Clone, Default)]
pub struct Journal {
    entries: Arc<Mutex<Vec<JournalEntry>>>,
}

/// Milliseconds since the Unix epoch (0 if the clock is before 1970).
pub fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
}

impl Journal {
    /// An empty journal.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends an entry.
    pub fn record(&self, entry: JournalEntry) {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner).push(entry);
    }

    /// Records a file read (successful when `error` is `None`).
    pub fn file_read(&self, app: &str, path: &Path, bytes: u64, error: Option<String>) {
        self.record(JournalEntry::FileRead {
            app: app.to_owned(),
            path: path.display().to_string(),
            bytes,
            error,
            at_ms: now_ms(),
        });
    }

    /// A copy of every entry so far, oldest first.
    pub fn entries(&self) -> Vec<JournalEntry> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Forgets everything (a stand's "next visitor").
    pub fn clear(&self) {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner).clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_one_record_and_clear_forgets() {
        let journal = Journal::new();
        let other = journal.clone();
        other.file_read("firefox", Path::new("/home/a/.mozilla/firefox/profiles.ini"), 120, None);
        assert_eq!(journal.entries().len(), 1);
        journal.clear();
        assert!(other.entries().is_empty());
    }
}
