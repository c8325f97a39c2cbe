//! The command's output read through `head`: a reader that stops early ends the command quietly and
//! successfully, never with a panic.

#![cfg(unix)]

use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Runs the command with its standard output a pipe whose reader has already gone: its first write fails.
fn with_reader_gone(args: &[&str]) -> std::process::Output {
    let (reader, writer) = rustix::pipe::pipe().unwrap_or_else(|e| panic!("{e}"));
    drop(reader);
    Command::new(assert_cmd::cargo::cargo_bin("premiers-pas"))
        .args(args)
        .env_remove("PREMIERS_PAS_LANG")
        .env("PREMIERS_PAS_DATA_DIR", PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-data-folder"))
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .unwrap_or_else(|e| panic!("{e}"))
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
