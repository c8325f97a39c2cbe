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
    let extension = req.extension;
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
    let path = chosen.map(|p| p.into_path().map_err(|e| ShellError::Dialog(e.to_string()))).transpose()?;
    Ok(path.map(|p| with_extension(p, extension)))
}

/// The path chosen, with the format's extension added when the person typed a name without one, so that
/// the file opens with the right program. Unless a file of that name exists already: the dialog asked
/// before replacing the name typed, not that one, so the name stays as typed.
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some() {
        return path;
    }
    let completed = path.with_extension(extension);
    if completed.exists() {
        path
    } else {
        completed
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_without_extension_gets_the_formats() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(with_extension(dir.path().join("rapport"), "html"), dir.path().join("rapport.html"));
    }

    #[test]
    fn a_name_with_an_extension_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["rapport.html", "rapport.txt", "rapport.v2"] {
            assert_eq!(with_extension(dir.path().join(name), "html"), dir.path().join(name));
        }
    }

    #[test]
    fn an_existing_file_is_never_replaced_without_the_dialogs_question() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("rapport.html"), "someone's earlier report").unwrap();
        assert_eq!(with_extension(dir.path().join("rapport"), "html"), dir.path().join("rapport"));
    }
}
