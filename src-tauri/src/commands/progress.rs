//! The journey: choosing a mode and a pack, answering for the steps only the person can check, and
//! forgetting a stand's visitor.

use premiers_pas_core::checklist::{Answer, Pack, StepResult};
use premiers_pas_core::session::{AuditView, Mode, Session, SessionView, DEFAULT_PACK};
use premiers_pas_core::{IpcError, Lang};
use serde::{Deserialize, Serialize};
use tauri::State;
use ts_rs::TS;

use crate::error::{ipc, ShellError};
use crate::state::AppState;

/// What starting a journey answers: the session, its pack, and (when asked) its first audit, so that a
/// launch waits for one answer rather than three.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SessionStart {
    #[serde(flatten)]
    #[ts(flatten)]
    pub session: SessionView,
    pub pack: Pack,
    /// The first audit, when `audit` named a language for it.
    pub audit: Option<AuditView>,
}

/// Starts (or restarts) the journey in `mode` with `pack` (default: `--pack`, else the default pack) and,
/// with `audit`, runs the first audit in that language. At home it loads saved progress, which one window
/// at a time may own (`progress.in_use` in a second one); elsewhere nothing is read or written.
#[tauri::command]
pub async fn start_session(
    state: State<'_, AppState>,
    mode: Mode,
    pack: Option<String>,
    audit: Option<Lang>,
) -> Result<SessionStart, IpcError> {
    if state.config.mode == Some(Mode::Stand) && mode != Mode::Stand {
        return Err(ipc(ShellError::ModeLocked));
    }
    let pack = pack.or_else(|| state.config.pack.clone()).unwrap_or_else(|| DEFAULT_PACK.to_owned());
    let (library, target, data_dir, journal) =
        (state.library(), state.config.audit_target(), state.data_dir.clone(), state.journal.clone());
    // Loading progress and the first audit read files: on a blocking thread, like every session command.
    let start = state
        .with_session_slot(move |slot| {
            // A journey at home being replaced by another goes first: it holds the data folder's progress
            // lock, which the new one needs. Any other stays until the new one has started, so a start that
            // fails (an unknown pack) leaves the person where they were.
            library.pack(&pack).map_err(ipc)?;
            if mode.persists() && slot.as_ref().is_some_and(|s| s.mode().persists()) {
                drop(slot.take());
            }
            let (mut session, view) =
                Session::start(mode, &pack, library, target, &data_dir, journal).map_err(ipc)?;
            let pack = session.pack().map_err(ipc)?.clone();
            let audit = audit.map(|lang| session.run_audit(lang)).transpose().map_err(ipc)?;
            *slot = Some(session);
            Ok(SessionStart { session: view, pack, audit })
        })
        .await?;
    let ephemeral = state.directory.read().await.store.is_ephemeral();
    if ephemeral != (mode == Mode::Stand) {
        state.reset_directory(mode).await?;
    }
    Ok(start)
}

/// Records the person's answer for a step ("done", "not yet", or `null` to take it back) and returns the
/// pack judged again.
#[tauri::command]
pub async fn set_answer(
    state: State<'_, AppState>,
    step: String,
    answer: Option<Answer>,
    lang: Lang,
) -> Result<Vec<StepResult>, IpcError> {
    state.with_session(move |s| s.set_answer(&step, answer, lang).map_err(ipc)).await
}

/// A stand's "next visitor": forgets the answers, the audit, the journal and any directory refreshed or
/// imported during the visit. Refused at home. A refresh the last visitor started is stopped first (the
/// next one should not wait for it, and at a stand its result would be dropped anyway), and has ended
/// before the journal is cleared, so none of its requests shows up in the next visitor's.
#[tauri::command]
pub async fn next_visitor(state: State<'_, AppState>) -> Result<(), IpcError> {
    if !state.with_session(|s| Ok(s.mode().persists())).await? {
        state.stop_refresh_and_wait().await;
    }
    let mode = state
        .with_session(|s| {
            s.next_visitor().map_err(ipc)?;
            Ok(s.mode())
        })
        .await?;
    if mode == Mode::Stand {
        state.reset_directory(mode).await?;
    }
    Ok(())
}
