//! The directory commands against a federation served on 127.0.0.1: refresh (with its progress channel
//! accepted), stopping it, status, search near a town, one host, places and categories.

#![allow(clippy::unwrap_used)]

mod common;
#[path = "../../crates/core/tests/directory_server/mod.rs"]
mod directory_server;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{call, config, tree, TestApp};
use directory_server::{Behaviour, Server};
use serde_json::json;
use tauri::Manager;

/// Longest wait for anything here; a refresh stopped within it was not ended by its 30 s file deadline.
const GUARD: Duration = Duration::from_secs(20);

/// The app launched with `--directory-source` on `server`'s federation.
fn from_server(server: &Server, data: &std::path::Path) -> premiers_pas_app::AppConfig {
    premiers_pas_app::AppConfig {
        directory_source: Some(server.url("/federation.properties")),
        ..config(None, "empty", data)
    }
}

fn wait_until(what: &str, ready: impl Fn() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < GUARD, "waited too long for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn stopping_when_nothing_runs_does_nothing() {
    let server = Server::start();
    server.load_fixture("clean");
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(from_server(&server, data.path()));
    assert_eq!(app.ok("cancel_refresh", json!({})), false);
    assert!(tree(data.path()).is_empty());
    // And it does not stop the next refresh before it starts.
    let args = json!({ "onProgress": "__CHANNEL__:1" });
    let report = app.ok("directory_refresh", args);
    assert_eq!(report["stopped"], false, "{report}");
    assert!(report["organizations"].as_u64().unwrap() > 5);
    assert_eq!(app.ok("cancel_refresh", json!({})), false);
}

#[test]
fn a_stopped_refresh_ends_at_once_keeps_the_saved_directory_and_frees_the_slot() {
    let server = Server::start();
    server.load_fixture("clean");
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(from_server(&server, data.path()));
    let args = json!({ "onProgress": "__CHANNEL__:1" });
    app.ok("directory_refresh", args.clone());
    let saved = tree(data.path());
    let status = app.ok("directory_status", json!({}));

    // One member's server now hangs: without a stop, the refresh would wait for its 30 s deadline.
    server.set("/orgs/lyon.properties", Behaviour::Hang);
    server.reset_counters();
    let (tx, rx) = mpsc::channel();
    {
        let (webview, args) = (app.webview.clone(), args.clone());
        std::thread::spawn(move || tx.send(call(&webview, "directory_refresh", args)).unwrap());
    }
    wait_until("the hanging member's request", || server.hits("/orgs/lyon.properties") == 1);
    assert_eq!(app.err_code("directory_refresh", args.clone()), "directory.refresh_running");

    assert_eq!(app.ok("cancel_refresh", json!({})), true);
    let report = rx.recv_timeout(GUARD).expect("the stopped refresh returned").expect("not an error");
    assert_eq!(report["stopped"], true, "{report}");

    // Nothing was replaced: the same files, byte for byte, and the same directory in use.
    assert_eq!(tree(data.path()), saved);
    assert_eq!(app.ok("directory_status", json!({})), status);
    // The interrupted request is in the journal, said to be stopped.
    let journal = app.ok("journal", json!({}));
    let lyon = server.url("/orgs/lyon.properties");
    assert!(
        journal.as_array().unwrap().iter().any(|e| e["kind"] == "request"
            && e["target"] == lyon.as_str()
            && e["error"].as_str().is_some_and(|m| m.contains("stopped"))),
        "{journal}"
    );

    // The slot is free: nothing left to stop, and the next refresh runs to the end.
    assert_eq!(app.ok("cancel_refresh", json!({})), false);
    server.load_fixture("clean");
    let report = app.ok("directory_refresh", args);
    assert_eq!(report["stopped"], false, "{report}");
    assert_eq!(report["counts"]["failed"], 0, "{report}");
}

/// The stop comes after the last file, while the refresh waits for the store to keep its result (here the
/// test holds the store): the stop still holds, and nothing is kept.
#[test]
fn a_stop_after_the_last_file_still_keeps_nothing() {
    let server = Server::start();
    server.load_fixture("clean");
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(from_server(&server, data.path()));
    let state = app.state();
    let store = state.directory.blocking_read();

    let args = json!({ "onProgress": "__CHANNEL__:1" });
    let (tx, rx) = mpsc::channel();
    {
        let webview = app.webview.clone();
        std::thread::spawn(move || tx.send(call(&webview, "directory_refresh", args)).unwrap());
    }
    // The store's lock is fair: once the refresh waits to write, no one else can read. That is when the
    // crawl is over and the result waits to be kept.
    wait_until("the refresh waiting to keep its result", || state.directory.try_read().is_err());
    assert_eq!(app.ok("cancel_refresh", json!({})), true);
    drop(store);

    let report = rx.recv_timeout(GUARD).expect("the refresh returned").expect("not an error");
    assert_eq!(report["stopped"], true, "{report}");
    assert_eq!(report["counts"]["failed"], 0, "every file had arrived: {report}");
    assert!(tree(data.path()).is_empty(), "nothing kept");
    assert_eq!(app.ok("directory_status", json!({}))["available"], false);
}

#[test]
fn one_refresh_at_a_time() {
    let server = Server::start();
    server.load_fixture("clean");
    server.set_latency(Duration::from_millis(400));
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(from_server(&server, data.path()));
    let args = json!({ "onProgress": "__CHANNEL__:1" });

    let first = {
        let (webview, args) = (app.webview.clone(), args.clone());
        std::thread::spawn(move || call(&webview, "directory_refresh", args))
    };
    // The first one is waiting for the slow server (it holds the refresh before its first request).
    let waiting = std::time::Instant::now();
    while server.requests() == 0 {
        assert!(waiting.elapsed() < Duration::from_secs(30), "the first refresh never asked the server");
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(app.err_code("directory_refresh", args.clone()), "directory.refresh_running");
    let report = first.join().unwrap().expect("the first refresh ends");
    assert_eq!(report["counts"]["failed"], 0, "{report}");
    // Over, it lets the next one run.
    server.set_latency(Duration::ZERO);
    app.ok("directory_refresh", args);
}

/// A directory imported while a refresh runs stays: the refresh, which started from the one replaced,
/// does not undo it when it ends.
#[test]
fn an_import_during_a_refresh_is_not_undone_by_it() {
    let carried = Server::start();
    carried.load_fixture("clean");
    let mut elsewhere = premiers_pas_core::directory::DirectoryStore::ephemeral();
    let opts =
        premiers_pas_core::directory::RefreshOptions::with_source(carried.url("/federation.properties"));
    let journal = premiers_pas_core::journal::Journal::new();
    let stop = premiers_pas_core::directory::CancellationToken::new();
    tauri::async_runtime::block_on(elsewhere.refresh(&opts, &journal, &|_| {}, &stop)).unwrap();
    let usb = tempfile::tempdir().unwrap();
    let file = usb.path().join("annuaire.json");
    elsewhere.export(&file).unwrap();

    let server = Server::start();
    server.load_fixture("clean");
    server.set_latency(Duration::from_millis(300));
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(from_server(&server, data.path()));
    let args = json!({ "onProgress": "__CHANNEL__:1" });
    let refresh = {
        let webview = app.webview.clone();
        std::thread::spawn(move || call(&webview, "directory_refresh", args))
    };
    wait_until("the refresh asking the server", || server.requests() > 0);
    let state = app.webview.state::<premiers_pas_app::AppState>();
    let imported =
        tauri::async_runtime::block_on(premiers_pas_app::commands::directory::import_from(&state, file))
            .unwrap();
    assert_eq!(imported.source.as_deref(), Some(carried.url("/federation.properties").as_str()));

    // It ends as one stopped: it kept nothing.
    let report = refresh.join().unwrap().expect("the refresh ends");
    assert_eq!(report["stopped"], true, "{report}");
    let status = app.ok("directory_status", json!({}));
    assert_eq!(status["source"], carried.url("/federation.properties"), "{status}");
}

#[test]
fn refresh_then_search_near_a_town() {
    let server = Server::start();
    server.load_fixture("clean");
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(from_server(&server, data.path()));

    let status = app.ok("directory_status", json!({}));
    assert_eq!(status["available"], false);
    assert_eq!(app.err_code("directory_search", json!({ "query": {} })), "directory.empty");

    let report = app.ok("directory_refresh", json!({ "onProgress": "__CHANNEL__:1" }));
    assert_eq!(report["counts"]["failed"], 0, "{report}");
    let status = app.ok("directory_status", json!({}));
    assert_eq!(status["available"], true);
    assert_eq!(status["organizations"], report["organizations"]);
    assert!(data.path().join("directory/snapshot.json").is_file(), "kept offline outside a stand");
    let journal = app.ok("journal", json!({}));
    assert!(journal
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["kind"] == "request" && e["purpose"] == "directory"));

    let results = app.ok("directory_search", json!({ "query": { "category": "mail", "near": "Compiègne" } }));
    let hits = results["hits"].as_array().unwrap();
    assert!(!hits.is_empty(), "{results}");
    let first = hits[0]["org_id"].as_str().unwrap().to_owned();
    assert!(hits[0]["distance_km"].as_f64().unwrap() < 50.0, "nearest first: {}", hits[0]);
    let org = app.ok("directory_org", json!({ "id": first }));
    assert_eq!(org["id"], first.as_str());
    assert_eq!(app.err_code("directory_org", json!({ "id": "nope" })), "directory.unknown_organization");

    // The page does not choose where a refresh reads: a source it names is not heard (the local network,
    // or a file, stays out of its reach).
    let other = Server::start();
    other.load_fixture("clean");
    let again = app.ok(
        "directory_refresh",
        json!({ "source": other.url("/federation.properties"), "onProgress": "__CHANNEL__:2" }),
    );
    assert_eq!(again["source"], server.url("/federation.properties"), "{again}");
    assert_eq!(other.requests(), 0);
}

#[test]
fn places_and_categories() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(config(None, "empty", data.path()));
    let places = app.ok("place_suggest", json!({ "prefix": "compi", "limit": 5 }));
    assert_eq!(places[0]["name"], "Compiègne", "{places}");
    let many = app.ok("place_suggest", json!({ "prefix": "sa", "limit": 10_000 }));
    assert!(many.as_array().unwrap().len() <= 50);
    let cats = app.ok("categories", json!({ "lang": "fr" }));
    let mail = cats.as_array().unwrap().iter().find(|c| c["id"] == "mail").unwrap();
    assert!(mail["label"].is_string());
}

/// A saved directory that cannot be used is said as such before any dialog opens, not as "no directory
/// yet".
#[test]
fn a_saved_directory_that_cannot_be_used_is_said_before_any_dialog() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("directory")).unwrap();
    std::fs::write(data.path().join("directory/snapshot.json"), b"{ not json").unwrap();
    let app = TestApp::new(config(None, "empty", data.path()));
    assert_eq!(app.err_code("directory_export", json!({ "lang": "fr" })), "directory.unusable");
    assert_eq!(app.err_code("directory_search", json!({ "query": {} })), "directory.unusable");
    assert_eq!(app.ok("directory_status", json!({}))["problem"]["code"], "directory.import_corrupt");
}
