//! Every error code the Rust side can send has a sentence in both UI catalogs (`errors.<domain>.<reason>`
//! in ui/src/i18n/fr.json and en.json), so the UI never has to fall back to the engine's English message.
//!
//! The codes are read from the source itself: every `impl ErrorCode for …` of the core and of the shell,
//! the string literals of its `fn code`. A new error enum, or a new variant with a new code, is therefore
//! checked without anyone having to remember to add it to a list; the test fails until both catalogs have
//! its sentence.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The text of the block that opens at the first `{` at or after `from`, braces balanced.
fn block(text: &str, from: usize) -> &str {
    let start = from + text[from..].find('{').expect("a block");
    let mut depth = 0usize;
    for (i, c) in text[start..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &text[start..=start + i];
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced braces after byte {from}");
}

/// The `"domain.reason"` literals of a block.
fn code_literals(block: &str) -> Vec<String> {
    block
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            let mut parts = s.split('.');
            let ok = |p: Option<&str>| {
                p.is_some_and(|p| {
                    !p.is_empty()
                        && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                })
            };
            ok(parts.next()) && ok(parts.next()) && parts.next().is_none()
        })
        .map(str::to_owned)
        .collect()
}

/// Every code of every `impl ErrorCode for X` outside test modules, with where it comes from.
fn codes_in_source() -> BTreeMap<String, String> {
    let root = workspace();
    let mut files = Vec::new();
    rust_files(&root.join("crates/core/src"), &mut files);
    rust_files(&root.join("src-tauri/src"), &mut files);
    let mut codes = BTreeMap::new();
    let mut impls = 0;
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        // Test modules implement ErrorCode for samples ("sample.read"): not codes the app sends.
        let text = match text.find("#[cfg(test)]\nmod tests") {
            Some(at) => &text[..at],
            None => &text[..],
        };
        for (at, _) in text.match_indices("impl ErrorCode for ") {
            impls += 1;
            let name: String = text[at + "impl ErrorCode for ".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let body = block(text, at);
            let code_fn = body.find("fn code(").unwrap_or_else(|| panic!("{name} has no fn code"));
            let found = code_literals(block(body, code_fn));
            let delegates = block(body, code_fn).contains(".code()");
            assert!(!found.is_empty() || delegates, "no code found in {name}::code ({})", file.display());
            for code in found {
                codes.insert(code, format!("{name} ({})", file.strip_prefix(&root).unwrap().display()));
            }
        }
    }
    assert!(impls >= 9, "only {impls} `impl ErrorCode` found: has the source moved?");
    codes
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
        code_literals(r#"match self { A => "a.b", B => "not a code", C => "x.y_2" }"#),
        ["a.b", "x.y_2"]
    );
}
