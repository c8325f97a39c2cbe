//! Malformed packs: each fixture in `fixtures/packs/malformed/` lists, in `# expect: LINE:COL: message`
//! comments at its end, every problem the validator must report — no more, no fewer, at those positions.
//! And files that cannot be packs at all: not UTF-8, far too large, a FIFO.

#![allow(clippy::unwrap_used)]

mod watchdog;

use std::path::{Path, PathBuf};

use premiers_pas_core::checklist::{validate_paths, ChecklistError, Library, Pack, MAX_PACK_BYTES};
use premiers_pas_core::reference::Reference;
use premiers_pas_core::{ErrorCode, Lang};

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
                // Each problem is said in French too, in words of its own rather than a frame around
                // the English.
                for d in &diags {
                    let fr = d.message_fr.as_deref().unwrap_or_default();
                    if fr.is_empty() || fr.contains("le lecteur TOML dit") || fr.contains("(détail :") {
                        failures.push(format!("{name}: no French of its own for `{}`: `{fr}`", d.message));
                    }
                }
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

/// A copy of a built-in pack is a valid pack, but the app adds it only under an id of its own: the check
/// says so at the id's line, for a file and in a folder of packs; the built-in checklists folder,
/// its packs folder and its files are fine.
#[test]
fn a_pack_of_ones_own_under_a_builtin_id_is_refused_as_the_app_refuses_it() {
    let dir = tempfile::tempdir().unwrap();
    let builtin = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists");
    let copy = std::fs::read_to_string(builtin.join("packs/atelier-navigateur.toml")).unwrap();
    let file = dir.path().join("mon-atelier.toml");
    std::fs::write(&file, &copy).unwrap();
    // At the id's value, as every diagnostic about an id.
    let line = copy.lines().position(|l| l.starts_with("id = ")).unwrap() + 1;
    let col = "id = ".len() + 1;
    let expected = format!(
        "mon-atelier.toml:{line}:{col}: `atelier-navigateur` is the id of a pack that comes with Premiers Pas: \
         give yours an id of its own, or the app will not add it"
    );
    assert_eq!(named(&validate_paths(std::slice::from_ref(&file)).unwrap()), std::slice::from_ref(&expected));
    assert_eq!(named(&validate_paths(&[dir.path().to_path_buf()]).unwrap()), [expected]);
    assert_eq!(validate_paths(&[builtin.join("packs")]).unwrap(), []);
    assert_eq!(validate_paths(&[builtin.join("packs/atelier-navigateur.toml")]).unwrap(), []);
    assert_eq!(validate_paths(&[builtin]).unwrap(), []);

    std::fs::write(&file, copy.replacen("id = \"atelier-navigateur\"", "id = \"mon-atelier\"", 1)).unwrap();
    assert_eq!(validate_paths(&[file]).unwrap(), []);
}

/// A link is kept as the web reads it: what an author typed cannot end a Markdown link in a report and
/// start another one.
#[test]
fn links_are_kept_as_the_web_reads_them() {
    let reference = Reference::builtin().unwrap();
    let typed = "https://www.chatons.org/>[Gagnez_un_iPhone](https://evil.example/phish)<x";
    let text = own_pack_text().replace("url = \"https://www.chatons.org/\"", &format!("url = \"{typed}\""));
    let pack = Pack::from_text("own.toml", &text, &reference).unwrap();
    let urls: Vec<&str> = pack.steps.iter().flat_map(|s| s.links.iter().map(|l| l.url.as_str())).collect();
    assert!(
        urls.contains(&"https://www.chatons.org/%3E[Gagnez_un_iPhone](https://evil.example/phish)%3Cx"),
        "{urls:?}"
    );
    assert!(urls.iter().all(|u| !u.contains(['<', '>'])), "{urls:?}");
}

fn own_pack_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/own/atelier-courriel.toml");
    std::fs::read_to_string(path).unwrap()
}

/// Each diagnostic as `file name:line:col: message`.
fn named(diags: &[premiers_pas_core::checklist::Diagnostic]) -> Vec<String> {
    diags
        .iter()
        .map(|d| {
            let name = Path::new(&d.file).file_name().unwrap().to_string_lossy().into_owned();
            format!("{name}:{}:{}: {}", d.line, d.col, d.message)
        })
        .collect()
}

#[test]
fn files_that_cannot_be_packs_are_said_so_and_the_others_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let text = own_pack_text();
    assert!(text.contains('é'));
    // Saved as Latin-1 (an old editor's default), and valid TOML padded past any pack written by hand.
    let latin1: Vec<u8> = text.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect();
    std::fs::write(dir.path().join("latin1.toml"), latin1).unwrap();
    let mut big = text.clone();
    while big.len() as u64 <= MAX_PACK_BYTES {
        big.push_str("# padding padding padding padding padding padding padding padding padding\n");
    }
    std::fs::write(dir.path().join("big.toml"), &big).unwrap();
    std::fs::write(dir.path().join("good.toml"), &text).unwrap();
    let paths: Vec<PathBuf> =
        ["latin1.toml", "big.toml", "good.toml"].iter().map(|n| dir.path().join(n)).collect();
    let diags = validate_paths(&paths).unwrap();
    assert_eq!(
        named(&diags),
        [
            "latin1.toml:1:1: this file is not UTF-8 text: save it as UTF-8".to_owned(),
            format!(
                "big.toml:1:1: this file is too large to be a checklist file ({} bytes, at most {MAX_PACK_BYTES})",
                big.len()
            ),
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_among_checklist_files_is_refused_without_waiting_for_a_writer() {
    let mkfifo =
        |path: &Path| std::process::Command::new("mkfifo").arg(path).status().is_ok_and(|s| s.success());
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("attente.toml");
    assert!(mkfifo(&fifo), "mkfifo makes the FIFO");
    // Named on the command line, or in a checklists folder in place of a reference file.
    let checklists = dir.path().join("checklists");
    let builtin = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists");
    std::fs::create_dir_all(checklists.join("packs")).unwrap();
    for name in ["apps.toml", "categories.toml"] {
        std::fs::copy(builtin.join(name), checklists.join(name)).unwrap();
    }
    assert!(mkfifo(&checklists.join("providers.toml")));
    let named = fifo.display().to_string();
    let (named_fifo, folder) = watchdog::ends("validating FIFOs", move || {
        (validate_paths(std::slice::from_ref(&fifo)).unwrap(), Library::load_dir(&checklists).unwrap_err())
    });
    // Named among the paths to check, it is one of their problems; read as a folder's file, an error.
    assert_eq!(named_fifo.len(), 1);
    assert_eq!(named_fifo[0].to_string(), format!("{named}:1:1: cannot be read (not a regular file)"));
    assert_eq!(
        named_fifo[0].in_lang(Lang::Fr),
        format!("{named}:1:1: ne peut pas être lu\u{202f}: ce n’est pas un fichier ordinaire")
    );
    assert_eq!(folder.code(), "checklist.unreadable", "{folder}");
    assert_eq!(folder.detail().as_deref(), Some("not a regular file"));
}

#[test]
fn toml_nested_without_end_is_a_problem_not_a_crash() {
    let reference = Reference::builtin().unwrap();
    let n = 100_000;
    for (what, text) in [
        ("arrays", format!("id = {}{}\n", "[".repeat(n), "]".repeat(n))),
        ("inline tables", format!("id = {}1{}\n", "{a = ".repeat(n), "}".repeat(n))),
        ("dotted keys", format!("{} = 1\n", vec!["a"; n].join("."))),
    ] {
        let err = Pack::from_text("deep.toml", &text, &reference).unwrap_err();
        let diags = err.diagnostics();
        assert_eq!(diags.len(), 1, "{what}: {err}");
        assert!(diags[0].message.contains("recurs"), "{what}: {}", diags[0]);
    }
}

/// Inline tables of dotted keys inside one another: each construct stays within the TOML reader's own
/// limit, and together they make a tree thousands of levels deep in 12 KB, whose copy or drop overflowed
/// the stack and ended the program (a pack added in the app, one left in the packs folder at every start).
/// Refused with one problem, on a thread with the stack of the app's workers.
fn nested_tables_of_dotted_keys(levels: usize, parts: usize) -> String {
    let key = vec!["k"; parts].join(".");
    format!("id = \"x\"\njunk = {}1{}\n", format!("{{{key} = ").repeat(levels), "}".repeat(levels))
}

#[test]
fn a_tree_nested_too_deeply_is_a_problem_not_a_crash() {
    let deep = nested_tables_of_dotted_keys(78, 78);
    assert!(deep.len() < 16 * 1024, "{}", deep.len());
    let diags = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let reference = Reference::builtin().unwrap();
            let err = Pack::from_text("deep.toml", &deep, &reference).unwrap_err();
            err.diagnostics().to_vec()
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(diags.len(), 1, "{diags:?}");
    // At the first value too deep, on the line of `junk`.
    let told = diags[0].to_string();
    assert!(told.starts_with("deep.toml:2:"), "{told}");
    assert!(
        told.ends_with(": nested too deeply (more than 32 tables or arrays inside one another)"),
        "{told}"
    );

    // A file just deep enough is read as usual (its other problems are told), one level more is not.
    let reference = Reference::builtin().unwrap();
    let at_limit = Pack::from_text("ok.toml", &nested_tables_of_dotted_keys(1, 31), &reference).unwrap_err();
    assert!(at_limit.diagnostics().iter().all(|d| !d.message.contains("nested")), "{at_limit}");
    let over = Pack::from_text("over.toml", &nested_tables_of_dotted_keys(1, 32), &reference).unwrap_err();
    assert_eq!(over.diagnostics().len(), 1, "{over}");
    assert!(over.diagnostics()[0].in_lang(Lang::Fr).contains("trop de niveaux imbriqués"), "{over}");

    // The reference files are read the same way.
    let apps = nested_tables_of_dotted_keys(40, 2);
    let err = Reference::from_texts(("apps.toml", &apps), ("providers.toml", ""), ("categories.toml", ""))
        .unwrap_err();
    let first = err.diagnostics().first().map(ToString::to_string).unwrap_or_default();
    assert!(first.starts_with("apps.toml:2:") && first.contains("nested too deeply"), "{first}");
}
