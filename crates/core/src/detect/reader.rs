//! How detectors touch the disk: read-only, capped, journaled, and never fatal.
//!
//! Every file a detector opens goes through a [`Reader`], which records it in the [`Journal`] and in the
//! audit's `files_read`, refuses anything that is not a regular file (a FIFO would block forever), caps
//! what it reads ([`MAX_FILE_BYTES`]), lists folders with a bound on entries, and turns every failure into a
//! [`Problem`] ("could not read X because Y"). It does not decide what a file means.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::audit::Problem;
use crate::files::{self, ReadError};
use crate::journal::{Journal, LookedAt};

/// The most a detector reads from one file. Real preference files are far smaller.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The most entries taken from one folder listing.
pub const MAX_DIR_ENTRIES: usize = 4096;

/// Opens files for the detectors and keeps the record of what was opened and what failed.
#[derive(Debug)]
pub struct Reader<'a> {
    journal: &'a Journal,
    /// Wait and retry once when a JSON file does not parse: a running browser may be rewriting it.
    retry_delay: Option<Duration>,
    max_bytes: u64,
    pub problems: Vec<Problem>,
    pub files_read: Vec<String>,
}

/// One entry of a folder.
#[derive(Debug, Clone)]
pub struct DirEntry {
    pub name: String,
    pub path: PathBuf,
    /// A folder (following a symbolic link).
    pub is_dir: bool,
}

impl<'a> Reader<'a> {
    /// A reader that records into `journal`; `live` enables the short wait before re-reading a JSON file.
    pub fn new(journal: &'a Journal, live: bool) -> Self {
        Reader {
            journal,
            retry_delay: live.then_some(Duration::from_millis(150)),
            max_bytes: MAX_FILE_BYTES,
            problems: Vec::new(),
            files_read: Vec::new(),
        }
    }

    /// Lowers the per-file cap (tests of the cap use small files).
    pub fn with_max_bytes(mut self, max_bytes: u64) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// Records a problem.
    pub fn problem(&mut self, code: &str, app: &str, path: &Path, message: impl Into<String>) {
        let path = path.display().to_string();
        if self.problems.iter().any(|p| p.code == code && p.path == path) {
            return;
        }
        self.problems.push(Problem {
            code: code.to_owned(),
            app: (!app.is_empty()).then(|| app.to_owned()),
            path,
            message: message.into(),
        });
    }

    /// Reads a whole file. `None` when it does not exist (not a problem: most places are empty) or could
    /// not be read (a problem is recorded).
    pub fn read(&mut self, app: &str, path: &Path) -> Option<Vec<u8>> {
        // One way to read a file, shared with the rest of the engine: a named pipe swapped in is never
        // waited on, and the cap holds even when the file grows while it is read.
        match files::read_regular(path, self.max_bytes) {
            Ok(bytes) => {
                self.journal.file_read(app, path, bytes.len() as u64, None);
                self.note_read(path);
                Some(bytes)
            }
            Err(ReadError::Io(e)) if e.kind() == ErrorKind::NotFound => None,
            Err(ReadError::Io(e)) => {
                self.failed(app, path, "detect.unreadable", &describe_io(&e));
                None
            }
            Err(ReadError::NotAFile) => {
                let what =
                    if path.is_dir() { "it is a folder, not a file" } else { "it is not a regular file" };
                self.failed(app, path, "detect.not_a_file", what);
                None
            }
            Err(ReadError::TooLarge { bytes }) => {
                let message = format!(
                    "it is more than the {} bytes read from one file ({bytes} bytes or more)",
                    self.max_bytes
                );
                self.failed(app, path, "detect.too_large", &message);
                None
            }
        }
    }

    /// Records something looked at besides a file: it belongs in the journal as much as a file does.
    pub fn looked(&mut self, source: LookedAt, target: &str, answer: Option<String>) {
        self.journal.looked(source, target, answer);
    }

    /// Reads a text file (invalid UTF-8 replaced).
    pub fn read_text(&mut self, app: &str, path: &Path) -> Option<String> {
        self.read(app, path).map(|b| String::from_utf8_lossy(&b).into_owned())
    }

    /// Reads and parses a JSON file, re-reading once when it does not parse (a browser may be writing it).
    pub fn read_json(&mut self, app: &str, path: &Path) -> Option<serde_json::Value> {
        let bytes = self.read(app, path)?;
        match serde_json::from_slice(&bytes) {
            Ok(v) => Some(v),
            Err(first) => {
                if let Some(delay) = self.retry_delay {
                    std::thread::sleep(delay);
                }
                let again = self.read(app, path)?;
                match serde_json::from_slice(&again) {
                    Ok(v) => Some(v),
                    Err(_) => {
                        let message = format!("it is not valid JSON ({first})");
                        self.problem("detect.invalid_json", app, path, message);
                        None
                    }
                }
            }
        }
    }

    /// The entries of a folder, sorted by name, at most [`MAX_DIR_ENTRIES`]. Empty when it does not exist.
    /// A folder with more is a problem (`detect.too_many_entries`): what was not looked at may be what a
    /// step needs, so "not found" must not be said from that folder.
    pub fn list_dir(&mut self, app: &str, dir: &Path) -> Vec<DirEntry> {
        let iter = match fs::read_dir(dir) {
            Ok(it) => it,
            Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => {
                return Vec::new()
            }
            Err(e) => {
                self.problem(
                    "detect.unreadable",
                    app,
                    dir,
                    format!("could not list the folder: {}", describe_io(&e)),
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for entry in iter.flatten() {
            if out.len() == MAX_DIR_ENTRIES {
                self.problem(
                    "detect.too_many_entries",
                    app,
                    dir,
                    format!("the folder holds more than {MAX_DIR_ENTRIES} entries: only {MAX_DIR_ENTRIES} were looked at"),
                );
                break;
            }
            let path = entry.path();
            // `metadata` follows links; a dangling or looping link is simply not a folder.
            let is_dir = fs::metadata(&path).map(|m| m.is_dir()).unwrap_or(false);
            out.push(DirEntry { name: entry.file_name().to_string_lossy().into_owned(), path, is_dir });
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        out
    }

    /// Whether a path is a folder (following links; false for loops and dangling links).
    pub fn is_dir(&self, path: &Path) -> bool {
        fs::metadata(path).map(|m| m.is_dir()).unwrap_or(false)
    }

    /// Whether something exists at a path (following links).
    pub fn exists(&self, path: &Path) -> bool {
        fs::metadata(path).is_ok()
    }

    fn failed(&mut self, app: &str, path: &Path, code: &str, why: &str) {
        self.journal.file_read(app, path, 0, Some(why.to_owned()));
        self.problem(code, app, path, format!("could not read {}: {why}", path.display()));
    }

    fn note_read(&mut self, path: &Path) {
        let shown = path.display().to_string();
        if !self.files_read.contains(&shown) {
            self.files_read.push(shown);
        }
    }
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ if crate::files::is_link_loop(e) => "too many levels of symbolic links (a link loop)".to_owned(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_files_are_silent_and_folders_are_problems() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::new();
        let mut reader = Reader::new(&journal, false);
        assert!(reader.read("x", &dir.path().join("nope")).is_none());
        assert!(reader.problems.is_empty());
        assert!(reader.read("x", dir.path()).is_none());
        assert_eq!(reader.problems[0].code, "detect.not_a_file");
    }

    #[test]
    fn the_cap_refuses_big_files_without_reading_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        fs::write(&path, vec![b' '; 100]).unwrap();
        let journal = Journal::new();
        let mut reader = Reader::new(&journal, false).with_max_bytes(10);
        assert!(reader.read("x", &path).is_none());
        assert_eq!(reader.problems[0].code, "detect.too_large");
        assert!(reader.files_read.is_empty());
    }

    #[test]
    fn a_folder_with_too_many_entries_is_listed_up_to_the_cap_and_said() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..MAX_DIR_ENTRIES {
            fs::write(dir.path().join(format!("{i:05}")), "").unwrap();
        }
        let journal = Journal::new();
        let mut reader = Reader::new(&journal, false);
        assert_eq!(reader.list_dir("chrome", dir.path()).len(), MAX_DIR_ENTRIES);
        assert!(reader.problems.is_empty(), "exactly the cap: everything was looked at");

        fs::write(dir.path().join("one-more"), "").unwrap();
        let listed = reader.list_dir("chrome", dir.path());
        assert_eq!(listed.len(), MAX_DIR_ENTRIES);
        assert!(listed.windows(2).all(|w| w[0].name < w[1].name), "sorted by name");
        assert_eq!(reader.problems.len(), 1);
        let problem = &reader.problems[0];
        assert_eq!(
            (problem.code.as_str(), problem.app.as_deref()),
            ("detect.too_many_entries", Some("chrome"))
        );
        assert_eq!(problem.path, dir.path().display().to_string());
    }

    #[test]
    fn bad_json_is_retried_then_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("half.json");
        fs::write(&path, "{\"addons\": [").unwrap();
        let journal = Journal::new();
        let mut reader = Reader::new(&journal, false);
        assert!(reader.read_json("firefox", &path).is_none());
        assert_eq!(reader.problems.len(), 1);
        assert_eq!(reader.problems[0].code, "detect.invalid_json");
        assert_eq!(journal.entries().len(), 2, "read twice");
        assert_eq!(reader.files_read.len(), 1);
    }
}
