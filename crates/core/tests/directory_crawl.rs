//! The directory crawler against a real HTTP server on 127.0.0.1: a clean federation, dead members,
//! conditional refreshes, and every hostile answer we could think of.

#![allow(clippy::unwrap_used)]

mod directory_server;
mod watchdog;

use std::sync::Mutex;
use std::time::{Duration, Instant};

use directory_server::{refused_url, Behaviour, Server};
use premiers_pas_core::directory::{
    CancellationToken, DirectoryStore, FailureReason, FileOutcome, RefreshOptions, RefreshProgress,
    RefreshReport, SkipReason,
};
use premiers_pas_core::journal::{Journal, JournalEntry};

/// Short timeouts so that the failures under test end quickly.
fn options(server: &Server) -> RefreshOptions {
    RefreshOptions {
        connect_timeout: Duration::from_secs(1),
        file_timeout: Duration::from_millis(1500),
        ..RefreshOptions::with_source(server.url("/federation.properties"))
    }
}

async fn refresh(store: &mut DirectoryStore, opts: &RefreshOptions) -> RefreshReport {
    store.refresh(opts, &Journal::new(), &|_| {}, &CancellationToken::new()).await.unwrap()
}

/// How many files of `report` failed for `reason`.
fn failed_for(report: &RefreshReport, reason: FailureReason) -> usize {
    report
        .files
        .iter()
        .filter(|f| matches!(&f.outcome, FileOutcome::Failed { reason: r, .. } if *r == reason))
        .count()
}

fn outcome<'a>(report: &'a RefreshReport, url: &str) -> &'a FileOutcome {
    &report
        .files
        .iter()
        .find(|f| f.url == url)
        .unwrap_or_else(|| panic!("no line for {url}: {report:#?}"))
        .outcome
}

#[tokio::test]
async fn clean_federation_loads_every_member_and_service() {
    let server = Server::start();
    server.load_fixture("clean");
    let journal = Journal::new();
    let seen: Mutex<Vec<RefreshProgress>> = Mutex::new(Vec::new());
    let mut store = DirectoryStore::ephemeral();
    let report = store
        .refresh(
            &options(&server),
            &journal,
            &|p| seen.lock().unwrap().push(p.clone()),
            &CancellationToken::new(),
        )
        .await
        .unwrap();

    assert_eq!(report.organizations, 11);
    assert_eq!(report.services, 14);
    assert_eq!(report.counts.fetched, 1 + 11 + 14);
    assert_eq!((report.counts.failed, report.counts.skipped, report.counts.unchanged), (0, 0, 0));
    // Amiens's latitude of 200 is dropped; nothing of another file is.
    assert!(
        report
            .rejected_values
            .iter()
            .any(|r| r.key.ends_with("latitude") && r.reason == "coordinates_out_of_range"),
        "{report:#?}"
    );
    assert!(report.rejected_values.iter().all(|r| r.url.ends_with("/orgs/amiens.properties")), "{report:#?}");

    let d = store.directory().unwrap();
    assert_eq!(d.federation.name, "Chatons de test");
    assert_eq!(d.federation.description.as_deref(), Some("Une fédération d'essai.\nDeux lignes."));
    let oise = d.organization("oise").unwrap();
    assert_eq!(oise.name, "Les Chatons de l'Oise");
    assert_eq!(oise.services.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), vec!["courriel", "nuage"]);
    assert_eq!(oise.start_date.as_deref(), Some("2019-03-12"));

    // RefreshProgress: starts at 0, ends with done == total == every file.
    let seen = seen.lock().unwrap();
    assert_eq!(seen.first().map(|p| p.done), Some(0));
    let last = seen.last().unwrap();
    assert_eq!((last.done, last.total), (26, 26));
    assert!(seen.windows(2).all(|w| w[0].done <= w[1].done));

    // Every request is in the journal.
    let requests = journal
        .entries()
        .into_iter()
        .filter(|e| matches!(e, JournalEntry::Request { purpose, status: 200, .. } if purpose == "directory"))
        .count();
    assert_eq!(requests, 26);
    assert_eq!(server.requests(), 26);
}

#[tokio::test]
async fn second_refresh_is_answered_with_304s_and_changes_nothing() {
    let server = Server::start();
    server.load_fixture("clean");
    let mut store = DirectoryStore::ephemeral();
    let opts = options(&server);
    let first = refresh(&mut store, &opts).await;
    let before = store.directory().unwrap().clone();
    server.reset_counters();

    let second = refresh(&mut store, &opts).await;
    assert_eq!(second.counts.unchanged, 26, "{second:#?}");
    assert_eq!(second.counts.fetched, 0);
    assert_eq!(server.not_modified(), 26);
    assert_eq!(server.body_bytes(), 0);
    assert_eq!(second.bytes_received, 0);
    assert!(first.bytes_received > 1000);
    let after = store.directory().unwrap();
    assert_eq!(after.organizations, before.organizations);
}

#[tokio::test]
async fn last_modified_alone_also_makes_a_conditional_request() {
    let server = Server::start();
    server.set(
        "/federation.properties",
        Behaviour::File {
            body: b"federation.name = F\n".to_vec(),
            etag: None,
            last_modified: Some("Wed, 21 Oct 2015 07:28:00 GMT".into()),
        },
    );
    let mut store = DirectoryStore::ephemeral();
    refresh(&mut store, &options(&server)).await;
    let second = refresh(&mut store, &options(&server)).await;
    assert_eq!(second.counts.unchanged, 1);
    assert_eq!(server.not_modified(), 1);
}

/// A federation in which Lyon keeps thirty service files on a server of its own (`member`); everything
/// else is on `server`. Returns the paths of those thirty files on `member`.
fn lyon_on_its_own_server(server: &Server, member: &Server) -> Vec<String> {
    server.load_fixture("clean");
    let paths: Vec<String> = (0..30).map(|i| format!("/services/s{i}.properties")).collect();
    let lyon = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/federations/clean/orgs/lyon.properties"
    ))
    .unwrap()
    .replace("{{BASE}}", &server.base);
    let subs: String =
        paths.iter().enumerate().map(|(i, p)| format!("subs.s{i} = {}\n", member.url(p))).collect();
    server.set_file("/orgs/lyon.properties", format!("{lyon}\n{subs}").into_bytes());
    for (i, path) in paths.iter().enumerate() {
        member.set_file(path, format!("file.class = Service\nservice.name = Service {i}\n").into_bytes());
    }
    paths
}

/// The requests the journal lists to `server`.
fn requests_to(journal: &Journal, server: &Server) -> u64 {
    let to_server = |e: &JournalEntry| matches!(e, JournalEntry::Request { target, .. } if target.starts_with(&server.base));
    journal.entries().iter().filter(|e| to_server(e)).count() as u64
}

#[tokio::test]
async fn a_server_that_stops_answering_is_not_waited_on_file_after_file() {
    let (server, member) = (Server::start(), Server::start());
    let paths = lyon_on_its_own_server(&server, &member);
    let opts = RefreshOptions { concurrency: 4, ..options(&server) };
    let mut store = DirectoryStore::ephemeral();
    let first = refresh(&mut store, &opts).await;
    assert_eq!(first.counts.failed, 0, "{first:#?}");

    // Now that server accepts connections and never answers.
    for path in &paths {
        member.set(path, Behaviour::Hang);
    }
    member.reset_counters();
    let journal = Journal::new();
    let report = store.refresh(&opts, &journal, &|_| {}, &CancellationToken::new()).await.unwrap();

    // After eight files in a row did not arrive, no more were asked: at most the eight, plus what was
    // already in flight when the eighth failed.
    let budget = u64::from(opts.max_unanswered_per_server);
    let asked = member.requests();
    assert!(asked >= budget && asked < budget + opts.concurrency as u64, "{asked} requests");
    let (mut timed_out, mut not_asked) = (0, 0);
    for path in &paths {
        match outcome(&report, &member.url(path)) {
            FileOutcome::Failed { reason: FailureReason::Timeout, kept_previous: true, .. } => timed_out += 1,
            FileOutcome::Failed {
                reason: FailureReason::ServerNotAnswering,
                kept_previous: true,
                message,
            } => {
                assert!(message.contains(&member.base), "{message}");
                not_asked += 1;
            }
            other => panic!("{path}: {other:?}"),
        }
    }
    assert_eq!((timed_out, not_asked), (asked, 30 - asked));
    // The journal lists only the requests sent.
    assert_eq!(requests_to(&journal, &member), asked);
    // The other members were read as usual, and the silent server's last good copies stand in.
    assert_eq!(report.counts.failed, 30, "{report:#?}");
    let d = store.directory().unwrap();
    assert_eq!(d.organization("lyon").unwrap().services.len(), 31);
}

#[tokio::test]
async fn a_server_that_still_answers_is_never_given_up() {
    let (server, member) = (Server::start(), Server::start());
    let paths = lyon_on_its_own_server(&server, &member);
    // More files that never arrive than the budget, each followed by one that does; and the first ones,
    // asked together, all hang.
    let hanging: Vec<&String> = paths.iter().take(4).chain(paths.iter().skip(4).step_by(2)).collect();
    for path in &hanging {
        member.set(path, Behaviour::Hang);
    }
    let opts = RefreshOptions { concurrency: 4, ..options(&server) };
    assert!(hanging.len() > opts.max_unanswered_per_server as usize);
    let mut store = DirectoryStore::ephemeral();
    let report = refresh(&mut store, &opts).await;

    for path in &paths {
        let expected_hang = hanging.contains(&path);
        match outcome(&report, &member.url(path)) {
            FileOutcome::Failed { reason: FailureReason::Timeout, .. } if expected_hang => {}
            FileOutcome::Fetched { .. } if !expected_hang => {}
            other => panic!("{path}: {other:?}"),
        }
    }
    assert_eq!(member.requests(), 30);
}

#[tokio::test]
async fn a_refresh_of_servers_that_all_answer_slowly_ends_at_its_time_limit() {
    let (server, member) = (Server::start(), Server::start());
    let paths = lyon_on_its_own_server(&server, &member);
    let mut store = DirectoryStore::ephemeral();
    let first = refresh(&mut store, &options(&server)).await;
    assert_eq!(first.counts.failed, 0, "{first:#?}");

    // Every file of that server now comes, but each after 300 ms: thirty of them, one at a time, would
    // take nine seconds. The refresh may take one.
    member.set_latency(Duration::from_millis(300));
    member.reset_counters();
    let opts = RefreshOptions { concurrency: 1, time_limit: Duration::from_secs(1), ..options(&server) };
    let journal = Journal::new();
    let report = store.refresh(&opts, &journal, &|_| {}, &CancellationToken::new()).await.unwrap();

    let asked = member.requests();
    assert!(asked < 30, "{asked} requests: the refresh went on past its limit");
    let (mut read, mut out_of_time) = (0, 0);
    for path in &paths {
        match outcome(&report, &member.url(path)) {
            FileOutcome::Fetched { .. } | FileOutcome::Unchanged => read += 1,
            FileOutcome::Failed { reason: FailureReason::OutOfTime, kept_previous: true, message } => {
                assert!(message.contains("time limit (1 s)"), "{message}");
                out_of_time += 1;
            }
            other => panic!("{path}: {other:?}"),
        }
    }
    assert_eq!(read + out_of_time, 30);
    assert!(out_of_time >= 30 - asked, "every file not asked is out of time");
    // The journal lists only the requests sent, and the last good copies stand in.
    assert_eq!(requests_to(&journal, &member), asked);
    assert!(!report.stopped);
    assert_eq!(store.directory().unwrap().organization("lyon").unwrap().services.len(), 31);
}

#[tokio::test]
async fn dead_members_keep_their_last_good_copy() {
    let server = Server::start();
    server.load_fixture("clean");
    let mut store = DirectoryStore::ephemeral();
    let opts = options(&server);
    refresh(&mut store, &opts).await;

    // One member answers 500, one never answers, one host refuses connections.
    server.set("/orgs/paris.properties", Behaviour::Status(500));
    server.set("/orgs/lyon.properties", Behaviour::Hang);
    let refused = refused_url("/orgs/lille.properties");
    let fed = String::from_utf8(
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/federations/clean/federation.properties"
        ))
        .unwrap(),
    )
    .unwrap()
    .replace("{{BASE}}", &server.base)
    .replace(&server.url("/orgs/lille.properties"), &refused);
    server.set_file("/federation.properties", fed.into_bytes());

    let started = Instant::now();
    let report = refresh(&mut store, &opts).await;
    assert!(started.elapsed() < Duration::from_secs(20));

    match outcome(&report, &server.url("/orgs/paris.properties")) {
        FileOutcome::Failed { reason: FailureReason::HttpStatus, kept_previous: true, message } => {
            assert!(message.contains("500"), "{message}")
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        outcome(&report, &server.url("/orgs/lyon.properties")),
        FileOutcome::Failed { reason: FailureReason::Timeout, kept_previous: true, .. }
    ));
    // The refused host was never fetched before under that address: no copy to keep.
    assert!(matches!(
        outcome(&report, &refused),
        FileOutcome::Failed { reason: FailureReason::Connect, kept_previous: false, .. }
    ));

    let d = store.directory().unwrap();
    let paris = d.organization("paris").unwrap();
    assert_eq!(paris.name, "Paris Pad");
    assert!(paris.freshness.last_error.as_deref().unwrap().contains("500"));
    assert_eq!(paris.services.len(), 2, "services of a dead member's file are still crawled");
    assert!(d.organization("lyon").unwrap().freshness.last_error.is_some());
    assert!(d.organization("lille").is_none());
    assert!(d.organization("oise").unwrap().freshness.last_error.is_none());
    assert_eq!(d.organizations.len(), 10);

    // And the member that was down is back on the next refresh, without error.
    server.load_fixture("clean");
    let report = refresh(&mut store, &opts).await;
    assert_eq!(report.counts.failed, 0);
    assert!(store.directory().unwrap().organization("paris").unwrap().freshness.last_error.is_none());
}

#[tokio::test]
async fn federation_file_down_without_copy_is_a_clear_error_and_with_copy_is_not() {
    let server = Server::start();
    server.set("/federation.properties", Behaviour::Status(503));
    let mut store = DirectoryStore::ephemeral();
    let err = store
        .refresh(&options(&server), &Journal::new(), &|_| {}, &CancellationToken::new())
        .await
        .unwrap_err();
    assert_eq!(premiers_pas_core::ErrorCode::code(&err), "directory.source_unavailable");
    assert!(err.to_string().contains("could not be read"), "{err}");
    assert!(store.directory().is_none());

    server.load_fixture("clean");
    refresh(&mut store, &options(&server)).await;
    server.set("/federation.properties", Behaviour::Status(503));
    let report = refresh(&mut store, &options(&server)).await;
    assert_eq!(report.organizations, 11);
    assert!(matches!(
        outcome(&report, &server.url("/federation.properties")),
        FileOutcome::Failed { kept_previous: true, .. }
    ));
}

/// The clean federation served, and a store refreshed from it once.
async fn refreshed_clean() -> (Server, DirectoryStore) {
    let server = Server::start();
    server.load_fixture("clean");
    let mut store = DirectoryStore::ephemeral();
    refresh(&mut store, &options(&server)).await;
    (server, store)
}

/// The refresh's error, the store left as it was.
async fn refresh_error(
    store: &mut DirectoryStore,
    opts: &RefreshOptions,
) -> premiers_pas_core::directory::DirectoryError {
    store.refresh(opts, &Journal::new(), &|_| {}, &CancellationToken::new()).await.unwrap_err()
}

#[tokio::test]
async fn a_refresh_that_nothing_answers_changes_nothing_and_says_so() {
    let (server, mut store) = refreshed_clean().await;
    let before = store.status();

    // Offline, or every server down: each file would be its last good copy.
    server.set_all(Behaviour::Status(503));
    let err = refresh_error(&mut store, &options(&server)).await;
    assert_eq!(premiers_pas_core::ErrorCode::code(&err), "directory.nothing_answered");
    assert!(err.to_string().contains("503") && err.to_string().contains("unchanged"), "{err}");
    // The directory in use, and its date, are the last refresh's.
    assert_eq!(store.status(), before);
    assert_eq!(store.directory().unwrap().organizations.len(), 11);

    // One file answering is a refresh (the others keep their last good copies).
    server.load_fixture("clean");
    server.set("/orgs/paris.properties", Behaviour::Status(503));
    let report = refresh(&mut store, &options(&server)).await;
    assert_eq!(report.organizations, 11);
}

#[tokio::test]
async fn a_source_that_is_not_a_federation_file_replaces_nothing() {
    let (server, mut store) = refreshed_clean().await;
    let before = store.status();

    // A web page (the file's page on a forge, rather than its raw text), then a member's own file.
    server.set_file(
        "/page.html",
        b"<!doctype html><html><body><h1>chatons.properties</h1></body></html>".to_vec(),
    );
    for source in [server.url("/page.html"), server.url("/orgs/paris.properties")] {
        let opts = RefreshOptions { source: source.clone(), ..options(&server) };
        let err = refresh_error(&mut store, &opts).await;
        assert_eq!(premiers_pas_core::ErrorCode::code(&err), "directory.not_a_federation", "{source}");
        assert_eq!(store.status(), before, "{source}");
    }
    // Without a first directory either: nothing is kept.
    let mut fresh = DirectoryStore::ephemeral();
    let opts = RefreshOptions { source: server.url("/page.html"), ..options(&server) };
    refresh_error(&mut fresh, &opts).await;
    assert!(fresh.directory().is_none());
}

#[tokio::test]
async fn an_invalid_source_is_refused_before_any_request() {
    let mut store = DirectoryStore::ephemeral();
    for source in ["file:///etc/passwd", "javascript:alert(1)", "not a url"] {
        let err = store
            .refresh(
                &RefreshOptions::with_source(source),
                &Journal::new(),
                &|_| {},
                &CancellationToken::new(),
            )
            .await
            .unwrap_err();
        assert_eq!(premiers_pas_core::ErrorCode::code(&err), "directory.invalid_source");
    }
}

fn hostile_server() -> Server {
    let server = Server::start();
    server.load_fixture("hostile");
    server.set("/huge.properties", Behaviour::Endless { bytes: 100 * 1024 * 1024 });
    server.set(
        "/slow.properties",
        Behaviour::Trickle {
            body: b"file.class = Organization\norganization.name = Slow\n".to_vec(),
            interval: Duration::from_secs(1),
        },
    );
    server.set("/loop-a.properties", Behaviour::Redirect(server.url("/loop-b.properties")));
    server.set("/loop-b.properties", Behaviour::Redirect(server.url("/loop-a.properties")));
    server.set("/to-file.properties", Behaviour::Redirect("file:///etc/passwd".into()));
    let mut many = String::from("file.class = Organization\norganization.name = Many\n");
    for i in 0..10_000 {
        many.push_str(&format!("subs.s{i} = {}/services/missing-{i}.properties\n", server.base));
    }
    server.set_file("/orgs/many.properties", many.into_bytes());
    server
}

#[tokio::test]
async fn hostile_federation_is_survived_in_bounded_time_with_a_clear_report() {
    let server = hostile_server();
    let mut store = DirectoryStore::ephemeral();
    let opts = options(&server);
    let started = Instant::now();
    let report = refresh(&mut store, &opts).await;
    assert!(started.elapsed() < Duration::from_secs(30), "{:?}", started.elapsed());
    let u = |p: &str| server.url(p);

    // 100 MB body: abandoned past the cap, never held.
    assert!(matches!(
        outcome(&report, &u("/huge.properties")),
        FileOutcome::Failed { reason: FailureReason::TooLarge, .. }
    ));
    assert!(report.bytes_received < 8 * 1024 * 1024, "{}", report.bytes_received);
    // One byte per second: ends at the per-file deadline.
    assert!(matches!(
        outcome(&report, &u("/slow.properties")),
        FileOutcome::Failed { reason: FailureReason::Timeout, .. }
    ));
    // Redirect loop and redirect to file://.
    assert!(matches!(
        outcome(&report, &u("/loop-a.properties")),
        FileOutcome::Failed { reason: FailureReason::RedirectLoop | FailureReason::TooManyRedirects, .. }
    ));
    assert!(server.hits("/loop-a.properties") <= 6);
    assert!(
        matches!(
            outcome(&report, &u("/to-file.properties")),
            FileOutcome::Failed { reason: FailureReason::RedirectScheme, .. }
        ),
        "{:?}",
        outcome(&report, &u("/to-file.properties"))
    );
    // javascript: and file: links are not followed.
    for bad in ["javascript:alert(document.cookie)", "file:///etc/passwd"] {
        assert!(
            matches!(outcome(&report, bad), FileOutcome::Skipped { reason: SkipReason::BadUrl, .. }),
            "{bad}"
        );
    }
    // The same organization listed twice, a member subscribing itself and the federation.
    let dups: Vec<&str> = report
        .files
        .iter()
        .filter(|f| matches!(f.outcome, FileOutcome::Skipped { reason: SkipReason::Duplicate, .. }))
        .map(|f| f.url.as_str())
        .collect();
    assert!(dups.contains(&u("/orgs/script.properties").as_str()), "{dups:?}");
    assert!(dups.contains(&u("/orgs/selfish.properties").as_str()));
    assert!(dups.contains(&u("/federation.properties").as_str()));
    assert_eq!(server.hits("/orgs/script.properties"), 1);
    assert_eq!(server.hits("/orgs/selfish.properties"), 1);
    assert_eq!(server.hits("/federation.properties"), 1);
    // 10,000 subs: capped, the rest reported in one line.
    match outcome(&report, &u("/orgs/many.properties")) {
        FileOutcome::Fetched { .. } => {}
        other => panic!("{other:?}"),
    }
    let capped = report
        .files
        .iter()
        .find(|f| matches!(f.outcome, FileOutcome::Skipped { reason: SkipReason::SubsCap, .. }))
        .unwrap();
    assert_eq!(capped.url, u("/orgs/many.properties"));
    match &capped.outcome {
        FileOutcome::Skipped { detail: Some(d), .. } => assert!(d.starts_with("9500 "), "{d}"),
        other => panic!("{other:?}"),
    }
    assert!(server.requests() < 600, "{}", server.requests());
    // Invalid UTF-8 read as Latin-1.
    assert!(matches!(
        outcome(&report, &u("/orgs/latin1.properties")),
        FileOutcome::Fetched { latin1: true, .. }
    ));

    let d = store.directory().unwrap();
    let names: Vec<&str> = d.organizations.iter().map(|o| o.name.as_str()).collect();
    // Markup in names is kept as inert text; the copy of the same organization is dropped.
    assert!(names.contains(&"<script>alert('pwned')</script>"), "{names:?}");
    assert!(names.contains(&"<img src=x onerror=alert(1)>"));
    assert!(!names.contains(&"<IMG SRC=x ONERROR=alert(1)>"));
    assert!(report
        .notes
        .iter()
        .any(|n| n.code == "duplicate_organization" && n.url == u("/orgs/img-copy.properties")));
    assert!(names.contains(&"Chez Émile à Céret"));
    assert!(names.contains(&"Quoted"));
    assert!(names.contains(&"Selfish"));

    let script = d.organizations.iter().find(|o| o.name.starts_with("<script>")).unwrap();
    assert_eq!(script.website, None);
    assert_eq!(script.contact_url, None);
    assert_eq!(script.contact_email, None);
    assert_eq!(script.country_code, None);
    assert_eq!(script.location, None);
    assert_eq!(script.description.as_deref(), Some("Nice <b>bold</b> text\nand a second line"));
    assert_eq!(script.services[0].website, None);
    let img = d.organizations.iter().find(|o| o.name.starts_with("<img")).unwrap();
    assert_eq!(img.description.as_deref(), Some("Escape [31mred[0m and bell  here"));
    let selfish = d.organizations.iter().find(|o| o.name == "Selfish").unwrap();
    assert_eq!(selfish.services.len(), 1);

    let rejected: Vec<(&str, &str)> =
        report.rejected_values.iter().map(|r| (r.key.as_str(), r.reason.as_str())).collect();
    for expected in [
        ("organization.website", "url_scheme"),
        ("organization.contact.url", "url_scheme"),
        ("organization.contact.email", "email_invalid"),
        ("organization.country.code", "country_code_invalid"),
        ("organization.geolocation.latitude", "coordinates_out_of_range"),
        ("service.website", "url_scheme"),
    ] {
        assert!(rejected.contains(&expected), "{expected:?} not in {rejected:?}");
    }

    // The report and directory serialise to JSON with the markup as plain strings.
    let json = serde_json::to_string(&report).unwrap();
    assert!(json.contains("\"status\":\"skipped\""));
    let json = serde_json::to_string(d).unwrap();
    assert!(json.contains("<script>alert('pwned')</script>"));
}

#[tokio::test]
async fn concurrency_one_still_crawls_everything() {
    let server = Server::start();
    server.load_fixture("clean");
    let mut store = DirectoryStore::ephemeral();
    let opts = RefreshOptions { concurrency: 1, ..options(&server) };
    let report = refresh(&mut store, &opts).await;
    assert_eq!(report.counts.fetched, 26);
}

#[tokio::test]
async fn the_file_cap_bounds_a_refresh() {
    let server = Server::start();
    server.load_fixture("clean");
    let mut store = DirectoryStore::ephemeral();
    let opts = RefreshOptions { max_files: 5, ..options(&server) };
    let report = refresh(&mut store, &opts).await;
    assert_eq!(report.counts.fetched, 5);
    assert!(report
        .files
        .iter()
        .any(|f| matches!(f.outcome, FileOutcome::Skipped { reason: SkipReason::FileCap, .. })));
    assert_eq!(server.requests(), 5);
}

#[test]
fn a_refresh_can_run_on_any_thread() {
    fn is_send<T: Send>(_: &T) {}
    let mut store = DirectoryStore::ephemeral();
    let (opts, journal, cancel) = (RefreshOptions::default(), Journal::new(), CancellationToken::new());
    let refresh = store.refresh(&opts, &journal, &|_| {}, &cancel);
    is_send(&refresh);
}

/// What a member writes beyond what the directory is built from is not kept — other keys, links not
/// followed — and a file whose directory text alone is bulky (as saved, escapes included) is refused.
#[tokio::test]
async fn a_members_bulk_is_not_kept() {
    let server = Server::start();
    let fed = format!(
        "file.class = Federation\nfederation.name = Test\nsubs.big = {}\n",
        server.url("/orgs/big.properties")
    );
    server.set_file("/federation.properties", fed.into_bytes());
    let org = format!(
        "file.class = Organization\norganization.name = Big\norganization.notes = {}\nmetrics.x = 1\n\
         subs.ok = {}\nsubs.fat = {}\nsubs.escaped = {}\nsubs.bad = javascript:alert(1)\n",
        "n".repeat(900 * 1024),
        server.url("/services/ok.properties"),
        server.url("/services/fat.properties"),
        server.url("/services/escaped.properties"),
    );
    server.set_file("/orgs/big.properties", org.into_bytes());
    let ok =
        format!("file.class = Service\nservice.name = Pads\nsubs.never = {}\n", server.url("/x.properties"));
    server.set_file("/services/ok.properties", ok.into_bytes());
    let fat = format!(
        "file.class = Service\nservice.name = Fat\nservice.description = {}\n",
        "d".repeat(70 * 1024)
    );
    server.set_file("/services/fat.properties", fat.into_bytes());
    // 12 KiB of control characters are 72 KiB once saved as JSON (`\u0001` each).
    let escaped = format!(
        "file.class = Service\nservice.name = E\nservice.description = {}\n",
        "\u{1}".repeat(12 * 1024)
    );
    server.set_file("/services/escaped.properties", escaped.into_bytes());

    let data = tempfile::tempdir().unwrap();
    let mut store = DirectoryStore::open(data.path(), &Journal::new());
    let report = refresh(&mut store, &options(&server)).await;
    assert_eq!((report.organizations, report.services), (1, 1), "{report:#?}");
    for refused in ["/services/fat.properties", "/services/escaped.properties"] {
        assert!(matches!(
            outcome(&report, &server.url(refused)),
            FileOutcome::Failed { reason: FailureReason::TooLarge, kept_previous: false, .. }
        ));
    }
    let kept = &store.snapshot().unwrap().files;
    let keys = |path: &str| -> Vec<String> {
        let file = kept.iter().find(|f| f.url.ends_with(path)).unwrap();
        file.pairs.iter().map(|(k, _)| k.clone()).collect()
    };
    assert_eq!(
        keys("/orgs/big.properties"),
        ["file.class", "organization.name", "subs.ok", "subs.fat", "subs.escaped"]
    );
    // A service's links are never followed: not kept either.
    assert_eq!(keys("/services/ok.properties"), ["file.class", "service.name"]);
    let saved = std::fs::metadata(data.path().join("directory").join("snapshot.json")).unwrap().len();
    assert!(saved < 16 * 1024, "{saved} bytes");
}

/// Serves a federation file that lists two members, `/orgs/a.properties` and `/orgs/b.properties`.
fn serve_two_members(server: &Server) {
    let fed = format!(
        "file.class = Federation\nsubs.a = {}\nsubs.b = {}\n",
        server.url("/orgs/a.properties"),
        server.url("/orgs/b.properties")
    );
    server.set_file("/federation.properties", fed.into_bytes());
}

/// Serves a federation of two members, `a` and `b`, on `server`: A's file lists `a_first` (when given),
/// then forty services of its own of 60 KiB of text each (more than its share holds), named
/// `/services/aNN.properties`; B's file lists `/services/b.properties`. B's file is returned, for the
/// caller to serve as it likes.
fn federation_with_a_heavy_member(server: &Server, a_first: Option<&str>) -> String {
    serve_two_members(server);
    let mut a = String::from("file.class = Organization\norganization.name = A\n");
    if let Some(url) = a_first {
        a.push_str(&format!("subs.theirs = {url}\n"));
    }
    for i in 0..40 {
        let path = format!("/services/a{i:02}.properties");
        a.push_str(&format!("subs.s{i} = {}\n", server.url(&path)));
        let body = format!(
            "file.class = Service\nservice.name = A{i}\nservice.description = {}\n",
            "a".repeat(60 * 1024)
        );
        server.set_file(&path, body.into_bytes());
    }
    server.set_file("/orgs/a.properties", a.into_bytes());
    format!(
        "file.class = Organization\norganization.name = B\nsubs.pads = {}\n",
        server.url("/services/b.properties")
    )
}

/// One member listing many bulky services fills its own share of the directory, not everyone's: past it
/// their files are refused, and the other members are kept whole.
#[tokio::test]
async fn one_member_cannot_fill_the_directory_of_all() {
    let server = Server::start();
    let b = federation_with_a_heavy_member(&server, None);
    server.set_file("/orgs/b.properties", b.into_bytes());
    server.set_file("/services/b.properties", b"file.class = Service\nservice.name = Pads\n".to_vec());

    let data = tempfile::tempdir().unwrap();
    let mut store = DirectoryStore::open(data.path(), &Journal::new());
    let report = refresh(&mut store, &options(&server)).await;
    let refused: Vec<&str> = report
        .files
        .iter()
        .filter_map(|f| match &f.outcome {
            FileOutcome::Failed { reason: FailureReason::HostShare, message, .. } => Some(message.as_str()),
            _ => None,
        })
        .collect();
    assert!(refused.len() >= 5 && refused.len() < 40, "{} refused", refused.len());
    assert!(refused.iter().all(|m| m.contains("this host's files")), "{refused:?}");
    let directory = store.directory().unwrap();
    let b = directory.organizations.iter().find(|o| o.name == "B").unwrap();
    assert_eq!(b.services.len(), 1);
    let saved = std::fs::metadata(data.path().join("directory").join("snapshot.json")).unwrap().len();
    assert!(saved < 2 * 1024 * 1024 + 64 * 1024, "{saved} bytes");

    // Refreshed again, the files kept come back unchanged: they still count, and the same ones are refused.
    let again = refresh(&mut store, &options(&server)).await;
    assert!(again.counts.unchanged > 0, "{:?}", again.counts);
    let refused_again = failed_for(&again, FailureReason::HostShare);
    assert_eq!(refused_again, refused.len());
    let saved = std::fs::metadata(data.path().join("directory").join("snapshot.json")).unwrap().len();
    assert!(saved < 2 * 1024 * 1024 + 64 * 1024, "{saved} bytes after a second refresh");
}

/// A hostile member lists another member's service as its own, then fills its share with its own files
/// named to come first: the other member's service is still kept, in that member's share.
#[tokio::test]
async fn a_member_cannot_push_another_member_s_service_out_through_its_share() {
    let server = Server::start();
    // A lists B's service first of all, so that A, whose file comes first, is the first to list it.
    let b = federation_with_a_heavy_member(&server, Some(&server.url("/services/b.properties")));
    // B's own file comes late: A has listed B's service by then.
    server.set(
        "/orgs/b.properties",
        Behaviour::Trickle { body: b.into_bytes(), interval: Duration::from_millis(5) },
    );
    server.set_file(
        "/services/b.properties",
        format!(
            "file.class = Service\nservice.name = Pads\nservice.description = {}\n",
            "b".repeat(8 * 1024)
        )
        .into_bytes(),
    );

    let mut store = DirectoryStore::ephemeral();
    let report = refresh(&mut store, &options(&server)).await;
    assert!(
        matches!(outcome(&report, &server.url("/services/b.properties")), FileOutcome::Fetched { .. }),
        "{report:#?}"
    );
    let refused = failed_for(&report, FailureReason::HostShare);
    assert!(refused >= 5, "A's own files past its share are still refused: {refused}");
    let directory = store.directory().unwrap();
    let b = directory.organizations.iter().find(|o| o.name == "B").unwrap();
    assert_eq!(b.services.len(), 1, "{b:#?}");
}

/// A member whose services sit on many servers that never answer (a name each) is given up after the same
/// budget as one server: the other members' files are still asked, well within the refresh's time, even
/// one it listed too.
#[tokio::test]
async fn one_member_s_silent_servers_cannot_take_the_refresh_s_time() {
    let server = Server::start();
    let silent: Vec<Server> = (0..20).map(|_| Server::start()).collect();
    serve_two_members(&server);
    let mut a = String::from("file.class = Organization\norganization.name = A\n");
    for (i, s) in silent.iter().enumerate() {
        s.set("/service.properties", Behaviour::Hang);
        a.push_str(&format!("subs.s{i:02} = {}\n", s.url("/service.properties")));
    }
    // Last, B's service: A's silence must not cost B its service.
    a.push_str(&format!("subs.theirs = {}\n", server.url("/b.properties")));
    server.set_file("/orgs/a.properties", a.into_bytes());
    let b = format!(
        "file.class = Organization\norganization.name = B\nsubs.pads = {}\n",
        server.url("/b.properties")
    );
    // B's own file comes late: A has listed B's service first.
    server.set(
        "/orgs/b.properties",
        Behaviour::Trickle { body: b.into_bytes(), interval: Duration::from_millis(5) },
    );
    server.set_file("/b.properties", b"file.class = Service\nservice.name = Pads\n".to_vec());

    let opts = RefreshOptions { concurrency: 4, ..options(&server) };
    let mut store = DirectoryStore::ephemeral();
    let report = refresh(&mut store, &opts).await;
    let asked: u64 = silent.iter().map(Server::requests).sum();
    assert!(asked <= 12, "{asked} requests to A's silent servers");
    let given_up = failed_for(&report, FailureReason::HostNotAnswering);
    assert!(given_up >= 8, "{given_up} of A's files not asked: {report:#?}");
    let b = server.url("/b.properties");
    let fetched = report.files.iter().any(|f| f.url == b && matches!(f.outcome, FileOutcome::Fetched { .. }));
    assert!(fetched, "{report:#?}");
    let directory = store.directory().unwrap();
    assert_eq!(directory.organizations.iter().find(|o| o.name == "B").unwrap().services.len(), 1);
}

/// A member's file of continued lines of backslashes, nearly as large as a response may be, is read in one
/// pass: each line used to count every backslash joined before it, for minutes of a refresh that neither
/// Stop nor its time limit could end.
#[test]
fn a_file_of_continued_lines_of_backslashes_does_not_hold_the_refresh() {
    let server = Server::start();
    let fed = format!("file.class = Federation\nsubs.s = {}\n", server.url("/orgs/slashes.properties"));
    server.set_file("/federation.properties", fed.into_bytes());
    let lines = 250_000;
    let org = format!(
        "file.class = Organization\norganization.name = Slashes\norganization.notes = x\\\n{}end\n",
        "\\\\\\\n".repeat(lines)
    );
    assert!(org.len() < 1024 * 1024, "under the response cap: {}", org.len());
    server.set_file("/orgs/slashes.properties", org.into_bytes());
    let opts = options(&server);
    let report = watchdog::ends("a refresh reading a file of backslashes", move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let mut store = DirectoryStore::ephemeral();
        runtime.block_on(refresh(&mut store, &opts))
    });
    assert_eq!(report.organizations, 1, "{report:#?}");
}

/// A member's link short as written but too long once encoded (`é` takes six characters) is skipped as a
/// bad address, like any other: the refresh goes on, the member's other services are kept, and the
/// directory is saved. It used to pass the crawler and be refused when the directory was saved, so that
/// one line made every refresh fail, for everyone.
#[tokio::test]
async fn a_link_too_long_once_encoded_is_skipped_and_the_directory_is_kept() {
    let server = Server::start();
    serve_two_members(&server);
    let long = server.url(&format!("/services/{}.properties", "é".repeat(1000)));
    assert!(long.chars().count() < 2048);
    server.set_file(
        "/orgs/a.properties",
        format!(
            "file.class = Organization\norganization.name = A\nsubs.long = {long}\nsubs.pads = {}\n",
            server.url("/services/a.properties")
        )
        .into_bytes(),
    );
    server.set_file("/orgs/b.properties", b"file.class = Organization\norganization.name = B\n".to_vec());
    server.set_file("/services/a.properties", b"file.class = Service\nservice.name = Pads\n".to_vec());
    let data = tempfile::tempdir().unwrap();
    let journal = Journal::new();
    let mut store = DirectoryStore::open(data.path(), &journal);
    let report =
        store.refresh(&options(&server), &journal, &|_| {}, &CancellationToken::new()).await.unwrap();

    let skipped = report
        .files
        .iter()
        .find(|f| matches!(f.outcome, FileOutcome::Skipped { reason: SkipReason::BadUrl, .. }))
        .unwrap_or_else(|| panic!("{report:#?}"));
    match &skipped.outcome {
        FileOutcome::Skipped { detail: Some(d), .. } => {
            assert_eq!(d, "subs.long: url_too_long")
        }
        other => panic!("{other:?}"),
    }
    let a = store.directory().unwrap().organization("a").map(|o| o.services.len());
    assert_eq!(a, Some(1), "{report:#?}");
    assert!(data.path().join("directory").join("snapshot.json").is_file());
}

/// A server's `ETag` of 10 kB is not kept: no share counts headers, and 180 services of such headers
/// made the directory too large to save, for everyone. The file is kept; the next refresh asks for it
/// again without "changed since?", and the other files are still asked that way.
#[tokio::test]
async fn a_huge_etag_is_not_kept() {
    let server = Server::start();
    serve_two_members(&server);
    server.set_file(
        "/orgs/a.properties",
        format!(
            "file.class = Organization\norganization.name = A\nsubs.pads = {}\n",
            server.url("/services/a.properties")
        )
        .into_bytes(),
    );
    server.set_file("/orgs/b.properties", b"file.class = Organization\norganization.name = B\n".to_vec());
    server.set(
        "/services/a.properties",
        Behaviour::File {
            body: b"file.class = Service\nservice.name = Pads\n".to_vec(),
            etag: Some(format!("\"{}\"", "e".repeat(10_000))),
            last_modified: Some(format!("Tue, 15 Nov 1994 08:12:31 GMT{}", " ".repeat(10_000))),
        },
    );
    let data = tempfile::tempdir().unwrap();
    let journal = Journal::new();
    let mut store = DirectoryStore::open(data.path(), &journal);
    let opts = options(&server);
    let first = store.refresh(&opts, &journal, &|_| {}, &CancellationToken::new()).await.unwrap();
    assert_eq!(first.counts.fetched, 4, "{first:#?}");
    let saved = std::fs::read_to_string(data.path().join("directory").join("snapshot.json")).unwrap();
    assert!(!saved.contains("eeeeeeeeee"), "{} bytes", saved.len());
    assert!(saved.len() < 8 * 1024, "{} bytes", saved.len());

    let second = store.refresh(&opts, &journal, &|_| {}, &CancellationToken::new()).await.unwrap();
    assert_eq!((second.counts.unchanged, second.counts.fetched), (3, 1), "{second:#?}");
    assert!(matches!(outcome(&second, &server.url("/services/a.properties")), FileOutcome::Fetched { .. }));
    assert_eq!(store.directory().unwrap().organization("a").map(|o| o.services.len()), Some(1));
}
