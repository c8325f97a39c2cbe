//! The CHATONS directory: its state, a refresh with progress (that the person can stop), search, one
//! host, places for "near", and the file a volunteer carries from home to a room without network.

use premiers_pas_core::directory::{
    gazetteer, refresh_snapshot, DirectoryStatus, Organization, Place, RefreshOptions, RefreshProgress,
    RefreshReport, Refreshed, SearchQuery, SearchResults,
};
use premiers_pas_core::session::{self, CategoryLabel};
use std::path::PathBuf;

use premiers_pas_core::{IpcError, Lang};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use crate::dialogs;
use crate::error::ipc;
use crate::state::AppState;

/// Most place suggestions returned at once.
const MAX_SUGGESTIONS: u32 = 50;

/// What the offline directory holds and how old it is.
#[tauri::command]
pub async fn directory_status(state: State<'_, AppState>) -> Result<DirectoryStatus, IpcError> {
    Ok(state.directory.read().await.store.status())
}

/// Fetches the directory (from `--directory-source`, else as `DirectoryStore::refresh_source` says),
/// reporting progress file by file; the store is not locked while it runs. At a stand the result stays in
/// memory. One refresh at a time. Stopped by `cancel_refresh`, it keeps nothing and its report says
/// `stopped`.
///
/// The page does not choose the source: a source is trusted with the local network (a volunteer's own
/// server in the room), and only whoever launched the app may name one.
#[tauri::command]
pub async fn directory_refresh(
    state: State<'_, AppState>,
    on_progress: Channel<RefreshProgress>,
) -> Result<RefreshReport, IpcError> {
    let refreshing = state.start_refresh()?;
    let chosen = state.config.directory_source.clone();
    let (previous, generation, source) = {
        let dir = state.directory.read().await;
        (dir.store.snapshot().cloned(), dir.generation, dir.store.refresh_source(chosen))
    };
    let progress = move |p: &RefreshProgress| {
        // A closed window is no reason to stop a refresh.
        let _ = on_progress.send(p.clone());
    };
    let options = RefreshOptions::with_source(source);
    let refreshed =
        refresh_snapshot(previous.as_ref(), &options, &state.journal, &progress, &refreshing.cancel)
            .await
            .map_err(ipc)?;
    if let Refreshed::Stopped { report } = refreshed {
        return Ok(report);
    }
    // Installing validates and saves the snapshot: on a blocking thread, once the store is free, so the
    // last look at the stop is only then.
    let stop = refreshing.cancel.clone();
    state
        .with_directory(move |dir| match refreshed.unless_stopped(&stop) {
            Refreshed::Stopped { report } => Ok(report),
            Refreshed::Complete { snapshot, report } => {
                if dir.generation != generation {
                    // Another directory came meanwhile (an import, a new visitor): this one, read from the
                    // one it replaced, is not kept, and the report says nothing was.
                    return Ok(report.nothing_kept());
                }
                dir.store.replace(snapshot).map_err(ipc)?;
                Ok(report)
            }
        })
        .await?
}

/// Stops the running refresh, if any (it returns promptly, its report `stopped`, and keeps nothing);
/// whether one was running. Harmless when none is.
#[tauri::command]
pub fn cancel_refresh(state: State<'_, AppState>) -> bool {
    state.cancel_refresh()
}

/// Hosts matching a need, a place and registration terms, nearest first.
#[tauri::command]
pub async fn directory_search(
    state: State<'_, AppState>,
    query: SearchQuery,
) -> Result<SearchResults, IpcError> {
    state.directory.read().await.store.search(&query, &state.library().reference.categories).map_err(ipc)
}

/// Everything about one organization.
#[tauri::command]
pub async fn directory_org(state: State<'_, AppState>, id: String) -> Result<Organization, IpcError> {
    state.directory.read().await.store.organization(&id).cloned().map_err(ipc)
}

/// Towns whose name starts with `prefix` (offline gazetteer), biggest first.
#[tauri::command]
pub fn place_suggest(prefix: String, limit: u32) -> Vec<Place> {
    gazetteer::suggest(&prefix, limit.min(MAX_SUGGESTIONS) as usize)
}

/// The service categories, as chips.
#[tauri::command]
pub fn categories(state: State<'_, AppState>, lang: Lang) -> Vec<CategoryLabel> {
    session::category_labels(&state.library(), lang)
}

/// Asks for a directory file (written by an export) and makes it the directory; `null` when cancelled.
/// Refused at a stand (`stand.not_allowed`): the dialog would open the laptop's files to the visitor.
#[tauri::command]
pub async fn directory_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    lang: Lang,
) -> Result<Option<DirectoryStatus>, IpcError> {
    state.refuse_at_stand().await?;
    let title = dialogs::t(lang, "Importer un annuaire", "Import a directory");
    let filter = dialogs::t(lang, "Annuaire Premiers Pas", "Premiers Pas directory");
    let Some(path) = dialogs::open_path(&app, title, filter, "json").await.map_err(ipc)? else {
        return Ok(None);
    };
    import_from(&state, path).await.map(Some)
}

/// Makes the directory file at `path` the directory: the import once the dialog has answered.
pub async fn import_from(state: &AppState, path: PathBuf) -> Result<DirectoryStatus, IpcError> {
    let journal = state.journal.clone();
    state
        .with_directory(move |dir| {
            let status = dir.store.import(&path, &journal).map_err(ipc)?;
            // A refresh under way started from the directory this import replaces: it must not undo it.
            dir.generation += 1;
            Ok(status)
        })
        .await?
}

/// Asks where to write the directory for carrying elsewhere; the path written, or `null` when cancelled.
/// Refused at a stand (`stand.not_allowed`).
#[tauri::command]
pub async fn directory_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    lang: Lang,
) -> Result<Option<String>, IpcError> {
    state.refuse_at_stand().await?;
    // Before the dialog: nothing to carry, or a saved directory that cannot be used, is said at once.
    state.directory.read().await.store.in_use().map_err(ipc)?;
    let request = dialogs::SaveRequest {
        title: dialogs::t(lang, "Exporter l’annuaire", "Export the directory"),
        file_name: dialogs::t(lang, "annuaire-chatons.json", "chatons-directory.json"),
        filter_name: dialogs::t(lang, "Annuaire Premiers Pas", "Premiers Pas directory"),
        extension: "json",
    };
    let Some(path) = dialogs::save_path(&app, request).await.map_err(ipc)? else {
        return Ok(None);
    };
    state
        .with_directory(move |dir| {
            dir.store.export(&path).map_err(ipc)?;
            Ok(Some(path.display().to_string()))
        })
        .await?
}
