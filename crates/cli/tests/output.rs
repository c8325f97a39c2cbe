//! The command's output read through `head`: a reader that stops early ends the command quietly, with the
//! status it would have had, never with a panic; output that cannot be written for another reason (a full
//! disk) is the command's error, said in the person's language.

#![cfg(unix)]

use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Runs the command with `stdout` as its standard output.
fn run(args: &[&str], stdout: Stdio) -> std::process::Output {
    Command::new(assert_cmd::cargo::cargo_bin("premiers-pas"))
        .args(args)
        .env_remove("PREMIERS_PAS_LANG")
        .env("PREMIERS_PAS_DATA_DIR", PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-data-folder"))
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Runs the command with its standard output a pipe whose reader has already gone: its first write fails.
fn with_reader_gone(args: &[&str]) -> std::process::Output {
    let (reader, writer) = rustix::pipe::pipe().unwrap_or_else(|e| panic!("{e}"));
    drop(reader);
    run(args, Stdio::from(writer))
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    for args in [
        &["checklist", "show", "premiers-pas", "--json"][..],
        &["--lang", "fr", "checklist", "show", "premiers-pas"][..],
        &["--lang", "en", "checklist", "list"][..],
        &["system"][..],
    ] {
        let out = with_reader_gone(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

#[test]
fn a_reader_that_stops_early_does_not_change_what_the_command_says_in_its_status() {
    let broken = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/packs/malformed");
    let broken = broken.to_string_lossy();
    let out = with_reader_gone(&["--lang", "fr", "checklist", "validate", &broken]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_the_command_s_error() {
    let full = std::fs::File::options().write(true).open("/dev/full").unwrap_or_else(|e| panic!("{e}"));
    let out = run(&["--lang", "fr", "checklist", "show", "premiers-pas", "--json"], Stdio::from(full));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("Le résultat n’a pas pu être écrit jusqu’au bout"), "{stderr}");
    assert!(stderr.contains("cli.output_failed"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
