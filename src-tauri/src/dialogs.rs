//! The system's file dialogs, opened from Rust: the webview is granted no dialog or file permission, so a
//! page can never pick or write a file by itself. Each dialog runs on a blocking thread (never the main
//! one) and gives back the path chosen, or `None` when the person cancels.

use std::path::PathBuf;

use premiers_pas_core::Lang;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::error::ShellError;

/// Where a save dialog starts, and what it filters.
#[derive(Debug, Clone)]
pub struct SaveRequest {
    pub title: String,
    pub file_name: String,
    pub filter_name: String,
    pub extension: &'static str,
}

/// Asks where to save. `Ok(None)`: the person cancelled.
pub async fn save_path<R: Runtime>(
    app: &AppHandle<R>,
    req: SaveRequest,
) -> Result<Option<PathBuf>, ShellError> {
    let app = app.clone();
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title(req.title)
            .set_file_name(req.file_name)
            .add_filter(req.filter_name, &[req.extension])
            .blocking_save_file()
    })
    .await
    .map_err(|e| ShellError::Dialog(e.to_string()))?;
    chosen.map(|p| p.into_path().map_err(|e| ShellError::Dialog(e.to_string()))).transpose()
}

/// Asks for a file to open. `Ok(None)`: the person cancelled.
pub async fn open_path<R: Runtime>(
    app: &AppHandle<R>,
    title: String,
    filter_name: String,
    extension: &'static str,
) -> Result<Option<PathBuf>, ShellError> {
    let app = app.clone();
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        app.dialog().file().set_title(title).add_filter(filter_name, &[extension]).blocking_pick_file()
    })
    .await
    .map_err(|e| ShellError::Dialog(e.to_string()))?;
    chosen.map(|p| p.into_path().map_err(|e| ShellError::Dialog(e.to_string()))).transpose()
}

/// A word in the dialog's language.
pub fn t(lang: Lang, fr: &str, en: &str) -> String {
    match lang {
        Lang::Fr => fr.to_owned(),
        Lang::En => en.to_owned(),
    }
}
