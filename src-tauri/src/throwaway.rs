//! A stand's throwaway web-data folder.
//!
//! A stand keeps nothing, and its webview is incognito. But Tauri still gives the webview's web context a
//! data folder (the app's folder under the user's data folder by default), and WebKitGTK writes into it
//! even for an incognito view: salts for storage and media keys, an HSTS cache, a cache folder. For a
//! stand that folder is a throwaway one instead, in the session's runtime folder (`XDG_RUNTIME_DIR`,
//! memory-backed where systemd provides it; the temporary folder otherwise), named after the process and
//! removed when the app exits. A folder left by a stand that was killed is swept at the next start.
//!
//! The libraries under the webview write caches of their own in the user's cache folder: compiled GPU
//! shaders (Mesa), the GStreamer plugin registry, font caches. They hold nothing of a visitor, but a stand
//! writes nothing to disk, so on Linux and the BSDs the stand's cache folder (`XDG_CACHE_HOME`) is a folder
//! inside the throwaway one ([`Throwaway::hold_caches`]).
//!
//! It does not try to stop WebKit from writing: it decides where, and makes sure it does not stay.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

const PREFIX: &str = "premiers-pas-stand-";

/// A folder that exists for the life of the process.
#[derive(Debug)]
pub struct Throwaway {
    path: PathBuf,
}

impl Throwaway {
    /// Creates this process's folder in the runtime folder (first sweeping those of dead stands).
    pub fn create() -> io::Result<Self> {
        Self::create_in(&parent())
    }

    /// Creates this process's folder in `parent`, private to the user.
    pub fn create_in(parent: &Path) -> io::Result<Self> {
        sweep(parent);
        let path = parent.join(format!("{PREFIX}{}", std::process::id()));
        if path.exists() {
            // Only a process with the same id can have made it: a dead one, whose pid came round again.
            fs::remove_dir_all(&path)?;
        }
        let mut builder = fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&path)?;
        Ok(Self { path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes this folder's `cache` the cache folder (`XDG_CACHE_HOME`) of this process and of those it
    /// starts (the web view's), on the systems that follow the XDG convention. To be called before any
    /// thread starts: the environment is the whole process's.
    pub fn hold_caches(&self) -> io::Result<()> {
        if cfg!(all(unix, not(target_os = "macos"))) {
            let cache = self.path.join("cache");
            fs::create_dir(&cache)?;
            std::env::set_var("XDG_CACHE_HOME", cache);
        }
        Ok(())
    }

    /// Removes the folder and everything WebKit put in it.
    pub fn remove(&self) -> io::Result<()> {
        match fs::remove_dir_all(&self.path) {
            Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
            _ => Ok(()),
        }
    }
}

/// An early return (a start-up error) removes it too. A normal exit does not run destructors (the event
/// loop ends the process), hence the explicit [`Throwaway::remove`] on exit.
impl Drop for Throwaway {
    fn drop(&mut self) {
        let _ = self.remove();
    }
}

/// `XDG_RUNTIME_DIR` when it is set to an existing folder, else the temporary folder.
fn parent() -> PathBuf {
    std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute() && dir.is_dir())
        .unwrap_or_else(std::env::temp_dir)
}

/// Removes the folders of stands that are no longer running. Best effort: a folder that cannot be removed
/// is left for the next start (or the end of the session, for a runtime folder).
fn sweep(parent: &Path) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) =
            name.to_str().and_then(|n| n.strip_prefix(PREFIX)).and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !is_running(pid) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether a process with this id exists. Without a way to tell, it answers yes: nothing is swept.
fn is_running(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lives_in_its_parent_and_goes_away() {
        let parent = tempfile::tempdir().unwrap();
        let scratch = Throwaway::create_in(parent.path()).unwrap();
        assert_eq!(scratch.path().parent(), Some(parent.path()));
        fs::write(scratch.path().join("salt"), b"12345678").unwrap();
        scratch.remove().unwrap();
        assert!(!scratch.path().exists());
        // Twice is fine: the app may exit after it was already removed.
        scratch.remove().unwrap();
    }

    #[test]
    fn dropped_it_goes_away() {
        let parent = tempfile::tempdir().unwrap();
        let path = Throwaway::create_in(parent.path()).unwrap().path().to_owned();
        assert!(!path.exists());
    }

    #[cfg(unix)]
    #[test]
    fn is_private_to_the_user() {
        use std::os::unix::fs::PermissionsExt;
        let parent = tempfile::tempdir().unwrap();
        let scratch = Throwaway::create_in(parent.path()).unwrap();
        let mode = fs::metadata(scratch.path()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn sweeps_only_the_folders_of_dead_stands() {
        let parent = tempfile::tempdir().unwrap();
        // A process that has exited: its pid is free (and would only come back after a full cycle).
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let dead_dir = parent.path().join(format!("{PREFIX}{dead}"));
        fs::create_dir(&dead_dir).unwrap();
        fs::write(dead_dir.join("hsts-storage.sqlite"), b"x").unwrap();
        // A running process (pid 1 always runs), a name that is not ours, and a malformed one.
        let alive = parent.path().join(format!("{PREFIX}1"));
        let other = parent.path().join("someone-else-42");
        let odd = parent.path().join(format!("{PREFIX}not-a-pid"));
        for dir in [&alive, &other, &odd] {
            fs::create_dir(dir).unwrap();
        }

        let scratch = Throwaway::create_in(parent.path()).unwrap();

        assert!(!dead_dir.exists(), "a dead stand's folder is swept");
        for dir in [&alive, &other, &odd] {
            assert!(dir.exists(), "{} is kept", dir.display());
        }
        assert!(scratch.path().exists());
    }
}
