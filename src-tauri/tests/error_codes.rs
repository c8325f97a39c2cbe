//! Every error code the Rust side can send has a sentence in both UI catalogs (`errors.<domain>.<reason>`
//! in ui/src/i18n/fr.json and en.json), so the UI never has to fall back to the engine's English message.
//!
//! The codes are read from the source itself (`crates/core/tests/error_codes_scan`): every
//! `impl ErrorCode for …` of the core and of the shell. A new error enum, or a new variant with a new code,
//! is therefore checked without anyone having to remember to add it to a list; the test fails until both
//! catalogs have its sentence.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../crates/core/tests/error_codes_scan/mod.rs"]
mod error_codes_scan;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Every code the core and the shell can send, with where it comes from.
fn codes_in_source() -> BTreeMap<String, String> {
    error_codes_scan::codes_in(&workspace(), &["crates/core/src", "src-tauri/src"])
}

fn catalog(lang: &str) -> serde_json::Value {
    let path = workspace().join(format!("ui/src/i18n/{lang}.json"));
    serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn the_source_scan_finds_the_codes_of_the_core_and_of_the_shell() {
    let codes = codes_in_source();
    for known in [
        "checklist.unknown_pack",
        "progress.io",
        "directory.source_unavailable",
        "directory.import_corrupt",
        "session.not_ephemeral",
        "qr.too_long",
        "session.not_started",
        "url.refused",
        "print.failed",
    ] {
        assert!(codes.contains_key(known), "{known} not found; found {codes:?}");
    }
    assert!(!codes.contains_key("sample.read"), "a test module's sample counted as a code");
}

#[test]
fn every_error_code_has_a_sentence_in_french_and_in_english() {
    let codes = codes_in_source();
    let mut missing = Vec::new();
    for lang in ["fr", "en"] {
        let messages = catalog(lang);
        for (code, origin) in &codes {
            let (domain, reason) = code.split_once('.').unwrap();
            let text = messages["errors"][domain][reason].as_str().unwrap_or("");
            if text.trim().is_empty() {
                missing.push(format!("{lang}.json: errors.{code} (from {origin})"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "error codes without a sentence in ui/src/i18n (add them under \"errors\"):\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_check_fails_for_a_code_without_a_sentence() {
    let fr = catalog("fr");
    assert!(fr["errors"]["directory"]["source_unavailable"].is_string());
    assert!(fr["errors"]["directory"]["no_such_reason"].as_str().is_none());
    assert_eq!(
        error_codes_scan::code_literals(r#"match self { A => "a.b", B => "not a code", C => "x.y_2" }"#),
        ["a.b", "x.y_2"]
    );
}
