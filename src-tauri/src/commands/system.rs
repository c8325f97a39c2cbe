//! What kind of computer this is, and how the app was launched.

use premiers_pas_core::{IpcError, SystemInfo};
use tauri::webview::{PageLoadEvent, PageLoadPayload};
use tauri::{Runtime, State, Webview, WebviewWindow};

use crate::config::AppConfig;
use crate::error::{ipc, ShellError};
use crate::state::AppState;

/// Describes the running computer (shown on the welcome screen; picks the default language).
#[tauri::command]
pub fn system_info() -> SystemInfo {
    premiers_pas_core::system_info()
}

/// The launch options (mode, language…), so the UI starts where the volunteer asked.
#[tauri::command]
pub fn app_config(state: State<'_, AppState>) -> AppConfig {
    state.config.clone()
}

/// The page's zoom, from half to three times (WCAG's 200 % and more); what is asked outside is brought
/// back inside, and what is not a number is 100 %. Returns the zoom set. The page keeps the zoom it asked
/// (its keys Ctrl + and Ctrl −, its settings, 100 % for a stand's next visitor); the shell keeps nothing,
/// and sets a new page back to 100 % ([`page_starts_unzoomed`]).
#[tauri::command]
pub fn set_zoom<R: Runtime>(webview: Webview<R>, scale: f64) -> Result<f64, IpcError> {
    let scale = if scale.is_finite() { scale.clamp(MIN_ZOOM, MAX_ZOOM) } else { 1.0 };
    webview.set_zoom(scale).map_err(|e| ipc(ShellError::Window(e.to_string())))?;
    Ok(scale)
}

/// A page that starts loading starts at 100 %, as the page itself does: the web view would keep the zoom
/// of the page before (a reload, a crashed web process's new page), and the page could not set it back.
pub fn page_starts_unzoomed<R: Runtime>(webview: &Webview<R>, payload: &PageLoadPayload<'_>) {
    if payload.event() == PageLoadEvent::Started {
        if let Err(err) = webview.set_zoom(1.0) {
            eprintln!("premiers-pas-app: could not set the new page's zoom back to 100 %: {err}");
        }
    }
}

/// The smallest and the largest zoom of the page.
pub const MIN_ZOOM: f64 = 0.5;
pub const MAX_ZOOM: f64 = 3.0;

/// Full screen on or off: for a stand, and for a workshop's presentation view on a projector. (The webview
/// is granted no window permission; this command is the only way.)
#[tauri::command]
pub fn set_fullscreen<R: Runtime>(window: WebviewWindow<R>, on: bool) -> Result<(), IpcError> {
    window.set_fullscreen(on).map_err(|e| ipc(ShellError::Window(e.to_string())))
}
