//! Malformed packs: each fixture in `fixtures/packs/malformed/` lists, in `# expect: LINE:COL: message`
//! comments at its end, every problem the validator must report — no more, no fewer, at those positions.

use std::path::{Path, PathBuf};

use premiers_pas_core::checklist::{ChecklistError, Pack};
use premiers_pas_core::reference::Reference;

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/malformed");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    files
}

fn expectations(text: &str) -> Vec<String> {
    text.lines().filter_map(|l| l.strip_prefix("# expect: ")).map(str::to_owned).collect()
}

#[test]
fn there_are_at_least_fifteen_malformed_packs() {
    assert!(fixtures().len() >= 15, "{}", fixtures().len());
}

#[test]
fn each_malformed_pack_gives_the_right_messages_at_the_right_places() {
    let reference = Reference::builtin().unwrap();
    let mut failures = Vec::new();
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let expected = expectations(&text);
        assert!(!expected.is_empty(), "{name} has no `# expect:` line");
        let got: Vec<String> = match Pack::from_text(&name, &text, &reference) {
            Ok(_) => Vec::new(),
            Err(ChecklistError::Invalid(diags)) => {
                diags.iter().map(|d| format!("{}:{}: {}", d.line, d.col, d.message)).collect()
            }
            Err(e) => panic!("{name}: unexpected error {e}"),
        };
        if got != expected {
            failures.push(format!("{name}\n  expected: {expected:#?}\n  got:      {got:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn diagnostics_name_the_file() {
    let reference = Reference::builtin().unwrap();
    let text = "id = \"x\"\n";
    let err = Pack::from_text("checklists/x.toml", text, &reference).unwrap_err();
    let first = err.diagnostics().first().unwrap().to_string();
    assert!(first.starts_with("checklists/x.toml:1:1: "), "{first}");
}
