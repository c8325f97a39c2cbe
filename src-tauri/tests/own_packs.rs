//! A volunteer's own packs through the real IPC layer: added (the file chosen, past the dialog), listed as
//! theirs, presented, still there at the next launch, removed; a damaged file left out with its reason;
//! nothing added or removed at a stand.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{config, tree, TestApp};
use premiers_pas_app::commands::checklist::{add_pack_from, PackAdded};
use premiers_pas_app::AppState;
use serde_json::{json, Value};
use tauri::Manager;

const OWN: &str = "atelier-courriel";

fn own_pack_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../crates/core/tests/fixtures/packs/own/atelier-courriel.toml")
}

/// Adds the pack file at `path` as the "Add a pack" command does once the dialog answered.
fn add(app: &TestApp, path: &Path) -> Result<PackAdded, premiers_pas_core::IpcError> {
    add_in(app, path, premiers_pas_core::Lang::En)
}

fn add_in(
    app: &TestApp,
    path: &Path,
    lang: premiers_pas_core::Lang,
) -> Result<PackAdded, premiers_pas_core::IpcError> {
    let state = app.webview.state::<AppState>();
    tauri::async_runtime::block_on(add_pack_from(&state, path.to_path_buf(), lang))
}

/// The listed packs as (id, own).
fn listed(app: &TestApp) -> Vec<(String, bool)> {
    let list = app.ok("list_packs", json!({ "lang": "fr" }));
    list["packs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap().to_owned(), p["own"].as_bool().unwrap()))
        .collect()
}

fn builtins() -> Vec<(String, bool)> {
    vec![("premiers-pas".to_owned(), false), ("atelier-navigateur".to_owned(), false)]
}

fn with_own() -> Vec<(String, bool)> {
    let mut packs = builtins();
    packs.push((OWN.to_owned(), true));
    packs
}

#[test]
fn an_own_pack_is_added_listed_presented_kept_for_the_next_launch_and_removed() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(config(Some("workshop"), "empty", data.path()));
    assert_eq!(listed(&app), builtins());
    assert_eq!(app.ok("list_packs", json!({ "lang": "fr" }))["left_out"], json!([]));

    let added = add(&app, &own_pack_file()).unwrap();
    assert_eq!(added, PackAdded { id: OWN.to_owned(), replaced: false });
    assert_eq!(listed(&app), with_own());
    let list = app.ok("list_packs", json!({ "lang": "en" }));
    assert_eq!(list["packs"][2]["title"], "Mail workshop");
    assert_eq!(list["packs"][2]["steps"], 2);
    let kept = data.path().join("packs/atelier-courriel.toml");
    assert_eq!(std::fs::read(&kept).unwrap(), std::fs::read(own_pack_file()).unwrap());
    // The transparency panel says which file was read.
    let journal = app.ok("journal", json!({}));
    let read: Vec<&str> = journal.as_array().unwrap().iter().filter_map(|e| e["path"].as_str()).collect();
    assert!(read.contains(&own_pack_file().display().to_string().as_str()), "{journal}");

    // It is presented like any pack.
    let start = app.ok("start_session", json!({ "mode": "workshop", "pack": OWN }));
    assert_eq!(start["pack"]["id"], OWN);
    assert_eq!(start["pack"]["steps"].as_array().unwrap().len(), 2);

    // Added again: it replaces itself.
    assert!(add(&app, &own_pack_file()).unwrap().replaced);
    assert_eq!(listed(&app), with_own());
    drop(app);

    // The next launch.
    let app = TestApp::new(config(Some("workshop"), "empty", data.path()));
    assert_eq!(listed(&app), with_own());

    // Only own packs can be removed.
    for builtin in ["premiers-pas", "atelier-navigateur", "nulle-part"] {
        assert_eq!(app.err_code("remove_pack", json!({ "id": builtin })), "own_pack.not_own", "{builtin}");
    }
    assert_eq!(listed(&app), with_own());
    assert_eq!(app.ok("remove_pack", json!({ "id": OWN })), Value::Null);
    assert_eq!(listed(&app), builtins());
    assert!(!kept.exists());
    assert!(own_pack_file().is_file(), "the volunteer's file stays where it was");
    assert_eq!(
        app.err_code("start_session", json!({ "mode": "workshop", "pack": OWN })),
        "checklist.unknown_pack"
    );
}

#[test]
fn an_invalid_or_clashing_file_is_refused_with_its_reasons_and_nothing_is_kept() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let app = TestApp::new(config(Some("workshop"), "empty", data.path()));

    let bad = out.path().join("mon-atelier.toml");
    let text = std::fs::read_to_string(own_pack_file()).unwrap();
    std::fs::write(&bad, text.replace("checks = [\"manual\"]", "checks = [\"manuel\"]")).unwrap();
    let err = add(&app, &bad).unwrap_err();
    assert_eq!(err.code, "own_pack.invalid");
    let detail = err.detail.unwrap();
    assert!(detail.starts_with(&format!("{}:", bad.display())), "file:line:col: {detail}");
    assert!(detail.contains("unknown check `manuel` — did you mean `manual`?"), "{detail}");
    // In the app's language, as the command line says it: the message above the lines too.
    let fr = add_in(&app, &bad, premiers_pas_core::Lang::Fr).unwrap_err();
    assert_eq!(fr.code, "own_pack.invalid");
    assert_eq!(fr.message, "ce fichier n’est pas un parcours valide");
    let detail = fr.detail.unwrap();
    assert!(
        detail.contains("vérification inconnue `manuel` — vouliez-vous dire `manual`\u{202f}?"),
        "{detail}"
    );

    std::fs::write(&bad, text.replace(OWN, "premiers-pas")).unwrap();
    assert_eq!(add(&app, &bad).unwrap_err().code, "own_pack.builtin_id");

    std::fs::write(&bad, "#".repeat(300 * 1024)).unwrap();
    assert_eq!(add(&app, &bad).unwrap_err().code, "own_pack.too_large");

    assert_eq!(add(&app, &out.path().join("absent.toml")).unwrap_err().code, "own_pack.unreadable");
    assert_eq!(listed(&app), builtins());
    assert!(!data.path().join("packs").exists(), "nothing kept");
}

#[test]
fn a_damaged_own_pack_is_left_out_at_launch_and_said_so() {
    let data = tempfile::tempdir().unwrap();
    let packs = data.path().join("packs");
    std::fs::create_dir_all(&packs).unwrap();
    std::fs::copy(own_pack_file(), packs.join("atelier-courriel.toml")).unwrap();
    std::fs::write(packs.join("vieux.toml"), "id = \"vieux\"\ntitle = \"un ancien format\"\n").unwrap();

    let app = TestApp::new(config(Some("workshop"), "empty", data.path()));
    assert_eq!(listed(&app), with_own());
    let list = app.ok("list_packs", json!({ "lang": "fr" }));
    let left_out = list["left_out"].as_array().unwrap();
    assert_eq!(left_out.len(), 1, "{list}");
    assert_eq!(left_out[0]["file"], packs.join("vieux.toml").display().to_string());
    assert_eq!(left_out[0]["error"]["code"], "own_pack.invalid");
    assert!(left_out[0]["error"]["detail"].as_str().unwrap().contains("vieux.toml:"), "{list}");
    // In the language asked for: the message and each problem; the problems themselves stay out of
    // the IPC shape.
    assert_eq!(left_out[0]["error"]["message"], "ce fichier n’est pas un parcours valide");
    let detail = left_out[0]["error"]["detail"].as_str().unwrap();
    assert!(
        detail.contains(
            "valeur du mauvais type\u{202f}: le texte \"un ancien format\", alors qu’il faut une table"
        ),
        "{detail}"
    );
    assert!(!detail.contains("invalid type"), "{detail}");
    assert_eq!(left_out[0].as_object().unwrap().len(), 2, "{list}");
    let en = app.ok("list_packs", json!({ "lang": "en" }));
    let detail = en["left_out"][0]["error"]["detail"].as_str().unwrap();
    assert!(detail.contains("invalid type: string \"un ancien format\", expected a map"), "{detail}");
    assert_eq!(en["left_out"][0]["error"]["message"], "this file is not a valid checklist pack");

    // Added again, fixed, under the same name: nothing is left out any more.
    let fixed = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(own_pack_file()).unwrap().replace(OWN, "vieux");
    std::fs::write(fixed.path().join("vieux.toml"), text).unwrap();
    add(&app, &fixed.path().join("vieux.toml")).unwrap();
    let list = app.ok("list_packs", json!({ "lang": "fr" }));
    assert_eq!(list["left_out"], json!([]));
    assert_eq!(list["packs"].as_array().unwrap().len(), 4);
}

/// A stand writes nothing: no pack added or removed, whether launched for a stand or chosen. The own packs
/// already there are still read.
#[test]
fn a_stand_adds_and_removes_nothing_but_reads_the_own_packs() {
    let data = tempfile::tempdir().unwrap();
    let prepared = TestApp::new(config(Some("workshop"), "empty", data.path()));
    add(&prepared, &own_pack_file()).unwrap();
    drop(prepared);
    let before = tree(data.path());

    let stand = TestApp::new(config(Some("stand"), "empty", data.path()));
    assert_eq!(listed(&stand), with_own());
    assert_eq!(stand.err_code("add_pack", json!({ "lang": "fr" })), "stand.not_allowed");
    assert_eq!(stand.err_code("remove_pack", json!({ "id": OWN })), "stand.not_allowed");
    assert_eq!(add(&stand, &own_pack_file()).unwrap_err().code, "stand.not_allowed");
    stand.ok("start_session", json!({ "mode": "stand" }));
    assert_eq!(stand.err_code("add_pack", json!({ "lang": "fr" })), "stand.not_allowed");
    assert_eq!(stand.err_code("remove_pack", json!({ "id": OWN })), "stand.not_allowed");
    drop(stand);

    let chosen = TestApp::new(config(None, "empty", data.path()));
    chosen.ok("start_session", json!({ "mode": "stand" }));
    assert_eq!(chosen.err_code("add_pack", json!({ "lang": "en" })), "stand.not_allowed");
    assert_eq!(chosen.err_code("remove_pack", json!({ "id": OWN })), "stand.not_allowed");
    assert_eq!(add(&chosen, &own_pack_file()).unwrap_err().code, "stand.not_allowed");
    drop(chosen);

    assert_eq!(tree(data.path()), before, "the stand wrote to the data folder");
}
