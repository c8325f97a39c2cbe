//! The journey: choosing a mode and a pack, answering for the steps only the person can check, and
//! forgetting a stand's visitor.

use premiers_pas_core::checklist::{Answer, StepResult};
use premiers_pas_core::session::{Mode, Session, SessionView, DEFAULT_PACK};
use premiers_pas_core::{IpcError, Lang};
use tauri::State;

use crate::error::{ipc, ShellError};
use crate::state::AppState;

/// Starts (or restarts) the journey in `mode` with `pack` (default: `--pack`, else the default pack).
/// At home it loads saved progress; elsewhere nothing is read or written.
#[tauri::command]
pub async fn start_session(
    state: State<'_, AppState>,
    mode: Mode,
    pack: Option<String>,
) -> Result<SessionView, IpcError> {
    if state.config.mode == Some(Mode::Stand) && mode != Mode::Stand {
        return Err(ipc(ShellError::ModeLocked));
    }
    let pack = pack.or_else(|| state.config.pack.clone()).unwrap_or_else(|| DEFAULT_PACK.to_owned());
    let (session, view) = Session::start(
        mode,
        &pack,
        state.library.clone(),
        state.config.audit_target(),
        &state.data_dir,
        state.journal.clone(),
    )
    .map_err(ipc)?;
    *state.session() = Some(session);
    let ephemeral = state.directory.read().await.store.is_ephemeral();
    if ephemeral != (mode == Mode::Stand) {
        state.reset_directory(mode).await;
    }
    Ok(view)
}

/// Records the person's answer for a step ("done", "not yet", or `null` to take it back) and returns the
/// pack judged again.
#[tauri::command(async)]
pub fn set_answer(
    state: State<'_, AppState>,
    step: String,
    answer: Option<Answer>,
    lang: Lang,
) -> Result<Vec<StepResult>, IpcError> {
    state.with_session(|s| s.set_answer(&step, answer, lang).map_err(ipc))
}

/// A stand's "next visitor": forgets the answers, the audit, the journal and any directory refreshed or
/// imported during the visit. Refused at home.
#[tauri::command]
pub async fn next_visitor(state: State<'_, AppState>) -> Result<(), IpcError> {
    let mode = state.with_session(|s| {
        s.next_visitor().map_err(ipc)?;
        Ok(s.mode())
    })?;
    if mode == Mode::Stand {
        state.reset_directory(mode).await;
    }
    Ok(())
}
