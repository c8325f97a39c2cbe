//! The record of what Premiers Pas looked at during this session: every file read, every request made,
//! and the little it learns otherwise (a helper program's answer, the names of the programs running, a
//! key of the Windows registry).
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
    /// Something looked at besides a file, read-only: a helper program asked a question, the names of
    /// the programs running, a key of the Windows registry.
    Looked {
        source: LookedAt,
        /// The command line, what was looked for, or the registry key.
        target: String,
        /// What it answered, as it said it (a program's identifier, the ids of the applications found);
        /// `None` when it did not answer.
        answer: Option<String>,
        #[ts(type = "number")]
        at_ms: u64,
    },
}

/// What a [`JournalEntry::Looked`] looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LookedAt {
    /// A read-only helper program (on Linux, `xdg-settings get default-web-browser`); the answer is what
    /// it printed.
    Program,
    /// The names of the programs running (to tell which browsers are open), nothing else of them; the
    /// answer is the ids of the applications recognised among them.
    Processes,
    /// A value of the Windows registry (the default browser's); the answer is the value.
    RegistryValue,
    /// The programs installed, as a key of the Windows registry lists them; the answer is the ids of the
    /// applications recognised among them.
    InstalledPrograms,
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

    /// Records something looked at besides a file.
    pub fn looked(&self, source: LookedAt, target: &str, answer: Option<String>) {
        self.record(JournalEntry::Looked { source, target: target.to_owned(), answer, at_ms: now_ms() });
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
