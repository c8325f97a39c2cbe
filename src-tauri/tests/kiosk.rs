//! A stand launched as one holds a request to close its window once its page has said it can ask (the
//! page then asks the volunteer); before that, and any other window, closes at once. Driven through
//! Tauri's mock runtime, its real event loop and IPC.

#![allow(clippy::unwrap_used)]

mod common;

use std::sync::{Arc, Mutex};

use common::config;
use premiers_pas_app::AppState;
use serde_json::json;
use tauri::test::mock_builder;
use tauri::{Manager, RunEvent, WindowEvent};

/// What the event loop did after a request to close the only window: whether the window was still open
/// on the loop's next turn, before the app was asked to exit.
fn after_close_request(mode: Option<&str>, page_asks: bool) -> Vec<&'static str> {
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
        let mut log = log.lock().unwrap();
        match event {
            // The window the configuration makes at start-up, closed as its close button would.
            RunEvent::Ready => {
                let window = handle.get_webview_window("main").unwrap();
                if page_asks {
                    common::call(&window, "close_guard_ready", json!({})).unwrap();
                }
                window.close().unwrap();
            }
            RunEvent::WindowEvent { event: WindowEvent::CloseRequested { .. }, .. } => {
                log.push("close requested");
                // Whatever the guard decided, the loop's next turn ends the test: a destroyed window is
                // gone without a request.
                handle.get_webview_window("main").unwrap().destroy().unwrap();
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
fn a_launched_stand_holds_a_close_request_once_its_page_can_ask() {
    assert_eq!(after_close_request(Some("stand"), true), ["close requested", "still open", "exit requested"]);
}

/// A page that never came up (or is loading) cannot ask: the volunteer must still be able to close it.
#[test]
fn a_stand_whose_page_cannot_ask_closes_at_once() {
    assert_eq!(after_close_request(Some("stand"), false), ["close requested", "exit requested"]);
}

#[test]
fn other_windows_close_at_once() {
    for mode in [None, Some("home"), Some("workshop")] {
        assert_eq!(after_close_request(mode, true), ["close requested", "exit requested"], "{mode:?}");
    }
}
