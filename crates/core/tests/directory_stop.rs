//! A refresh the person stops, against a real HTTP server on 127.0.0.1 with a member that never answers:
//! it ends at once instead of waiting for that member's deadline, asks for nothing more, says it was
//! stopped, and leaves the directory kept offline exactly as it was.
//!
//! The timeouts here are hang guards only: each file's deadline is a minute, so a refresh that ended
//! within the guard can only have ended because it was stopped.

#![allow(clippy::unwrap_used)]

mod directory_server;
mod folder_tree;

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use directory_server::{Behaviour, Server};
use folder_tree::tree;
use premiers_pas_core::directory::{
    CancellationToken, DirectoryStore, FileOutcome, RefreshOptions, RefreshProgress, RefreshReport,
};
use premiers_pas_core::journal::{Journal, JournalEntry};

/// Far longer than any guard below: a refresh that ends within a guard was stopped, not timed out.
fn options(server: &Server, concurrency: usize) -> RefreshOptions {
    RefreshOptions {
        concurrency,
        connect_timeout: Duration::from_secs(60),
        file_timeout: Duration::from_secs(60),
        ..RefreshOptions::with_source(server.url("/federation.properties"))
    }
}

const GUARD: Duration = Duration::from_secs(20);

/// Waits (a few milliseconds at a time, at most the guard) until `ready`.
fn wait_until(what: &str, ready: impl Fn() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < GUARD, "waited too long for {what}");
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn requests(journal: &Journal) -> Vec<(String, u16, Option<String>)> {
    journal
        .entries()
        .into_iter()
        .filter_map(|e| match e {
            JournalEntry::Request { target, status, error, .. } => Some((target, status, error)),
            _ => None,
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_refresh_drops_what_is_in_flight_asks_nothing_more_and_keeps_the_saved_directory() {
    let server = Server::start();
    server.load_fixture("clean");
    let data = tempfile::tempdir().unwrap();
    let mut store = DirectoryStore::open(data.path(), &Journal::new());
    let done = store
        .refresh(&options(&server, 16), &Journal::new(), &|_| {}, &CancellationToken::new())
        .await
        .unwrap();
    assert!(!done.stopped);
    let saved = tree(data.path());
    let snapshot_file = data.path().join("directory/snapshot.json");
    let snapshot_bytes = std::fs::read(&snapshot_file).unwrap();
    let status = store.status();

    // The federation has changed: a new member that never answers, and one that does, with services.
    let hang = server.url("/orgs/hang.properties");
    let oise = server.url("/orgs/oise.properties");
    server.set("/orgs/hang.properties", Behaviour::Hang);
    server.set_file(
        "/federation.properties",
        format!(
            "file.class = Federation\nfederation.name = Chatons de test\nsubs.a = {hang}\nsubs.b = {oise}\n"
        )
        .into_bytes(),
    );
    server.reset_counters();

    // Two requests at a time: the federation, then both members at once. When the answering one is
    // settled (the second file done), the hanging one is in flight and oise's two services are queued:
    // that is when the person presses "Stop".
    let cancel = CancellationToken::new();
    let at_stop = AtomicU64::new(0);
    let on_progress = |p: &RefreshProgress| {
        if p.done == 2 {
            wait_until("the hanging member's request", || server.hits("/orgs/hang.properties") == 1);
            at_stop.store(server.requests(), Ordering::SeqCst);
            cancel.cancel();
        }
    };
    let journal = Journal::new();
    let report: RefreshReport =
        tokio::time::timeout(GUARD, store.refresh(&options(&server, 2), &journal, &on_progress, &cancel))
            .await
            .expect("the stopped refresh returned without waiting for the hanging member")
            .unwrap();

    assert!(report.stopped, "{report:#?}");
    assert_eq!((report.organizations, report.services), (0, 0));
    // The files settled before the stop, and only those.
    let settled: Vec<&str> = report.files.iter().map(|f| f.url.as_str()).collect();
    assert_eq!(settled, [server.url("/federation.properties"), oise.clone()], "{report:#?}");
    assert!(matches!(report.files[1].outcome, FileOutcome::Unchanged), "{report:#?}");

    // Nothing was asked after the stop: not oise's services, not anything else.
    assert_eq!(at_stop.load(Ordering::SeqCst), 3, "federation, oise, the hanging member");
    assert_eq!(server.requests(), 3);
    assert_eq!(server.hits("/services/oise-courriel.properties"), 0);
    assert_eq!(server.hits("/services/oise-nuage.properties"), 0);

    // The journal lists every request made, the interrupted one as such.
    let made = requests(&journal);
    assert_eq!(made.len(), 3, "{made:#?}");
    let interrupted =
        made.iter().find(|(target, ..)| *target == hang).expect("the hanging request is listed");
    assert_eq!(interrupted.1, 0, "no answer came");
    assert!(interrupted.2.as_deref().is_some_and(|e| e.contains("stopped")), "{interrupted:?}");
    assert!(made.iter().any(|(target, status, error)| *target == oise && *status == 304 && error.is_none()));

    // The directory kept offline is exactly as it was: same bytes, no stray file beside it.
    assert_eq!(std::fs::read(&snapshot_file).unwrap(), snapshot_bytes);
    assert_eq!(tree(data.path()), saved);
    assert_eq!(store.status(), status);
    assert_eq!(DirectoryStore::open(data.path(), &Journal::new()).status(), status);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stopped_while_the_federation_file_hangs_it_is_stopped_not_failed_and_writes_nothing() {
    let server = Server::start();
    server.set("/federation.properties", Behaviour::Hang);
    let data = tempfile::tempdir().unwrap();
    let mut store = DirectoryStore::open(data.path(), &Journal::new());
    let cancel = CancellationToken::new();
    let journal = Journal::new();
    let opts = options(&server, 16);
    let refresh = store.refresh(&opts, &journal, &|_| {}, &cancel);
    // Stop once the request is at the server.
    let stop = async {
        while server.hits("/federation.properties") == 0 {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        cancel.cancel();
    };
    let (report, stopped) =
        tokio::join!(tokio::time::timeout(GUARD, refresh), tokio::time::timeout(GUARD, stop));
    stopped.expect("the federation file was requested");
    let report = report.expect("the stopped refresh returned").unwrap();

    assert!(report.stopped);
    assert!(report.files.is_empty(), "{report:#?}");
    assert_eq!(report.counts.fetched + report.counts.failed, 0);
    assert_eq!(requests(&journal).len(), 1);
    assert!(store.directory().is_none());
    assert!(tree(data.path()).is_empty(), "nothing written");
}

#[tokio::test]
async fn a_refresh_stopped_before_it_starts_asks_nothing() {
    let server = Server::start();
    server.load_fixture("clean");
    let mut store = DirectoryStore::ephemeral();
    let cancel = CancellationToken::new();
    cancel.cancel();
    let journal = Journal::new();
    let report = store.refresh(&options(&server, 16), &journal, &|_| {}, &cancel).await.unwrap();
    assert!(report.stopped);
    assert_eq!(server.requests(), 0);
    assert!(journal.entries().is_empty());
    assert!(store.directory().is_none());
}
