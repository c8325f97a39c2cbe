//! What the person keeps: the report (printed, saved) and the take-home QR code.

use premiers_pas_core::files::{write_atomic, NewFile};
use premiers_pas_core::report::ReportFormat;
use premiers_pas_core::takeaway::Takeaway;
use premiers_pas_core::{IpcError, Lang};
use tauri::{AppHandle, Runtime, State, Webview};

use crate::dialogs::{self, SaveRequest};
use crate::error::{ipc, ShellError};
use crate::state::{blocking, AppState};

/// Asks where to save the report and writes it there; the path written, or `null` when cancelled.
/// Refused at a stand (`stand.not_allowed`): the visitor takes their list home on their phone.
#[tauri::command]
pub async fn save_report<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    format: ReportFormat,
    lang: Lang,
) -> Result<Option<String>, IpcError> {
    state.refuse_at_stand().await?;
    let text = state.with_session(move |s| s.report(format, lang).map_err(ipc)).await?;
    let request = SaveRequest {
        title: dialogs::t(lang, "Enregistrer le rapport", "Save the report"),
        // Dated, so that next month's report does not replace this one unasked.
        file_name: format!(
            "{}-{}.{}",
            dialogs::t(lang, "premiers-pas-rapport", "premiers-pas-report"),
            premiers_pas_core::i18n::local_day(premiers_pas_core::journal::now_ms()),
            format.extension()
        ),
        filter_name: format.as_str().to_uppercase(),
        extension: format.extension(),
    };
    let Some(path) = dialogs::save_path(&app, request).await.map_err(ipc)? else {
        return Ok(None);
    };
    // Written aside and renamed over: a failure never truncates a report saved there earlier.
    blocking(move || {
        write_atomic(&path, text.as_bytes(), NewFile::Default)
            .map_err(|source| ipc(ShellError::Write { path: path.display().to_string(), source }))?;
        Ok(Some(path.display().to_string()))
    })
    .await?
}

/// The visitor's to-do as short text and its QR code (SVG made by the core: safe to insert).
#[tauri::command]
pub async fn takeaway(state: State<'_, AppState>, lang: Lang) -> Result<Takeaway, IpcError> {
    state.with_session(move |s| s.takeaway(lang).map_err(ipc)).await
}

/// Opens the system print dialog for the current page (the UI's print stylesheet shapes it). Refused at a
/// stand (`stand.not_allowed`): the dialog can print to a file, which opens the laptop's folders.
#[tauri::command]
pub async fn print_page<R: Runtime>(webview: Webview<R>, state: State<'_, AppState>) -> Result<(), IpcError> {
    state.refuse_at_stand().await?;
    webview.print().map_err(|e| ipc(ShellError::Print(e.to_string())))
}
