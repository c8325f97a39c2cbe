//! `premiers-pas audit` run as a person runs it, on the fixture homes of the core crate.

// Test helpers may panic: a failed set-up is a failed test.
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

fn home(case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/homes").join(case)
}

/// `audit` of `home` as a Windows home, with `registry` as its `.reg` file.
fn windows_audit(home: &std::path::Path, registry: &std::path::Path) -> Command {
    let mut cmd = premiers_pas();
    cmd.arg("audit").arg("--home").arg(home).args(["--os", "windows", "--registry"]).arg(registry);
    cmd
}

fn audit_json(args: &[&str]) -> Value {
    let out = premiers_pas().arg("audit").arg("--json").args(args).assert().success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

fn find<'a>(list: &'a Value, key: &str, value: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|v| v[key] == value)
        .unwrap_or_else(|| panic!("no {key}={value} in {list}"))
}

#[test]
fn json_follows_the_documented_schema() {
    let h = home("chrome-mv2");
    let json = audit_json(&["--home", h.to_str().unwrap(), "--os", "linux"]);
    assert_eq!(json["schema"], "premiers-pas/audit/1");
    assert_eq!(json["os"], "linux");
    let chrome = find(&json["browsers"], "id", "chrome");
    assert_eq!(chrome["family"], "chromium");
    assert_eq!(chrome["install"], "system");
    let profile = find(&chrome["profiles"], "name", "Personne 1");
    assert_eq!(profile["default"], true);
    assert!(profile["path"].as_str().unwrap().ends_with("Default"));
    let ubo = find(&profile["extensions"], "id", "cjpalhdlnbpafiamejdnhcphjbkeiagm");
    assert_eq!((ubo["enabled"].clone(), ubo["version"].clone()), (Value::Bool(false), Value::from("1.62.0")));
    assert_eq!(ubo["disabled_reasons"], serde_json::json!(["manifest-v2"]));
    let lite = find(&profile["extensions"], "id", "ddkjiahejlhfcafbddmgiahcphecmpfh");
    assert_eq!(lite["name"], "uBlock Origin Lite");
    assert_eq!(json["default_browser"], "chrome");
    assert!(json["apps"].is_array() && json["mail_accounts"].is_array() && json["problems"].is_array());
    assert!(json["files_read"].as_array().unwrap().len() >= 4);
}

#[test]
fn mail_accounts_carry_their_provider() {
    let h = home("thunderbird-gmail-posteo");
    let json = audit_json(&["--home", h.to_str().unwrap()]);
    let gmail = find(&json["mail_accounts"], "address", "ana.dupont@gmail.com");
    assert_eq!(gmail["server"], "imap.gmail.com");
    assert_eq!(gmail["provider"]["id"], "google");
    assert_eq!(gmail["provider"]["kind"], "big-tech");
    let posteo = find(&json["mail_accounts"], "address", "ana@posteo.net");
    assert_eq!(posteo["provider"]["kind"], "ethical");
}

#[test]
fn a_windows_home_with_its_registry_file() {
    let h = home("windows-home");
    let reg = h.join("registry.reg");
    let json =
        audit_json(&["--home", h.to_str().unwrap(), "--os", "windows", "--registry", reg.to_str().unwrap()]);
    assert_eq!(json["os"], "windows");
    assert_eq!(json["default_browser"], "firefox");
    let ids: Vec<&str> = json["apps"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"firefox") && ids.contains(&"chrome"), "{ids:?}");
    let firefox = find(&json["browsers"], "id", "firefox");
    assert_eq!(firefox["family"], "gecko");
}

#[test]
fn a_macos_home() {
    let h = home("macos-home");
    let json = audit_json(&["--home", h.to_str().unwrap(), "--os", "macos"]);
    assert_eq!(json["default_browser"], "firefox");
    assert_eq!(json["default_browser_evidence"]["value"], "org.mozilla.firefox");
}

#[test]
fn env_moves_the_folders_detectors_look_in() {
    let h = home("firefox-xdg");
    let cfg = h.join(".config");
    let moved = audit_json(&[
        "--home",
        h.to_str().unwrap(),
        "--env",
        &format!("XDG_CONFIG_HOME={}", h.join("nowhere").display()),
    ]);
    assert_eq!(moved["browsers"].as_array().unwrap().len(), 0);
    let json =
        audit_json(&["--home", h.to_str().unwrap(), "--env", &format!("XDG_CONFIG_HOME={}", cfg.display())]);
    assert_eq!(json["browsers"].as_array().unwrap().len(), 1);
}

#[test]
fn broken_homes_are_reported_not_fatal() {
    for case in ["broken-truncated", "broken-garbage", "broken-not-a-file"] {
        let h = home(case);
        let json = audit_json(&["--home", h.to_str().unwrap()]);
        let problems = json["problems"].as_array().unwrap();
        assert!(!problems.is_empty(), "{case}");
        for p in problems {
            assert!(p["code"].as_str().unwrap().starts_with("detect."));
            assert!(!p["path"].as_str().unwrap().is_empty());
        }
    }
}

#[test]
fn the_summary_speaks_the_chosen_language() {
    let h = home("snap-firefox-ubo-disabled");
    let fr = premiers_pas().args(["--lang", "fr", "audit", "--home", h.to_str().unwrap()]).assert().success();
    let fr = String::from_utf8_lossy(&fr.get_output().stdout).into_owned();
    assert!(fr.contains("Navigateur par défaut\u{202f}: Firefox"), "{fr}");
    assert!(fr.contains("uBlock Origin (désactivé\u{202f}: par vous)"), "{fr}");
    let en = premiers_pas().args(["--lang", "en", "audit", "--home", h.to_str().unwrap()]).assert().success();
    let en = String::from_utf8_lossy(&en.get_output().stdout).into_owned();
    assert!(en.contains("Default browser: Firefox"), "{en}");
    assert!(en.contains("(snap)"), "{en}");
}

/// How an application was found is said in words, not by the detector's code (`desktop-entry`).
#[test]
fn the_summary_says_how_an_application_was_found() {
    let h = home("chrome-mv2");
    let run = |lang: &str| {
        let out = premiers_pas()
            .args(["--lang", lang, "audit", "--home", h.to_str().unwrap(), "--os", "linux"])
            .assert()
            .success();
        String::from_utf8_lossy(&out.get_output().stdout).into_owned()
    };
    let (fr, en) = (run("fr"), run("en"));
    assert!(fr.contains("Google Chrome (menu des applications)"), "{fr}");
    assert!(en.contains("Google Chrome (applications menu)"), "{en}");
    assert!(!fr.contains("desktop-entry") && !en.contains("desktop-entry"), "{fr}\n{en}");
}

#[test]
fn the_french_summary_agrees_its_words() {
    let h = home("debian-firefox-ubo");
    let fr = premiers_pas()
        .args(["--lang", "fr", "audit", "--home", h.to_str().unwrap(), "--os", "linux"])
        .assert()
        .success();
    let fr = String::from_utf8_lossy(&fr.get_output().stdout).into_owned();
    // "Applications" is feminine; the install word is French; no "(s)" plurals.
    assert!(fr.contains("Applications connues\u{202f}: aucune\n"), "{fr}");
    assert!(fr.contains("Firefox (système)"), "{fr}");
    assert!(fr.contains("Comptes de messagerie\u{202f}: aucun\n"), "{fr}");
    assert!(!fr.contains("(s)"), "{fr}");
    // French typography, as in the help and the errors: a narrow no-break space before a colon.
    assert!(!fr.contains(" :"), "{fr}");
    let en = premiers_pas()
        .args(["--lang", "en", "audit", "--home", h.to_str().unwrap(), "--os", "linux"])
        .assert()
        .success();
    let en = String::from_utf8_lossy(&en.get_output().stdout).into_owned();
    assert!(en.contains("Known applications: none\n") && en.contains("Firefox (system)"), "{en}");
}

/// A named pipe given as the registry file is refused at once, not waited on (it would have no writer).
#[cfg(unix)]
#[test]
fn a_fifo_as_the_registry_file_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("registry.reg");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.as_ref().is_ok_and(|s| s.success()), "mkfifo makes the FIFO: {made:?}");
    let out = windows_audit(dir.path(), &fifo)
        .args(["--lang", "fr"])
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("not a regular file") && err.contains("cli.read_failed"), "{err}");
}

#[test]
fn usage_errors_exit_with_2() {
    premiers_pas().args(["audit", "--os", "windows"]).assert().code(2);
    premiers_pas().args(["audit", "--home", "/definitely/not/here"]).assert().code(2);
    premiers_pas().args(["audit", "--env", "NOEQUALS"]).assert().code(2);
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("bad.reg");
    std::fs::write(&reg, "Windows Registry Editor Version 5.00\n\n\"Orphan\"=\"value\"\n").unwrap();
    let out = windows_audit(dir.path(), &reg).assert().code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("line 3"), "{err}");
}

#[test]
fn this_computer_can_be_audited() {
    let json = audit_json(&[]);
    assert_eq!(json["schema"], "premiers-pas/audit/1");
    if cfg!(target_os = "linux") {
        assert_eq!(json["os"], "linux");
    }
}

#[test]
fn steps_are_judged_from_what_was_found() {
    let status = |case: &str, step: &str| {
        let h = home(case);
        let json = audit_json(&["--home", h.to_str().unwrap()]);
        assert_eq!(json["pack"], "premiers-pas");
        let result = find(&json["steps"], "id", step).clone();
        assert!(!result["reasons"].as_array().unwrap().is_empty());
        result["status"].as_str().unwrap().to_owned()
    };
    assert_eq!(status("debian-firefox-ubo", "ublock-origin"), "done");
    assert_ne!(status("snap-firefox-ubo-disabled", "ublock-origin"), "done");
    assert_eq!(status("debian-firefox-ubo", "default-browser"), "done");
    assert_ne!(status("chrome-mv2", "default-browser"), "done");
    let h = home("empty");
    let json = audit_json(&["--home", h.to_str().unwrap(), "--pack", "atelier-navigateur"]);
    assert_eq!(json["pack"], "atelier-navigateur");
    assert!(!json["steps"].as_array().unwrap().is_empty());
    premiers_pas().args(["audit", "--pack", "no-such-pack"]).assert().code(2);
}

/// Why an extension is off is said in words, not as the browser's own code.
#[test]
fn why_an_extension_is_off_is_said_in_words() {
    for (case, fr, en) in [
        ("snap-firefox-ubo-disabled", "désactivé\u{202f}: par vous", "disabled: by you"),
        (
            "chrome-mv2",
            "désactivé\u{202f}: ancien format (Manifest V2)",
            "disabled: old format (Manifest V2)",
        ),
    ] {
        for (lang, said) in [("fr", fr), ("en", en)] {
            let out = premiers_pas()
                .args(["--lang", lang, "audit", "--os", "linux", "--home"])
                .arg(home(case))
                .assert()
                .success();
            let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
            assert!(text.contains(said), "{case} {lang}: {text}");
            assert!(
                !text.contains("user-disabled") && !text.contains("manifest-v2"),
                "{case} {lang}: {text}"
            );
        }
    }
}
