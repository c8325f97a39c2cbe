//! The command tree in French: every about, every argument's help, the value names, the headings.
//!
//! Each text is found in [`catalog`] by a key that says where it appears: `directory search` for a
//! subcommand, `directory search --near` for one of its options, `checklist show <id>` for a positional
//! argument (by its id), `--lang` for a global option (the same everywhere), `help`, `--help` and
//! `--version` for what `clap` adds to every command, and `premiers-pas` for the program itself.
//!
//! The tree is walked once it is built, so that what `clap` adds (the help and version flags, the `help`
//! subcommand, the global options copied into each subcommand) is there to be translated too. Only
//! `Command::mut_args` and `Command::mut_subcommands` are used on the built tree: they keep the order
//! of the arguments, which the parser's index of flags relies on.

use std::borrow::Cow;

use clap::builder::{Arg, Resettable, Str, StyledStr, Styles};
use clap::Command;
use premiers_pas_core::i18n::{typeset, NARROW_NBSP};
use premiers_pas_core::Lang;

use super::catalog;

/// The command as the person reads it: unchanged in English, in French with every text replaced.
pub fn localised(cmd: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => cmd,
        Lang::Fr => {
            let mut cmd = cmd;
            cmd.build();
            let styles = cmd.get_styles().clone();
            french(cmd, &mut Vec::new(), &styles)
        }
    }
}

/// `--help` of a command that has a long help somewhere (none has today), as `clap` words it then.
const HELP_WITH_MORE: &str = "Afficher l’aide (plus de détails avec « --help »)";
const HELP_LONG: &str = "Afficher l’aide (un résumé avec « -h »)";

fn french(cmd: Command, path: &mut Vec<String>, styles: &Styles) -> Command {
    let scope = scope(path);
    let mut cmd = cmd.mut_args(|arg| french_arg(arg, &scope, styles));
    if let Some(text) = catalog::french(&command_key(path)) {
        let (short, long) = paragraphs(text);
        cmd = cmd.about(short).long_about(optional(long));
    }
    if cmd.has_subcommands() {
        cmd = cmd.subcommand_value_name(catalog::value_name("COMMAND").unwrap_or("COMMAND"));
    }
    let template = template(&cmd, styles);
    cmd.help_template(template).mut_subcommands(|sub| {
        path.push(sub.get_name().to_owned());
        let sub = french(sub, path, styles);
        path.pop();
        sub
    })
}

fn french_arg(arg: Arg, scope: &str, styles: &Styles) -> Arg {
    let arg = match arg.get_value_names() {
        Some(names) => {
            let names: Vec<Str> = names
                .iter()
                .map(|n| catalog::value_name(n.as_str()).map_or_else(|| n.clone(), Str::from))
                .collect();
            arg.value_names(names)
        }
        None => arg,
    };
    let (short, long) = if arg.get_id() == "help" && arg.get_long_help().is_some() {
        (typeset(HELP_WITH_MORE, Lang::Fr).into_owned(), Some(typeset(HELP_LONG, Lang::Fr).into_owned()))
    } else {
        match catalog::french(&arg_key(scope, &arg)) {
            Some(text) => paragraphs(text),
            // Not in the catalog (the tests keep this from happening): the English help stays, whole.
            None => return arg,
        }
    };
    // As clap places them: after the help on the same line, or below the long help, one a line.
    let specs = specs(&arg, styles);
    let (short, long) = if specs.is_empty() {
        (short, long)
    } else {
        (format!("{short} {}", specs.join(" ")), long.map(|long| format!("{long}\n\n{}", specs.join("\n"))))
    };
    arg.help(short)
        .long_help(optional(long))
        .hide_env(true)
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// What `clap` adds after a help in brackets (the variable, the default, the possible values), in
/// French, in the same order and style.
fn specs(arg: &Arg, styles: &Styles) -> Vec<String> {
    let ctx = styles.get_context();
    let val = styles.get_context_value();
    let spec = |label: &str, value: String| {
        let label = typeset(label, Lang::Fr);
        format!("{ctx}[{label} {ctx:#}{val}{value}{val:#}{ctx}]{ctx:#}")
    };
    let mut specs = Vec::new();
    if let Some(name) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        let value = match std::env::var_os(name).filter(|_| !arg.is_hide_env_values_set()) {
            Some(value) => format!("{}={}", name.to_string_lossy(), value.to_string_lossy()),
            None => name.to_string_lossy().into_owned(),
        };
        specs.push(spec("variable d’environnement :", value));
    }
    let defaults = arg.get_default_values();
    if arg.get_action().takes_values() && !arg.is_hide_default_value_set() && !defaults.is_empty() {
        let value = defaults.iter().map(|d| d.to_string_lossy()).collect::<Vec<_>>().join(" ");
        specs.push(spec("par défaut :", value));
    }
    if !arg.is_hide_possible_values_set() {
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_owned())
            .collect();
        if !values.is_empty() {
            specs.push(spec("valeurs possibles :", values.join(&format!("{ctx}, {ctx:#}"))));
        }
    }
    specs
}

/// The French help template of one command: the default layout of `clap`, with its headings in French
/// and a section only where there is something to list.
fn template(cmd: &Command, styles: &Styles) -> String {
    let usage = styles.get_usage();
    let header = styles.get_header();
    let n = NARROW_NBSP;
    let mut template =
        format!("{{before-help}}{{about-with-newline}}\n{usage}Utilisation{n}:{usage:#} {{usage}}");
    let sections = [
        (cmd.get_subcommands().any(|s| !s.is_hide_set()), "Commandes", "subcommands"),
        (cmd.get_positionals().any(|a| !a.is_hide_set()), "Arguments", "positionals"),
        (cmd.get_arguments().any(|a| !a.is_positional() && !a.is_hide_set()), "Options", "options"),
    ];
    for (shown, heading, tag) in sections {
        if shown {
            template.push_str(&format!("\n\n{header}{heading}{n}:{header:#}\n{{{tag}}}"));
        }
    }
    template.push_str("{after-help}");
    template
}

/// A catalog text as `clap` derive reads a doc comment: the first paragraph is the help, and when there
/// are more, the whole text is the long help.
fn paragraphs(text: &str) -> (String, Option<String>) {
    let text = typeset(text, Lang::Fr).into_owned();
    match text.split_once("\n\n").map(|(first, _)| first.to_owned()) {
        Some(first) => (first, Some(text)),
        None => (text, None),
    }
}

/// A long text, or none (clearing the English one).
fn optional(text: Option<String>) -> Resettable<StyledStr> {
    text.map_or(Resettable::Reset, |text| Resettable::Value(text.into()))
}

/// Where a command's arguments are keyed: its path under the program (`directory search`), empty for
/// the program itself. `clap` keeps copies of the tree under each `help` subcommand (for completion):
/// they share the keys of what they copy, and `help` itself is `help` at every level.
pub(super) fn scope(path: &[String]) -> String {
    if path.last().is_some_and(|name| name == "help") {
        return "help".to_owned();
    }
    path.iter().filter(|name| *name != "help").map(String::as_str).collect::<Vec<_>>().join(" ")
}

/// The key of a command's own text.
pub(super) fn command_key(path: &[String]) -> String {
    let scope = scope(path);
    if scope.is_empty() {
        "premiers-pas".to_owned()
    } else {
        scope
    }
}

/// The key of an argument's help: its command's scope and its name; a global option, and the help and
/// version flags, by their name alone.
pub(super) fn arg_key(scope: &str, arg: &Arg) -> String {
    let name = arg_name(arg);
    let everywhere = arg.is_global_set() || matches!(arg.get_id().as_str(), "help" | "version");
    if everywhere || scope.is_empty() {
        name.into_owned()
    } else {
        format!("{scope} {name}")
    }
}

/// `--near`, `-o` (a short flag alone), `<id>` (a positional argument).
fn arg_name(arg: &Arg) -> Cow<'_, str> {
    match (arg.get_long(), arg.get_short()) {
        (Some(long), _) => format!("--{long}").into(),
        (None, Some(short)) => format!("-{short}").into(),
        (None, None) => format!("<{}>", arg.get_id()).into(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use clap::CommandFactory;
    use premiers_pas_core::i18n::NARROW_NBSP;

    use super::*;
    use crate::Cli;

    /// A text of the English tree, where it appears.
    #[derive(Debug)]
    struct English {
        key: String,
        text: Option<String>,
        has_long: bool,
        /// The help flag: its French is written in `help.rs` when it has a long form.
        is_help_flag: bool,
    }

    /// The command as `clap` builds it, with what it adds (help, version, the `help` subcommand and its
    /// copies of the tree, the global options in every subcommand).
    fn built() -> Command {
        let mut cmd = Cli::command();
        cmd.build();
        cmd
    }

    fn walk(
        cmd: &Command,
        path: &mut Vec<String>,
        texts: &mut Vec<English>,
        value_names: &mut BTreeSet<String>,
    ) {
        let scope = scope(path);
        texts.push(English {
            key: command_key(path),
            text: cmd.get_about().map(|t| t.to_string()),
            has_long: cmd.get_long_about().is_some(),
            is_help_flag: false,
        });
        if cmd.has_subcommands() {
            value_names.insert("COMMAND".to_owned());
        }
        for arg in cmd.get_arguments() {
            texts.push(English {
                key: arg_key(&scope, arg),
                text: arg.get_help().map(|t| t.to_string()),
                has_long: arg.get_long_help().is_some(),
                is_help_flag: arg.get_id() == "help",
            });
            if arg.get_action().takes_values() {
                value_names.extend(arg.get_value_names().unwrap_or_default().iter().map(|n| n.to_string()));
            }
        }
        for sub in cmd.get_subcommands() {
            path.push(sub.get_name().to_owned());
            walk(sub, path, texts, value_names);
            path.pop();
        }
    }

    fn english() -> (Vec<English>, BTreeSet<String>) {
        let (mut texts, mut value_names) = (Vec::new(), BTreeSet::new());
        walk(&built(), &mut Vec::new(), &mut texts, &mut value_names);
        (texts, value_names)
    }

    #[test]
    fn the_walk_sees_what_clap_adds_and_what_the_structs_define() {
        let keys: BTreeSet<String> = english().0.into_iter().map(|t| t.key).collect();
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
    fn every_command_and_argument_has_its_french_and_its_english() {
        let missing: BTreeSet<String> = english()
            .0
            .into_iter()
            .filter(|t| catalog::french(&t.key).is_none_or(|fr| fr.trim().is_empty()))
            .map(|t| t.key)
            .collect();
        assert!(missing.is_empty(), "no French in usage/catalog.rs for: {missing:?}");
        let no_english: BTreeSet<String> = english()
            .0
            .into_iter()
            .filter(|t| t.text.as_deref().is_none_or(|en| en.trim().is_empty()))
            .map(|t| t.key)
            .collect();
        assert!(no_english.is_empty(), "no doc comment (English help) for: {no_english:?}");
    }

    #[test]
    fn every_french_text_is_for_something_that_exists() {
        let keys: BTreeSet<String> = english().0.into_iter().map(|t| t.key).collect();
        let stale: Vec<&str> = catalog::keys().filter(|k| !keys.contains(*k)).collect();
        assert!(stale.is_empty(), "usage/catalog.rs has French for what no longer exists: {stale:?}");
        let mut seen = BTreeSet::new();
        let twice: Vec<&str> = catalog::keys().filter(|k| !seen.insert(*k)).collect();
        assert!(twice.is_empty(), "keys written twice: {twice:?}");
    }

    #[test]
    fn a_long_french_help_exactly_where_the_english_has_one() {
        for t in english().0.into_iter().filter(|t| !t.is_help_flag) {
            let fr = catalog::french(&t.key).unwrap_or_default();
            assert_eq!(
                fr.contains("\n\n"),
                t.has_long,
                "{}: English long help {}, French {fr:?}",
                t.key,
                t.has_long
            );
        }
    }

    #[test]
    fn every_value_name_has_its_french() {
        let (_, used) = english();
        let known: BTreeSet<String> = catalog::value_names().map(str::to_owned).collect();
        let missing: Vec<&String> = used.difference(&known).collect();
        assert!(missing.is_empty(), "value names without French in usage/catalog.rs: {missing:?}");
        let stale: Vec<&String> = known.difference(&used).collect();
        assert!(stale.is_empty(), "French value names for nothing: {stale:?}");
    }

    #[test]
    fn french_texts_follow_french_typography() {
        for key in catalog::keys() {
            let fr = typeset(catalog::french(key).unwrap_or_default(), Lang::Fr);
            for bad in [" :", " ;", " ?", " !", "« ", " »", "'", "\u{A0}", "`", "  ", "\n"] {
                assert!(!fr.contains(bad), "{key}: {bad:?} in {fr}");
            }
        }
    }

    /// Every help the person can ask for, as `-h` shows it in French.
    fn french_helps() -> Vec<(String, String)> {
        fn collect(cmd: &mut Command, name: String, out: &mut Vec<(String, String)>) {
            out.push((name.clone(), cmd.render_help().to_string()));
            for sub in cmd.get_subcommands_mut() {
                let name = format!("{name} {}", sub.get_name());
                collect(sub, name, out);
            }
        }
        let mut cmd = localised(Cli::command(), Lang::Fr).term_width(100);
        let mut out = Vec::new();
        collect(&mut cmd, "premiers-pas".to_owned(), &mut out);
        out
    }

    #[test]
    fn every_help_reads_in_french() {
        let english: Vec<String> =
            english().0.into_iter().filter_map(|t| t.text).filter(|t| t.split(' ').count() > 2).collect();
        let helps = french_helps();
        assert!(helps.len() > 20, "{}", helps.len());
        for (name, help) in helps {
            assert!(help.contains(&format!("Utilisation{NARROW_NBSP}: premiers-pas")), "{name}:\n{help}");
            for word in [
                "Usage:",
                "Commands:",
                "Options:",
                "Arguments:",
                "[env:",
                "[default:",
                "[possible values:",
                "[alias",
                "Print ",
                "<COMMAND>",
                "<DIR>",
                "<FILE>",
            ] {
                assert!(!help.contains(word), "{name}: {word:?} in\n{help}");
            }
            for text in &english {
                // Whole English sentences; a word such as `premiers-pas` may be in both.
                assert!(!help.contains(text.as_str()), "{name}: English {text:?} in\n{help}");
            }
        }
    }

    #[test]
    fn french_help_is_wrapped_to_the_terminal() {
        for (name, help) in french_helps() {
            for line in help.lines() {
                assert!(line.chars().count() <= 100, "{name}: {} columns: {line}", line.chars().count());
                assert!(!line.ends_with(' '), "{name}: trailing space: {line:?}");
            }
            // Punctuation stays with its word: a narrow no-break space is never where a line breaks.
            for bad in [" :", " ;", " ?", "« ", " »"] {
                assert!(!help.contains(bad), "{name}: {bad:?} in\n{help}");
            }
            assert!(!help.lines().any(|l| l.trim_start().starts_with([':', ';', '»'])), "{name}:\n{help}");
        }
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
    fn a_long_help_gets_its_french_help_flag_and_paragraphs() {
        let cmd = Command::new("premiers-pas")
            .arg(Arg::new("lang").long("lang").help("Language").long_help("Language.\n\nMore."));
        let mut cmd = localised(cmd, Lang::Fr);
        let short = cmd.render_help().to_string();
        assert!(short.contains("Afficher l’aide (plus de détails avec"), "{short}");
        let long = cmd.render_long_help().to_string();
        assert!(long.contains("Afficher l’aide (un résumé avec"), "{long}");
        assert_eq!(
            paragraphs("Un : deux\n\nTrois"),
            ("Un\u{202F}: deux".to_owned(), Some("Un\u{202F}: deux\n\nTrois".to_owned()))
        );
        assert_eq!(paragraphs("Un"), ("Un".to_owned(), None));
    }

    #[test]
    fn english_stays_as_clap_builds_it() {
        let mut cmd = localised(Cli::command(), Lang::En);
        let help = cmd.render_help().to_string();
        assert!(help.contains("Usage: premiers-pas [OPTIONS] <COMMAND>"), "{help}");
        assert!(help.contains("\nCommands:\n") && help.contains("\nOptions:\n"), "{help}");
        assert!(unwrapped(&help).contains("[env: PREMIERS_PAS_LANG="), "{help}");
        assert_eq!(help, Cli::command().render_help().to_string());
    }
}
