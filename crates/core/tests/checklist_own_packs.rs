//! A volunteer's own packs in the data folder: added once, there at every launch; an invalid, oversized or
//! clashing file never kept; a damaged one already in the folder left out with its reason, the built-in
//! packs intact; removing deletes only the copy.

#![allow(clippy::unwrap_used)]

mod watchdog;

use std::fs;
use std::path::{Path, PathBuf};

use premiers_pas_core::checklist::{Library, OwnPackError, MAX_PACK_BYTES};
use premiers_pas_core::session::pack_summaries;
use premiers_pas_core::{ErrorCode, Lang};

const OWN: &str = "atelier-courriel";

fn own_pack_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/own/atelier-courriel.toml")
}

fn builtin_ids() -> Vec<String> {
    Library::builtin().unwrap().packs.into_iter().map(|p| p.id).collect()
}

fn ids(library: &Library) -> Vec<String> {
    library.packs.iter().map(|p| p.id.clone()).collect()
}

/// Every file under `dir`, by name.
fn files(dir: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut names: Vec<String> =
        entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn a_valid_pack_is_kept_with_its_comments_listed_as_own_and_there_after_a_reload() {
    let data = tempfile::tempdir().unwrap();
    let (library, left_out) = Library::with_own_packs(data.path()).unwrap();
    assert!(left_out.is_empty());
    assert_eq!(ids(&library), builtin_ids(), "no own pack yet");

    let added = library.add_own_pack(data.path(), &own_pack_file()).unwrap();
    assert_eq!(added.id, OWN);
    assert!(!added.replaced);
    assert_eq!(added.file, data.path().join("packs/atelier-courriel.toml"));
    assert_eq!(files(&data.path().join("packs")), ["atelier-courriel.toml"], "no temporary file left");
    // The volunteer's text, comments included.
    assert_eq!(fs::read_to_string(&added.file).unwrap(), fs::read_to_string(own_pack_file()).unwrap());

    let (library, left_out) = library.reloaded_own(data.path());
    assert!(left_out.is_empty(), "{left_out:?}");
    let mut expected = builtin_ids();
    expected.push(OWN.to_owned());
    assert_eq!(ids(&library), expected, "own packs come after the built-in ones");
    assert!(library.is_own(OWN));
    assert!(!library.is_own("premiers-pas"));
    let summaries = pack_summaries(&library, Lang::Fr);
    let own: Vec<(&str, bool)> = summaries.iter().map(|s| (s.id.as_str(), s.own)).collect();
    assert_eq!(own, [("premiers-pas", false), ("atelier-navigateur", false), (OWN, true)]);
    assert_eq!(summaries[2].title, "Atelier courriel");

    // The next launch.
    let (relaunched, left_out) = Library::with_own_packs(data.path()).unwrap();
    assert!(left_out.is_empty());
    assert_eq!(relaunched, library);
    assert_eq!(relaunched.pack(OWN).unwrap().steps.len(), 2);
}

#[test]
fn an_invalid_pack_gives_the_validators_diagnostics_and_nothing_is_written() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let bad = out.path().join("mon-atelier.toml");
    let text = fs::read_to_string(own_pack_file()).unwrap().replace("how.default", "how.defautl");
    fs::write(&bad, text).unwrap();
    let library = Library::builtin().unwrap();
    let err = library.add_own_pack(data.path(), &bad).unwrap_err();
    assert_eq!(err.code(), "own_pack.invalid");
    let OwnPackError::Invalid(diags) = &err else { panic!("{err:?}") };
    assert!(!diags.is_empty());
    // The same lines `premiers-pas checklist validate` prints.
    let validated = premiers_pas_core::checklist::validate_paths(std::slice::from_ref(&bad)).unwrap();
    assert_eq!(diags, &validated);
    let detail = err.detail().unwrap();
    assert!(detail.starts_with(&format!("{}:13:", bad.display())), "{detail}");
    assert!(detail.contains("did you mean `default`?"), "{detail}");
    assert!(files(data.path()).is_empty(), "nothing written: {:?}", files(data.path()));
    // In French: the message and every problem, the path kept as it is.
    let fr = err.to_ipc(Lang::Fr);
    assert_eq!(fr.code, "own_pack.invalid");
    assert_eq!(fr.message, "ce fichier n’est pas un parcours valide");
    let detail = fr.detail.unwrap();
    assert!(detail.starts_with(&format!("{}:13:", bad.display())), "{detail}");
    assert!(detail.contains("vouliez-vous dire `default`\u{202F}?"), "{detail}");
    assert!(!detail.contains("did you mean"), "{detail}");
    assert_eq!(err.to_ipc(Lang::En), premiers_pas_core::IpcError::from_coded(&err));

    // Not a TOML file at all.
    fs::write(&bad, "<html>not a pack</html>").unwrap();
    assert_eq!(library.add_own_pack(data.path(), &bad).unwrap_err().code(), "own_pack.invalid");
    fs::write(&bad, [0xff, 0xfe, 0x00]).unwrap();
    assert_eq!(library.add_own_pack(data.path(), &bad).unwrap_err().code(), "own_pack.invalid");
    assert!(files(data.path()).is_empty());
}

#[test]
fn a_built_in_id_is_refused_and_an_own_id_again_replaces_that_pack() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let library = Library::builtin().unwrap();

    let clash = out.path().join("copie.toml");
    fs::write(&clash, fs::read_to_string(own_pack_file()).unwrap().replace(OWN, "atelier-navigateur"))
        .unwrap();
    let err = library.add_own_pack(data.path(), &clash).unwrap_err();
    assert_eq!(err.code(), "own_pack.builtin_id");
    assert!(files(data.path()).is_empty());

    library.add_own_pack(data.path(), &own_pack_file()).unwrap();
    let (library, _) = library.reloaded_own(data.path());
    // The volunteer fixed a title and adds the pack again: it takes the place of the first one.
    let fixed = out.path().join("atelier-courriel-v2.toml");
    fs::write(
        &fixed,
        fs::read_to_string(own_pack_file()).unwrap().replace("Atelier courriel\"", "Atelier mail\""),
    )
    .unwrap();
    let added = library.add_own_pack(data.path(), &fixed).unwrap();
    assert!(added.replaced);
    assert_eq!(files(&data.path().join("packs")), ["atelier-courriel.toml"]);
    let (library, left_out) = library.reloaded_own(data.path());
    assert!(left_out.is_empty());
    assert_eq!(library.packs.iter().filter(|p| p.id == OWN).count(), 1);
    assert_eq!(library.pack(OWN).unwrap().title.get(Lang::Fr), "Atelier mail");
}

#[test]
fn a_file_too_large_is_refused_before_it_is_read() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let big = out.path().join("gros.toml");
    // Valid TOML from start to end: refused for its size alone.
    let mut text = fs::read_to_string(own_pack_file()).unwrap();
    while (text.len() as u64) <= MAX_PACK_BYTES {
        text.push_str("# padding padding padding padding padding padding padding padding padding\n");
    }
    fs::write(&big, &text).unwrap();
    let err = Library::builtin().unwrap().add_own_pack(data.path(), &big).unwrap_err();
    assert_eq!(err.code(), "own_pack.too_large", "{err}");
    assert!(files(data.path()).is_empty());
}

#[test]
fn a_damaged_file_in_the_folder_is_left_out_with_its_reason_and_the_rest_loads() {
    let data = tempfile::tempdir().unwrap();
    let packs = data.path().join("packs");
    fs::create_dir_all(&packs).unwrap();
    fs::copy(own_pack_file(), packs.join("atelier-courriel.toml")).unwrap();
    // Edited by hand, badly.
    fs::write(packs.join("abime.toml"), "id = \"abime\"\nreviewed = 2026-11-01\ntitle = { fr = \"Abîmé\" ")
        .unwrap();
    // A copy of a built-in pack, and a second file with the same id as another own pack.
    fs::write(packs.join("copie.toml"), include_str!("../../../checklists/packs/atelier-navigateur.toml"))
        .unwrap();
    fs::copy(own_pack_file(), packs.join("doublon.toml")).unwrap();
    // Not packs: ignored.
    fs::write(packs.join("notes.txt"), "à faire").unwrap();

    let (library, left_out) = Library::with_own_packs(data.path()).unwrap();
    let mut expected = builtin_ids();
    expected.push(OWN.to_owned());
    assert_eq!(ids(&library), expected);
    let problems: Vec<(String, &str)> = left_out
        .iter()
        .map(|l| {
            (Path::new(&l.file).file_name().unwrap().to_string_lossy().into_owned(), l.error.code.as_str())
        })
        .collect();
    assert_eq!(
        problems,
        [
            ("abime.toml".to_owned(), "own_pack.invalid"),
            ("copie.toml".to_owned(), "own_pack.builtin_id"),
            ("doublon.toml".to_owned(), "own_pack.duplicate_id"),
        ]
    );
    assert_eq!(left_out[0].file, packs.join("abime.toml").display().to_string());
    let detail = left_out[0].error.detail.as_deref().unwrap();
    assert!(detail.starts_with(&format!("{}:3:", packs.join("abime.toml").display())), "{detail}");
    assert!(detail.contains("unclosed inline table"), "{detail}");
    // Said again in the volunteer's language, whenever it is asked for: each problem in French.
    let fr = left_out[0].in_lang(Lang::Fr);
    assert_eq!(fr.file, left_out[0].file);
    assert_eq!(fr.error.code, "own_pack.invalid");
    assert_eq!(fr.error.message, "ce fichier n’est pas un parcours valide");
    let detail = fr.error.detail.unwrap();
    assert!(detail.starts_with(&format!("{}:3:", packs.join("abime.toml").display())), "{detail}");
    assert!(detail.contains("table entre accolades jamais fermée"), "{detail}");
    assert_eq!(left_out[0].in_lang(Lang::En).error, left_out[0].error);
    // A file left out for another reason keeps its error, whatever the language.
    assert_eq!(left_out[1].in_lang(Lang::Fr), left_out[1]);

    // The folder is left as it was: what to do with those files is the volunteer's call.
    assert_eq!(
        files(&packs),
        ["abime.toml", "atelier-courriel.toml", "copie.toml", "doublon.toml", "notes.txt"]
    );

    // A data folder whose `packs` is not a folder: the built-in packs all the same.
    let odd = tempfile::tempdir().unwrap();
    fs::write(odd.path().join("packs"), "").unwrap();
    let (library, left_out) = Library::with_own_packs(odd.path()).unwrap();
    assert_eq!(ids(&library), builtin_ids());
    assert_eq!(left_out.len(), 1);
    assert_eq!(left_out[0].error.code, "own_pack.unreadable");
}

#[test]
fn removing_deletes_only_the_copy_of_an_own_pack() {
    let data = tempfile::tempdir().unwrap();
    let library = Library::builtin().unwrap();
    library.add_own_pack(data.path(), &own_pack_file()).unwrap();
    let (library, _) = library.reloaded_own(data.path());

    assert_eq!(library.remove_own_pack(data.path(), "premiers-pas").unwrap_err().code(), "own_pack.not_own");
    assert_eq!(library.remove_own_pack(data.path(), "nulle-part").unwrap_err().code(), "own_pack.not_own");
    assert_eq!(files(&data.path().join("packs")), ["atelier-courriel.toml"]);

    let removed = library.remove_own_pack(data.path(), OWN).unwrap();
    assert_eq!(removed, data.path().join("packs/atelier-courriel.toml"));
    assert!(files(&data.path().join("packs")).is_empty());
    assert!(own_pack_file().is_file(), "the volunteer's own file stays where it was");
    let (library, left_out) = library.reloaded_own(data.path());
    assert!(left_out.is_empty());
    assert_eq!(ids(&library), builtin_ids());
}

/// The fixture pack with another id.
fn pack_with_id(dir: &Path, name: &str, id: &str) -> PathBuf {
    let text = fs::read_to_string(own_pack_file())
        .unwrap()
        .replace(&format!("id = \"{OWN}\""), &format!("id = \"{id}\""));
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_pack_named_like_a_windows_device_gets_a_file_name_windows_can_open() {
    let data = tempfile::tempdir().unwrap();
    let source = tempfile::tempdir().unwrap();
    let library = Library::builtin().unwrap();
    let added = library.add_own_pack(data.path(), &pack_with_id(source.path(), "x.toml", "con")).unwrap();
    assert_eq!(added.file, data.path().join("packs/con-pack.toml"));
}

#[test]
fn an_id_that_is_a_path_is_refused_and_nothing_is_written() {
    let data = tempfile::tempdir().unwrap();
    let source = tempfile::tempdir().unwrap();
    let library = Library::builtin().unwrap();
    for id in ["../dehors", "a/b", "..", "C:\\\\x"] {
        let err = library.add_own_pack(data.path(), &pack_with_id(source.path(), "x.toml", id)).unwrap_err();
        assert_eq!(err.code(), "own_pack.invalid", "{id}");
    }
    assert!(files(data.path()).is_empty(), "{:?}", files(data.path()));
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_waiting_for_a_writer() {
    let data = tempfile::tempdir().unwrap();
    let fifo = data.path().join("attente.toml");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let dir = data.path().to_path_buf();
    let err = watchdog::ends("adding a FIFO as a pack", move || {
        Library::builtin().unwrap().add_own_pack(&dir, &fifo).unwrap_err()
    });
    assert_eq!(err.code(), "own_pack.unreadable");
}

#[test]
fn removing_a_pack_removes_a_copy_of_it_left_out_too() {
    let data = tempfile::tempdir().unwrap();
    let library = Library::builtin().unwrap();
    library.add_own_pack(data.path(), &own_pack_file()).unwrap();
    // A copy made by hand, with the same id: left out while the first one is there.
    fs::copy(own_pack_file(), data.path().join("packs/zz-copie.toml")).unwrap();
    let (library, left_out) = library.reloaded_own(data.path());
    assert_eq!(left_out[0].error.code, "own_pack.duplicate_id");

    library.remove_own_pack(data.path(), OWN).unwrap();
    let (library, left_out) = library.reloaded_own(data.path());
    assert!(!ids(&library).contains(&OWN.to_owned()), "the removed pack is not listed again");
    assert!(left_out.is_empty());
    assert!(files(&data.path().join("packs")).is_empty());
}
