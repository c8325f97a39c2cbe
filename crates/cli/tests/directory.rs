//! `premiers-pas directory`, run as a person runs it, against a federation served on 127.0.0.1.

#![allow(clippy::unwrap_used)]

#[path = "../../core/tests/directory_server/mod.rs"]
mod directory_server;
#[path = "../../core/tests/folder_tree/mod.rs"]
mod folder_tree;

use std::path::Path;

use assert_cmd::Command;
use directory_server::Server;

fn premiers_pas(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("premiers-pas").unwrap();
    cmd.arg("--data-dir").arg(data).env_remove("PREMIERS_PAS_LANG");
    cmd
}

fn stdout(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

fn refreshed() -> (Server, tempfile::TempDir) {
    let server = Server::start();
    server.load_fixture("clean");
    let data = tempfile::tempdir().unwrap();
    let out = premiers_pas(data.path())
        .args(["--lang", "en", "directory", "refresh", "--source"])
        .arg(server.url("/federation.properties"))
        .assert()
        .success();
    let text = stdout(&out);
    assert!(text.contains("11 hosts, 14 services"), "{text}");
    assert!(text.contains("26 fetched, 0 unchanged, 0 failed, 0 skipped"), "{text}");
    (server, data)
}

#[test]
fn refresh_then_search_mail_near_compiegne_lists_the_nearest_hosts_first() {
    let (_server, data) = refreshed();
    let out = premiers_pas(data.path())
        .args(["--lang", "fr", "directory", "search", "--category", "mail", "--near", "compiegne"])
        .assert()
        .success();
    let text = stdout(&out);
    assert!(text.contains("Courriel près de Compiègne (Oise, Hauts-de-France, FR) — 7 résultats"), "{text}");
    let order = [
        "Les Chatons de l'Oise",
        "Margny Libre",
        "Paris Pad",
        "Lyon Chatons",
        "Amiens Asso",
        "Sans Adresse",
        "Nulle Part",
    ];
    let positions: Vec<usize> =
        order.iter().map(|n| text.find(n).unwrap_or_else(|| panic!("{n}: {text}"))).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
    for absent in ["Beauvais", "Endormie", "Lille", "Bruxelles"] {
        assert!(!text.contains(absent), "{absent}: {text}");
    }
    assert!(text.contains("distance inconnue, pays\u{202f}: FR"));
    assert!(!text.contains(" :") && !text.contains("« ") && !text.contains(" »"), "{text}");
    assert!(text.contains("lieu inconnu"));

    // Without a place, no distance is asked: none is said to be unknown.
    let out = premiers_pas(data.path())
        .args(["--lang", "fr", "directory", "search", "--category", "mail"])
        .assert()
        .success();
    let text = stdout(&out);
    assert!(!text.contains("distance inconnue") && text.contains("Margny Libre"), "{text}");
    assert!(text.contains("pays\u{202f}: FR"), "{text}");

    let out = premiers_pas(data.path())
        .args(["directory", "search", "--category", "mail", "--near", "Compiègne", "--limit", "3", "--json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let ids: Vec<&str> =
        json["hits"].as_array().unwrap().iter().map(|h| h["org_id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["oise", "margny", "paris"]);
    assert_eq!(json["total"], 7);
    assert_eq!(json["near"]["kind"], "found");
    assert_eq!(json["hits"][0]["services"][0]["category"], "mail");
}

#[test]
fn second_refresh_is_unchanged_and_status_tells() {
    let (server, data) = refreshed();
    let out =
        premiers_pas(data.path()).args(["--lang", "en", "directory", "refresh", "--json"]).assert().success();
    let report: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(report["counts"]["unchanged"], 26);
    assert_eq!(report["source"], server.url("/federation.properties"));
    // In French, 0 and 1 take the singular.
    let out = premiers_pas(data.path()).args(["--lang", "fr", "directory", "refresh"]).assert().success();
    let text = stdout(&out);
    assert!(text.contains("11 hébergeurs, 14 services"), "{text}");
    assert!(text.contains("0 lu, 26 inchangés, 0 en échec, 0 ignoré"), "{text}");
    let out = premiers_pas(data.path()).args(["--lang", "fr", "directory", "status"]).assert().success();
    let text = stdout(&out);
    assert!(text.contains("Annuaire\u{202f}: 11 hébergeurs, 14 services"), "{text}");
    assert!(text.contains("snapshot.json"));
    // When, as the person says it, where they are.
    let updated = text.lines().find(|l| l.starts_with("Mis à jour")).unwrap();
    assert!(
        updated.contains(" 2") && updated.contains(" à ") && updated.contains("\u{a0}h\u{a0}"),
        "{updated}"
    );
    assert!(!updated.contains("UTC"), "{updated}");
    let out = premiers_pas(data.path()).args(["directory", "status", "--json"]).assert().success();
    let status: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(status["available"], true);
    assert_eq!(status["services"], 14);
}

/// A federation with files of every wrong kind, refreshed in French: every line is in French, no code of
/// the JSON report and no English sentence of the engine.
#[test]
fn a_refresh_report_is_french_from_end_to_end() {
    let server = Server::start();
    server.load_fixture("hostile");
    // And a member whose server is down: the engine's English "error sending request…" is not said.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/federations/hostile");
    let federation = std::fs::read_to_string(fixture.join("federation.properties")).unwrap();
    let down = directory_server::refused_url("/down.properties");
    let federation = format!("{}subs.down = {down}\n", federation.replace("{{BASE}}", &server.base));
    server.set_file("/federation.properties", federation.into_bytes());
    let data = tempfile::tempdir().unwrap();
    let out = premiers_pas(data.path())
        .args(["--lang", "fr", "directory", "refresh", "--source"])
        .arg(server.url("/federation.properties"))
        .assert()
        .success();
    let text = stdout(&out);
    for english in [
        "wrong_class",
        "duplicate_organization",
        "missing_name",
        "url_",
        "(from ",
        "links ",
        "already",
        "error sending",
        "larger than",
    ] {
        assert!(!text.contains(english), "{english}: {text}");
    }
    assert!(text.contains("Fichiers laissés de côté"), "{text}");
    assert!(text.contains("down.properties — serveur injoignable\n"), "{text}");
    // An HTTP status reads in any language: it stays.
    assert!(text.contains("le serveur a répondu une erreur (HTTP 404 Not Found)"), "{text}");
}

/// The night before a workshop: a page's address pasted instead of the raw file's, or no network. Either
/// way the refresh fails, says why in French, and the directory prepared earlier stays, with its date.
#[test]
fn a_refresh_that_cannot_bring_anything_fails_and_keeps_the_directory() {
    let (server, data) = refreshed();
    let status = || {
        let out = premiers_pas(data.path()).args(["directory", "status", "--json"]).assert().success();
        serde_json::from_slice::<serde_json::Value>(&out.get_output().stdout).unwrap()
    };
    let before = status();
    server.set_file("/blob.html", b"<!doctype html><title>federation.properties</title>".to_vec());
    let out = premiers_pas(data.path())
        .args(["--lang", "fr", "directory", "refresh", "--source"])
        .arg(server.url("/blob.html"))
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("n’est pas celle d’un fichier de fédération ChatonsInfos"), "{err}");
    assert_eq!(status(), before);

    server.set_all(directory_server::Behaviour::Status(503));
    let out = premiers_pas(data.path()).args(["--lang", "fr", "directory", "refresh"]).assert().code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("Aucun fichier de l’annuaire n’a pu être lu"), "{err}");
    assert!(!stdout(&out).contains("mis à jour"), "{}", stdout(&out));
    assert_eq!(status(), before);
}

#[test]
fn a_saved_directory_that_cannot_be_used_is_said_in_french() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("directory")).unwrap();
    let snapshot = data.path().join("directory/snapshot.json");
    for (bytes, why) in [
        (&br#"{"schema": "premiers-pas/directory/2"}"#[..], "il vient d’une autre version de Premiers Pas"),
        (&b"{ not json"[..], "il est abîmé"),
    ] {
        std::fs::write(&snapshot, bytes).unwrap();
        let out = premiers_pas(data.path()).args(["--lang", "fr", "directory", "status"]).assert().success();
        let text = stdout(&out);
        assert!(
            text.contains(&format!("L’annuaire enregistré n’est pas utilisable\u{202f}: {why} (")),
            "{text}"
        );
        assert!(text.contains("Pas encore d’annuaire"), "{text}");
        // Searching it, or carrying it to a room, says the same, not "no directory yet".
        let carried = data.path().join("carried.json");
        let carried = carried.to_str().unwrap();
        for args in [&["directory", "search"][..], &["directory", "export", carried][..]] {
            let out = premiers_pas(data.path()).args(["--lang", "fr"]).args(args).assert().code(2);
            let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
            assert!(
                err.contains("n’est pas utilisable") && err.contains("directory.unusable"),
                "{args:?}: {err}"
            );
        }
        assert!(!Path::new(carried).exists());
    }
}

#[test]
fn export_import_round_trips_through_the_command_line() {
    let (_server, data) = refreshed();
    let usb = tempfile::tempdir().unwrap();
    let file = usb.path().join("annuaire.json");
    premiers_pas(data.path()).args(["--lang", "en", "directory", "export"]).arg(&file).assert().success();
    let room = tempfile::tempdir().unwrap();
    premiers_pas(room.path()).args(["--lang", "en", "directory", "import"]).arg(&file).assert().success();
    let search = |dir: &Path| {
        let out = premiers_pas(dir)
            .args(["directory", "search", "--near", "49.42,2.83", "--json"])
            .assert()
            .success();
        let mut v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        v.as_object_mut().unwrap().remove("near");
        v
    };
    assert_eq!(search(data.path()), search(room.path()));

    // A damaged file is refused and the room keeps its directory.
    let bad = usb.path().join("bad.json");
    std::fs::write(&bad, b"{\"schema\": \"premiers-pas/directory/1\", \"files\": 3}").unwrap();
    let out = premiers_pas(room.path())
        .args(["--lang", "en", "directory", "import"])
        .arg(&bad)
        .assert()
        .failure()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("damaged"));
    premiers_pas(room.path()).args(["directory", "show", "oise"]).assert().success();
}

#[test]
fn show_describes_an_organization() {
    let (_server, data) = refreshed();
    let out =
        premiers_pas(data.path()).args(["--lang", "en", "directory", "show", "oise"]).assert().success();
    let text = stdout(&out);
    assert!(text.contains("Les Chatons de l'Oise  [oise]"), "{text}");
    assert!(text.contains("Courriel (Roundcube) — open to all"), "{text}");
    assert!(text.contains("Nuage (Nextcloud) — members only"), "{text}");
    let out = premiers_pas(data.path()).args(["directory", "show", "oise", "--json"]).assert().success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["location"]["lat"], 49.4179);
    premiers_pas(data.path()).args(["directory", "show", "nobody"]).assert().failure().code(2);
}

#[test]
fn ambiguous_or_unknown_places_and_categories_are_explained() {
    let (_server, data) = refreshed();
    let out = premiers_pas(data.path())
        .args(["--lang", "en", "directory", "search", "--near", "Saint-Denis"])
        .assert()
        .failure()
        .code(1);
    let text = stdout(&out);
    assert!(text.contains("Several places match"), "{text}");
    assert!(text.contains("Saint-Denis (Seine-Saint-Denis, Île-de-France, FR)"), "{text}");
    assert!(text.contains("Saint-Denis (La Réunion, RE)"), "{text}");
    premiers_pas(data.path()).args(["directory", "search", "--near", "Saint-Denis, 93"]).assert().success();
    let out = premiers_pas(data.path())
        .args(["--lang", "en", "directory", "search", "--near", "compiegn"])
        .assert()
        .failure()
        .code(1);
    assert!(stdout(&out).contains("Did you mean"));
    let out = premiers_pas(data.path())
        .args(["--lang", "en", "directory", "search", "--category", "teleportation"])
        .assert()
        .failure()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("unknown category"));
}

#[test]
fn without_a_directory_commands_say_so() {
    let data = tempfile::tempdir().unwrap();
    let out = premiers_pas(data.path()).args(["--lang", "en", "directory", "status"]).assert().success();
    assert!(stdout(&out).contains("No directory yet"));
    let out =
        premiers_pas(data.path()).args(["--lang", "en", "directory", "search"]).assert().failure().code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("no directory yet"));
    let refused = directory_server::refused_url("/federation.properties");
    let out = premiers_pas(data.path())
        .args(["--lang", "en", "directory", "refresh", "--source", &refused])
        .assert()
        .failure()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("could not be read"));
}

/// Ctrl-C during a refresh (here a member that never answers): the refresh stops at once, says so in the
/// person's language, exits with 130 like any interrupted command, and leaves the directory kept offline
/// exactly as it was.
#[cfg(unix)]
#[test]
fn ctrl_c_stops_a_refresh_and_keeps_the_directory() {
    use directory_server::Behaviour;

    let (server, data) = refreshed();
    let before = folder_tree::tree(data.path());
    let hang = server.url("/orgs/hang.properties");
    server.set("/orgs/hang.properties", Behaviour::Hang);
    server.set_file(
        "/federation.properties",
        format!("file.class = Federation\nfederation.name = Chatons de test\nsubs.a = {hang}\n").into_bytes(),
    );

    let out = interrupted_refresh(&server, data.path(), "/orgs/hang.properties");
    assert_eq!(out.status.code(), Some(130), "{out:?}");
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.contains("Actualisation arrêtée\u{202f}: rien n’a été remplacé"), "{said}");
    assert_eq!(folder_tree::tree(data.path()), before, "the directory kept offline is untouched");
}

/// Runs `directory refresh` in French, and presses Ctrl-C (SIGINT) once the server got a request for
/// `hanging` (which never answers).
#[cfg(unix)]
fn interrupted_refresh(server: &Server, data: &Path, hanging: &str) -> std::process::Output {
    use std::time::{Duration, Instant};

    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("premiers-pas"))
        .arg("--data-dir")
        .arg(data)
        .args(["--lang", "fr", "directory", "refresh", "--source"])
        .arg(server.url("/federation.properties"))
        .env_remove("PREMIERS_PAS_LANG")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // A hang guard only: the request arrives in milliseconds.
    let deadline = Instant::now() + Duration::from_secs(30);
    while server.hits(hanging) == 0 {
        assert!(Instant::now() < deadline, "the refresh never asked for {hanging}");
        std::thread::sleep(Duration::from_millis(20));
    }
    let pid = child.id().to_string();
    assert!(std::process::Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    child.wait_with_output().unwrap()
}

/// Ctrl-C before anything was ever saved: the refresh says no directory was saved, and saves none.
#[cfg(unix)]
#[test]
fn ctrl_c_on_a_first_refresh_saves_nothing() {
    use directory_server::Behaviour;

    let server = Server::start();
    server.set("/federation.properties", Behaviour::Hang);
    let data = tempfile::tempdir().unwrap();
    let out = interrupted_refresh(&server, data.path(), "/federation.properties");
    assert_eq!(out.status.code(), Some(130), "{out:?}");
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.contains("aucun annuaire n’a été enregistré"), "{said}");
    assert!(
        folder_tree::tree(data.path()).is_empty(),
        "{:?}",
        folder_tree::tree(data.path()).keys().collect::<Vec<_>>()
    );
}
