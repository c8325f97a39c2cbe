//! A stand launched as one (`--mode stand`) is a kiosk: a visitor who closes it (the window's close
//! button, Alt+F4) would find the association's desktop behind it, its files and its browser. So a close
//! request is held, and the page asks whether to close: only its "Fermer l'application" closes the app.
//!
//! A request is held only while the page can ask: once it has said so ([`close_guard_ready`]), and until
//! it loads again; and a request is held only if the page said it asked the last one ([`close_asked`]). A
//! page that never came up, is loading, or has died (a crashed web process sends no event on Linux or
//! Windows) lets the window close at the latest on the second try: the volunteer must always be able to
//! close it. A stand chosen on the welcome screen is the volunteer's own window: never held.
//!
//! On macOS a kiosk has no Quit item (it would end the app without a close request) and keeps the Edit
//! menu, which the web view's copy, paste and select-all shortcuts go through ([`kiosk_menu`]). The Dock's
//! own Quit still ends it: macOS gives apps no way to hold that one back without a dialog of its own.

use std::sync::atomic::{AtomicBool, Ordering};

use tauri::menu::{Menu, PredefinedMenuItem, Submenu};
use tauri::webview::{PageLoadEvent, PageLoadPayload};
use tauri::{AppHandle, Manager, RunEvent, Runtime, State, Webview, WindowEvent};

/// The event the page listens for, on `window`, to ask whether to close.
pub const ASK_EVENT: &str = "premiers-pas:close-requested";

/// Whether close requests are held: a kiosk, whose page can ask, and has not said to close.
#[derive(Debug)]
pub struct CloseGuard {
    kiosk: bool,
    page_asks: AtomicBool,
    /// A request was held and the page has not said it asked.
    unanswered: AtomicBool,
    released: AtomicBool,
}

impl CloseGuard {
    pub fn new(kiosk: bool) -> Self {
        Self {
            kiosk,
            page_asks: AtomicBool::new(false),
            unanswered: AtomicBool::new(false),
            released: AtomicBool::new(false),
        }
    }

    /// Whether a close request is to be held now.
    pub fn holds(&self) -> bool {
        self.kiosk
            && self.page_asks.load(Ordering::SeqCst)
            && !self.unanswered.load(Ordering::SeqCst)
            && !self.released.load(Ordering::SeqCst)
    }

    /// A request is held: the next one is held only once the page has said it asked this one.
    fn held(&self) {
        self.unanswered.store(true, Ordering::SeqCst);
    }

    fn asked(&self) {
        self.unanswered.store(false, Ordering::SeqCst);
    }

    /// The page listens: whether that armed the guard (only a kiosk's is).
    fn page_ready(&self) -> bool {
        self.page_asks.store(true, Ordering::SeqCst);
        self.unanswered.store(false, Ordering::SeqCst);
        self.kiosk
    }

    /// The page is loading again: nothing listens until it says so.
    fn page_gone(&self) {
        self.page_asks.store(false, Ordering::SeqCst);
    }

    fn release(&self) {
        self.released.store(true, Ordering::SeqCst);
    }
}

/// Holds a close request of a kiosk's window and has the page ask. Called with every event of the app's
/// run loop (where the runtime delivers close requests to be held, on every platform). A request the page
/// could not be told of is let through.
pub fn on_run_event<R: Runtime>(app: &AppHandle<R>, event: &RunEvent) {
    let RunEvent::WindowEvent { label, event: WindowEvent::CloseRequested { api, .. }, .. } = event else {
        return;
    };
    let guard = app.state::<CloseGuard>();
    if !guard.holds() {
        return;
    }
    let Some(webview) = app.get_webview_window(label) else {
        return;
    };
    // `eval` only queues the script: whether the page ran it, only its `close_asked` says.
    match webview.eval(format!("window.dispatchEvent(new Event('{ASK_EVENT}'))")) {
        Ok(()) => {
            guard.held();
            api.prevent_close();
        }
        Err(err) => {
            eprintln!("premiers-pas-app: could not ask the page to confirm closing, so it closes: {err}")
        }
    }
}

/// A page that starts loading (a reload, a crashed web process's new page) cannot ask yet.
pub fn on_page_load<R: Runtime>(webview: &Webview<R>, payload: &PageLoadPayload<'_>) {
    if payload.event() == PageLoadEvent::Started {
        webview.state::<CloseGuard>().page_gone();
    }
}

/// The page listens for close requests, and can ask.
#[tauri::command]
pub fn close_guard_ready(guard: State<'_, CloseGuard>) {
    if guard.page_ready() {
        // Said once per page, for the volunteer and for tests that wait for the stand to be ready.
        eprintln!("premiers-pas-app: stand ready; closing the window asks first");
    }
}

/// The page asked the person about the request held (the question is shown, its first answer focused):
/// the next one is held too.
#[tauri::command]
pub fn close_asked(guard: State<'_, CloseGuard>) {
    guard.asked();
    // For the volunteer and for tests that answer the question with the keyboard.
    eprintln!("premiers-pas-app: the page asks whether to close the stand");
}

/// The page's "Fermer l'application": the app closes, whatever its mode.
#[tauri::command]
pub fn close_app<R: Runtime>(app: AppHandle<R>, guard: State<'_, CloseGuard>) {
    guard.release();
    app.exit(0);
}

/// A kiosk's menu on macOS: the application's menu without Quit, and Edit.
pub fn kiosk_menu<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let name = app.package_info().name.clone();
    let application = Submenu::with_items(app, name, true, &[&PredefinedMenuItem::about(app, None, None)?])?;
    let edit = Submenu::with_items(
        app,
        "Edit",
        true,
        &[
            &PredefinedMenuItem::undo(app, None)?,
            &PredefinedMenuItem::redo(app, None)?,
            &PredefinedMenuItem::separator(app)?,
            &PredefinedMenuItem::cut(app, None)?,
            &PredefinedMenuItem::copy(app, None)?,
            &PredefinedMenuItem::paste(app, None)?,
            &PredefinedMenuItem::select_all(app, None)?,
        ],
    )?;
    Menu::with_items(app, &[&application, &edit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kiosk_holds_once_its_page_asks_until_released() {
        let kiosk = CloseGuard::new(true);
        assert!(!kiosk.holds(), "no page to ask yet");
        assert!(kiosk.page_ready());
        assert!(kiosk.holds());
        kiosk.page_gone();
        assert!(!kiosk.holds(), "the page is loading again");
        kiosk.page_ready();
        kiosk.release();
        assert!(!kiosk.holds());
    }

    #[test]
    fn a_request_the_page_did_not_answer_lets_the_next_one_through() {
        let kiosk = CloseGuard::new(true);
        kiosk.page_ready();
        kiosk.held();
        assert!(!kiosk.holds(), "the page never said it asked: it may be gone");
        kiosk.asked();
        assert!(kiosk.holds());
    }

    #[test]
    fn another_window_never_holds() {
        let other = CloseGuard::new(false);
        assert!(!other.page_ready());
        assert!(!other.holds());
    }
}
