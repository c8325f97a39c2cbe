//! `premiers-pas report` run as a person runs it, on the fixture homes of the core crate, with answers
//! saved in a data folder.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

/// The command, with a data folder that does not exist (no pack added in the app), unless a test gives one.
fn premiers_pas() -> Command {
    let mut cmd = Command::cargo_bin("premiers-pas").unwrap();
    cmd.env("PREMIERS_PAS_DATA_DIR", PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-data-folder"));
    cmd
}

fn home(case: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures/homes")
        .join(case)
        .display()
        .to_string()
}

#[test]
fn json_report_carries_saved_answers_and_leaves_them_alone() {
    let data = tempfile::tempdir().unwrap();
    let progress =
        r#"{ "version": 1, "packs": { "premiers-pas": { "answers": { "private-maps": "done" } } } }"#;
    std::fs::write(data.path().join("progress.json"), progress).unwrap();
    let out = premiers_pas()
        .args(["--lang", "en", "--data-dir", data.path().to_str().unwrap(), "report", "--format", "json"])
        .args(["--home", &home("debian-firefox-ubo"), "--os", "linux"])
        .assert()
        .success();
    let doc: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(doc["schema"], "premiers-pas/report/1");
    assert_eq!(doc["lang"], "en");
    assert_eq!(doc["pack"]["id"], "premiers-pas");
    let maps = doc["steps"].as_array().unwrap().iter().find(|s| s["id"] == "private-maps").unwrap();
    assert_eq!(maps["status"], "done");
    assert_eq!(maps["answer"], "done");
    assert_eq!(doc["counts"]["done"], 4);
    assert_eq!(std::fs::read_to_string(data.path().join("progress.json")).unwrap(), progress);
    assert_eq!(std::fs::read_dir(data.path()).unwrap().count(), 1, "nothing else written");
}

#[test]
fn html_to_a_file_and_markdown_in_french() {
    let data = tempfile::tempdir().unwrap();
    let out_file = data.path().join("rapport.html");
    premiers_pas()
        .args(["--lang", "fr", "--data-dir", data.path().to_str().unwrap(), "report"])
        .args(["--home", &home("empty"), "--os", "windows", "--output", out_file.to_str().unwrap()])
        .assert()
        .success()
        .stdout("");
    let html = std::fs::read_to_string(&out_file).unwrap();
    assert!(html.starts_with("<!doctype html>\n<html lang=\"fr\">"));
    assert!(html.contains("À faire") && !html.contains("<script"));

    let out = premiers_pas()
        .args(["--lang", "fr", "--data-dir", data.path().to_str().unwrap(), "report", "--format", "markdown"])
        .args(["--home", &home("empty"), "--os", "linux", "--pack", "atelier-navigateur"])
        .assert()
        .success();
    let md = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(md.starts_with("# "), "{md}");
}

/// A report is kept and shown to others: the audited home's paths are written from `~`, not with the
/// folder's name (usually the person's).
#[test]
fn paths_in_the_home_are_written_from_the_tilde() {
    let fixture = std::fs::canonicalize(home("debian-firefox-ubo")).unwrap();
    for format in ["markdown", "html", "json"] {
        let out = premiers_pas()
            .args(["--lang", "fr", "report", "--format", format])
            .args(["--home", fixture.to_str().unwrap(), "--os", "linux"])
            .assert()
            .success();
        let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let evidence = text.split("audit").next().unwrap();
        assert!(
            evidence.contains("~/.mozilla/firefox/k3v9x2ab.default-esr/extensions.json"),
            "{format}: {text}"
        );
        assert!(!evidence.contains(fixture.to_str().unwrap()), "{format}: {text}");
    }
}

/// A damaged progress file: the report is still made, and says whose answers it follows.
#[test]
fn damaged_progress_is_said_not_silently_dropped() {
    let data = tempfile::tempdir().unwrap();
    let run = || {
        premiers_pas()
            .args(["--lang", "fr", "--data-dir", data.path().to_str().unwrap(), "report", "--format", "json"])
            .args(["--home", &home("debian-firefox-ubo"), "--os", "linux"])
            .assert()
            .success()
    };
    std::fs::write(data.path().join("progress.json"), r#"{"version":1,"packs":{"#).unwrap();
    let out = run();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("n’ont pas pu être relus, ni leur copie"), "{err}");
    assert!(err.contains("\n  Détail\u{202f}: the progress file was damaged"), "{err}");
    let backup =
        r#"{ "version": 1, "packs": { "premiers-pas": { "answers": { "private-maps": "done" } } } }"#;
    std::fs::write(data.path().join("progress.json.bak"), backup).unwrap();
    let out = run();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("ce bilan suit leur copie précédente"), "{err}");
    // Missing, with a good copy: the same words, which do not say \"damaged\".
    std::fs::remove_file(data.path().join("progress.json")).unwrap();
    let err = String::from_utf8(run().get_output().stderr.clone()).unwrap();
    assert!(err.contains("ce bilan suit leur copie précédente") && !err.contains("abîmé"), "{err}");
    let doc: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let maps = doc["steps"].as_array().unwrap().iter().find(|s| s["id"] == "private-maps").unwrap();
    assert_eq!(maps["answer"], "done");
    // Read only: nothing was written back.
    assert!(!data.path().join("progress.json").exists());
}

#[test]
fn bad_options_are_clear_errors() {
    premiers_pas().args(["report", "--format", "pdf"]).assert().failure();
    premiers_pas().args(["report", "--os", "linux"]).assert().failure();
    premiers_pas()
        .args(["report", "--home", &home("empty"), "--pack", "nope"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("nope"));
    premiers_pas().args(["report", "--home", "/no/such/folder"]).assert().code(2);
}

#[test]
fn output_replaces_an_earlier_report_whole_and_a_failure_keeps_it() {
    let (data, out_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let out_file = out_dir.path().join("report.md");
    std::fs::write(&out_file, "earlier report").unwrap();
    // A second name for the earlier file: a report written into it in place would show there too.
    let other_name = out_dir.path().join("earlier.md");
    std::fs::hard_link(&out_file, &other_name).unwrap();
    let run = |output: &std::path::Path| {
        premiers_pas()
            .args(["--lang", "en", "--data-dir", data.path().to_str().unwrap(), "report"])
            .args(["--format", "markdown", "--home", &home("empty"), "--os", "linux"])
            .args(["--output", output.to_str().unwrap()])
            .assert()
    };
    run(&out_file).success();
    assert!(std::fs::read_to_string(&out_file).unwrap().starts_with("# "));
    assert_eq!(std::fs::read_to_string(&other_name).unwrap(), "earlier report");

    // A folder where the report should go: refused, and nothing is left beside it.
    let folder = out_dir.path().join("folder.md");
    std::fs::create_dir(&folder).unwrap();
    run(&folder).code(2).stderr(predicates::str::contains("could not write"));
    let mut names: Vec<_> =
        std::fs::read_dir(out_dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    assert_eq!(names, ["earlier.md", "folder.md", "report.md"]);
}

#[test]
fn a_damaged_progress_file_is_read_around_and_the_data_folder_stays_byte_for_byte() {
    let data = tempfile::tempdir().unwrap();
    let good = r#"{ "version": 1, "packs": { "premiers-pas": { "answers": { "private-maps": "done" } } } }"#;
    std::fs::write(data.path().join("progress.json"), "{\"version\": 1, \"packs\": {").unwrap();
    std::fs::write(data.path().join("progress.json.bak"), good).unwrap();
    std::fs::write(data.path().join(".premiers-pas-AbC123.tmp"), "{\"vers").unwrap();
    let files = || -> std::collections::BTreeMap<_, _> {
        std::fs::read_dir(data.path())
            .unwrap()
            .map(|e| e.unwrap())
            .map(|e| (e.file_name(), std::fs::read(e.path()).unwrap()))
            .collect()
    };
    let before = files();
    let out = premiers_pas()
        .args(["--lang", "en", "--data-dir", data.path().to_str().unwrap(), "report", "--format", "json"])
        .args(["--home", &home("empty"), "--os", "linux"])
        .assert()
        .success();
    let doc: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let maps = doc["steps"].as_array().unwrap().iter().find(|s| s["id"] == "private-maps").unwrap();
    assert_eq!(maps["answer"], "done", "the answers of the good copy");
    assert_eq!(files(), before);
}
