//! `--help` and the usage errors, run as a user runs them: in French or in English after `--lang` (or
//! its variable), help on standard output with status 0, a usage error on standard error with status 2.
//! Every run names its language, and the system's is pinned where it would decide, so that nothing here
//! depends on the machine's locale.

// Helpers outside #[test] functions may panic too: a failed set-up is a failed test.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use assert_cmd::Command;

/// The narrow no-break space French typography puts before `:` `;` `?` `!` and inside « ».
const N: char = '\u{202F}';

/// The program with no language from the environment, an English system and no data folder.
fn premiers_pas() -> Command {
    let mut cmd = Command::cargo_bin("premiers-pas").unwrap();
    cmd.env_remove("PREMIERS_PAS_LANG")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .env("PREMIERS_PAS_DATA_DIR", PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-data-folder"));
    cmd
}

/// Runs the command, expects success and nothing on standard error, and returns standard output.
fn shows(cmd: &mut Command) -> String {
    let out = cmd.assert().success().stderr("");
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// Runs the command, expects status 2 and nothing on standard output, and returns standard error.
fn fails(cmd: &mut Command) -> String {
    let out = cmd.assert().code(2).stdout("");
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

/// The text on one line, as a terminal wide enough would show it.
fn unwrapped(text: &str) -> String {
    text.split([' ', '\n']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn assert_no_english_heading(help: &str) {
    for english in ["Usage:", "Commands:", "Options:", "Arguments:", "Print help", "[env:", "[default:"] {
        assert!(!help.contains(english), "{english:?} in\n{help}");
    }
}

#[test]
fn the_help_in_french() {
    let help = shows(premiers_pas().args(["--lang", "fr", "--help"]));
    assert!(help.contains(&format!("\nUtilisation{N}: premiers-pas [OPTIONS] <COMMANDE>\n")), "{help}");
    assert!(help.contains(&format!("\nCommandes{N}:\n")), "{help}");
    assert!(help.contains(&format!("\nOptions{N}:\n")), "{help}");
    let flat = unwrapped(&help);
    assert!(flat.contains("directory L’annuaire des CHATONS"), "{help}");
    assert!(flat.contains("help Afficher ce message, ou l’aide des commandes données"), "{help}");
    assert!(flat.contains("--lang <LANGUE> Langue des messages (fr ou en)"), "{help}");
    assert!(flat.contains("-h, --help Afficher l’aide"), "{help}");
    assert!(flat.contains("-V, --version Afficher la version"), "{help}");
    assert_no_english_heading(&help);
}

#[test]
fn the_help_of_a_nested_command_in_french_from_the_variable() {
    let help = shows(premiers_pas().env("PREMIERS_PAS_LANG", "fr").args(["directory", "search", "--help"]));
    assert!(help.starts_with(&format!("Trouver des hébergeurs{N}: par catégorie")), "{help}");
    assert!(help.contains(&format!("\nUtilisation{N}: premiers-pas directory search [OPTIONS]\n")), "{help}");
    let flat = unwrapped(&help);
    assert!(flat.contains("--near <LIEU> «"), "{help}");
    assert!(flat.contains(&format!("[par défaut{N}: any]")), "{help}");
    assert!(flat.contains(&format!("[variable d’environnement{N}: PREMIERS_PAS_LANG=fr]")), "{help}");
    assert_no_english_heading(&help);

    // `-h`, `--lang=fr` and a positional argument.
    let help = shows(premiers_pas().args(["checklist", "validate", "-h", "--lang=fr"]));
    assert!(
        help.contains(&format!("\nArguments{N}:\n  [CHEMINS]...  Fichiers ou dossiers à vérifier.")),
        "{help}"
    );
    assert_no_english_heading(&help);

    // The `help` subcommand.
    let help = shows(premiers_pas().args(["--lang", "fr", "help", "checklist", "show"]));
    assert!(help.contains(&format!("Utilisation{N}: premiers-pas checklist show [OPTIONS] <ID>")), "{help}");
}

#[test]
fn the_help_in_english_is_clap_s() {
    let help = shows(premiers_pas().env("PREMIERS_PAS_LANG", "fr").args(["--lang", "en", "--help"]));
    assert!(help.contains("\nUsage: premiers-pas [OPTIONS] <COMMAND>\n"), "{help}");
    assert!(help.contains("\nCommands:\n") && help.contains("\nOptions:\n"), "{help}");
    let flat = unwrapped(&help);
    assert!(flat.contains("--lang <LANG> Language of the output (fr or en)"), "{help}");
    assert!(flat.contains("-h, --help Print help"), "{help}");
    assert!(!help.contains(N) && !help.contains("Utilisation"), "{help}");
    let help = shows(premiers_pas().args(["--lang", "en", "directory", "search", "-h"]));
    assert!(unwrapped(&help).contains("[default: any]"), "{help}");
}

#[test]
fn the_version_reads_the_same_in_both() {
    let fr = shows(premiers_pas().args(["--lang", "fr", "--version"]));
    assert_eq!(fr, shows(premiers_pas().args(["--lang", "en", "--version"])));
    assert!(fr.starts_with("premiers-pas "), "{fr}");
}

#[test]
fn an_unknown_option_in_french_with_a_suggestion() {
    let err = fails(premiers_pas().args(["--lang", "fr", "directory", "search", "--jsn"]));
    assert_eq!(
        err,
        format!(
            "premiers-pas{N}: L’option «{N}--jsn{N}» n’est pas prévue ici.\n\n  Conseil{N}: vouliez-vous dire \
             «{N}--json{N}»{N}?\n\nUtilisation{N}: premiers-pas directory search --json\n\nPour plus \
             d’informations, essayez «{N}--help{N}».\n"
        )
    );
    let err = fails(premiers_pas().args(["--lang", "en", "directory", "search", "--jsn"]));
    assert!(err.starts_with(
        "error: unexpected argument '--jsn' found\n\n  tip: a similar argument exists: '--json'"
    ));
}

#[test]
fn an_invalid_value_lists_the_possible_ones_in_french() {
    let home = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let err = fails(premiers_pas().args(["--lang=fr", "audit", "--os", "bsd", "--home"]).arg(&home));
    assert!(
        err.starts_with(&format!(
            "premiers-pas{N}: La valeur «{N}bsd{N}» n’est pas valide pour «{N}--os <SYSTÈME>{N}».\n  \
             [valeurs possibles{N}: linux, macos, windows]\n"
        )),
        "{err}"
    );
}

/// The options that take one of a few words list them in French when a wrong one is given, rather than
/// in an English detail; the engine's other spellings and capitals are still read.
#[test]
fn the_options_with_a_few_possible_words_list_them_in_french() {
    let home = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    for (args, value, option, possible) in [
        (&["report", "--format", "pdf"][..], "pdf", "--format <FORMAT>", "html, markdown, json"),
        (&["report", "--os", "bsd", "--home"], "bsd", "--os <SYSTÈME>", "linux, macos, windows"),
        (
            &["directory", "search", "--registration", "tous"],
            "tous",
            "--registration <INSCRIPTION>",
            "open, members, paid, any",
        ),
    ] {
        let mut cmd = premiers_pas();
        cmd.arg("--lang=fr").args(args);
        if args.contains(&"--home") {
            cmd.arg(&home);
        }
        let err = fails(&mut cmd);
        assert!(
            err.starts_with(&format!(
                "premiers-pas{N}: La valeur «{N}{value}{N}» n’est pas valide pour «{N}{option}{N}».\n  \
                 [valeurs possibles{N}: {possible}]\n"
            )),
            "{err}"
        );
        assert!(!err.contains("Détail") && !err.contains("expected"), "{err}");
    }
    // `MD`, `Mac`: read as before (the report goes to a file, the home is empty).
    let out = tempfile::tempdir().unwrap();
    let report = out.path().join("bilan.md");
    premiers_pas()
        .args(["--lang=fr", "report", "--format", "MD", "--os", "Mac", "--home"])
        .arg(&home)
        .arg("--output")
        .arg(&report)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&report).unwrap().starts_with('#'));
}

#[test]
fn an_unknown_command_and_a_missing_one_in_french() {
    let err = fails(premiers_pas().env("PREMIERS_PAS_LANG", "fr").args(["directory", "serch"]));
    assert!(err.starts_with(&format!("premiers-pas{N}: La commande «{N}serch{N}» n’existe pas.")), "{err}");
    assert!(err.contains(&format!("Conseil{N}: vouliez-vous dire «{N}search{N}»{N}?")), "{err}");

    let err = fails(premiers_pas().args(["--lang", "fr", "mail"]));
    assert!(
        err.starts_with(&format!("premiers-pas{N}: «{N}premiers-pas mail{N}» attend une commande")),
        "{err}"
    );
    // No command at all, the language from the variable: the commands there are.
    let err = fails(premiers_pas().env("PREMIERS_PAS_LANG", "fr"));
    assert!(err
        .contains(&format!("\n  [commandes{N}: system, audit, mail, checklist, directory, report, help]\n")));
    assert!(err.contains(&format!("\n\nUtilisation{N}: premiers-pas [OPTIONS] <COMMANDE>\n")), "{err}");
    assert_no_english_heading(&err);
}

#[test]
fn a_wrong_language_is_told_in_the_system_s_language() {
    // An English system (LC_ALL=C): the message is clap's.
    let err = fails(premiers_pas().args(["--lang", "xx", "system"]));
    assert!(
        err.starts_with("error: invalid value 'xx' for '--lang <LANG>'\n  [possible values: fr, en]\n"),
        "{err}"
    );
    // Whatever the variable says: the flag that is wrong is the one the person just typed.
    let err = fails(premiers_pas().env("PREMIERS_PAS_LANG", "fr").args(["--lang", "xx", "system"]));
    assert!(err.starts_with("error: invalid value 'xx'"), "{err}");
}

/// Only Linux reads the system's language from these variables (macOS and Windows ask the system).
#[cfg(target_os = "linux")]
#[test]
fn a_wrong_language_on_a_french_system_is_told_in_french() {
    let err =
        fails(premiers_pas().env("LC_ALL", "fr_FR.UTF-8").env("LANG", "fr_FR.UTF-8").args(["--lang", "xx"]));
    assert!(
        err.starts_with(&format!(
            "premiers-pas{N}: La valeur «{N}xx{N}» n’est pas valide pour «{N}--lang <LANGUE>{N}».\n  \
             [valeurs possibles{N}: fr, en]\n"
        )),
        "{err}"
    );
    let err =
        fails(premiers_pas().env("LC_ALL", "fr_FR.UTF-8").env("PREMIERS_PAS_LANG", "deutsch").arg("system"));
    assert!(err.contains(&format!("«{N}deutsch{N}» n’est pas valide")), "{err}");
}

#[test]
fn a_language_with_spaces_around_or_in_capitals_is_read_as_before() {
    // The variable often comes from a shell profile, spaces and all; the CLI always trimmed it.
    let out = shows(premiers_pas().env("PREMIERS_PAS_LANG", "fr ").arg("checklist").arg("list"));
    assert!(out.contains("étapes"), "{out}");
    let out = shows(premiers_pas().args(["--lang", " EN", "checklist", "list"]));
    assert!(out.contains("steps"), "{out}");
}

/// A variable set to nothing is not set; a locale copied from LANG is its language.
#[test]
fn the_variables_as_scripts_set_them() {
    let out =
        shows(premiers_pas().env("PREMIERS_PAS_DATA_DIR", "").env("PREMIERS_PAS_LANG", "").args(["system"]));
    assert!(!out.is_empty());
    // With the data folder's variable set to nothing, the data folder is the platform's: the packs a
    // volunteer added there are listed.
    if cfg!(target_os = "linux") {
        let home = tempfile::tempdir().unwrap();
        let packs = home.path().join(".local/share/premiers-pas/packs");
        std::fs::create_dir_all(&packs).unwrap();
        let own = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../core/tests/fixtures/packs/own/atelier-courriel.toml");
        std::fs::copy(own, packs.join("atelier-courriel.toml")).unwrap();
        let out = shows(
            premiers_pas()
                .env("PREMIERS_PAS_DATA_DIR", "")
                .env("HOME", home.path())
                .env_remove("XDG_DATA_HOME")
                .args(["--lang", "en", "checklist", "list"]),
        );
        assert!(out.contains("atelier-courriel"), "{out}");
    }
    for locale in ["fr_FR.UTF-8", "fr-BE", " FR "] {
        let help = shows(premiers_pas().env("PREMIERS_PAS_LANG", locale).args(["--help"]));
        assert!(help.contains("Utilisation"), "{locale}: {help}");
    }
    // Not a language Premiers Pas speaks: said as before.
    let err = fails(premiers_pas().env("PREMIERS_PAS_LANG", "de_DE").args(["system"]));
    assert!(err.contains("de_DE"), "{err}");
}
