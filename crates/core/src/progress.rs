//! Saved progress: the person's own answers ("C'est fait") and the last audit summary, so that the next
//! visit can say what changed.
//!
//! One small versioned JSON file in the data folder, `progress.json`, written atomically
//! ([`crate::files::write_atomic`]) with the previous good copy kept as
//! `progress.json.bak`. A damaged file is never a crash and never silently emptied: it is set aside as
//! `progress.json.corrupt-<time>`, the copy is used instead, and the caller gets a [`Notice`] to show. A
//! damaged copy, with nothing good to start from, is set aside in the same way, so that no later save can
//! replace it. A file or copy from a newer version is never touched ([`ProgressError::TooNew`]).
//! Something that is not a file Premiers Pas could have written (a folder, a FIFO, which is never opened,
//! a file larger than [`MAX_PROGRESS_BYTES`], a loop of links) counts as damaged. A file that fails to
//! read for another reason (permission, disk) is an error, and nothing is renamed: it may read next time.
//! [`ProgressStore::ephemeral`] keeps everything in memory only, for stands.
//!
//! One window at a time may own a data folder's progress: [`ProgressStore::open_exclusive`] holds an
//! advisory lock on `progress.lock` for as long as the store lives, so a second window on the same folder
//! (a double click on the icon) is told so instead of overwriting the first one's answers with its own —
//! and instead of tidying away the first one's half-written temporary file. The operating system releases
//! the lock when the program ends, even after a crash: no stale lock to clear by hand.
//!
//! This module does not judge steps (that is `checklist`) and does not decide when to save.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use fs4::{FileExt, TryLockError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::checklist::{Answer, Answers, Status, StepResult};
use crate::error::ErrorCode;
use crate::files::{self, write_atomic, NewFile, ReadError};

/// The file name in the data folder.
pub const PROGRESS_FILE: &str = "progress.json";
/// The previous good copy.
pub const BACKUP_FILE: &str = "progress.json.bak";
/// Held locked by the one store that may write the folder's progress; an empty file.
pub const LOCK_FILE: &str = "progress.lock";
/// The format version this build writes and reads.
pub const PROGRESS_VERSION: u32 = 1;
/// The largest progress file read: far more than the answers to every pack take. A larger file is not
/// progress Premiers Pas wrote, and is set aside like a damaged one rather than read into memory.
pub const MAX_PROGRESS_BYTES: u64 = 16 * 1024 * 1024;

/// How temporary files were named before they were [`crate::files`]'s (still cleaned up).
const OLD_TEMP_PREFIX: &str = ".progress-";

/// Everything saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Progress {
    /// Always [`PROGRESS_VERSION`] when written by this build.
    pub version: u32,
    /// By pack id.
    pub packs: BTreeMap<String, PackProgress>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress { version: PROGRESS_VERSION, packs: BTreeMap::new() }
    }
}

/// What is saved for one pack.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PackProgress {
    /// The person's answers, by step id.
    pub answers: Answers,
    /// The statuses of the last audit, to tell what changed since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub last_summary: Option<AuditSummary>,
}

/// The statuses of one evaluation, with its time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditSummary {
    /// Milliseconds since the Unix epoch.
    #[ts(type = "number")]
    pub at_ms: u64,
    /// Step id → status.
    pub statuses: BTreeMap<String, Status>,
}

impl AuditSummary {
    /// The summary of an evaluation.
    pub fn from_results(results: &[StepResult], at_ms: u64) -> AuditSummary {
        AuditSummary { at_ms, statuses: results.iter().map(|r| (r.id.clone(), r.status)).collect() }
    }
}

/// A step whose status moved since the last audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Change {
    pub step: String,
    /// `None` for a step that is new in the pack.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub before: Option<Status>,
    pub after: Status,
}

/// The steps whose status differs between `previous` and `current`, in the order of `current`.
pub fn changes(previous: &AuditSummary, current: &[StepResult]) -> Vec<Change> {
    current
        .iter()
        .filter_map(|r| {
            let before = previous.statuses.get(&r.id).copied();
            (before != Some(r.status)).then(|| Change { step: r.id.clone(), before, after: r.status })
        })
        .collect()
}

impl Progress {
    /// The answers saved for a pack.
    pub fn answers(&self, pack: &str) -> Answers {
        self.packs.get(pack).map(|p| p.answers.clone()).unwrap_or_default()
    }

    /// Records (or, with `None`, forgets) an answer.
    pub fn set_answer(&mut self, pack: &str, step: &str, answer: Option<Answer>) {
        let entry = self.packs.entry(pack.to_owned()).or_default();
        match answer {
            Some(a) => {
                entry.answers.0.insert(step.to_owned(), a);
            }
            None => {
                entry.answers.0.remove(step);
            }
        }
    }

    /// Stores the summary of a new evaluation and returns what changed since the previous one (nothing
    /// on a first visit).
    pub fn record_summary(&mut self, pack: &str, results: &[StepResult], at_ms: u64) -> Vec<Change> {
        let entry = self.packs.entry(pack.to_owned()).or_default();
        let found = entry.last_summary.as_ref().map(|prev| changes(prev, results)).unwrap_or_default();
        entry.last_summary = Some(AuditSummary::from_results(results, at_ms));
        found
    }
}

/// Something the person should be told about their saved progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Notice {
    /// The saved file was damaged or missing; what we did about it.
    Recovered {
        /// True when the previous good copy was used; false when nothing could be recovered.
        from_backup: bool,
        /// Where the damaged files (the progress, its copy) were set aside; none when nothing was
        /// damaged, or when the data folder was only read.
        #[serde(default)]
        damaged_copies: Vec<String>,
        /// Why, in English (the UI translates by kind).
        reason: String,
    },
    /// The progress could not be saved (full disk, read-only data folder): what was shown is right, but
    /// the next visit will not remember it.
    NotSaved {
        /// Why, in English (the UI translates by kind).
        reason: String,
    },
}

impl Notice {
    /// The notice for a save that failed.
    pub fn not_saved(err: &ProgressError) -> Notice {
        let reason = match std::error::Error::source(err) {
            Some(source) => format!("{err}: {source}"),
            None => err.to_string(),
        };
        Notice::NotSaved { reason }
    }
}

/// What [`ProgressStore::load`] gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Loaded {
    pub progress: Progress,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub notice: Option<Notice>,
}

/// What can go wrong with saved progress.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProgressError {
    /// The data folder or file could not be read or written.
    #[error("could not save or read progress in {path}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The file was written by a newer version of Premiers Pas; it is left untouched.
    #[error(
        "progress file {path} has version {found}, newer than this program understands ({PROGRESS_VERSION})"
    )]
    TooNew { path: String, found: u32 },
    /// The progress could not be turned into JSON (should not happen).
    #[error("could not encode progress")]
    Encode(#[source] serde_json::Error),
    /// Another window of Premiers Pas has this data folder's progress open.
    #[error("the progress in {path} is open in another window of Premiers Pas")]
    InUse { path: String },
}

impl ErrorCode for ProgressError {
    fn code(&self) -> &'static str {
        match self {
            ProgressError::Io { .. } => "progress.io",
            ProgressError::TooNew { .. } => "progress.too_new",
            ProgressError::Encode(_) => "progress.encode",
            ProgressError::InUse { .. } => "progress.in_use",
        }
    }
}

/// Where progress lives: a folder on disk, or memory only.
#[derive(Debug)]
pub struct ProgressStore {
    dir: Option<PathBuf>,
    memory: Mutex<Progress>,
    /// The open, locked `progress.lock` of [`ProgressStore::open_exclusive`]; unlocked when dropped.
    _lock: Option<fs::File>,
}

/// Whether loading may repair the data folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Recovery {
    Write,
    ReadOnly,
}

enum Read {
    Missing,
    Good(Progress),
    Bad(String),
    TooNew(u32),
}

impl ProgressStore {
    /// A store in `data_dir` (created on first save), without the lock: for a reader
    /// ([`ProgressStore::load_read_only`]) or a test. A program that saves uses
    /// [`ProgressStore::open_exclusive`].
    pub fn open(data_dir: &Path) -> ProgressStore {
        ProgressStore {
            dir: Some(data_dir.to_path_buf()),
            memory: Mutex::new(Progress::default()),
            _lock: None,
        }
    }

    /// A store in `data_dir` that this store alone may write, for as long as it lives (see the module
    /// documentation). Creates the folder. [`ProgressError::InUse`] when another store holds it, in this
    /// program or another.
    ///
    /// The lock only ever prevents a lost update: where it cannot be taken for another reason (a file
    /// system without locks, a read-only folder), the store opens unlocked and a failing save says why,
    /// as it did before there was a lock.
    pub fn open_exclusive(data_dir: &Path) -> Result<ProgressStore, ProgressError> {
        let lock = match try_lock(data_dir) {
            Ok(file) => Some(file),
            Err(TryLockError::WouldBlock) => {
                return Err(ProgressError::InUse { path: data_dir.display().to_string() })
            }
            Err(TryLockError::Error(_)) => None,
        };
        Ok(ProgressStore { _lock: lock, ..ProgressStore::open(data_dir) })
    }

    /// A store that keeps nothing on disk (stand mode): saves live in memory until the program ends.
    pub fn ephemeral() -> ProgressStore {
        ProgressStore { dir: None, memory: Mutex::new(Progress::default()), _lock: None }
    }

    /// Does this store write to disk?
    pub fn is_persistent(&self) -> bool {
        self.dir.is_some()
    }

    /// The progress file, for a persistent store.
    pub fn path(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(PROGRESS_FILE))
    }

    /// Reads the saved progress. A missing file is an empty progress; a damaged one is set aside and
    /// replaced by the previous good copy, with a [`Notice`] saying so.
    pub fn load(&self) -> Result<Loaded, ProgressError> {
        self.load_with(Recovery::Write)
    }

    /// Reads the saved progress like [`ProgressStore::load`], for a reader that must not change the data
    /// folder (`premiers-pas report`): the same progress and notice, but nothing is written, renamed or
    /// removed — a damaged file stays where it is (the notice has no `damaged_copies`) and is recovered by
    /// the next [`ProgressStore::load`].
    pub fn load_read_only(&self) -> Result<Loaded, ProgressError> {
        self.load_with(Recovery::ReadOnly)
    }

    fn load_with(&self, recovery: Recovery) -> Result<Loaded, ProgressError> {
        let Some(dir) = &self.dir else {
            let progress = self.memory.lock().unwrap_or_else(PoisonError::into_inner).clone();
            return Ok(Loaded { progress, notice: None });
        };
        let write = recovery == Recovery::Write;
        if write {
            remove_stale_temps(dir);
        }
        let main = dir.join(PROGRESS_FILE);
        let backup = dir.join(BACKUP_FILE);
        let too_new = |path: &Path, found| ProgressError::TooNew { path: path.display().to_string(), found };
        // Why the file cannot be used: `None` when it is missing.
        let damage = match read(&main)? {
            Read::Good(progress) => return Ok(Loaded { progress, notice: None }),
            Read::TooNew(found) => return Err(too_new(&main, found)),
            Read::Missing => None,
            Read::Bad(why) => Some(why),
        };
        // The copy is only looked at when it is needed. One written by a newer version is that version's
        // progress: nothing is set aside, and nothing may replace it. One that cannot be read for now is
        // an error too, for the same reason.
        let copy_damage = match read(&backup)? {
            Read::Missing => None,
            Read::TooNew(found) => return Err(too_new(&backup, found)),
            Read::Good(progress) => {
                let damaged_copies = match damage {
                    Some(_) if write => vec![set_aside(&main)?],
                    _ => vec![],
                };
                if write {
                    self.save_inner(dir, &progress)?;
                }
                let reason = match damage {
                    None => "the progress file was missing; the previous copy was used".into(),
                    Some(why) => format!("the progress file was damaged ({why}); the previous copy was used"),
                };
                let notice = Notice::Recovered { from_backup: true, damaged_copies, reason };
                return Ok(Loaded { progress, notice: Some(notice) });
            }
            Read::Bad(why) => Some(why),
        };
        // Nothing good to start from. Whatever is damaged is set aside, so that no later save replaces it
        // with an empty progress, and the person is told.
        let reason = match (&damage, &copy_damage) {
            (None, None) => return Ok(Loaded { progress: Progress::default(), notice: None }),
            (Some(why), None) => format!("the progress file was damaged ({why}) and there was no copy"),
            (Some(why), Some(copy)) => {
                format!("the progress file was damaged ({why}) and so was its copy ({copy})")
            }
            (None, Some(copy)) => format!("the progress file was missing and its copy was damaged ({copy})"),
        };
        let mut damaged_copies = Vec::new();
        if write {
            for (path, damaged) in [(&main, &damage), (&backup, &copy_damage)] {
                if damaged.is_some() {
                    damaged_copies.push(set_aside(path)?);
                }
            }
        }
        let notice = Notice::Recovered { from_backup: false, damaged_copies, reason };
        Ok(Loaded { progress: Progress::default(), notice: Some(notice) })
    }

    /// Saves atomically, keeping the previous good file as the copy.
    pub fn save(&self, progress: &Progress) -> Result<(), ProgressError> {
        match &self.dir {
            None => {
                *self.memory.lock().unwrap_or_else(PoisonError::into_inner) = progress.clone();
                Ok(())
            }
            Some(dir) => self.save_inner(dir, progress),
        }
    }

    fn save_inner(&self, dir: &Path, progress: &Progress) -> Result<(), ProgressError> {
        let io = |path: &Path| {
            let path = path.display().to_string();
            move |source| ProgressError::Io { path, source }
        };
        fs::create_dir_all(dir).map_err(io(dir))?;
        let main = dir.join(PROGRESS_FILE);
        // Only a file that reads well becomes the copy: a damaged one must not replace a good copy.
        // The bytes judged are the bytes copied: the file is read once.
        if let Ok(bytes) = files::read_regular(&main, MAX_PROGRESS_BYTES) {
            if let Read::Good(_) = judge(&bytes) {
                let backup = dir.join(BACKUP_FILE);
                write_atomic(&backup, &bytes, NewFile::Private).map_err(io(&backup))?;
            }
        }
        let mut bytes = serde_json::to_vec_pretty(progress).map_err(ProgressError::Encode)?;
        bytes.push(b'\n');
        write_atomic(&main, &bytes, NewFile::Private).map_err(io(&main))
    }
}

/// What is at `path`. A loop of links can never be read: it is damaged, and set aside like a broken file
/// rather than stopping every start. Any other failure to read (no permission, a disk error, a file not
/// yet downloaded from a cloud folder) may pass or be put right: it is an error, and nothing is renamed.
fn read(path: &Path) -> Result<Read, ProgressError> {
    let read = match files::read_regular(path, MAX_PROGRESS_BYTES) {
        Ok(bytes) => judge(&bytes),
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Read::Missing,
        Err(ReadError::Io(e)) if files::is_link_loop(&e) => Read::Bad(format!("could not be read: {e}")),
        Err(ReadError::Io(source)) => {
            return Err(ProgressError::Io { path: path.display().to_string(), source })
        }
        // Not progress written by Premiers Pas: damaged, to be set aside like a broken file.
        Err(ReadError::NotAFile) => Read::Bad("not a regular file".into()),
        Err(ReadError::TooLarge { bytes }) => {
            Read::Bad(format!("too large ({bytes} bytes, at most {MAX_PROGRESS_BYTES})"))
        }
    };
    Ok(read)
}

/// What a progress file's bytes are: good, too new for this version, or damaged.
fn judge(bytes: &[u8]) -> Read {
    #[derive(Deserialize)]
    struct VersionOnly {
        version: u32,
    }
    match serde_json::from_slice::<VersionOnly>(bytes) {
        Ok(v) if v.version > PROGRESS_VERSION => return Read::TooNew(v.version),
        Ok(_) => {}
        Err(e) => return Read::Bad(e.to_string()),
    }
    match serde_json::from_slice::<Progress>(bytes) {
        Ok(p) => Read::Good(p),
        Err(e) => Read::Bad(e.to_string()),
    }
}

/// Opens (creating it and its folder) and locks the data folder's `progress.lock`, without waiting.
fn try_lock(data_dir: &Path) -> Result<fs::File, TryLockError> {
    fs::create_dir_all(data_dir).map_err(TryLockError::Error)?;
    let file = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(data_dir.join(LOCK_FILE))
        .map_err(TryLockError::Error)?;
    // The crate's, not `File::try_lock`: the same system call, for the Rust versions before 1.89 too.
    FileExt::try_lock(&file)?;
    Ok(file)
}

/// Renames a damaged file out of the way (`progress.json.corrupt-<time>`, `progress.json.bak.corrupt-<time>`),
/// keeping it for the curious. Says where it went.
fn set_aside(path: &Path) -> Result<String, ProgressError> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let target = path.with_file_name(format!("{name}.corrupt-{}", crate::journal::now_ms()));
    fs::rename(path, &target)
        .map_err(|source| ProgressError::Io { path: path.display().to_string(), source })?;
    Ok(target.display().to_string())
}

/// Temporary files left by a save that was interrupted.
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if files::is_temp_name(&name)
            || name.starts_with(OLD_TEMP_PREFIX) && name.ends_with(files::TEMP_SUFFIX)
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}
