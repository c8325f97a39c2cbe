//! Failures as a volunteer meets them: each one says what went wrong and what to do in the chosen
//! language, keeps the technical cause as the engine wrote it, names its code, and exits with 2.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The narrow no-break space French typography puts before `:` `;` `?` `!` and inside « ».
const N: char = '\u{202F}';

fn premiers_pas(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("premiers-pas").unwrap();
    cmd.arg("--data-dir").arg(data).env_remove("PREMIERS_PAS_LANG");
    cmd
}

fn home(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/homes").join(case)
}

/// Runs the command, expects exit status 2 and nothing on standard output, and returns standard error.
fn fails(cmd: &mut Command) -> String {
    let out = cmd.assert().code(2).stdout("");
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

/// The three lines of an error: sentence, detail, code.
fn lines(stderr: &str) -> [String; 3] {
    let lines: Vec<String> = stderr.lines().map(str::to_owned).collect();
    lines.try_into().unwrap_or_else(|l: Vec<String>| panic!("expected 3 lines, got {}:\n{stderr}", l.len()))
}

#[test]
fn a_missing_checklist_folder_in_french_and_in_english() {
    let data = tempfile::tempdir().unwrap();
    let missing = data.path().join("mes-parcours");
    let [sentence, detail, code] = lines(&fails(
        premiers_pas(data.path()).args(["--lang", "fr", "checklist", "list", "--from"]).arg(&missing),
    ));
    assert_eq!(
        sentence,
        format!(
            "premiers-pas{N}: Un fichier ou un dossier de parcours n’a pas pu être lu. Vérifiez le chemin \
             donné{N}: existe-t-il, et avez-vous le droit de le lire{N}?"
        )
    );
    assert_eq!(
        detail,
        format!("  Détail{N}: could not read {}: No such file or directory (os error 2)", missing.display())
    );
    assert_eq!(code, format!("  Code d’erreur{N}: checklist.unreadable"));

    let [sentence, detail, code] = lines(&fails(
        premiers_pas(data.path()).args(["--lang", "en", "checklist", "list", "--from"]).arg(&missing),
    ));
    assert!(
        sentence.starts_with("premiers-pas: A checklist file or folder could not be read."),
        "{sentence}"
    );
    assert_eq!(
        detail,
        format!("  Detail: could not read {}: No such file or directory (os error 2)", missing.display())
    );
    assert_eq!(code, "  Error code: checklist.unreadable");
}

#[test]
fn the_language_also_comes_from_the_environment() {
    let data = tempfile::tempdir().unwrap();
    let err = fails(premiers_pas(data.path()).env("PREMIERS_PAS_LANG", "fr").args([
        "checklist",
        "show",
        "premier-pas",
    ]));
    assert!(
        err.starts_with(&format!(
            "premiers-pas{N}: Ce parcours n’existe pas. «{N}premiers-pas checklist list{N}» montre ceux qui existent."
        )),
        "{err}"
    );
    assert!(err.contains("no checklist pack with id `premier-pas`"), "{err}");
    assert!(err.ends_with(&format!("Code d’erreur{N}: checklist.unknown_pack\n")), "{err}");
    // --lang wins over the environment.
    let err = fails(premiers_pas(data.path()).env("PREMIERS_PAS_LANG", "fr").args([
        "--lang",
        "en",
        "checklist",
        "show",
        "premier-pas",
    ]));
    assert!(err.starts_with("premiers-pas: There is no such checklist pack."), "{err}");
}

#[test]
fn a_damaged_directory_file_is_refused_in_the_persons_language() {
    let data = tempfile::tempdir().unwrap();
    let bad = data.path().join("annuaire.json");
    std::fs::write(&bad, b"{\"schema\": \"premiers-pas/directory/1\", \"files\": 3}").unwrap();
    let [sentence, detail, code] =
        lines(&fails(premiers_pas(data.path()).args(["--lang", "fr", "directory", "import"]).arg(&bad)));
    assert_eq!(
        sentence,
        format!(
            "premiers-pas{N}: Ce fichier d’annuaire est abîmé ou incomplet{N}; rien n’a été changé. \
             Demandez-en une nouvelle copie, ou téléchargez l’annuaire avec «{N}premiers-pas directory \
             refresh{N}»."
        )
    );
    assert!(
        detail.starts_with(&format!("  Détail{N}: {} is damaged or incomplete: ", bad.display())),
        "{detail}"
    );
    assert_eq!(code, format!("  Code d’erreur{N}: directory.import_corrupt"));

    let err = fails(premiers_pas(data.path()).args(["--lang", "en", "directory", "import"]).arg(&bad));
    assert!(err.starts_with("premiers-pas: This directory file is damaged or incomplete;"), "{err}");
    assert!(err.ends_with("  Error code: directory.import_corrupt\n"), "{err}");
}

#[test]
fn a_directory_source_that_is_not_a_web_address_or_does_not_answer() {
    let data = tempfile::tempdir().unwrap();
    let refresh = |lang: &str, source: &str| {
        fails(premiers_pas(data.path()).args(["--lang", lang, "directory", "refresh", "--source", source]))
    };
    let [sentence, detail, code] = lines(&refresh("fr", "ftp://127.0.0.1/chatons.properties"));
    assert_eq!(
        sentence,
        "premiers-pas\u{202F}: L’adresse donnée pour l’annuaire n’est pas une adresse web. Donnez à --source \
         une adresse en http:// ou https://."
    );
    assert_eq!(
        detail,
        format!("  Détail{N}: the directory source `ftp://127.0.0.1/chatons.properties` is not an http(s) address")
    );
    assert_eq!(code, format!("  Code d’erreur{N}: directory.invalid_source"));

    // A port nobody listens on, on this machine.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let refused = format!("http://{}/chatons.properties", listener.local_addr().unwrap());
    drop(listener);
    let [sentence, detail, code] = lines(&refresh("fr", &refused));
    assert!(
        sentence.starts_with(&format!("premiers-pas{N}: Le serveur de l’annuaire n’a pas répondu")),
        "{sentence}"
    );
    assert!(detail.contains(&refused) && detail.contains("Connection refused"), "{detail}");
    assert_eq!(code, format!("  Code d’erreur{N}: directory.source_unavailable"));
    let [sentence, _, code] = lines(&refresh("en", &refused));
    assert!(sentence.starts_with("premiers-pas: The directory’s server did not answer"), "{sentence}");
    assert_eq!(code, "  Error code: directory.source_unavailable");
    assert!(!data.path().join("directory").exists(), "nothing kept from a failed refresh");
}

#[test]
fn a_report_that_cannot_be_written_says_why_and_leaves_nothing() {
    let data = tempfile::tempdir().unwrap();
    let output = data.path().join("pas-de-dossier").join("rapport.html");
    let run = |lang: &str| {
        fails(
            premiers_pas(data.path())
                .args(["--lang", lang, "report", "--os", "linux", "--output"])
                .arg(&output)
                .arg("--home")
                .arg(home("empty")),
        )
    };
    let [sentence, detail, code] = lines(&run("fr"));
    assert_eq!(
        sentence,
        format!(
            "premiers-pas{N}: Le fichier n’a pas pu être écrit{N}; un fichier déjà là à ce nom est gardé tel \
             quel. Vérifiez que le dossier existe, que vous pouvez y écrire et qu’il reste de la place sur le \
             disque."
        )
    );
    assert!(
        detail.starts_with(&format!(
            "  Détail{N}: could not write {}: No such file or directory",
            output.display()
        )),
        "{detail}"
    );
    assert_eq!(code, format!("  Code d’erreur{N}: cli.write_failed"));
    let [sentence, _, code] = lines(&run("en"));
    assert!(sentence.starts_with("premiers-pas: The file could not be written;"), "{sentence}");
    assert_eq!(code, "  Error code: cli.write_failed");
    assert!(!data.path().join("pas-de-dossier").exists());
}

#[test]
fn a_home_that_is_not_there_and_a_registry_file_that_does_not_parse() {
    let data = tempfile::tempdir().unwrap();
    let nowhere = data.path().join("nulle-part");
    let err = fails(premiers_pas(data.path()).args(["--lang", "fr", "audit", "--home"]).arg(&nowhere));
    assert!(
        err.starts_with(&format!("premiers-pas{N}: Le dossier donné avec --home n’a pas pu être ouvert.")),
        "{err}"
    );
    assert!(err.contains(&format!("cannot audit {} as a home folder", nowhere.display())), "{err}");
    assert!(err.ends_with("session.home_unreadable\n"), "{err}");

    let reg = data.path().join("bad.reg");
    std::fs::write(&reg, "Windows Registry Editor Version 5.00\n\n\"Orphan\"=\"value\"\n").unwrap();
    let err = fails(
        premiers_pas(data.path())
            .args(["--lang", "en", "audit", "--os", "windows", "--home"])
            .arg(data.path())
            .arg("--registry")
            .arg(&reg),
    );
    let [sentence, detail, code] = lines(&err);
    assert!(sentence.starts_with("premiers-pas: The registry file given with --registry could not be read."));
    assert!(
        detail.starts_with(&format!("  Detail: in the registry file {}: line 3: ", reg.display())),
        "{detail}"
    );
    assert_eq!(code, "  Error code: registry.syntax");
}

#[test]
fn an_unknown_category_points_to_the_list() {
    let data = tempfile::tempdir().unwrap();
    let [sentence, detail, code] = lines(&fails(premiers_pas(data.path()).args([
        "--lang",
        "fr",
        "directory",
        "search",
        "--category",
        "téléportation",
    ])));
    assert!(sentence.starts_with(&format!("premiers-pas{N}: Cette catégorie n’existe pas.")), "{sentence}");
    // The categories there are, in the French sentence itself.
    assert!(sentence.contains(&format!("parmi celles-ci{N}: mail, cloud,")), "{sentence}");
    assert!(sentence.ends_with(", other."), "{sentence}");
    assert!(detail.contains("unknown category `téléportation` (expected mail, cloud,"), "{detail}");
    assert_eq!(code, format!("  Code d’erreur{N}: cli.unknown_category"));
}

#[test]
fn json_errors_keep_their_shape_with_the_message_in_the_persons_language() {
    let data = tempfile::tempdir().unwrap();
    let check = |lang: &str| {
        let out = premiers_pas(data.path())
            .args(["--lang", lang, "mail", "check", "lea-at-exemple.fr", "--json"])
            .assert()
            .code(2)
            .stderr("");
        serde_json::from_slice::<serde_json::Value>(&out.get_output().stdout).unwrap()
    };
    let fr = check("fr");
    assert_eq!(fr["code"], "mail.invalid_address");
    assert_eq!(
        fr["message"],
        "Cette adresse de courriel ne semble pas complète. Vérifiez qu’elle a la forme nom@exemple.fr."
    );
    assert_eq!(fr["detail"], "`lea-at-exemple.fr` is not a mail address (expected name@domain)");
    let en = check("en");
    assert_eq!(en["code"], fr["code"]);
    assert_eq!(en["detail"], fr["detail"]);
    assert_eq!(
        en["message"],
        "This mail address does not look complete. Check that it reads like name@example.org."
    );
    // Without --json, the same error is text on standard error.
    let err = fails(premiers_pas(data.path()).args(["--lang", "fr", "mail", "check", "lea-at-exemple.fr"]));
    assert!(err.ends_with(&format!("Code d’erreur{N}: mail.invalid_address\n")), "{err}");
}
