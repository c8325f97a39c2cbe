//! The command tree in French: every about, every argument's help, the value names, the headings.
//!
//! Each text is found in the [`Program`]'s French by a key that says where it appears (see [`Program`]).
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

use crate::Program;

/// The command as the person reads it: unchanged in English, in French with every text replaced.
pub fn localised<P: Program>(cmd: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => cmd,
        Lang::Fr => {
            let mut cmd = cmd;
            cmd.build();
            let styles = cmd.get_styles().clone();
            french::<P>(cmd, &mut Vec::new(), &styles)
        }
    }
}

/// `--help` of a command that has a long help somewhere (none has today), as `clap` words it then.
const HELP_WITH_MORE: &str = "Afficher l’aide (plus de détails avec « --help »)";
const HELP_LONG: &str = "Afficher l’aide (un résumé avec « -h »)";

fn french<P: Program>(cmd: Command, path: &mut Vec<String>, styles: &Styles) -> Command {
    let scope = scope(path);
    let mut cmd = cmd.mut_args(|arg| french_arg::<P>(arg, &scope, styles));
    if let Some(text) = P::french(&command_key::<P>(path)) {
        let (short, long) = paragraphs(text);
        cmd = cmd.about(short).long_about(optional(long));
    }
    if cmd.has_subcommands() {
        cmd = cmd.subcommand_value_name(P::value_name("COMMAND").unwrap_or("COMMAND"));
    }
    let template = template(&cmd, styles);
    cmd.help_template(template).mut_subcommands(|sub| {
        path.push(sub.get_name().to_owned());
        let sub = french::<P>(sub, path, styles);
        path.pop();
        sub
    })
}

fn french_arg<P: Program>(arg: Arg, scope: &str, styles: &Styles) -> Arg {
    let arg = match arg.get_value_names() {
        Some(names) => {
            let names: Vec<Str> = names
                .iter()
                .map(|n| P::value_name(n.as_str()).map_or_else(|| n.clone(), Str::from))
                .collect();
            arg.value_names(names)
        }
        None => arg,
    };
    let (short, long) = if arg.get_id() == "help" && arg.get_long_help().is_some() {
        (typeset(HELP_WITH_MORE, Lang::Fr).into_owned(), Some(typeset(HELP_LONG, Lang::Fr).into_owned()))
    } else {
        match P::french(&arg_key(scope, &arg)) {
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
pub(crate) fn paragraphs(text: &str) -> (String, Option<String>) {
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
pub(crate) fn scope(path: &[String]) -> String {
    if path.last().is_some_and(|name| name == "help") {
        return "help".to_owned();
    }
    path.iter().filter(|name| *name != "help").map(String::as_str).collect::<Vec<_>>().join(" ")
}

/// The key of a command's own text: the program's name for the program itself.
pub(crate) fn command_key<P: Program>(path: &[String]) -> String {
    let scope = scope(path);
    if scope.is_empty() {
        P::NAME.to_owned()
    } else {
        scope
    }
}

/// The key of an argument's help: its command's scope and its name; a global option, and the help and
/// version flags, by their name alone.
pub(crate) fn arg_key(scope: &str, arg: &Arg) -> String {
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
    use super::*;
    use crate::checks;

    /// A program of one option, with its French.
    struct Toy;

    impl Program for Toy {
        const NAME: &'static str = "toy";
        const HELP: &'static [(&'static str, &'static str)] = &[
            ("toy", "Un programme pour essayer"),
            ("--lang", "Langue : fr ou en"),
            ("--help", "Afficher l’aide"),
            ("--version", "Afficher la version"),
        ];
        const VALUE_NAMES: &'static [(&'static str, &'static str)] = &[("LANG", "LANGUE")];
    }

    fn toy() -> Command {
        Command::new("toy")
            .version("1")
            .about("A program to try")
            .arg(Arg::new("lang").long("lang").value_name("LANG").help("Language: fr or en"))
    }

    #[test]
    fn the_program_itself_is_keyed_by_its_name() {
        checks::catalog::<Toy>(toy());
        checks::helps_read_in_french::<Toy>(toy());
        let help = localised::<Toy>(toy(), Lang::Fr).render_help().to_string();
        let n = NARROW_NBSP;
        assert!(help.starts_with("Un programme pour essayer\n"), "{help}");
        assert!(help.contains(&format!("Utilisation{n}: toy [OPTIONS]")), "{help}");
        assert!(help.contains(&format!("--lang <LANGUE>  Langue{n}: fr ou en")), "{help}");
    }

    #[test]
    #[should_panic(expected = "no French for")]
    fn an_option_without_french_fails_the_program_s_tests() {
        checks::catalog::<Toy>(toy().arg(Arg::new("pack").long("pack").help("The pack")));
    }

    #[test]
    fn a_long_help_gets_its_french_help_flag_and_paragraphs() {
        let cmd = Command::new("toy")
            .arg(Arg::new("lang").long("lang").help("Language").long_help("Language.\n\nMore."));
        let mut cmd = localised::<Toy>(cmd, Lang::Fr);
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
        let help = localised::<Toy>(toy(), Lang::En).render_help().to_string();
        assert_eq!(help, toy().render_help().to_string());
    }
}
