//! The audit: what this computer (or the `--home` folder) has, judged against the session's pack.

use premiers_pas_core::checklist::StepResult;
use premiers_pas_core::session::AuditView;
use premiers_pas_core::{IpcError, Lang};
use tauri::State;

use crate::error::ipc;
use crate::state::AppState;

/// Runs detection and judges the pack; at home also tells what changed since the last visit. (Like every
/// command that takes the session, it runs on a blocking thread: see `AppState::with_session`.)
#[tauri::command]
pub async fn run_audit(state: State<'_, AppState>, lang: Lang) -> Result<AuditView, IpcError> {
    state.with_session(move |s| s.run_audit(lang).map_err(ipc)).await
}

/// The pack judged again against the last audit (after a language switch), without reading anything.
#[tauri::command]
pub async fn step_results(state: State<'_, AppState>, lang: Lang) -> Result<Vec<StepResult>, IpcError> {
    state.with_session(move |s| s.results(lang).map_err(ipc)).await
}
