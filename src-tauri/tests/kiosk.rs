//! A stand launched as one holds a request to close its window once its page has said it can ask (the
//! page then asks the volunteer), and holds the next one only if the page said it asked the last; before
//! that, and any other window, closes at once. Driven through Tauri's mock runtime, its real event loop
//! and IPC.

#![allow(clippy::unwrap_used)]

mod common;

use std::sync::{Arc, Mutex};

use common::config;
use premiers_pas_app::AppState;
use serde_json::json;
use tauri::test::mock_builder;
use tauri::{Manager, RunEvent, WindowEvent};

/// What the page does.
#[derive(Clone, Copy)]
enum Page {
    /// Never says it listens (it never came up).
    Silent,
    /// Says it listens, but not that it asked (it died after).
    Gone,
    /// Says it listens, and that it asked each request.
    Asks,
}

/// What the event loop did after two requests to close the only window, the second made once the first
/// was seen: whether the window was still open on the loop's next turn, before the app was asked to exit.
fn after_two_close_requests(mode: Option<&str>, page: Page) -> Vec<&'static str> {
    let data = tempfile::tempdir().unwrap();
    let app = premiers_pas_app::builder(
        mock_builder(),
        AppState::new(config(mode, "debian-firefox-ubo", data.path())).unwrap(),
    )
    .build(tauri::generate_context!())
    .unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    app.run_return(move |handle, event| {
        // As the app's own run loop does.
        premiers_pas_app::kiosk::on_run_event(handle, &event);
        let window = handle.get_webview_window("main");
        let mut log = log.lock().unwrap();
        match event {
            // The window the configuration makes at start-up, closed as its close button would.
            RunEvent::Ready => {
                let window = window.unwrap();
                if !matches!(page, Page::Silent) {
                    common::call(&window, "close_guard_ready", json!({})).unwrap();
                }
                window.close().unwrap();
            }
            RunEvent::WindowEvent { event: WindowEvent::CloseRequested { .. }, .. } => {
                log.push("close requested");
                let window = window.unwrap();
                if log.iter().filter(|e| **e == "close requested").count() == 1 {
                    if matches!(page, Page::Asks) {
                        common::call(&window, "close_asked", json!({})).unwrap();
                    }
                    window.close().unwrap();
                } else {
                    // Whatever the guard decided, the loop's next turn ends the test: a destroyed window
                    // is gone without a request.
                    window.destroy().unwrap();
                }
            }
            RunEvent::MainEventsCleared if log.last() == Some(&"close requested") => log.push("still open"),
            RunEvent::ExitRequested { .. } => log.push("exit requested"),
            _ => {}
        }
    });
    let seen = seen.lock().unwrap().clone();
    seen
}

#[test]
fn a_launched_stand_holds_every_request_its_page_asks_about() {
    assert_eq!(
        after_two_close_requests(Some("stand"), Page::Asks),
        ["close requested", "still open", "close requested", "still open", "exit requested"]
    );
}

/// A page that never came up (or is loading) cannot ask: the volunteer must still be able to close it.
#[test]
fn a_stand_whose_page_never_listened_closes_at_once() {
    assert_eq!(after_two_close_requests(Some("stand"), Page::Silent), ["close requested", "exit requested"]);
}

/// A page that died after it listened (a crashed web process sends no event on Linux) does not answer:
/// the next request goes through.
#[test]
fn a_stand_whose_page_did_not_ask_closes_at_the_second_request() {
    assert_eq!(
        after_two_close_requests(Some("stand"), Page::Gone),
        ["close requested", "still open", "close requested", "exit requested"]
    );
}

#[test]
fn other_windows_close_at_once() {
    for mode in [None, Some("home"), Some("workshop")] {
        assert_eq!(
            after_two_close_requests(mode, Page::Asks),
            ["close requested", "exit requested"],
            "{mode:?}"
        );
    }
}
