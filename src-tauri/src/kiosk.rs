//! A stand launched as one (`--mode stand`) is a kiosk: a visitor who closes it (the window's close
//! button, Alt+F4, Cmd+W) would find the association's desktop behind it, its files and its browser. So a
//! close request is held, and the page asks whether to close: only its "Fermer" closes the app, which the
//! volunteer can always do. A stand chosen on the welcome screen is the volunteer's own window: not held.

use std::sync::atomic::{AtomicBool, Ordering};

use tauri::{AppHandle, Manager, RunEvent, Runtime, State, WindowEvent};

/// The event the page listens for, on `window`, to ask whether to close.
pub const ASK_EVENT: &str = "premiers-pas:close-requested";

/// Whether close requests are held, and whether the page has said to close.
#[derive(Debug)]
pub struct CloseGuard {
    kiosk: bool,
    released: AtomicBool,
}

impl CloseGuard {
    pub fn new(kiosk: bool) -> Self {
        Self { kiosk, released: AtomicBool::new(false) }
    }

    /// Whether a close request is to be held now.
    pub fn holds(&self) -> bool {
        self.kiosk && !self.released.load(Ordering::SeqCst)
    }

    fn release(&self) {
        self.released.store(true, Ordering::SeqCst);
    }
}

/// Holds a close request of a kiosk's window and has the page ask. Called with every event of the app's
/// run loop (where the runtime delivers close requests to be held, on every platform).
pub fn on_run_event<R: Runtime>(app: &AppHandle<R>, event: &RunEvent) {
    let RunEvent::WindowEvent { label, event: WindowEvent::CloseRequested { api, .. }, .. } = event else {
        return;
    };
    if !app.state::<CloseGuard>().holds() {
        return;
    }
    api.prevent_close();
    let asked = app
        .get_webview_window(label)
        .map(|webview| webview.eval(format!("window.dispatchEvent(new Event('{ASK_EVENT}'))")));
    if let Some(Err(err)) = asked {
        eprintln!("premiers-pas-app: could not ask the page to confirm closing: {err}");
    }
}

/// The page's "Fermer": the app closes, whatever its mode.
#[tauri::command]
pub fn close_app<R: Runtime>(app: AppHandle<R>, guard: State<'_, CloseGuard>) {
    guard.release();
    app.exit(0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kiosk_holds_until_released_and_another_window_never_does() {
        let kiosk = CloseGuard::new(true);
        assert!(kiosk.holds());
        kiosk.release();
        assert!(!kiosk.holds());
        assert!(!CloseGuard::new(false).holds());
    }
}
