//! Every error code a part of Premiers Pas can send, read from its source: each `impl ErrorCode for …`
//! outside test modules, the `"domain.reason"` literals of its `fn code`.
//!
//! Front-ends translate errors by code (the UI's catalogs, the command line's sentences). Their drift tests
//! read the codes from here, so a new error enum or a new variant is checked without anyone having to
//! remember to add it to a list. Shared by `src-tauri/tests/error_codes.rs` and the command line's
//! `errors` tests (each includes this file with `#[path]`).

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Every code of every `impl ErrorCode for X` in the Rust files under `dirs`, with where it comes from
/// (`X (path relative to root)`).
pub fn codes_in(root: &Path, dirs: &[&str]) -> BTreeMap<String, String> {
    let mut files = Vec::new();
    for dir in dirs {
        rust_files(&root.join(dir), &mut files);
    }
    let mut codes = BTreeMap::new();
    let mut impls = 0;
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        // Test modules implement ErrorCode for samples ("sample.read"): not codes anything sends.
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
            let place = file.strip_prefix(root).unwrap_or(&file).display().to_string();
            for code in found {
                codes.insert(code, format!("{name} ({place})"));
            }
        }
    }
    assert!(impls >= 9, "only {impls} `impl ErrorCode` found: has the source moved?");
    codes
}

/// The `"domain.reason"` literals of a block of code.
pub fn code_literals(block: &str) -> Vec<String> {
    let part = |p: Option<&str>| {
        p.is_some_and(|p| {
            !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
    };
    block
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            let mut parts = s.split('.');
            part(parts.next()) && part(parts.next()) && parts.next().is_none()
        })
        .map(str::to_owned)
        .collect()
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
