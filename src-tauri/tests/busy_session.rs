//! A long audit holds the session (it reads files and may wait seconds for `xdg-settings`): the commands
//! that wait for the session must not occupy the async runtime's few worker threads meanwhile, or every
//! other command (a directory search, a refresh's progress) waits too.

#![allow(clippy::unwrap_used)]

mod common;

use std::sync::mpsc;
use std::time::Duration;

use common::{call, config, TestApp};
use premiers_pas_app::AppState;
use serde_json::json;
use tauri::Manager;

#[test]
fn commands_waiting_for_a_busy_session_leave_the_others_free() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(config(Some("workshop"), "empty", data.path()));
    app.ok("start_session", json!({ "mode": "workshop", "pack": null, "audit": "fr" }));

    // Stands for an audit that takes long: the session is held.
    let state = app.webview.state::<AppState>();
    let busy = state.session.lock().unwrap();

    // More commands waiting for the session than the runtime has worker threads.
    let workers = std::thread::available_parallelism().map_or(4, |n| n.get());
    let (done_tx, done_rx) = mpsc::channel();
    for _ in 0..workers + 2 {
        let (webview, done_tx) = (app.webview.clone(), done_tx.clone());
        std::thread::spawn(move || {
            done_tx.send(call(&webview, "step_results", json!({ "lang": "fr" })).is_ok()).unwrap();
        });
    }
    std::thread::sleep(Duration::from_millis(300));

    // Another command still answers at once.
    let (status_tx, status_rx) = mpsc::channel();
    let webview = app.webview.clone();
    std::thread::spawn(move || status_tx.send(call(&webview, "directory_status", json!({}))).unwrap());
    let status = status_rx.recv_timeout(Duration::from_secs(10));
    assert!(matches!(status, Ok(Ok(_))), "directory_status did not answer while the session was busy");
    assert!(done_rx.try_recv().is_err(), "the session commands wait for the session");

    // Once the session is free, every waiting command answers.
    drop(busy);
    for _ in 0..workers + 2 {
        assert_eq!(done_rx.recv_timeout(Duration::from_secs(10)), Ok(true));
    }
}
