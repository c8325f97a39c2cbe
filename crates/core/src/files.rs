//! Writing a file so that a failure never leaves half of one: the one way Premiers Pas writes its own
//! files (saved progress, the offline directory) and the files a person chooses (a report, a directory
//! export). And reading one of those back, or a file a person hands over, without ever waiting on a FIFO
//! or holding more than a set size: [`read_regular`].
//!
//! The bytes go to a temporary file in the target's folder, which is synced and then renamed over the
//! target; the folder is synced too, so the rename itself survives a power cut. Until the rename, the
//! previous file is untouched; after a failure the temporary file is removed.
//!
//! Permissions: a file that is replaced keeps its permissions (a report saved over a shared one stays
//! shared). A new file is either [`NewFile::Private`] (readable by its owner only, for the person's saved
//! progress) or [`NewFile::Default`] (what any program's new file gets, as with `std::fs::write`).

use std::fs;
use std::io::{self, Read, Write};
use std::path::Path;

/// The start of the temporary files' names (hidden on Unix).
pub const TEMP_PREFIX: &str = ".premiers-pas-";
/// The end of the temporary files' names.
pub const TEMP_SUFFIX: &str = ".tmp";

/// Who may read a file that did not exist yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewFile {
    /// Its owner only.
    Private,
    /// The system's default for new files (the umask decides).
    Default,
}

/// Writes `bytes` to `path` atomically: see the module documentation.
pub fn write_atomic(path: &Path, bytes: &[u8], new_file: NewFile) -> io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let existing = fs::metadata(path).ok().filter(fs::Metadata::is_file).map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    if existing.is_none() && new_file == NewFile::Default {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    #[cfg(not(unix))]
    let _ = new_file;
    let mut tmp = builder.tempfile_in(dir)?;
    #[cfg(unix)]
    if let Some(permissions) = existing {
        tmp.as_file().set_permissions(permissions)?;
    }
    #[cfg(not(unix))]
    let _ = existing;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Why [`read_regular`] gave no bytes.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be opened or read (missing, permission denied, a link loop…).
    Io(io::Error),
    /// A folder, a FIFO, a device: not a file to read. It was not opened (opening a FIFO waits for a
    /// writer, for ever).
    NotAFile,
    /// Larger than the limit: `bytes` is its size, or what had been read when the limit was passed.
    TooLarge { bytes: u64 },
}

impl ReadError {
    /// The same as an I/O error, for a caller that reports every failure to read alike.
    pub fn into_io(self) -> io::Error {
        match self {
            ReadError::Io(e) => e,
            ReadError::NotAFile => io::Error::new(io::ErrorKind::InvalidInput, "not a regular file"),
            ReadError::TooLarge { bytes } => {
                io::Error::new(io::ErrorKind::InvalidData, format!("too large ({bytes} bytes)"))
            }
        }
    }
}

/// Reads a whole regular file of at most `max_bytes`. Anything else is refused before it is opened, and
/// a file larger than the limit before it is read; one that grows while it is read stops at the limit.
pub fn read_regular(path: &Path, max_bytes: u64) -> Result<Vec<u8>, ReadError> {
    if !fs::metadata(path).map_err(ReadError::Io)?.is_file() {
        return Err(ReadError::NotAFile);
    }
    // The path may have changed since: what counts is the file actually opened. Opening never waits (a
    // named pipe put in its place would wait for a writer), and it is checked again once open.
    let file = open_without_waiting(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > max_bytes {
        return Err(ReadError::TooLarge { bytes: meta.len() });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(ReadError::TooLarge { bytes: bytes.len() as u64 });
    }
    Ok(bytes)
}

#[cfg(unix)]
fn open_without_waiting(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // No effect on a regular file; a FIFO opens at once instead of waiting for a writer.
    fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> io::Result<fs::File> {
    fs::File::open(path)
}

/// Is this file name one of [`write_atomic`]'s temporary files (left behind by a crash)?
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

/// Whether an error is "too many levels of symbolic links": a loop of links, which no retry will read.
pub fn is_link_loop(e: &io::Error) -> bool {
    #[cfg(unix)]
    return e.raw_os_error() == Some(libc::ELOOP);
    #[cfg(not(unix))]
    return false;
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    // Windows cannot open a folder as a file; its rename (MoveFileEx) is already durable enough here.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_a_new_file_and_leaves_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        write_atomic(&path, b"<html>", NewFile::Default).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"<html>");
        assert_eq!(names(dir.path()), ["report.html"]);
    }

    #[test]
    fn replaces_by_renaming_never_by_writing_into_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        fs::write(&path, "old report").unwrap();
        // A second name for the old file: written in place, it would change too.
        let other_name = dir.path().join("old-name.md");
        fs::hard_link(&path, &other_name).unwrap();
        write_atomic(&path, b"new report", NewFile::Default).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new report");
        assert_eq!(fs::read_to_string(&other_name).unwrap(), "old report");
        assert_eq!(names(dir.path()), ["old-name.md", "report.md"]);
    }

    #[test]
    fn a_failure_keeps_what_was_there_and_leaves_no_temporary_file() {
        // A folder where the file should go: renaming over it fails, also for root.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("kept.txt"), "kept").unwrap();
        assert!(write_atomic(&path, b"{}", NewFile::Private).is_err());
        assert_eq!(fs::read_to_string(path.join("kept.txt")).unwrap(), "kept");
        assert_eq!(names(dir.path()), ["progress.json"]);

        // A folder that is a file: nothing can be created in it.
        let file = dir.path().join("plain");
        fs::write(&file, "plain").unwrap();
        assert!(write_atomic(&file.join("report.html"), b"x", NewFile::Default).is_err());
        assert_eq!(fs::read_to_string(&file).unwrap(), "plain");
        assert_eq!(names(dir.path()), ["plain", "progress.json"]);
    }

    #[test]
    fn reading_takes_regular_files_up_to_the_limit_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        fs::write(&path, b"{}").unwrap();
        assert_eq!(read_regular(&path, 2).unwrap(), b"{}");
        assert!(matches!(read_regular(&path, 1), Err(ReadError::TooLarge { bytes: 2 })));
        // Sparse: a gigabyte on paper, refused by its size without a byte read.
        let huge = dir.path().join("huge.json");
        fs::File::create(&huge).unwrap().set_len(1 << 30).unwrap();
        assert!(matches!(read_regular(&huge, 1024), Err(ReadError::TooLarge { bytes: 1_073_741_824 })));
        assert!(matches!(read_regular(dir.path(), 1024), Err(ReadError::NotAFile)));
        let missing = read_regular(&dir.path().join("absent"), 1024).unwrap_err().into_io();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
        assert_eq!(ReadError::NotAFile.into_io().to_string(), "not a regular file");
    }

    /// A named pipe swapped in after the path was checked: opening it does not wait for a writer, and the
    /// open file is seen for what it is.
    #[cfg(unix)]
    #[test]
    fn a_named_pipe_opens_without_waiting_and_is_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("progress.json");
        if !std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
            return; // no mkfifo here: nothing to try
        }
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let opened = open_without_waiting(&fifo).map(|f| f.metadata().map(|m| m.is_file()));
            let _ = tx.send(opened.map_err(|e| e.to_string()).map(|m| m.ok()));
        });
        let opened = rx.recv_timeout(std::time::Duration::from_secs(30)).expect("opening the pipe waited");
        assert_eq!(opened, Ok(Some(false)));
    }

    #[test]
    fn temporary_names_are_recognised() {
        assert!(is_temp_name(".premiers-pas-a1B2c3.tmp"));
        assert!(!is_temp_name("progress.json"));
        assert!(!is_temp_name(".premiers-pas-a1B2c3"));
    }

    #[cfg(unix)]
    #[test]
    fn permissions_private_default_and_kept() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;

        let private = dir.path().join("private");
        write_atomic(&private, b"x", NewFile::Private).unwrap();
        assert_eq!(mode(&private), 0o600);

        // A new default file gets what `std::fs::write` gives (the umask decides).
        let reference = dir.path().join("reference");
        fs::write(&reference, b"x").unwrap();
        let default = dir.path().join("default");
        write_atomic(&default, b"x", NewFile::Default).unwrap();
        assert_eq!(mode(&default), mode(&reference));

        // A replaced file keeps its own, whatever is asked for new ones.
        let shared = dir.path().join("shared");
        fs::write(&shared, b"old").unwrap();
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o644)).unwrap();
        write_atomic(&shared, b"new", NewFile::Private).unwrap();
        assert_eq!(mode(&shared), 0o644);
        fs::set_permissions(&private, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&private, b"y", NewFile::Default).unwrap();
        assert_eq!(mode(&private), 0o640);
    }
}
