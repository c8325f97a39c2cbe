//! A throwaway user for each app a test starts.
//!
//! The app and its web view keep things in the user's folders: WebKit its storage and caches, the app its
//! data folder when no `--data-dir` is given. Run in the real ones, a test would read what the person
//! running it left there (a saved visit changes the welcome screen) and leave its own things behind. So
//! every app a test starts gets a home of its own, empty, with its XDG folders inside, gone after the test.
//! The runtime folder stays the session's: the display and the session bus may live there.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

/// An empty home folder, removed when dropped.
#[derive(Debug)]
pub struct User {
    home: tempfile::TempDir,
}

impl User {
    /// A new, empty home.
    pub fn new() -> Result<User> {
        let home =
            tempfile::Builder::new().prefix("premiers-pas-e2e-home-").tempdir().context("creating a home")?;
        Ok(User { home })
    }

    /// The home folder.
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// The user's folders, by the environment variable that names each, all inside this home.
    fn folders(&self) -> Vec<(&'static str, PathBuf)> {
        let home = self.home();
        vec![
            ("HOME", home.to_owned()),
            ("XDG_CONFIG_HOME", home.join(".config")),
            ("XDG_DATA_HOME", home.join(".local/share")),
            ("XDG_STATE_HOME", home.join(".local/state")),
            ("XDG_CACHE_HOME", home.join(".cache")),
        ]
    }

    /// Makes `command` run as this user: its folders, and no data folder said by the environment.
    pub fn apply<'c>(&self, command: &'c mut Command) -> &'c mut Command {
        for (name, path) in self.folders() {
            command.env(name, path);
        }
        command.env_remove("PREMIERS_PAS_DATA_DIR")
    }
}
