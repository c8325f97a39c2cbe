//! The packs a workshop can choose from. A journey's own pack, in full, comes with `start_session`.

use premiers_pas_core::session::{self, PackSummary};
use premiers_pas_core::Lang;
use tauri::State;

use crate::state::AppState;

/// Every pack, for the workshop's pack chooser.
#[tauri::command]
pub fn list_packs(state: State<'_, AppState>, lang: Lang) -> Vec<PackSummary> {
    session::pack_summaries(&state.library, lang)
}
