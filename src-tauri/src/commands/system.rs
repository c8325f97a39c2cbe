//! What kind of computer this is, and how the app was launched.

use premiers_pas_core::SystemInfo;
use tauri::State;

use crate::config::AppConfig;
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
