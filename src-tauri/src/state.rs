//! The app's services, handed to commands through `tauri::State` (no globals).

use premiers_pas_core::journal::Journal;

use crate::config::AppConfig;

/// Everything the commands share for the life of the app.
#[derive(Debug)]
pub struct AppState {
    /// How the app was launched.
    pub config: AppConfig,
    /// What the app looked at this session, for the transparency panel.
    pub journal: Journal,
}

impl AppState {
    pub fn new(config: AppConfig) -> Self {
        Self { config, journal: Journal::new() }
    }
}
