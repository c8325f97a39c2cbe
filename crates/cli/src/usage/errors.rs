//! Usage errors in French: what `clap` found wrong with the command line, told from the error's kind and
//! context (the argument, the value, the possible values, the suggestion), never from its English text.
//!
//! The shape is `clap`'s, with the first line of the command line's other errors
//! (`premiers-pas : sentence`): the sentence, the possible values or the detail, a suggestion, the usage
//! line and where to read more. A kind of error this file does not know (a newer `clap` may add some),
//! or one that comes without its context, is left to `clap`, in English, rather than half told.

use std::fmt::Write as _;

use clap::builder::{StyledStr, Styles};
use clap::error::{ContextKind, ContextValue, Error, ErrorFormatter, ErrorKind};
use premiers_pas_core::i18n::{typeset, NARROW_NBSP};
use premiers_pas_core::Lang;

/// Formats a usage error in French (see [`is_told_in_french`] for the ones it can tell).
#[derive(Debug)]
pub struct French;

/// Whether `err` is a usage error this file tells in French. Not a help or a version (`clap` renders
/// them from the command, already in French), nor an error without the context its sentence needs.
pub fn is_told_in_french<F: ErrorFormatter>(err: &Error<F>) -> bool {
    sentence(err, &Styles::plain()).is_some()
}

impl ErrorFormatter for French {
    fn format_error(error: &Error<Self>) -> StyledStr {
        // The styles of `Command`, which the command line does not change.
        let styles = Styles::styled();
        let style = styles.get_error();
        let n = NARROW_NBSP;
        let mut out = format!("{style}premiers-pas{n}:{style:#} ");
        match sentence(error, &styles) {
            Some(sentence) => out.push_str(&sentence),
            // Only reached when `is_told_in_french` was not asked: the kind, in English.
            None => out.push_str(error.kind().as_str().unwrap_or("the command line is not right")),
        }
        let tips = tips(error, &styles);
        if !tips.is_empty() {
            out.push('\n');
        }
        for tip in tips {
            let label = typeset("Conseil :", Lang::Fr);
            let _ = write!(out, "\n  {}{label}{:#} {tip}", styles.get_valid(), styles.get_valid());
        }
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            let usage = usage.ansi().to_string().replacen("Usage:", &format!("Utilisation{n}:"), 1);
            let _ = write!(out, "\n\n{usage}");
        }
        let literal = styles.get_literal();
        let more =
            fill("Pour plus d’informations, essayez « {} ».", &[format!("{literal}--help{literal:#}")]);
        let _ = write!(out, "\n\n{more}\n");
        StyledStr::from(out)
    }
}

/// The sentence for the error, with the lines that belong to it (the possible values, the detail); `None`
/// for a kind not told here or a context that lacks a piece.
fn sentence<F: ErrorFormatter>(error: &Error<F>, styles: &Styles) -> Option<String> {
    let invalid = |text: &str| styled(text, styles.get_invalid());
    let literal = |text: &str| styled(text, styles.get_literal());
    let valid = |text: &str| styled(text, styles.get_valid());
    let string = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let strings = |kind| match error.get(kind) {
        Some(ContextValue::Strings(s)) => Some(s.as_slice()),
        _ => None,
    };
    let number = |kind| match error.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    };
    let given = |count: isize| if count > 1 { "ont été données" } else { "a été donnée" };
    let list = |label: &str, values: Option<&[String]>| match values {
        Some(values) if !values.is_empty() => {
            let values: Vec<String> = values.iter().map(|v| valid(v)).collect();
            fill(&format!("\n  [{label} : {{}}]"), &[values.join(", ")])
        }
        _ => String::new(),
    };
    Some(match error.kind() {
        ErrorKind::UnknownArgument => {
            let arg = string(ContextKind::InvalidArg)?;
            let (what, e) = option_or_argument(arg);
            fill(&format!("{what} « {{}} » n’est pas prévu{e} ici."), &[invalid(arg)])
        }
        ErrorKind::InvalidSubcommand => {
            fill("La commande « {} » n’existe pas.", &[invalid(string(ContextKind::InvalidSubcommand)?)])
        }
        ErrorKind::MissingSubcommand => {
            let parent = string(ContextKind::InvalidSubcommand)?;
            let mut text = fill("« {} » attend une commande, et aucune n’a été donnée.", &[literal(parent)]);
            text.push_str(&list("commandes", strings(ContextKind::ValidSubcommand)));
            text
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(ContextKind::InvalidArg)?;
            let mut text = typeset(
                if missing.len() > 1 {
                    "Il manque des arguments obligatoires :"
                } else {
                    "Il manque un argument obligatoire :"
                },
                Lang::Fr,
            )
            .into_owned();
            for arg in missing {
                let _ = write!(text, "\n  {}", valid(arg));
            }
            text
        }
        ErrorKind::InvalidValue => {
            let arg = string(ContextKind::InvalidArg)?;
            let value = string(ContextKind::InvalidValue)?;
            let mut text = if value.is_empty() {
                fill("« {} » attend une valeur, et aucune n’a été donnée.", &[literal(arg)])
            } else {
                fill("La valeur « {} » n’est pas valide pour « {} ».", &[invalid(value), literal(arg)])
            };
            text.push_str(&list("valeurs possibles", strings(ContextKind::ValidValue)));
            text
        }
        ErrorKind::ValueValidation => {
            let arg = string(ContextKind::InvalidArg)?;
            let value = string(ContextKind::InvalidValue)?;
            let mut text =
                fill("La valeur « {} » n’est pas valide pour « {} ».", &[invalid(value), literal(arg)]);
            // Why, as the parser of the value said it (in English, like the detail of the other errors).
            if let Some(source) = std::error::Error::source(error) {
                let _ = write!(text, "\n  {} {source}", typeset("Détail :", Lang::Fr));
            }
            text
        }
        ErrorKind::ArgumentConflict => {
            let prior = error.get(ContextKind::PriorArg);
            let (mut text, prior) =
                match (string(ContextKind::InvalidArg), string(ContextKind::InvalidSubcommand)) {
                    (Some(arg), _) if prior == error.get(ContextKind::InvalidArg) => {
                        let (what, e) = option_or_argument(arg);
                        (
                            fill(
                                &format!("{what} « {{}} » ne peut être donné{e} qu’une fois"),
                                &[invalid(arg)],
                            ),
                            None,
                        )
                    }
                    (Some(arg), _) => {
                        let (what, e) = option_or_argument(arg);
                        (
                            fill(
                                &format!("{what} « {{}} » ne peut pas être utilisé{e} avec"),
                                &[invalid(arg)],
                            ),
                            prior,
                        )
                    }
                    (None, Some(sub)) => {
                        (fill("La commande « {} » ne peut pas être utilisée avec", &[invalid(sub)]), prior)
                    }
                    (None, None) => return None,
                };
            match prior {
                None => {}
                Some(ContextValue::String(other)) => text.push_str(&fill(" « {} »", &[invalid(other)])),
                Some(ContextValue::Strings(others)) => {
                    text.push_str(&typeset(" :", Lang::Fr));
                    for other in others {
                        let _ = write!(text, "\n  {}", invalid(other));
                    }
                    return Some(text);
                }
                Some(_) => text.push_str(" un autre des arguments donnés"),
            }
            text.push('.');
            text
        }
        ErrorKind::NoEquals => fill(
            "La valeur de « {} » se donne après un signe égal.",
            &[literal(string(ContextKind::InvalidArg)?)],
        ),
        ErrorKind::TooManyValues => fill(
            "La valeur « {} » est de trop pour « {} » : aucune autre n’était attendue.",
            &[invalid(string(ContextKind::InvalidValue)?), literal(string(ContextKind::InvalidArg)?)],
        ),
        ErrorKind::TooFewValues => {
            let actual = number(ContextKind::ActualNumValues)?;
            fill(
                "« {} » attend au moins {} valeurs, et {} seulement {}.",
                &[
                    literal(string(ContextKind::InvalidArg)?),
                    valid(&number(ContextKind::MinValues)?.to_string()),
                    invalid(&actual.to_string()),
                    given(actual).to_owned(),
                ],
            )
        }
        ErrorKind::WrongNumberOfValues => {
            let actual = number(ContextKind::ActualNumValues)?;
            fill(
                "« {} » attend {} valeurs, et {} {}.",
                &[
                    literal(string(ContextKind::InvalidArg)?),
                    valid(&number(ContextKind::ExpectedNumValues)?.to_string()),
                    invalid(&actual.to_string()),
                    given(actual).to_owned(),
                ],
            )
        }
        ErrorKind::InvalidUtf8 => "Un des arguments n’est pas du texte valide (UTF-8).".to_owned(),
        // A help or a version (already rendered, in French), a failure to write, or a kind this version of
        // clap did not have.
        _ => return None,
    })
}

/// The suggestions: a near name (`did you mean`), then `clap`'s own tips, each in French.
fn tips<F: ErrorFormatter>(error: &Error<F>, styles: &Styles) -> Vec<String> {
    let valid = |text: &str| styled(text, styles.get_valid());
    let mut tips = Vec::new();
    for kind in [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg, ContextKind::SuggestedValue] {
        let names: Vec<String> = match error.get(kind) {
            Some(ContextValue::String(name)) => vec![valid(name)],
            Some(ContextValue::Strings(names)) => names.iter().map(|n| valid(n)).collect(),
            _ => continue,
        };
        if !names.is_empty() {
            tips.push(fill("vouliez-vous dire {} ?", &[or_list(&names)]));
        }
    }
    if let Some(ContextValue::StyledStrs(suggestions)) = error.get(ContextKind::Suggested) {
        tips.extend(suggestions.iter().map(|s| tip(&s.to_string(), styles)));
    }
    tips
}

/// One of `clap`'s tips in French; one this file does not know stays in English.
fn tip(english: &str, styles: &Styles) -> String {
    let invalid = |text: &str| styled(text, styles.get_invalid());
    let valid = |text: &str| styled(text, styles.get_valid());
    let quoted = |text: &str| text.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')).map(str::to_owned);
    if let Some((value, usage)) =
        english.strip_prefix("to pass ").and_then(|rest| rest.split_once(" as a value, use "))
    {
        if let (Some(value), Some(usage)) = (quoted(value), quoted(usage)) {
            return fill(
                "pour passer « {} » comme valeur, écrivez « {} ».",
                &[invalid(&value), valid(&usage)],
            );
        }
    }
    if let Some(sub) = english
        .strip_prefix("subcommand '")
        .and_then(|rest| rest.strip_suffix("' exists; to use it, remove the '--' before it"))
    {
        return fill(
            "la commande « {} » existe ; pour l’utiliser, retirez le « {} » qui la précède.",
            &[valid(sub), invalid("--")],
        );
    }
    if let Some(existing) = english.strip_suffix(" exists").and_then(quoted) {
        return fill("« {} » existe : l’option se place après sa commande.", &[valid(&existing)]);
    }
    english.to_owned()
}

/// How to name what was typed, and the ending of a participle agreeing with it: an option (`--json`,
/// `-o`) or a plain argument (a value, a name).
fn option_or_argument(typed: &str) -> (&'static str, &'static str) {
    if typed.starts_with('-') {
        ("L’option", "e")
    } else {
        ("L’argument", "")
    }
}

/// `« a »`, `« a » ou « b »`, `« a », « b » ou « c »`.
fn or_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| fill("« {} »", std::slice::from_ref(n))).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} ou {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// `template` set in French typography, then each `{}` replaced by the next value, as it is: a value
/// (what the person typed, a name) is never retypeset.
fn fill(template: &str, values: &[String]) -> String {
    let template = typeset(template, Lang::Fr);
    let mut parts = template.split("{}");
    let mut out = parts.next().unwrap_or_default().to_owned();
    for (part, value) in parts.zip(values.iter().map(String::as_str).chain(std::iter::repeat(""))) {
        out.push_str(value);
        out.push_str(part);
    }
    out
}

fn styled(text: &str, style: &clap::builder::styling::Style) -> String {
    format!("{style}{text}{style:#}")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::ffi::OsString;

    use clap::{Arg, ArgAction, Command, CommandFactory};

    use super::*;
    use crate::usage::help::localised;
    use crate::Cli;

    const N: char = NARROW_NBSP;

    /// The error `clap` finds in `line`, run against the command line in French.
    fn error_of(args: Vec<OsString>) -> Error {
        match localised(Cli::command(), Lang::Fr).try_get_matches_from(args) {
            Ok(matches) => panic!("no error: {matches:?}"),
            Err(err) => err,
        }
    }

    fn args(line: &str) -> Vec<OsString> {
        std::iter::once("premiers-pas")
            .chain(line.split(' ').filter(|a| !a.is_empty()))
            .map(OsString::from)
            .collect()
    }

    /// The error as it is printed (without colours): its kind and its French text.
    fn french(line: &str) -> (ErrorKind, String) {
        told(error_of(args(line)))
    }

    /// The French text of the usage error `line` makes, which must be of `kind` and have the shape of
    /// every French usage error.
    fn french_error(line: &str, kind: ErrorKind) -> String {
        let (told_kind, text) = french(line);
        assert_eq!(told_kind, kind, "{text}");
        check_shape(&text);
        text
    }

    fn told(err: Error) -> (ErrorKind, String) {
        assert!(is_told_in_french(&err), "{:?} not told in French:\n{err}", err.kind());
        (err.kind(), err.apply::<French>().render().to_string())
    }

    /// What every French usage error has: the program's name first, no English left, French typography,
    /// and the hint to read the help last.
    fn check_shape(text: &str) {
        assert!(text.starts_with(&format!("premiers-pas{N}: ")), "{text}");
        assert!(
            text.ends_with(&format!("\n\nPour plus d’informations, essayez «{N}--help{N}».\n")),
            "{text}"
        );
        for english in ["error:", "tip:", "Usage:", "For more", "possible values", "did you mean", "exists"] {
            assert!(!text.contains(english), "{english:?} in\n{text}");
        }
        for bad in [" :", " ;", " ?", "« ", " »", "'"] {
            assert!(!text.contains(bad), "{bad:?} in\n{text}");
        }
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
        check_shape(&text);
        assert!(
            text.contains(&format!(
                "Conseil{N}: pour passer «{N}--frob{N}» comme valeur, écrivez «{N}-- --frob{N}»."
            )),
            "{text}"
        );
        assert!(text.contains("[CHEMINS]..."), "{text}");

        let (_, text) = french("-- system");
        check_shape(&text);
        assert!(
            text.contains(&format!(
                "la commande «{N}system{N}» existe{N}; pour l’utiliser, retirez le «{N}--{N}»"
            )),
            "{text}"
        );

        let (_, text) = french("--json system");
        check_shape(&text);
        assert!(
            text.contains(&format!("Conseil{N}: «{N}system --json{N}» existe{N}: l’option se place")),
            "{text}"
        );
    }

    #[test]
    fn a_tip_this_file_does_not_know_stays_as_clap_wrote_it() {
        let plain = Styles::plain();
        assert_eq!(tip("something new", &plain), "something new");
        assert_eq!(
            tip("'a b' exists", &plain),
            format!("«{N}a b{N}» existe{N}: l’option se place après sa commande.")
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
        check_shape(&text);
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

    #[test]
    fn an_option_given_twice_or_with_one_it_excludes() {
        let text = french_error("system --json --json", ErrorKind::ArgumentConflict);
        assert!(
            text.contains(&format!("L’option «{N}--json{N}» ne peut être donnée qu’une fois.")),
            "{text}"
        );

        let cmd = Command::new("premiers-pas")
            .arg(Arg::new("json").long("json").action(ArgAction::SetTrue).conflicts_with("text"))
            .arg(Arg::new("text").long("text").action(ArgAction::SetTrue));
        let (_, text) =
            told(localised(cmd, Lang::Fr).try_get_matches_from(args("--json --text")).unwrap_err());
        check_shape(&text);
        assert!(
            text.contains(&format!("L’option «{N}--json{N}» ne peut pas être utilisée avec «{N}--text{N}».")),
            "{text}"
        );
    }

    #[test]
    fn wrong_counts_of_values() {
        let cmd = || {
            localised(
                Command::new("premiers-pas")
                    .arg(Arg::new("pair").long("pair").num_args(2))
                    .arg(Arg::new("some").long("some").num_args(2..=3))
                    .arg(Arg::new("eq").long("eq").require_equals(true))
                    .arg(Arg::new("one").index(1)),
                Lang::Fr,
            )
        };
        let (kind, text) = told(cmd().try_get_matches_from(args("--pair a")).unwrap_err());
        assert_eq!(kind, ErrorKind::WrongNumberOfValues);
        check_shape(&text);
        assert!(
            text.contains(&format!("«{N}--pair <pair> <pair>{N}» attend 2 valeurs, et 1 a été donnée.")),
            "{text}"
        );
        let (kind, text) = told(cmd().try_get_matches_from(args("--some a")).unwrap_err());
        assert_eq!(kind, ErrorKind::TooFewValues);
        check_shape(&text);
        assert!(text.contains("attend au moins 2 valeurs, et 1 seulement a été donnée."), "{text}");
        let (kind, text) = told(cmd().try_get_matches_from(args("--eq a")).unwrap_err());
        assert_eq!(kind, ErrorKind::NoEquals);
        check_shape(&text);
        assert!(text.contains("se donne après un signe égal."), "{text}");

        // clap reaches this one only in cases this command line does not have: its context, as clap gives it.
        let mut err = Error::new(ErrorKind::TooManyValues);
        err.insert(ContextKind::InvalidArg, ContextValue::String("--pair <A>".into()));
        err.insert(ContextKind::InvalidValue, ContextValue::String("c".into()));
        let (_, text) = told(err);
        assert!(
            text.contains(&format!("La valeur «{N}c{N}» est de trop pour «{N}--pair <A>{N}»{N}: aucune")),
            "{text}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn an_argument_that_is_not_text() {
        use std::os::unix::ffi::OsStringExt;
        let mut line = args("mail check");
        line.push(OsString::from_vec(vec![b'a', 0xff]));
        let (kind, text) = told(error_of(line));
        assert_eq!(kind, ErrorKind::InvalidUtf8);
        check_shape(&text);
        assert!(text.contains("n’est pas du texte valide (UTF-8)."), "{text}");
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
            let err = error_of(args(line));
            if matches!(err.kind(), ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand) {
                // Nothing given at all: the help itself, in French (see help.rs).
                continue;
            }
            let kind = err.kind();
            let (_, text) = told(err);
            check_shape(&text);
            kinds.insert(format!("{kind:?}"));
        }
        assert!(kinds.len() >= 6, "{kinds:?}");
    }

    #[test]
    fn a_help_a_version_and_an_unknown_kind_are_left_to_clap() {
        for line in ["--help", "-h", "directory search --help", "--version"] {
            let err = error_of(args(line));
            assert!(!is_told_in_french(&err), "{line}");
        }
        let io: Error = Error::raw(ErrorKind::Io, "broken pipe");
        assert!(!is_told_in_french(&io));
        // Asked anyway, the French formatter says what it can and does not fail.
        let text = Error::<French>::new(ErrorKind::Io).render().to_string();
        assert!(text.starts_with(&format!("premiers-pas{N}: ")), "{text}");
        // A kind told here, without the context its sentence needs, is left to clap too.
        assert!(!is_told_in_french(&Error::<French>::new(ErrorKind::InvalidValue)));
    }

    #[test]
    fn values_are_never_retypeset() {
        assert_eq!(
            fill("« {} » : {}", &["a : b".into(), "« c »".into()]),
            format!("«{N}a : b{N}»{N}: « c »")
        );
        assert_eq!(
            or_list(&["a".into(), "b".into(), "c".into()]),
            format!("«{N}a{N}», «{N}b{N}» ou «{N}c{N}»")
        );
    }
}
