//! The packs a workshop can choose from, the volunteer's own among them. A journey's own pack, in full,
//! comes with `start_session`.
//!
//! A volunteer adds a pack they wrote through the system's open dialog; it is validated and kept by the
//! core (`Library::add_own_pack`). At a stand nothing is added or removed: the visitor holds the mouse,
//! and a stand writes nothing.

use std::path::PathBuf;

use premiers_pas_core::session::{self, PackList};
use premiers_pas_core::{IpcError, Lang};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::dialogs;
use crate::error::ipc;
use crate::state::AppState;

/// What adding a pack did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PackAdded {
    /// The pack's id, now in the list.
    pub id: String,
    /// It took the place of the volunteer's own pack with the same id.
    pub replaced: bool,
}

/// Every pack, for the workshop's pack chooser, and the own pack files left out at launch, each with its
/// problems in `lang` (the chooser asks again when the language changes).
#[tauri::command]
pub fn list_packs(state: State<'_, AppState>, lang: Lang) -> PackList {
    let packs = state.packs();
    PackList {
        packs: session::pack_summaries(&packs.library, lang),
        left_out: packs.left_out.iter().map(|left| left.in_lang(lang)).collect(),
    }
}

/// Asks for a pack file and adds it ([`add_pack_from`]); `null` when the dialog is cancelled. Refused at
/// a stand (`stand.not_allowed`).
#[tauri::command]
pub async fn add_pack<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    lang: Lang,
) -> Result<Option<PackAdded>, IpcError> {
    state.refuse_at_stand().await?;
    let title = dialogs::t(lang, "Ajouter un parcours", "Add a journey");
    let filter = dialogs::t(lang, "Parcours Premiers Pas (TOML)", "Premiers Pas journey (TOML)");
    let Some(path) = dialogs::open_path(&app, title, filter, "toml").await.map_err(ipc)? else {
        return Ok(None);
    };
    add_pack_from(&state, path, lang).await.map(Some)
}

/// Validates the pack file at `path` and keeps it with the volunteer's own packs (replacing their own
/// pack with the same id, if any); the chooser lists it from then on. Refused at a stand. A pack that is
/// not valid is refused with the checker's lines in `lang`, as the command line gives them.
pub async fn add_pack_from(state: &AppState, path: PathBuf, lang: Lang) -> Result<PackAdded, IpcError> {
    state.refuse_at_stand().await?;
    let data_dir = state.data_dir.clone();
    let journal = state.journal.clone();
    state
        .change_own_packs(move |library| {
            let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            journal.file_read("premiers-pas", &path, bytes, None);
            let added = library.add_own_pack(&data_dir, &path).map_err(|e| e.to_ipc(lang))?;
            Ok(PackAdded { id: added.id, replaced: added.replaced })
        })
        .await
}

/// Removes the volunteer's own pack `id` (its copy in the data folder; built-in packs cannot be
/// removed: `own_pack.not_own`). Refused at a stand.
#[tauri::command]
pub async fn remove_pack(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    state.refuse_at_stand().await?;
    let data_dir = state.data_dir.clone();
    state
        .change_own_packs(move |library| library.remove_own_pack(&data_dir, &id).map(|_| ()).map_err(ipc))
        .await
}
