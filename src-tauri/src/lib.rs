//! # Premiers Pas — the desktop shell
//!
//! A thin adapter between the webview and `premiers_pas_core`: it parses the launch options, holds the
//! app's services in [`tauri::State`], and exposes one small command per action in `commands/`. It makes
//! no decision of its own: whatever the UI can do, the core does, and the CLI can show.
//!
//! Security posture: a strict CSP (see `tauri.conf.json`), a capability that grants only the app's own
//! commands, and a navigation guard that keeps the webview on the bundled UI.

pub mod commands;
pub mod config;
mod navigation;
pub mod state;

use tauri::Runtime;

pub use config::AppConfig;
pub use state::AppState;

/// The app's builder, shared by [`run`] and the tests (which pass `tauri::test::mock_builder()`).
pub fn builder<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder
        .plugin(navigation::guard())
        .manage(state)
        .invoke_handler(tauri::generate_handler![commands::system::system_info, commands::system::app_config])
}

/// Runs the app until its window closes.
pub fn run(config: AppConfig) -> Result<(), tauri::Error> {
    let state = AppState::new(config);
    builder(tauri::Builder::default(), state).run(tauri::generate_context!())
}
