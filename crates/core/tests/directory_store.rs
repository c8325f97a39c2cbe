//! The offline directory: kept on disk, reopened, exported and imported; damaged or foreign imports keep
//! the current one; a stand (ephemeral store) writes nothing.

#![allow(clippy::unwrap_used)]

mod directory_server;
mod folder_tree;
mod watchdog;

use std::path::Path;
use std::time::Duration;

use directory_server::Server;
use folder_tree::tree;
use premiers_pas_core::directory::assemble::StoredFile;
use premiers_pas_core::directory::{CancellationToken, DirectoryStore, RefreshOptions, DEFAULT_SOURCE};
use premiers_pas_core::journal::{Journal, JournalEntry};
use premiers_pas_core::ErrorCode;

fn refresh(store: &mut DirectoryStore, server: &Server) {
    let opts = RefreshOptions {
        connect_timeout: Duration::from_secs(1),
        file_timeout: Duration::from_secs(2),
        ..RefreshOptions::with_source(server.url("/federation.properties"))
    };
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(store.refresh(&opts, &Journal::new(), &|_| {}, &CancellationToken::new())).unwrap();
}

fn clean_server() -> Server {
    let server = Server::start();
    server.load_fixture("clean");
    server
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                out.extend(files_in(&p));
            } else {
                out.push(p.display().to_string());
            }
        }
    }
    out
}

#[test]
fn a_refresh_is_kept_on_disk_and_reopened() {
    let server = clean_server();
    let data = tempfile::tempdir().unwrap();
    let mut store = DirectoryStore::open(data.path(), &Journal::new());
    assert!(!store.status().available);
    refresh(&mut store, &server);
    let status = store.status();
    assert!(status.available);
    assert_eq!(status.organizations, 11);
    assert_eq!(status.source.as_deref(), Some(server.url("/federation.properties").as_str()));
    assert!(status.fetched_at_ms.unwrap() > 0);
    assert_eq!(status.last_refresh.unwrap().counts.fetched, 26);
    // Only the snapshot, no temporary file left behind.
    let files = files_in(data.path());
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].ends_with("directory/snapshot.json"));

    // Reading it again is in the journal, for the transparency panel.
    let journal = Journal::new();
    let reopened = DirectoryStore::open(data.path(), &journal);
    assert_eq!(reopened.directory(), store.directory());
    assert!(reopened.status().problem.is_none());
    match &journal.entries()[..] {
        [JournalEntry::FileRead { path, error: None, .. }] => {
            assert!(path.ends_with("snapshot.json"), "{path}")
        }
        other => panic!("{other:?}"),
    }
    // Nothing saved yet: nothing read.
    let empty = Journal::new();
    DirectoryStore::open(tempfile::tempdir().unwrap().path(), &empty);
    assert!(empty.entries().is_empty());
}

#[test]
fn the_stand_store_writes_nothing() {
    let server = clean_server();
    // The data folder holds the directory a volunteer prepared at home, and a copy of it to import.
    let data = tempfile::tempdir().unwrap();
    let mut at_home = DirectoryStore::open(data.path(), &Journal::new());
    refresh(&mut at_home, &server);
    let usb = tempfile::tempdir().unwrap();
    let file = usb.path().join("annuaire.json");
    at_home.export(&file).unwrap();
    let before = tree(data.path());
    assert!(before.keys().any(|p| p.ends_with("directory/snapshot.json")), "{:?}", before.keys());

    // The store a stand opens on that folder starts with that directory.
    let mut stand = DirectoryStore::ephemeral_from(data.path(), &Journal::new());
    assert!(stand.is_ephemeral());
    assert_eq!(stand.status().path, None);
    assert_eq!(stand.snapshot(), at_home.snapshot());

    // A refresh there is kept in memory: the folder is left byte for byte as it was.
    refresh(&mut stand, &server);
    assert!(stand.status().available);
    assert_ne!(stand.snapshot(), at_home.snapshot(), "a newer directory, which a write would have saved");
    assert_eq!(tree(data.path()), before);

    // So is an import.
    stand.import(&file, &Journal::new()).unwrap();
    assert!(stand.snapshot().unwrap().imported, "an imported directory, which a write would have saved");
    assert_eq!(tree(data.path()), before);

    // Reopening the data folder finds the volunteer's directory, nothing from the stand.
    assert_eq!(DirectoryStore::open(data.path(), &Journal::new()).snapshot(), at_home.snapshot());
}

#[test]
fn export_then_import_round_trips() {
    let server = clean_server();
    let home = tempfile::tempdir().unwrap();
    let mut at_home = DirectoryStore::open(home.path(), &Journal::new());
    refresh(&mut at_home, &server);
    let usb = tempfile::tempdir().unwrap();
    let file = usb.path().join("annuaire.json");
    let bytes = at_home.export(&file).unwrap();
    assert_eq!(std::fs::metadata(&file).unwrap().len(), bytes);

    let room = tempfile::tempdir().unwrap();
    let mut in_the_room = DirectoryStore::open(room.path(), &Journal::new());
    let journal = Journal::new();
    let status = in_the_room.import(&file, &journal).unwrap();
    assert_eq!(status.organizations, 11);
    assert_eq!(in_the_room.directory(), at_home.directory());
    assert!(matches!(&journal.entries()[0], JournalEntry::FileRead { error: None, .. }));
    // And it survives a restart.
    assert_eq!(DirectoryStore::open(room.path(), &Journal::new()).directory(), at_home.directory());
}

#[test]
fn bad_imports_fail_clearly_and_keep_the_current_directory() {
    let server = clean_server();
    let data = tempfile::tempdir().unwrap();
    let mut store = DirectoryStore::open(data.path(), &Journal::new());
    refresh(&mut store, &server);
    let before = store.directory().cloned();
    let good = data.path().join("good.json");
    store.export(&good).unwrap();
    let good_text = std::fs::read_to_string(&good).unwrap();

    let source_field = format!("\"source\": \"{}\"", server.url("/federation.properties"));
    assert!(good_text.contains(&source_field));
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated.json", good_text.as_bytes()[..good_text.len() / 2].to_vec(), "directory.import_corrupt"),
        ("photo.jpg", vec![0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "directory.import_corrupt"),
        (
            "audit.json",
            br#"{"schema":"premiers-pas/audit/1","os":"linux"}"#.to_vec(),
            "directory.import_foreign",
        ),
        ("array.json", b"[1,2,3]".to_vec(), "directory.import_foreign"),
        (
            "future.json",
            good_text.replace("premiers-pas/directory/1", "premiers-pas/directory/9").into_bytes(),
            "directory.import_version",
        ),
        (
            "no-federation.json",
            good_text
                .replace(
                    &source_field,
                    &source_field.replace("/federation.properties", "/elsewhere.properties"),
                )
                .into_bytes(),
            "directory.import_corrupt",
        ),
        (
            "bad-source.json",
            good_text.replacen(&server.base, "file://", 1).into_bytes(),
            "directory.import_corrupt",
        ),
        (
            "wrong-type.json",
            good_text
                .replacen("\"fetched_at_ms\":", "\"fetched_at_ms\": \"yesterday\", \"x\":", 1)
                .into_bytes(),
            "directory.import_corrupt",
        ),
    ];
    for (name, bytes, code) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let err = store.import(&path, &Journal::new()).unwrap_err();
        assert_eq!(err.code(), code, "{name}: {err}");
        assert!(err.to_string().contains(name), "{err}");
        assert_eq!(store.directory().cloned(), before, "{name}");
    }
    let missing = store.import(&dir.path().join("absent.json"), &Journal::new()).unwrap_err();
    assert_eq!(missing.code(), "directory.read_failed");

    // A sparse file larger than the cap is refused without being read.
    let huge = dir.path().join("huge.json");
    std::fs::File::create(&huge).unwrap().set_len(65 * 1024 * 1024).unwrap();
    assert_eq!(store.import(&huge, &Journal::new()).unwrap_err().code(), "directory.import_too_large");
    assert_eq!(store.directory().cloned(), before);
    assert_eq!(DirectoryStore::open(data.path(), &Journal::new()).directory().cloned(), before);
}

#[test]
fn an_import_carries_nothing_the_crawler_would_refuse() {
    let server = clean_server();
    let mut store = DirectoryStore::ephemeral();
    refresh(&mut store, &server);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.json");
    store.export(&file).unwrap();
    // Someone edits the export by hand and slips a javascript: URL and an HTML name in.
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("https://oise.example/", "javascript:alert(1)")
        .replace("Les Chatons de l'Oise", "<img src=x onerror=alert(1)>");
    std::fs::write(&file, text).unwrap();
    let mut other = DirectoryStore::ephemeral();
    other.import(&file, &Journal::new()).unwrap();
    let oise = other.organization("oise").unwrap();
    assert_eq!(oise.website, None);
    assert_eq!(oise.name, "<img src=x onerror=alert(1)>");
}

#[test]
fn a_damaged_snapshot_on_disk_is_reported_and_replaced_by_the_next_refresh() {
    let server = clean_server();
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("directory")).unwrap();
    std::fs::write(data.path().join("directory/snapshot.json"), b"{ not json").unwrap();
    let mut store = DirectoryStore::open(data.path(), &Journal::new());
    let status = store.status();
    assert!(!status.available);
    let problem = status.problem.unwrap();
    assert_eq!(problem.code, "directory.import_corrupt");
    assert!(problem.message.contains("damaged"), "{problem}");
    refresh(&mut store, &server);
    assert!(store.status().problem.is_none());
    assert!(DirectoryStore::open(data.path(), &Journal::new()).status().available);
}

/// A directory imported from a file does not take the next refresh into this computer's local network:
/// its source there was its author's choice. One refreshed here from a local mirror is refreshed from it
/// again, and a source the person names is always the one read.
#[test]
fn an_imported_directory_never_leads_a_refresh_into_the_local_network() {
    let server = clean_server();
    let mirror = server.url("/federation.properties");
    let home = tempfile::tempdir().unwrap();
    let mut at_home = DirectoryStore::open(home.path(), &Journal::new());
    refresh(&mut at_home, &server);
    assert_eq!(at_home.refresh_source(None), mirror);

    let file = home.path().join("annuaire.json");
    at_home.export(&file).unwrap();
    let mut carried = DirectoryStore::ephemeral();
    assert_eq!(carried.refresh_source(None), DEFAULT_SOURCE);
    carried.import(&file, &Journal::new()).unwrap();
    assert_eq!(carried.status().source.as_deref(), Some(mirror.as_str()));
    assert_eq!(carried.refresh_source(None), DEFAULT_SOURCE);
    assert_eq!(carried.refresh_source(Some(mirror.clone())), mirror);
    // Refreshed here from the source named, it is this computer's choice from then on.
    refresh(&mut carried, &server);
    assert_eq!(carried.refresh_source(None), mirror);
}

#[test]
fn a_saved_directory_from_another_version_says_so() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("directory")).unwrap();
    std::fs::write(
        data.path().join("directory/snapshot.json"),
        br#"{"schema": "premiers-pas/directory/2", "source": "https://example.org/f.properties"}"#,
    )
    .unwrap();
    let status = DirectoryStore::open(data.path(), &Journal::new()).status();
    assert!(!status.available);
    assert_eq!(status.problem.unwrap().code, "directory.import_version");
}

#[test]
fn unknown_organization_and_empty_export_are_clear_errors() {
    let mut store = DirectoryStore::ephemeral();
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(store.export(&dir.path().join("x.json")).unwrap_err().code(), "directory.empty");
    assert_eq!(store.organization("oise").unwrap_err().code(), "directory.empty");
    let server = clean_server();
    refresh(&mut store, &server);
    assert_eq!(store.organization("nope").unwrap_err().code(), "directory.unknown_organization");
}

/// Makes a FIFO (a named pipe) at `path`; false where it could not.
#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    made.is_ok_and(|s| s.success())
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_waiting_for_a_writer() {
    // Opening a FIFO for reading waits for a writer: forever, here.
    let data = tempfile::tempdir().unwrap();
    let fifo = data.path().join("directory.json");
    assert!(mkfifo(&fifo), "mkfifo makes the FIFO");
    let server = clean_server();
    let mut store = DirectoryStore::ephemeral();
    refresh(&mut store, &server);
    let before = store.directory().cloned();
    let (store, err) = watchdog::ends("importing a FIFO", move || {
        let err = store.import(&fifo, &Journal::new()).unwrap_err();
        (store, err)
    });
    assert_eq!(err.code(), "directory.read_failed", "{err}");
    assert!(err.detail().unwrap().contains("not a regular file"), "{:?}", err.detail());
    assert_eq!(store.directory().cloned(), before, "the current directory stays");

    // The same FIFO where the saved directory lives: the app still starts, and says why.
    std::fs::create_dir_all(data.path().join("directory")).unwrap();
    assert!(mkfifo(&data.path().join("directory/snapshot.json")));
    let dir = data.path().to_path_buf();
    let (opened, standing) = watchdog::ends("opening a saved directory that is a FIFO", move || {
        (DirectoryStore::open(&dir, &Journal::new()), DirectoryStore::ephemeral_from(&dir, &Journal::new()))
    });
    for status in [opened.status(), standing.status()] {
        assert!(!status.available);
        assert!(status.problem.is_some(), "{status:?}");
    }
}

/// A snapshot that an import could not read back is neither saved nor exported: the directory in use and
/// its file stay as they were.
#[test]
fn a_directory_too_large_to_read_back_is_neither_saved_nor_exported() {
    let server = clean_server();
    let data = tempfile::tempdir().unwrap();
    let mut store = DirectoryStore::open(data.path(), &Journal::new());
    refresh(&mut store, &server);
    let saved = std::fs::read(data.path().join("directory").join("snapshot.json")).unwrap();
    let before = store.directory().cloned();

    let mut bulky = store.snapshot().unwrap().clone();
    bulky.files.push(StoredFile {
        url: server.url("/orgs/bulky.properties"),
        etag: None,
        last_modified: None,
        fetched_at_ms: 1,
        last_error: None,
        pairs: vec![("organization.description".into(), "x".repeat(65 * 1024 * 1024))],
    });
    let err = store.replace(bulky.clone()).unwrap_err();
    assert_eq!(err.code(), "directory.too_large", "{err}");
    assert_eq!(store.directory().cloned(), before);
    assert_eq!(std::fs::read(data.path().join("directory").join("snapshot.json")).unwrap(), saved);

    // A stand's store holds it in memory, but will not write a file no import would take.
    let mut ephemeral = DirectoryStore::ephemeral();
    ephemeral.replace(bulky).unwrap();
    let out = data.path().join("export.json");
    assert_eq!(ephemeral.export(&out).unwrap_err().code(), "directory.too_large");
    assert!(!out.exists());
}
