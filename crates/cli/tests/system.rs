// Helpers outside #[test] functions may panic too: a failed set-up is a failed test.
#![allow(clippy::unwrap_used)]
//! `premiers-pas system` and the global flags, run as a user runs them.

use assert_cmd::Command;

fn premiers_pas() -> Command {
    Command::cargo_bin("premiers-pas").unwrap()
}

#[test]
fn version_and_help_work() {
    let out = premiers_pas().arg("--version").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.starts_with("premiers-pas "), "{text}");
    premiers_pas().arg("--help").assert().success();
}

#[test]
fn system_json_describes_this_machine() {
    let out = premiers_pas().args(["system", "--json"]).assert().success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    if cfg!(target_os = "linux") {
        assert_eq!(json["os_family"], "linux");
    }
    assert!(!json["os_name"].as_str().unwrap().is_empty());
    assert!(["fr", "en"].contains(&json["lang"].as_str().unwrap()));
}

#[test]
fn system_text_follows_the_language_flag() {
    let fr = premiers_pas().args(["--lang", "fr", "system"]).assert().success();
    assert!(String::from_utf8_lossy(&fr.get_output().stdout).contains("Système"));
    let en = premiers_pas().args(["--lang", "en", "system"]).assert().success();
    assert!(String::from_utf8_lossy(&en.get_output().stdout).contains("System"));
}

#[test]
fn unknown_language_is_a_usage_error() {
    premiers_pas().args(["--lang", "xx", "system"]).assert().failure().code(2);
}
