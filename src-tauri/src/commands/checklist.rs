//! The checklist packs, as content for the views (and handouts, which the UI draws from them).

use premiers_pas_core::checklist::Pack;
use premiers_pas_core::session::{self, PackSummary};
use premiers_pas_core::{IpcError, Lang};
use tauri::State;

use crate::error::ipc;
use crate::state::AppState;

/// Every pack, for the workshop's pack chooser.
#[tauri::command]
pub fn list_packs(state: State<'_, AppState>, lang: Lang) -> Vec<PackSummary> {
    session::pack_summaries(&state.library, lang)
}

/// One pack in full (every language, every platform), for the step pages and the presentation view.
#[tauri::command]
pub fn get_pack(state: State<'_, AppState>, id: String) -> Result<Pack, IpcError> {
    state.library.pack(&id).cloned().map_err(ipc)
}
