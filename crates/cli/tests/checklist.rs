//! `premiers-pas checklist validate | list | show`, run as a volunteer runs them.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The command, with a data folder that does not exist (no pack added in the app), unless a test gives one.
fn premiers_pas() -> Command {
    let mut cmd = Command::cargo_bin("premiers-pas").unwrap_or_else(|e| panic!("{e}"));
    cmd.env_remove("PREMIERS_PAS_LANG");
    cmd.env("PREMIERS_PAS_DATA_DIR", PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-data-folder"));
    cmd
}

/// The command with this data folder (where the app keeps the packs a volunteer added).
fn with_data(data: &Path) -> Command {
    let mut cmd = premiers_pas();
    cmd.arg("--data-dir").arg(data);
    cmd
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn stdout(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

#[test]
fn builtin_and_shipped_folder_are_valid() {
    let out = premiers_pas().args(["--lang", "en", "checklist", "validate"]).assert().success();
    assert!(stdout(&out).contains("Everything is valid."));
    premiers_pas().arg("checklist").arg("validate").arg(repo().join("checklists")).assert().success();
    // Named from inside the packs folder, as a volunteer in a terminal does: still the shipped packs, not
    // copies of them.
    for named in [".", "premiers-pas.toml"] {
        let mut cmd = premiers_pas();
        cmd.current_dir(repo().join("checklists/packs")).args([
            "--lang",
            "en",
            "checklist",
            "validate",
            named,
        ]);
        cmd.assert().success();
    }
    premiers_pas()
        .arg("checklist")
        .arg("validate")
        .arg(repo().join("checklists/packs/premiers-pas.toml"))
        .arg(repo().join("checklists/apps.toml"))
        .assert()
        .success();
}

#[test]
fn malformed_packs_list_every_problem_with_its_position() {
    let dir = repo().join("crates/core/tests/fixtures/packs/malformed");
    let out = premiers_pas().args(["--lang", "fr", "checklist", "validate"]).arg(&dir).assert().code(1);
    let text = stdout(&out);
    let file = dir.join("unknown-check.toml").display().to_string();
    // In the volunteer's language, French typography included.
    assert!(
        text.contains(&format!(
            "{file}:12:13: vérification inconnue `browser_instaled` — vouliez-vous dire `browser_installed`\u{202f}?"
        )),
        "{text}"
    );
    let out = premiers_pas().args(["--lang", "en", "checklist", "validate"]).arg(&dir).assert().code(1);
    assert!(
        stdout(&out).contains(&format!(
            "{file}:12:13: unknown check `browser_instaled` — did you mean `browser_installed`?"
        )),
        "{}",
        stdout(&out)
    );
    let many = dir.join("many-errors.toml").display().to_string();
    assert_eq!(text.lines().filter(|l| l.starts_with(&many)).count(), 5, "{text}");
    let problems = text.lines().filter(|l| l.contains(".toml:")).count();
    assert!(problems >= 24, "{text}");
    assert!(text.trim_end().ends_with(&format!("{problems} problèmes trouvés.")), "{text}");
}

#[test]
fn a_volunteers_own_pack_validates_against_the_builtin_reference() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = std::fs::read_to_string(repo().join("checklists/packs/atelier-navigateur.toml")).unwrap();
    let good = tmp.path().join("mon-atelier.toml");
    std::fs::write(&good, pack.replace("id = \"atelier-navigateur\"", "id = \"mon-atelier\"")).unwrap();
    premiers_pas().arg("checklist").arg("validate").arg(&good).assert().success();
    let bad = tmp.path().join("typo.toml");
    std::fs::write(&bad, pack.replace("family = \"gecko\"", "family = \"geko\"")).unwrap();
    let out = premiers_pas().arg("checklist").arg("validate").arg(tmp.path()).assert().code(1);
    let text = stdout(&out);
    assert!(text.contains("unknown value `geko` — did you mean `gecko`?"), "{text}");
    assert!(!text.contains("mon-atelier.toml:"), "{text}");
}

/// Every problem at once, whatever the paths: a missing file, a folder with no pack and two packs with one
/// id are said with the other files' problems, each at its place.
#[test]
fn every_path_s_problems_are_listed_together() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = std::fs::read_to_string(repo().join("checklists/packs/atelier-navigateur.toml")).unwrap();
    let bad = tmp.path().join("bad.toml");
    std::fs::write(
        &bad,
        pack.replace("id = \"atelier-navigateur\"", "id = \"a\"").replace("https://", "javascript://"),
    )
    .unwrap();
    let empty = tmp.path().join("vide");
    std::fs::create_dir(&empty).unwrap();
    let twice = tmp.path().join("deux");
    std::fs::create_dir(&twice).unwrap();
    for name in ["a.toml", "b.toml"] {
        std::fs::write(twice.join(name), pack.replace("id = \"atelier-navigateur\"", "id = \"mon-atelier\""))
            .unwrap();
    }
    let out = premiers_pas()
        .args(["--lang", "fr", "checklist", "validate"])
        .arg(&bad)
        .arg("/nonexistent/pack.toml")
        .arg(&empty)
        .arg(&twice)
        .assert()
        .code(1);
    let text = stdout(&out);
    assert!(
        text.contains(&format!("{}:", bad.display())) && text.contains("seuls les liens http:// et https://"),
        "{text}"
    );
    assert!(text.contains("/nonexistent/pack.toml:1:1: ce fichier ou ce dossier n’existe pas"), "{text}");
    assert!(text.contains(&format!("{}:1:1: aucun parcours ici", empty.display())), "{text}");
    let b = twice.join("b.toml").display().to_string();
    let a = twice.join("a.toml").display().to_string();
    // At the second file's id, with the first file named.
    let line = pack.lines().position(|l| l.starts_with("id = ")).unwrap() + 1;
    assert!(
        text.contains(&format!("{b}:{line}:6: `mon-atelier` est déjà l’identifiant du parcours de {a}")),
        "{text}"
    );
    assert!(!text.contains("Tout est valide"), "{text}");
}

/// `show --from` reads what `validate` reads: a folder of one's own packs, with the built-in reference.
#[test]
fn show_reads_a_folder_of_packs_as_validate_does() {
    // The `packs/` of a checklists folder, with that folder's reference data: here a copy that no longer
    // knows CoMaps, which the default pack names. Both refuse it, for the same reason.
    let copy = tempfile::tempdir().unwrap();
    let packs = copy.path().join("packs");
    std::fs::create_dir(&packs).unwrap();
    for name in ["providers.toml", "categories.toml"] {
        std::fs::copy(repo().join("checklists").join(name), copy.path().join(name)).unwrap();
    }
    let apps = std::fs::read_to_string(repo().join("checklists/apps.toml")).unwrap();
    let without = apps.replace("id = \"comaps\"", "id = \"comaps-gone\"");
    assert_ne!(apps, without);
    std::fs::write(copy.path().join("apps.toml"), without).unwrap();
    std::fs::copy(repo().join("checklists/packs/premiers-pas.toml"), packs.join("premiers-pas.toml"))
        .unwrap();
    premiers_pas().args(["checklist", "validate"]).arg(&packs).assert().code(1);
    premiers_pas().args(["checklist", "show", "premiers-pas", "--from"]).arg(&packs).assert().code(2);

    let tmp = tempfile::tempdir().unwrap();
    let pack = std::fs::read_to_string(repo().join("checklists/packs/atelier-navigateur.toml")).unwrap();
    std::fs::write(
        tmp.path().join("mon-atelier.toml"),
        pack.replace("id = \"atelier-navigateur\"", "id = \"mon-atelier\""),
    )
    .unwrap();
    premiers_pas().args(["checklist", "validate"]).arg(tmp.path()).assert().success();
    let out = premiers_pas()
        .args(["--lang", "fr", "checklist", "show", "mon-atelier", "--from"])
        .arg(tmp.path())
        .assert()
        .success();
    assert!(stdout(&out).contains("Firefox"), "{}", stdout(&out));
    let out = premiers_pas()
        .args(["--lang", "fr", "checklist", "list", "--from"])
        .arg(tmp.path())
        .assert()
        .success();
    let text = stdout(&out);
    assert!(text.contains("mon-atelier") && !text.contains("premiers-pas "), "{text}");
}

/// `list --from` and `show --from` on a folder with broken packs: the French sentence, then every
/// problem in French, each line of the detail under the first.
#[test]
fn a_folder_of_broken_packs_is_said_in_french() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.toml"), "id = \"a\"\ntittle = 1\n").unwrap();
    for command in [&["checklist", "list", "--from"][..], &["checklist", "show", "a", "--from"]] {
        let out = premiers_pas().args(["--lang", "fr"]).args(command).arg(tmp.path()).assert().code(2);
        let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        let n = '\u{202F}';
        let file = tmp.path().join("a.toml").display().to_string();
        let lines: Vec<&str> = said.lines().collect();
        assert!(lines[0].contains("Ces fichiers de parcours contiennent des erreurs"), "{said}");
        assert!(lines[1].starts_with(&format!("  Détail{n}: {file}:")), "{said}");
        assert!(lines.len() > 3, "several problems: {said}");
        for line in &lines[2..lines.len() - 1] {
            assert!(line.starts_with(&format!("    {file}:")), "{line} in {said}");
        }
        assert!(said.contains(&format!("clé inconnue `tittle` — vouliez-vous dire `title`{n}?")), "{said}");
        assert!(!said.contains("unknown key") && !said.contains("did you mean"), "{said}");
        assert_eq!(lines.last(), Some(&&*format!("  Code d’erreur{n}: checklist.invalid")), "{said}");
    }
}

/// The titles of `checklist list` and of `audit`'s steps are set in French typography, as `show` is.
#[test]
fn list_and_audit_set_titles_in_french_typography() {
    let data = tempfile::tempdir().unwrap();
    let packs = data.path().join("packs");
    std::fs::create_dir(&packs).unwrap();
    let own = repo().join("crates/core/tests/fixtures/packs/own/atelier-courriel.toml");
    let text = std::fs::read_to_string(own)
        .unwrap()
        .replace("fr = \"Atelier courriel\"", "fr = \"Atelier : courriel !\"")
        .replace("fr = \"Prévenir vos contacts\"", "fr = \"Prévenir vos contacts ?\"");
    std::fs::write(packs.join("atelier-courriel.toml"), text).unwrap();
    let n = '\u{202F}';

    for command in [&["checklist", "list"][..], &["checklist", "list", "--from"]] {
        let mut cmd = with_data(data.path());
        cmd.args(["--lang", "fr"]).args(command);
        if command.contains(&"--from") {
            cmd.arg(&packs);
        }
        let text = stdout(&cmd.assert().success());
        assert!(text.contains(&format!("Atelier{n}: courriel{n}! (2 étapes)")), "{text}");
    }
    let out = with_data(data.path())
        .args(["--lang", "fr", "audit", "--pack", "atelier-courriel", "--os", "linux", "--home"])
        .arg(repo().join("crates/core/tests/fixtures/homes/empty"))
        .assert()
        .success();
    let text = stdout(&out);
    assert!(text.contains(&format!("Atelier{n}: courriel{n}!\n")), "{text}");
    assert!(text.contains(&format!("Prévenir vos contacts{n}?\n")), "{text}");
    let en = stdout(&with_data(data.path()).args(["--lang", "en", "checklist", "list"]).assert().success());
    assert!(en.contains("Mail workshop (2 steps)") && !en.contains(n), "{en}");
}

#[test]
fn list_shows_both_packs() {
    let data = tempfile::tempdir().unwrap();
    let out = with_data(data.path()).args(["--lang", "fr", "checklist", "list"]).assert().success();
    let text = stdout(&out);
    assert!(!text.contains("votre parcours"), "{text}");
    assert!(text.contains("premiers-pas") && text.contains("Premiers pas (6 étapes)"), "{text}");
    assert!(text.contains("atelier-navigateur"), "{text}");
    let out = with_data(data.path()).args(["checklist", "list", "--json"]).assert().success();
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json[0]["id"], "premiers-pas");
    assert_eq!(json[0]["steps"], 6);
    assert_eq!(json[0]["own"], false);
}

/// The packs a volunteer added in the app (kept in the data folder's `packs/`) are listed and shown
/// too, marked as theirs; one that no longer reads is left out with a sentence and its code, and the
/// others are still listed.
#[test]
fn packs_added_in_the_app_are_listed_and_shown() {
    let data = tempfile::tempdir().unwrap();
    let packs = data.path().join("packs");
    std::fs::create_dir(&packs).unwrap();
    let own = repo().join("crates/core/tests/fixtures/packs/own/atelier-courriel.toml");
    std::fs::copy(own, packs.join("atelier-courriel.toml")).unwrap();
    std::fs::write(packs.join("abime.toml"), "id = \"abime\"\ntitle = \"un ancien format\"\n").unwrap();

    let out = with_data(data.path()).args(["--lang", "fr", "checklist", "list"]).assert().success();
    let text = stdout(&out);
    assert!(text.contains("atelier-courriel    Atelier courriel (2 étapes) — votre parcours"), "{text}");
    assert!(text.contains("Premiers pas (6 étapes)\n"), "{text}");
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(said.contains("Ce fichier n’est pas un parcours valide"), "{said}");
    assert!(said.contains("abime.toml") && said.contains("own_pack.invalid"), "{said}");
    // Its problems in French, the first on the detail's line, the others indented under it; no English
    // message glued in front.
    let n = '\u{202F}';
    let abime = packs.join("abime.toml").display().to_string();
    assert!(said.contains(&format!("\n  Détail{n}: {abime}:")), "{said}");
    assert!(said.contains(&format!("\n    {abime}:")), "{said}");
    assert!(said.contains(&format!("{abime}:2:9: valeur du mauvais type{n}: le texte")), "{said}");
    assert!(said.contains("aucune entrée `[[step]]` trouvée"), "{said}");
    assert!(!said.contains("not a valid") && !said.contains("invalid type"), "{said}");

    let out = with_data(data.path()).args(["--lang", "en", "checklist", "list", "--json"]).assert().success();
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let own: Vec<_> = json.as_array().unwrap().iter().filter(|p| p["own"] == true).collect();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0]["id"], "atelier-courriel");

    let out = with_data(data.path())
        .args(["--lang", "en", "checklist", "show", "atelier-courriel"])
        .assert()
        .success();
    assert!(stdout(&out).starts_with("Mail workshop\n"), "{}", stdout(&out));

    // Every command that takes --pack knows it: a report on it.
    let home = repo().join("crates/core/tests/fixtures/homes/debian-firefox-ubo");
    let out = with_data(data.path())
        .args([
            "--lang",
            "en",
            "report",
            "--format",
            "json",
            "--pack",
            "atelier-courriel",
            "--os",
            "linux",
            "--home",
        ])
        .arg(home)
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["pack"]["id"], "atelier-courriel", "{report}");

    // The pack asked for may be the one left out: said, not only "no such pack".
    for command in ["report", "audit"] {
        let out = with_data(data.path())
            .args(["--lang", "fr", command, "--pack", "abime", "--os", "linux", "--home"])
            .arg(repo().join("crates/core/tests/fixtures/homes/empty"))
            .assert()
            .code(2);
        let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(said.contains("Parcours laissé de côté") && said.contains("abime.toml"), "{command}: {said}");
    }
}

#[test]
fn show_reads_as_a_french_guide() {
    let out = premiers_pas().args(["checklist", "show", "premiers-pas", "--lang", "fr"]).assert().success();
    let text = stdout(&out);
    let titles = [
        "1. Des cartes qui ne vous suivent pas",
        "2. Un navigateur qui travaille pour vous",
        "3. Moins de publicités, moins de pisteurs",
        "4. Firefox pour ouvrir vos liens",
        "5. Un courriel qui vous respecte",
        "6. Trouver un hébergeur près de chez vous",
    ];
    let positions: Vec<usize> =
        titles.iter().map(|t| text.find(t).unwrap_or_else(|| panic!("{t}\n{text}"))).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "steps in order");
    for words in [
        "Pourquoi",
        "Comment faire",
        "vérifié en novembre 2026",
        "https://f-droid.org/packages/app.comaps.fdroid/",
        "https://addons.mozilla.org/firefox/addon/ublock-origin/",
        "Sur iPhone",
    ] {
        assert!(text.contains(words), "`{words}` missing");
    }
    assert!(text.lines().all(|l| !l.trim_start().starts_with('»')), "no line starts with a closing quote");
    // French typography: a narrow no-break space before `:` `;` and inside « ».
    assert!(text.contains("dans la poche\u{202F}: cette étape"), "{text}");
    assert!(text.contains("«\u{202F}Organic Maps\u{202F}»"), "{text}");
    for bad in [" :", " ;", "« ", " »"] {
        assert!(!text.contains(bad), "`{bad}` in:\n{text}");
    }
    let en = stdout(
        &premiers_pas().args(["--lang", "en", "checklist", "show", "premiers-pas"]).assert().success(),
    );
    assert!(en.contains("Why") && en.contains("1. Maps that don’t follow you"), "{en}");
}

#[test]
fn show_json_is_the_pack() {
    let out = premiers_pas().args(["checklist", "show", "atelier-navigateur", "--json"]).assert().success();
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["id"], "atelier-navigateur");
    assert_eq!(json["steps"][1]["checks"][0]["extension_enabled"]["in"], "default_profile");
}

#[test]
fn show_an_unknown_pack_says_so() {
    let out = premiers_pas().args(["checklist", "show", "premier-pas"]).assert().code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("no checklist pack with id `premier-pas`"), "{err}");
}

/// The example pack of checklists/README.md is valid as written, and `show` reads it as the README says:
/// a volunteer starts by copying it.
#[test]
fn the_readme_s_example_pack_is_valid() {
    let readme = std::fs::read_to_string(repo().join("checklists/README.md")).unwrap();
    let after = &readme[readme.find("### Un parcours").unwrap()..];
    let start = after.find("```toml\n").unwrap() + "```toml\n".len();
    let example = &after[start..start + after[start..].find("```").unwrap()];
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mon-atelier.toml"), example).unwrap();
    premiers_pas()
        .args(["checklist", "validate"])
        .arg(dir.path().join("mon-atelier.toml"))
        .assert()
        .success();
    premiers_pas().args(["checklist", "show", "mon-atelier", "--from"]).arg(dir.path()).assert().success();
}
