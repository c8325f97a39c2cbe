//! The home journey through the real IPC layer: a fixture home audited, an answer saved in the data
//! folder, the app restarted, progress still there, and what changed shown after a second audit.

#![allow(clippy::unwrap_used)]

mod common;

use common::{config, status_of, TestApp};
use serde_json::json;

#[test]
fn home_journey_saves_progress_and_tells_what_changed() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(config(None, "debian-firefox-ubo", data.path()));

    assert_eq!(app.err_code("run_audit", json!({ "lang": "fr" })), "session.not_started");
    let view = app.ok("start_session", json!({ "mode": "home", "pack": null }));
    assert_eq!(view["mode"], "home");
    assert_eq!(view["pack_id"], "premiers-pas");
    assert_eq!(view["resume"], false);
    assert_eq!(view["persistent"], true);

    let audit = app.ok("run_audit", json!({ "lang": "fr" }));
    let steps = &audit["steps"];
    assert_eq!(status_of(steps, "firefox"), "done");
    assert_eq!(status_of(steps, "ublock-origin"), "done");
    assert_eq!(status_of(steps, "default-browser"), "done");
    assert_eq!(status_of(steps, "private-maps"), "manual");
    assert_eq!(audit["first_todo"], "private-maps");
    assert_eq!(audit["changes"], json!([]));
    assert!(!audit["audit"]["browsers"].as_array().unwrap().is_empty());
    // The evidence is in plain words, in the language asked for.
    let ubo = steps.as_array().unwrap().iter().find(|s| s["id"] == "ublock-origin").unwrap();
    assert!(ubo["reasons"][0].as_str().unwrap().contains("uBlock Origin"), "{ubo}");
    assert!(!ubo["evidence"].as_array().unwrap().is_empty());

    let steps = app.ok("set_answer", json!({ "step": "private-maps", "answer": "done", "lang": "fr" }));
    assert_eq!(status_of(&steps, "private-maps"), "done");
    assert!(data.path().join("progress.json").is_file());
    assert_eq!(
        app.err_code("set_answer", json!({ "step": "nope", "answer": "done", "lang": "fr" })),
        "session.unknown_step"
    );
    assert_eq!(app.err_code("next_visitor", json!({})), "session.not_ephemeral");
    assert!(data.path().join("progress.json").is_file(), "refusing next_visitor keeps progress");

    // The transparency panel lists the files the audit read.
    let journal = app.ok("journal", json!({}));
    assert!(journal
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["kind"] == "file_read" && e["path"].as_str().unwrap().ends_with("profiles.ini")));
    drop(app);

    // The next launch: progress is there, and a new audit says what moved.
    let app = TestApp::new(config(None, "debian-firefox-ubo", data.path()));
    let view = app.ok("start_session", json!({ "mode": "home", "pack": "premiers-pas" }));
    assert_eq!(view["resume"], true);
    assert!(view["notice"].is_null());
    let audit = app.ok("run_audit", json!({ "lang": "en" }));
    assert_eq!(status_of(&audit["steps"], "private-maps"), "done");
    assert_eq!(audit["changes"], json!([{ "step": "private-maps", "before": "manual", "after": "done" }]));
    assert_eq!(audit["first_todo"], "ethical-mail");

    // Taking the answer back.
    let steps = app.ok("set_answer", json!({ "step": "private-maps", "answer": null, "lang": "en" }));
    assert_eq!(status_of(&steps, "private-maps"), "manual");
    let steps = app.ok("step_results", json!({ "lang": "fr" }));
    assert_eq!(status_of(&steps, "firefox"), "done");
}

#[test]
fn a_damaged_progress_file_is_recovered_and_said() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(config(None, "empty", data.path()));
    app.ok("start_session", json!({ "mode": "home" }));
    app.ok("run_audit", json!({ "lang": "fr" }));
    app.ok("set_answer", json!({ "step": "private-maps", "answer": "done", "lang": "fr" }));
    app.ok("set_answer", json!({ "step": "chatons-host", "answer": "not_yet", "lang": "fr" }));
    std::fs::write(data.path().join("progress.json"), b"{ half a fi").unwrap();
    let view = app.ok("start_session", json!({ "mode": "home" }));
    assert_eq!(view["notice"]["kind"], "recovered");
    assert_eq!(view["notice"]["from_backup"], true);
    let copies = view["notice"]["damaged_copies"].as_array().unwrap();
    assert_eq!(copies.len(), 1, "{copies:?}");
    let kept = std::fs::read(copies[0].as_str().unwrap()).unwrap();
    assert_eq!(kept, b"{ half a fi", "the damaged file is kept aside, as it was");
    assert_eq!(view["resume"], true);
}

/// A launch straight into a journey asks for the first audit with the session: one answer, the same
/// audit as asking for it after.
#[test]
fn a_session_can_start_with_its_first_audit() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(config(None, "debian-firefox-ubo", data.path()));
    let start = app.ok("start_session", json!({ "mode": "home", "pack": null, "audit": "fr" }));
    assert_eq!(start["mode"], "home");
    assert_eq!(start["pack"]["id"], "premiers-pas");
    let first = &start["audit"];
    assert_eq!(status_of(&first["steps"], "ublock-origin"), "done");
    assert_eq!(first["first_todo"], "private-maps");
    let again = app.ok("run_audit", json!({ "lang": "fr" }));
    assert_eq!(again["steps"], first["steps"]);

    let en = app.ok("start_session", json!({ "mode": "home", "pack": null, "audit": "en" }));
    assert_ne!(en["audit"]["steps"], first["steps"], "the sentences come in the language asked");
}

#[test]
fn packs_and_workshop() {
    let data = tempfile::tempdir().unwrap();
    let mut launch = config(Some("workshop"), "empty", data.path());
    launch.pack = Some("atelier-navigateur".into());
    let app = TestApp::new(launch);
    let list = app.ok("list_packs", json!({ "lang": "en" }));
    let packs = &list["packs"];
    assert_eq!(list["left_out"], json!([]));
    let ids: Vec<&str> = packs.as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"premiers-pas") && ids.contains(&"atelier-navigateur"), "{ids:?}");
    assert!(packs[0]["steps"].as_u64().unwrap() > 0);

    // The launch option picks the pack, which comes in full (every language); a workshop keeps nothing.
    let view = app.ok("start_session", json!({ "mode": "workshop", "pack": null }));
    assert_eq!(view["pack_id"], "atelier-navigateur");
    assert_eq!(view["pack"]["id"], "atelier-navigateur");
    let title = &view["pack"]["steps"][0]["title"];
    assert!(title["fr"].is_string() && title["en"].is_string());
    assert!(view["audit"].is_null(), "no audit unless asked");
    assert_eq!(view["persistent"], false);
    app.ok("run_audit", json!({ "lang": "fr" }));
    assert_eq!(std::fs::read_dir(data.path()).unwrap().count(), 0);
    assert_eq!(
        app.err_code("start_session", json!({ "mode": "home", "pack": "nope" })),
        "checklist.unknown_pack"
    );
}

#[test]
fn the_takeaway_after_an_audit() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(config(None, "debian-firefox-ubo", data.path()));
    app.ok("start_session", json!({ "mode": "home" }));
    assert_eq!(app.err_code("takeaway", json!({ "lang": "fr" })), "session.no_audit");
    app.ok("run_audit", json!({ "lang": "fr" }));
    // A format the app does not write is refused before any dialog opens.
    assert!(app.call("save_report", json!({ "format": "pdf", "lang": "en" })).is_err());

    let takeaway = app.ok("takeaway", json!({ "lang": "fr" }));
    assert_eq!(takeaway["steps"], 3, "{takeaway}");
    let text = takeaway["text"].as_str().unwrap();
    assert!(text.contains("https://f-droid.org/packages/app.comaps.fdroid/"), "{text}");
    assert!(!text.contains("Un navigateur qui travaille pour vous"), "done steps are left out: {text}");
    assert!(takeaway["svg"].as_str().unwrap().starts_with("<svg "));
}

/// Two windows on one data folder (a double click on the icon): the second is told the progress is open
/// in the first, and cannot overwrite its answers; once the first is closed, the second carries on.
#[test]
fn a_second_window_on_the_same_progress_is_refused_until_the_first_closes() {
    let data = tempfile::tempdir().unwrap();
    let first = TestApp::new(config(None, "empty", data.path()));
    first.ok("start_session", json!({ "mode": "home" }));
    first.ok("run_audit", json!({ "lang": "fr" }));
    first.ok("set_answer", json!({ "step": "private-maps", "answer": "done", "lang": "fr" }));
    let saved = std::fs::read(data.path().join("progress.json")).unwrap();

    let second = TestApp::new(config(None, "empty", data.path()));
    assert_eq!(second.err_code("start_session", json!({ "mode": "home" })), "progress.in_use");
    assert_eq!(
        second.err_code("set_answer", json!({ "step": "private-maps", "answer": null, "lang": "fr" })),
        "session.not_started"
    );
    // What saves nothing is still open to it.
    second.ok("start_session", json!({ "mode": "workshop" }));
    assert_eq!(std::fs::read(data.path().join("progress.json")).unwrap(), saved);

    // The first window goes on saving, and restarting its own journey is not refused.
    first.ok("set_answer", json!({ "step": "chatons-host", "answer": "not_yet", "lang": "fr" }));
    assert_eq!(first.ok("start_session", json!({ "mode": "home" }))["resume"], true);
    drop(first);

    let view = second.ok("start_session", json!({ "mode": "home" }));
    assert_eq!(view["resume"], true);
    let steps = second.ok("run_audit", json!({ "lang": "fr" }))["steps"].clone();
    assert_eq!(status_of(&steps, "private-maps"), "done");
}

/// A start that fails (a pack that does not exist) leaves the journey under way as it was.
#[test]
fn a_failed_start_keeps_the_journey_under_way() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(config(None, "debian-firefox-ubo", data.path()));
    app.ok("start_session", json!({ "mode": "workshop", "pack": "atelier-navigateur", "audit": "fr" }));
    assert_eq!(
        app.err_code("start_session", json!({ "mode": "workshop", "pack": "nulle-part" })),
        "checklist.unknown_pack"
    );
    assert_eq!(
        app.err_code("start_session", json!({ "mode": "home", "pack": "nulle-part" })),
        "checklist.unknown_pack"
    );
    let steps = app.ok("step_results", json!({ "lang": "fr" }));
    assert_eq!(steps.as_array().unwrap().len(), 4, "still the browser workshop: {steps}");
}
