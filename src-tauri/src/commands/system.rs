//! What kind of computer this is, and how the app was launched.

use premiers_pas_core::{IpcError, SystemInfo};
use tauri::{Runtime, State, WebviewWindow};

use crate::config::AppConfig;
use crate::error::{ipc, ShellError};
use crate::state::AppState;

/// Describes the running computer (shown on the welcome screen; picks the default language).
#[tauri::command]
pub fn system_info() -> SystemInfo {
    premiers_pas_core::system_info()
}

/// The launch options (mode, language…), so the UI starts where the volunteer asked.
#[tauri::command]
pub fn app_config(state: State<'_, AppState>) -> AppConfig {
    state.config.clone()
}

/// Full screen on or off: for a stand, and for a workshop's presentation view on a projector. (The webview
/// is granted no window permission; this command is the only way.)
#[tauri::command]
pub fn set_fullscreen<R: Runtime>(window: WebviewWindow<R>, on: bool) -> Result<(), IpcError> {
    window.set_fullscreen(on).map_err(|e| ipc(ShellError::Window(e.to_string())))
}
