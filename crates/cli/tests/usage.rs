//! `--help`, run as a user runs it: in French or in English after `--lang` (or its variable), on standard
//! output with status 0.
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
