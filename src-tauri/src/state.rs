//! The app's services, handed to commands through `tauri::State` (no globals).
//!
//! The session (mode, pack, answers, last audit) sits behind a plain mutex: its work is short and never
//! waits on the network. The directory store sits behind an async lock, taken only briefly: a refresh
//! crawls without holding it and installs its result at the end. At a stand the store lives in memory,
//! seeded from the data folder's saved directory (read, never written).

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use premiers_pas_core::checklist::{ChecklistError, Library};
use premiers_pas_core::directory::DirectoryStore;
use premiers_pas_core::journal::Journal;
use premiers_pas_core::session::{Mode, Session};
use tauri::async_runtime::RwLock;

use crate::config::AppConfig;
use crate::error::ShellError;

/// The directory store and which one it is.
#[derive(Debug)]
pub struct DirectoryState {
    pub store: DirectoryStore,
    /// Changes each time the store is swapped (stand ↔ elsewhere, next visitor): a refresh that started
    /// on an older store drops its result instead of saving it where it does not belong.
    pub generation: u64,
}

/// Everything the commands share for the life of the app.
#[derive(Debug)]
pub struct AppState {
    /// How the app was launched.
    pub config: AppConfig,
    /// The data folder (resolved once).
    pub data_dir: PathBuf,
    /// What the app looked at this session, for the transparency panel.
    pub journal: Journal,
    /// The checklists and reference data, loaded once.
    pub library: Arc<Library>,
    /// The current journey, once the person chose a mode.
    pub session: Mutex<Option<Session>>,
    pub directory: RwLock<DirectoryState>,
}

impl AppState {
    /// Loads the built-in checklists and opens the directory store the launch mode calls for.
    pub fn new(config: AppConfig) -> Result<Self, ChecklistError> {
        let library = Arc::new(Library::builtin()?);
        let data_dir = config.resolved_data_dir();
        let journal = Journal::new();
        let store = directory_store(config.mode.unwrap_or(Mode::Home), &data_dir, &journal);
        Ok(Self {
            config,
            data_dir,
            journal,
            library,
            session: Mutex::new(None),
            directory: RwLock::new(DirectoryState { store, generation: 0 }),
        })
    }

    /// The session lock (a panic elsewhere does not lose the person's answers).
    pub fn session(&self) -> MutexGuard<'_, Option<Session>> {
        self.session.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `f` on the current session.
    pub fn with_session<T>(
        &self,
        f: impl FnOnce(&mut Session) -> Result<T, premiers_pas_core::IpcError>,
    ) -> Result<T, premiers_pas_core::IpcError> {
        let mut guard = self.session();
        let session = guard.as_mut().ok_or_else(|| crate::error::ipc(ShellError::NotStarted))?;
        f(session)
    }

    /// Is this a stand, by launch option or by the journey chosen?
    pub fn at_stand(&self) -> bool {
        self.config.mode == Some(Mode::Stand)
            || self.session().as_ref().is_some_and(|s| s.mode() == Mode::Stand)
    }

    /// Refuses what a visitor must not do at a stand (open the laptop's files through a dialog).
    pub fn refuse_at_stand(&self) -> Result<(), premiers_pas_core::IpcError> {
        if self.at_stand() {
            return Err(crate::error::ipc(ShellError::NotAtStand));
        }
        Ok(())
    }

    /// Swaps in a fresh directory store for `mode` (stand: memory only, seeded from the data folder).
    pub async fn reset_directory(&self, mode: Mode) {
        let store = directory_store(mode, &self.data_dir, &self.journal);
        let mut dir = self.directory.write().await;
        dir.store = store;
        dir.generation += 1;
    }
}

/// The directory store for a mode: a stand never writes to the data folder.
pub fn directory_store(mode: Mode, data_dir: &std::path::Path, journal: &Journal) -> DirectoryStore {
    match mode {
        Mode::Stand => DirectoryStore::ephemeral_from(data_dir, journal),
        Mode::Home | Mode::Workshop => DirectoryStore::open(data_dir),
    }
}
