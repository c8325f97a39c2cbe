//! The command line's own use in the person's language: `--help` and the usage errors are told by
//! `premiers-pas-usage`, with the French of [`catalog`]; the language and the data folder may come from
//! the environment, tidied here first.

mod catalog;

use premiers_pas_core::Lang;
use premiers_pas_usage::Program;

/// The command line, as the usage crate knows it: its name and its French.
#[derive(Debug)]
pub struct CommandLine;

impl Program for CommandLine {
    const NAME: &'static str = "premiers-pas";
    const HELP: &'static [(&'static str, &'static str)] = catalog::HELP;
    const VALUE_NAMES: &'static [(&'static str, &'static str)] = catalog::VALUE_NAMES;
}

/// The environment variable `--lang` falls back to.
pub const LANG_ENV: &str = "PREMIERS_PAS_LANG";

/// The environment as the options read it. A variable set to nothing is not set (`PREMIERS_PAS_DATA_DIR=` in
/// a script or a service file), rather than an option given no value; and a locale copied from `LANG` into
/// [`LANG_ENV`] (`fr_FR.UTF-8`) is its language. Called first, before any thread starts.
pub fn tidy_environment() {
    for var in [LANG_ENV, premiers_pas_core::paths::DATA_DIR_ENV] {
        if std::env::var_os(var).is_some_and(|v| v.to_str().is_some_and(|s| s.trim().is_empty())) {
            std::env::remove_var(var);
        }
    }
    if let Some(lang) = std::env::var(LANG_ENV).ok().and_then(|v| language_of_locale(&v)) {
        std::env::set_var(LANG_ENV, lang.code());
    }
}

/// `fr` of `fr`, `fr_FR`, `fr-BE` or `fr_FR.UTF-8@euro`.
fn language_of_locale(locale: &str) -> Option<Lang> {
    Lang::parse(locale.trim().split(['_', '-', '.', '@']).next()?)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use clap::error::ErrorKind;
    use clap::CommandFactory;
    use premiers_pas_core::i18n::NARROW_NBSP;
    use premiers_pas_usage::{checks, localised};

    use super::*;
    use crate::Cli;

    const N: char = NARROW_NBSP;

    #[test]
    fn the_walk_sees_what_clap_adds_and_what_the_structs_define() {
        let keys = checks::keys::<CommandLine>(Cli::command());
        for key in [
            "premiers-pas",
            "--lang",
            "--help",
            "--version",
            "help",
            "directory search",
            "directory search --near",
            "checklist validate <paths>",
            "report --output",
        ] {
            assert!(keys.contains(key), "{key} not found in {keys:?}");
        }
        assert!(!keys.iter().any(|k| k.contains("help ") || k.ends_with(" help")), "{keys:?}");
    }

    #[test]
    fn every_command_and_argument_has_its_french() {
        checks::catalog::<CommandLine>(Cli::command());
    }

    #[test]
    fn every_help_reads_in_french() {
        assert!(checks::french_helps::<CommandLine>(Cli::command()).len() > 20);
        checks::helps_read_in_french::<CommandLine>(Cli::command());
    }

    fn french_helps() -> Vec<(String, String)> {
        checks::french_helps::<CommandLine>(Cli::command())
    }

    /// A help on one line, as if the terminal were wide enough: what is said, wherever it wraps.
    fn unwrapped(help: &str) -> String {
        help.split([' ', '\n']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn the_french_help_of_directory_search_in_full() {
        let help = french_helps().into_iter().find(|(name, _)| name == "premiers-pas directory search");
        let help = help.map(|(_, h)| h).unwrap_or_default();
        let flat = unwrapped(&help);
        let n = NARROW_NBSP;
        assert!(help.starts_with(&format!("Trouver des hébergeurs{n}: par catégorie")), "{help}");
        assert!(
            help.contains(&format!("\nUtilisation{n}: premiers-pas directory search [OPTIONS]\n")),
            "{help}"
        );
        assert!(help.contains(&format!("\n\nOptions{n}:\n")), "{help}");
        assert!(help.contains("--near <LIEU>"), "{help}");
        assert!(help.contains("--registration <INSCRIPTION>"), "{help}");
        assert!(flat.contains(&format!("[par défaut{n}: any]")), "{help}");
        assert!(flat.contains(&format!("[variable d’environnement{n}: PREMIERS_PAS_LANG")), "{help}");
        assert!(help.contains("-h, --help") && help.contains("Afficher l’aide"), "{help}");
    }

    #[test]
    fn sections_follow_what_a_command_has() {
        let helps = french_helps();
        let help =
            |name: &str| helps.iter().find(|(n, _)| n == name).map(|(_, h)| h.clone()).unwrap_or_default();
        let n = NARROW_NBSP;
        let root = help("premiers-pas");
        assert!(root.contains(&format!("Utilisation{n}: premiers-pas [OPTIONS] <COMMANDE>")), "{root}");
        assert!(root.contains(&format!("\n\nCommandes{n}:\n  system ")), "{root}");
        assert!(!root.contains("Arguments"), "{root}");
        let show = help("premiers-pas checklist show");
        assert!(show.contains(&format!("\n\nArguments{n}:\n  <ID>  L’identifiant du parcours")), "{show}");
        assert!(!show.contains("Commandes"), "{show}");
        assert!(help("premiers-pas mail check").contains("<ADRESSE>"));
        let audit = unwrapped(&help("premiers-pas audit"));
        assert!(audit.contains(&format!("--home [valeurs possibles{n}: linux, macos, windows]")), "{audit}");
    }

    #[test]
    fn english_stays_as_clap_builds_it() {
        let mut cmd = localised::<CommandLine>(Cli::command(), Lang::En);
        let help = cmd.render_help().to_string();
        assert!(help.contains("Usage: premiers-pas [OPTIONS] <COMMAND>"), "{help}");
        assert!(help.contains("\nCommands:\n") && help.contains("\nOptions:\n"), "{help}");
        assert!(unwrapped(&help).contains("[env: PREMIERS_PAS_LANG="), "{help}");
        assert_eq!(help, Cli::command().render_help().to_string());
    }

    /// The French text of the usage error `line` makes, with its kind.
    fn french(line: &str) -> (ErrorKind, String) {
        checks::told_in_french::<CommandLine>(checks::usage_error::<CommandLine>(Cli::command(), line))
    }

    /// The French text of the usage error `line` makes, which must be of `kind`.
    fn french_error(line: &str, kind: ErrorKind) -> String {
        let (told_kind, text) = french(line);
        assert_eq!(told_kind, kind, "{text}");
        text
    }

    #[test]
    fn an_unknown_option_with_a_near_one() {
        let text = french_error("directory search --jsn", ErrorKind::UnknownArgument);
        assert!(
            text.starts_with(&format!("premiers-pas{N}: L’option «{N}--jsn{N}» n’est pas prévue ici.\n\n")),
            "{text}"
        );
        assert!(text.contains(&format!("\n  Conseil{N}: vouliez-vous dire «{N}--json{N}»{N}?\n")), "{text}");
        assert!(text.contains(&format!("\n\nUtilisation{N}: premiers-pas directory search")), "{text}");
    }

    #[test]
    fn an_unexpected_value_and_clap_s_tips() {
        let text = french_error("checklist show a b", ErrorKind::UnknownArgument);
        assert!(text.contains(&format!("L’argument «{N}b{N}» n’est pas prévu ici.")), "{text}");

        let (_, text) = french("checklist validate --frob");
        assert!(
            text.contains(&format!(
                "Conseil{N}: pour passer «{N}--frob{N}» comme valeur, écrivez «{N}-- --frob{N}»."
            )),
            "{text}"
        );
        assert!(text.contains("[CHEMINS]..."), "{text}");

        let (_, text) = french("-- system");
        assert!(
            text.contains(&format!(
                "la commande «{N}system{N}» existe{N}; pour l’utiliser, retirez le «{N}--{N}»"
            )),
            "{text}"
        );

        let (_, text) = french("--json system");
        assert!(
            text.contains(&format!("Conseil{N}: «{N}system --json{N}» existe{N}: l’option se place")),
            "{text}"
        );
    }

    #[test]
    fn an_unknown_subcommand_with_a_near_one() {
        let text = french_error("directory serch", ErrorKind::InvalidSubcommand);
        assert!(
            text.starts_with(&format!("premiers-pas{N}: La commande «{N}serch{N}» n’existe pas.")),
            "{text}"
        );
        assert!(text.contains(&format!("Conseil{N}: vouliez-vous dire «{N}search{N}»{N}?")), "{text}");
        assert!(
            text.contains(&format!("Utilisation{N}: premiers-pas directory [OPTIONS] <COMMANDE>")),
            "{text}"
        );
    }

    #[test]
    fn a_missing_subcommand_lists_the_commands() {
        let text = french_error("directory --lang fr", ErrorKind::MissingSubcommand);
        assert!(
            text.starts_with(&format!(
                "premiers-pas{N}: «{N}premiers-pas directory{N}» attend une commande, et aucune n’a été donnée.\n  \
                 [commandes{N}: refresh, status, search, show, export, import, help]\n"
            )),
            "{text}"
        );
    }

    #[test]
    fn a_missing_required_argument() {
        let text = french_error("mail check --mx", ErrorKind::MissingRequiredArgument);
        assert!(
            text.starts_with(&format!(
                "premiers-pas{N}: Il manque un argument obligatoire{N}:\n  <ADRESSE>\n"
            )),
            "{text}"
        );
        let (_, text) = french("audit --os linux");
        assert!(text.contains(":\n  --home <DOSSIER>\n"), "{text}");
    }

    #[test]
    fn a_value_not_among_the_possible_ones() {
        let text = french_error("audit --home . --os bsd", ErrorKind::InvalidValue);
        assert!(
            text.starts_with(&format!(
                "premiers-pas{N}: La valeur «{N}bsd{N}» n’est pas valide pour «{N}--os <SYSTÈME>{N}».\n  \
                 [valeurs possibles{N}: linux, macos, windows]\n"
            )),
            "{text}"
        );
        let (_, text) = french("--lang=fro system");
        assert!(text.contains(&format!("[valeurs possibles{N}: fr, en]")), "{text}");
        assert!(text.contains(&format!("Conseil{N}: vouliez-vous dire «{N}fr{N}»{N}?")), "{text}");
    }

    #[test]
    fn a_value_missing_after_its_option() {
        let text = french_error("directory search --near", ErrorKind::InvalidValue);
        assert!(
            text.starts_with(&format!(
                "premiers-pas{N}: «{N}--near <LIEU>{N}» attend une valeur, et aucune n’a été donnée.\n"
            )),
            "{text}"
        );
    }

    #[test]
    fn a_value_its_parser_refuses_keeps_the_reason_as_the_detail() {
        let text = french_error("directory refresh --concurrency 100", ErrorKind::ValueValidation);
        assert!(
            text.starts_with(&format!(
                "premiers-pas{N}: La valeur «{N}100{N}» n’est pas valide pour «{N}--concurrency <NOMBRE>{N}».\n  \
                 Détail{N}: 100 is not in 1..=64\n"
            )),
            "{text}"
        );
    }

    /// Every usage mistake this command line can meet, as a person would make it: each is told in French.
    /// A newer clap that reports one of them with a kind not told here fails this test, rather than
    /// letting the message fall back to English unnoticed.
    #[test]
    fn every_mistake_on_this_command_line_is_told_in_french() {
        let mistakes = [
            "--lang fr",
            "directory",
            "--frob system",
            "system --frob",
            "system extra",
            "systm",
            "help systm",
            "directory serch",
            "directory show",
            "directory export",
            "mail check",
            "audit --os linux",
            "audit --home",
            "audit --home . --os bsd",
            "audit --env",
            "audit --env novalue",
            "--lang xx system",
            "--lang",
            "--lang fr --lang en system",
            "report --format pdf",
            "report --os bsd --home .",
            "report --output",
            "directory search --registration all",
            "directory search --limit many",
            "directory refresh --concurrency 0",
            "mail check a@b.c --dns-server nowhere --mx",
            "mail check a@b.c --dns-server 127.0.0.1:53",
            "checklist show",
            "checklist list --json --json",
        ];
        let mut kinds = BTreeSet::new();
        for line in mistakes {
            let err = checks::usage_error::<CommandLine>(Cli::command(), line);
            if matches!(err.kind(), ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand) {
                // Nothing given at all: the help itself, in French.
                continue;
            }
            let kind = err.kind();
            checks::told_in_french::<CommandLine>(err);
            kinds.insert(format!("{kind:?}"));
        }
        assert!(kinds.len() >= 6, "{kinds:?}");
    }

    #[test]
    fn the_command_line_s_own_reasons_are_told_in_french() {
        let text = french_error("audit --env novalue", ErrorKind::ValueValidation);
        assert!(
            text.contains(&format!(
                "\n  Détail{N}: il faut un nom, un signe égal et une valeur, par exemple"
            )),
            "{text}"
        );
        let text = french_error("mail check a@b.c --dns-server nowhere --mx", ErrorKind::ValueValidation);
        assert!(text.contains(&format!("\n  Détail{N}: il faut une adresse IP et un port")), "{text}");
        assert!(!text.contains("invalid socket address"), "{text}");
    }

    #[test]
    fn an_option_given_twice() {
        let text = french_error("system --json --json", ErrorKind::ArgumentConflict);
        assert!(
            text.contains(&format!("L’option «{N}--json{N}» ne peut être donnée qu’une fois.")),
            "{text}"
        );
    }

    #[test]
    fn a_help_and_a_version_are_left_to_clap() {
        for line in ["--help", "-h", "directory search --help", "--version"] {
            let err = checks::usage_error::<CommandLine>(Cli::command(), line);
            assert!(!premiers_pas_usage::is_told_in_french(&err), "{line}");
        }
    }
}
