//! Stand mode through the real IPC layer: a whole visit (audit, answers, take-home list, a directory
//! refresh from a loopback federation) leaves the data folder exactly as it was, and "next visitor"
//! forgets everything, the directory included, and stops a refresh the last visitor left running.

#![allow(clippy::unwrap_used)]

mod common;
#[path = "../../crates/core/tests/directory_server/mod.rs"]
mod directory_server;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{call, config, status_of, tree, TestApp};
use directory_server::{Behaviour, Server};
use serde_json::json;

const CHANNEL: &str = "__CHANNEL__:7";

#[test]
fn a_visit_writes_nothing_and_next_visitor_forgets_it() {
    let server = Server::start();
    server.load_fixture("clean");
    let source = server.url("/federation.properties");
    let data = tempfile::tempdir().unwrap();

    // A volunteer prepared the directory at home beforehand.
    let mut home = config(Some("home"), "debian-firefox-ubo", data.path());
    home.directory_source = Some(source.clone());
    let app = TestApp::new(home);
    app.ok("start_session", json!({ "mode": "home" }));
    let prepared = app.ok("directory_refresh", json!({ "onProgress": CHANNEL }));
    let prepared_orgs = prepared["organizations"].as_u64().unwrap();
    assert!(prepared_orgs > 5, "{prepared}");
    drop(app);
    let before = tree(data.path());
    assert!(before.keys().any(|p| p.ends_with("snapshot.json")));

    // The stand: the federation has since lost members.
    let fed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../crates/core/tests/fixtures/federations/clean/federation.properties"),
    )
    .unwrap()
    .replace("{{BASE}}", &server.base);
    let smaller: String = fed
        .lines()
        .filter(|l| !l.starts_with("subs.") || l.starts_with("subs.oise"))
        .map(|l| format!("{l}\n"))
        .collect();
    server.set_file("/federation.properties", smaller.into_bytes());

    let mut stand = config(Some("stand"), "debian-firefox-ubo", data.path());
    stand.directory_source = Some(source);
    let app = TestApp::new(stand);
    assert_eq!(app.err_code("start_session", json!({ "mode": "home" })), "session.mode_locked");
    let view = app.ok("start_session", json!({ "mode": "stand" }));
    assert_eq!(view["persistent"], false);
    assert_eq!(view["resume"], false);

    // The directory prepared in advance is there, read-only.
    let status = app.ok("directory_status", json!({}));
    assert_eq!(status["organizations"].as_u64().unwrap(), prepared_orgs);
    assert!(status["path"].is_null(), "kept in memory: {status}");

    let audit = app.ok("run_audit", json!({ "lang": "fr" }));
    assert_eq!(status_of(&audit["steps"], "private-maps"), "manual");
    // The laptop's Firefox is not the visitor's: the machine is not looked at.
    assert!(audit["audit"].is_null(), "{audit}");
    assert_eq!(status_of(&audit["steps"], "firefox"), "manual");
    let steps = app.ok("set_answer", json!({ "step": "private-maps", "answer": "done", "lang": "fr" }));
    assert_eq!(status_of(&steps, "private-maps"), "done");
    app.ok("takeaway", json!({ "lang": "fr" }));
    let refreshed = app.ok("directory_refresh", json!({ "onProgress": CHANNEL }));
    assert_eq!(refreshed["organizations"], 1, "{refreshed}");
    assert_eq!(app.ok("directory_status", json!({}))["organizations"], 1);
    assert!(!app.ok("journal", json!({})).as_array().unwrap().is_empty());

    assert_eq!(tree(data.path()), before, "the stand wrote to the data folder");

    app.ok("next_visitor", json!({}));
    let takeaway = app.ok("takeaway", json!({ "lang": "fr" }));
    assert_eq!(takeaway["steps"], 6, "the next visitor's list holds every step: {takeaway}");
    let status = app.ok("directory_status", json!({}));
    assert_eq!(status["organizations"].as_u64().unwrap(), prepared_orgs, "the visit's refresh is forgotten");
    let journal = app.ok("journal", json!({}));
    assert!(
        journal
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["kind"] == "file_read" && e["path"].as_str().unwrap().ends_with("snapshot.json")),
        "only the prepared directory read again: {journal}"
    );
    let audit = app.ok("run_audit", json!({ "lang": "fr" }));
    assert_eq!(status_of(&audit["steps"], "private-maps"), "manual", "the answer is forgotten");
    assert_eq!(audit["changes"], json!([]));

    assert_eq!(tree(data.path()), before, "the stand wrote to the data folder");
}

#[test]
fn a_stand_without_a_prepared_directory_stays_empty_on_disk() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(config(Some("stand"), "empty", data.path()));
    app.ok("start_session", json!({ "mode": "stand" }));
    let status = app.ok("directory_status", json!({}));
    assert_eq!(status["available"], false);
    assert_eq!(app.err_code("directory_search", json!({ "query": {} })), "directory.empty");
    app.ok("run_audit", json!({ "lang": "en" }));
    app.ok("set_answer", json!({ "step": "chatons-host", "answer": "not_yet", "lang": "en" }));
    app.ok("next_visitor", json!({}));
    assert!(tree(data.path()).is_empty());
}

/// At a stand the visitor holds the mouse: no file or print dialog that would open the laptop's files, and no
/// browser that would keep their pages for the next visitor, whether the app was launched for a stand or a
/// stand was chosen on the welcome screen.
#[test]
fn a_stand_refuses_the_file_dialogs_and_the_browser() {
    let data = tempfile::tempdir().unwrap();
    let refused = [
        ("directory_import", json!({ "lang": "fr" })),
        ("directory_export", json!({ "lang": "fr" })),
        ("save_report", json!({ "format": "html", "lang": "fr" })),
        ("open_url", json!({ "url": "https://www.chatons.org/" })),
        // The print dialog can print to a file.
        ("print_page", json!({})),
    ];

    let launched = TestApp::new(config(Some("stand"), "debian-firefox-ubo", data.path()));
    for (cmd, args) in &refused {
        assert_eq!(launched.err_code(cmd, args.clone()), "stand.not_allowed", "{cmd} before the visit");
    }
    launched.ok("start_session", json!({ "mode": "stand", "audit": "fr" }));
    for (cmd, args) in &refused {
        assert_eq!(launched.err_code(cmd, args.clone()), "stand.not_allowed", "{cmd} during the visit");
    }

    // Chosen on the welcome screen: refused too; back at home, the volunteer has them again (these fail
    // further on, before any dialog: no directory yet, no audit yet).
    let chosen = TestApp::new(config(None, "empty", data.path()));
    chosen.ok("start_session", json!({ "mode": "stand" }));
    for (cmd, args) in &refused {
        assert_eq!(chosen.err_code(cmd, args.clone()), "stand.not_allowed", "{cmd} in a chosen stand");
    }
    chosen.ok("start_session", json!({ "mode": "home" }));
    assert_eq!(chosen.err_code("directory_export", json!({ "lang": "fr" })), "directory.empty");
    assert_eq!(chosen.err_code("save_report", json!({ "format": "html", "lang": "fr" })), "session.no_audit");
    // Nothing written but the empty lock that says the home journey's progress is this window's.
    let written: Vec<_> = tree(data.path()).into_iter().collect();
    assert_eq!(written, vec![(data.path().join("progress.lock"), Vec::new())]);
}

/// The next visitor does not wait for the last one's refresh: "next visitor" stops it, and none of its
/// requests is left in the journal the next visitor sees.
#[test]
fn next_visitor_stops_a_running_refresh() {
    let server = Server::start();
    server.set("/federation.properties", Behaviour::Hang);
    let data = tempfile::tempdir().unwrap();
    let mut stand = config(Some("stand"), "empty", data.path());
    stand.directory_source = Some(server.url("/federation.properties"));
    let app = TestApp::new(stand);
    app.ok("start_session", json!({ "mode": "stand" }));

    let (tx, rx) = mpsc::channel();
    let webview = app.webview.clone();
    std::thread::spawn(move || {
        tx.send(call(&webview, "directory_refresh", json!({ "onProgress": CHANNEL }))).unwrap()
    });
    let start = Instant::now();
    while server.hits("/federation.properties") == 0 {
        assert!(start.elapsed() < Duration::from_secs(20), "the refresh never asked the server");
        std::thread::sleep(Duration::from_millis(5));
    }

    app.ok("next_visitor", json!({}));
    // Over already: next_visitor waited for it to end (its answer may still be on its way).
    assert_eq!(app.ok("cancel_refresh", json!({})), false, "nothing left running");
    let report = rx.recv_timeout(Duration::from_secs(20)).expect("the refresh returned").unwrap();
    assert_eq!(report["stopped"], true, "{report}");
    let journal = app.ok("journal", json!({}));
    assert!(journal.as_array().unwrap().iter().all(|e| e["kind"] != "request"), "{journal}");
    assert_eq!(app.ok("directory_status", json!({}))["available"], false);
    assert!(tree(data.path()).is_empty(), "nothing written");
}
