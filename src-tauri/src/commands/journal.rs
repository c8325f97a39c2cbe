//! The transparency panel: every file read and every request made this session.

use premiers_pas_core::journal::JournalEntry;
use tauri::State;

use crate::state::AppState;

/// Everything recorded so far, oldest first.
#[tauri::command]
pub fn journal(state: State<'_, AppState>) -> Vec<JournalEntry> {
    state.journal.entries()
}
