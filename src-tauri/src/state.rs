//! The app's services, handed to commands through `tauri::State` (no globals).
//!
//! The session (mode, pack, answers, last audit) sits behind a plain mutex: its work never waits on the
//! network, but an audit reads files and may wait for a helper program (`xdg-settings`, a few seconds at
//! worst), so the session is only ever locked on a blocking thread ([`AppState::with_session`]), never on
//! the async runtime's few worker threads, which the other commands (search, a refresh's progress) need.
//! The directory store sits behind an async lock, taken only briefly: a refresh crawls without holding
//! it and installs its result at the end; what reads or writes files runs on a blocking thread too
//! ([`AppState::with_directory`]). At a stand the store lives in memory, seeded from the data folder's
//! saved directory (read, never written).
//!
//! The running refresh's stop token is kept here too, in the slot that allows one refresh at a time: the
//! person (or the next visitor) can stop it from another command while it runs.
//!
//! The checklists can change while the app runs: a volunteer adds or removes a pack of their own. The
//! library is swapped whole behind a lock; a session keeps the library it started with, so a journey never
//! sees a pack change under it.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock as StdRwLock};
use std::time::Duration;

use premiers_pas_core::checklist::{ChecklistError, LeftOutPack, Library};
use premiers_pas_core::directory::{CancellationToken, DirectoryStore};
use premiers_pas_core::journal::Journal;
use premiers_pas_core::session::{Mode, Session};
use premiers_pas_core::IpcError;
use tauri::async_runtime::RwLock;

use crate::config::AppConfig;
use crate::error::{ipc, ShellError};

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
    /// The checklists and reference data: the built-in ones and the volunteer's own packs.
    packs: Arc<StdRwLock<Packs>>,
    /// Held while the own packs change: one change at a time, without keeping readers of `packs` waiting.
    changing_packs: Arc<Mutex<()>>,
    /// The current journey, once the person chose a mode. Locked on blocking threads only.
    pub session: Arc<Mutex<Option<Session>>>,
    pub directory: Arc<RwLock<DirectoryState>>,
    /// The running directory refresh, if one runs: one at a time.
    refreshing: Mutex<Option<RefreshSlot>>,
}

/// The running refresh, as other commands see it.
#[derive(Debug)]
struct RefreshSlot {
    /// Stops it.
    cancel: CancellationToken,
    /// Cancelled when it has ended (its slot free again): something to wait for.
    ended: CancellationToken,
}

/// The library in use, and the own pack files left out of it.
#[derive(Debug, Clone)]
pub struct Packs {
    pub library: Arc<Library>,
    pub left_out: Vec<LeftOutPack>,
}

/// Held while a directory refresh runs; lets the next one start when dropped (even on an error).
#[derive(Debug)]
pub struct Refreshing<'a> {
    slot: &'a Mutex<Option<RefreshSlot>>,
    ended: CancellationToken,
    /// Cancelled when the person stops the refresh.
    pub cancel: CancellationToken,
}

impl Drop for Refreshing<'_> {
    fn drop(&mut self) {
        *lock(self.slot) = None;
        self.ended.cancel();
    }
}

/// Longest wait for a stopped refresh to end: it drops its requests at once, so this is only a guard.
const STOP_WAIT: Duration = Duration::from_secs(5);

impl AppState {
    /// Loads the built-in checklists and the volunteer's own packs (read in every mode, a stand's
    /// included), and opens the directory store the launch mode calls for.
    pub fn new(config: AppConfig) -> Result<Self, ChecklistError> {
        let data_dir = config.resolved_data_dir();
        let journal = Journal::new();
        let (library, left_out) = Library::with_own_packs(&data_dir)?;
        journal_packs(&journal, &library, &left_out);
        let store = directory_store(config.mode.unwrap_or(Mode::Home), &data_dir, &journal);
        Ok(Self {
            config,
            data_dir,
            journal,
            packs: Arc::new(StdRwLock::new(Packs { library: Arc::new(library), left_out })),
            changing_packs: Arc::default(),
            session: Arc::new(Mutex::new(None)),
            directory: Arc::new(RwLock::new(DirectoryState { store, generation: 0 })),
            refreshing: Mutex::new(None),
        })
    }

    /// The library in use now (a session keeps the one it started with).
    pub fn library(&self) -> Arc<Library> {
        Arc::clone(&self.packs().library)
    }

    /// The library in use and the own pack files left out of it.
    pub fn packs(&self) -> Packs {
        self.packs.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Changes the own packs with `change` (given the library in use), then reads them again from the
    /// data folder and puts the new library in place; on a blocking thread, as it writes or deletes
    /// files. One change at a time; the library's own lock is taken only to swap it, so the commands that
    /// read it (the pack list, the categories) never wait on a slow disk.
    pub async fn change_own_packs<T: Send + 'static>(
        &self,
        change: impl FnOnce(&Library) -> Result<T, IpcError> + Send + 'static,
    ) -> Result<T, IpcError> {
        let (packs, changing, data_dir, journal) = (
            Arc::clone(&self.packs),
            Arc::clone(&self.changing_packs),
            self.data_dir.clone(),
            self.journal.clone(),
        );
        blocking(move || {
            let _one_at_a_time = lock(&changing);
            let current = Arc::clone(&packs.read().unwrap_or_else(PoisonError::into_inner).library);
            let result = change(&current);
            // Read again even after a failure: the folder is the truth, whatever happened half-way.
            let (library, left_out) = current.reloaded_own(&data_dir);
            journal_packs(&journal, &library, &left_out);
            *packs.write().unwrap_or_else(PoisonError::into_inner) =
                Packs { library: Arc::new(library), left_out };
            result
        })
        .await?
    }

    /// The right to refresh the directory, with the token that stops it, unless a refresh is running
    /// already.
    pub fn start_refresh(&self) -> Result<Refreshing<'_>, IpcError> {
        let mut slot = lock(&self.refreshing);
        if slot.is_some() {
            return Err(ipc(ShellError::RefreshRunning));
        }
        let (cancel, ended) = (CancellationToken::new(), CancellationToken::new());
        *slot = Some(RefreshSlot { cancel: cancel.clone(), ended: ended.clone() });
        Ok(Refreshing { slot: &self.refreshing, ended, cancel })
    }

    /// Stops the running refresh, if any; whether one was running. It ends promptly and frees its slot
    /// as it returns.
    pub fn cancel_refresh(&self) -> bool {
        self.stop_refresh().is_some()
    }

    /// Stops the running refresh, if any, and waits until it has ended: nothing of it (a journal entry,
    /// a result) comes after this returns.
    pub async fn stop_refresh_and_wait(&self) {
        if let Some(ended) = self.stop_refresh() {
            let _ = tokio::time::timeout(STOP_WAIT, ended.cancelled()).await;
        }
    }

    /// Stops the running refresh, if any; what tells when it has ended.
    fn stop_refresh(&self) -> Option<CancellationToken> {
        lock(&self.refreshing).as_ref().map(|running| {
            running.cancel.cancel();
            running.ended.clone()
        })
    }

    /// Runs `f` with the session slot locked (`None` before the person chose a mode), on a blocking
    /// thread: see the module documentation.
    pub async fn with_session_slot<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Option<Session>) -> Result<T, IpcError> + Send + 'static,
    ) -> Result<T, IpcError> {
        let session = Arc::clone(&self.session);
        blocking(move || f(&mut lock(&session))).await?
    }

    /// Is this a stand, by launch option or by the journey chosen?
    pub async fn at_stand(&self) -> Result<bool, IpcError> {
        if self.config.mode == Some(Mode::Stand) {
            return Ok(true);
        }
        self.with_session_slot(|slot| Ok(slot.as_ref().is_some_and(|s| s.mode() == Mode::Stand))).await
    }

    /// Refuses what a visitor must not do at a stand: open the laptop's files through a dialog, or its
    /// browser.
    pub async fn refuse_at_stand(&self) -> Result<(), IpcError> {
        if self.at_stand().await? {
            return Err(ipc(ShellError::NotAtStand));
        }
        Ok(())
    }

    /// Runs `f` on the current session, on a blocking thread.
    pub async fn with_session<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Session) -> Result<T, IpcError> + Send + 'static,
    ) -> Result<T, IpcError> {
        self.with_session_slot(|slot| f(slot.as_mut().ok_or_else(|| ipc(ShellError::NotStarted))?)).await
    }

    /// Runs `f` on the directory store, locked for writing, on a blocking thread (for what reads or
    /// writes files: an import, an export, saving a refresh).
    pub async fn with_directory<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut DirectoryState) -> T + Send + 'static,
    ) -> Result<T, IpcError> {
        let mut dir = Arc::clone(&self.directory).write_owned().await;
        blocking(move || f(&mut dir)).await
    }

    /// Swaps in a fresh directory store for `mode` (stand: memory only, seeded from the data folder); the
    /// saved directory is read on a blocking thread.
    pub async fn reset_directory(&self, mode: Mode) -> Result<(), IpcError> {
        let (data_dir, journal) = (self.data_dir.clone(), self.journal.clone());
        let store = blocking(move || directory_store(mode, &data_dir, &journal)).await?;
        let mut dir = self.directory.write().await;
        dir.store = store;
        dir.generation += 1;
        Ok(())
    }
}

/// The own pack files read, in the journal of what the app looked at.
fn journal_packs(journal: &Journal, library: &Library, left_out: &[LeftOutPack]) {
    let files = library.own.iter().map(|o| o.file.clone());
    let left = left_out.iter().map(|l| std::path::PathBuf::from(&l.file));
    for file in files.chain(left) {
        let bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        journal.file_read("premiers-pas", &file, bytes, None);
    }
}

/// A lock that a panic elsewhere does not poison (it does not lose the person's answers).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Runs `f` on a thread made for blocking work (file reads and writes, helper programs), so that the
/// async runtime's worker threads stay free for the commands that only wait.
pub async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(f).await.map_err(|e| ipc(ShellError::Task(e.to_string())))
}

/// The directory store for a mode: a stand never writes to the data folder.
pub fn directory_store(mode: Mode, data_dir: &std::path::Path, journal: &Journal) -> DirectoryStore {
    match mode {
        Mode::Stand => DirectoryStore::ephemeral_from(data_dir, journal),
        Mode::Home | Mode::Workshop => DirectoryStore::open(data_dir, journal),
    }
}
