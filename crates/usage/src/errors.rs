//! Usage errors in French: what `clap` found wrong with the command line, told from the error's kind and
//! context (the argument, the value, the possible values, the suggestion), never from its English text.
//!
//! The shape is `clap`'s, with the first line of the program's other errors (`premiers-pas : sentence`):
//! the sentence, the possible values or the detail, a suggestion, the usage line and where to read more.
//! A kind of error this file does not know (a newer `clap` may add some), or one that comes without its
//! context, is left to `clap`, in English, rather than half told.

use std::fmt::Write as _;
use std::marker::PhantomData;

use clap::builder::{StyledStr, Styles};
use clap::error::{ContextKind, ContextValue, Error, ErrorFormatter, ErrorKind};
use premiers_pas_core::i18n::{typeset, NARROW_NBSP};
use premiers_pas_core::Lang;

use crate::values::Why;
use crate::Program;

/// Formats a usage error of the program `P` in French (see [`is_told_in_french`] for the ones it can
/// tell).
#[derive(Debug)]
pub struct French<P>(PhantomData<P>);

/// Whether `err` is a usage error this file tells in French. Not a help or a version (`clap` renders
/// them from the command, already in French), nor an error without the context its sentence needs.
pub fn is_told_in_french<F: ErrorFormatter>(err: &Error<F>) -> bool {
    sentence(err, &Styles::plain()).is_some()
}

impl<P: Program> ErrorFormatter for French<P> {
    fn format_error(error: &Error<Self>) -> StyledStr {
        // The styles of `Command`, which the command line does not change.
        let styles = Styles::styled();
        let style = styles.get_error();
        let n = NARROW_NBSP;
        let mut out = format!("{style}{}{n}:{style:#} ", P::NAME);
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
            // Why, as the parser of the value said it: in French when the program's own parser said it
            // in both languages (`values::Why`), else as said (`clap`'s parsers speak English).
            if let Some(source) = std::error::Error::source(error) {
                let why = match source.downcast_ref::<Why>() {
                    Some(why) => typeset(&why.fr, Lang::Fr).into_owned(),
                    None => source.to_string(),
                };
                let _ = write!(text, "\n  {} {why}", typeset("Détail :", Lang::Fr));
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
    use std::ffi::OsString;

    use clap::{Arg, ArgAction, Command};

    use super::*;
    use crate::{checks, localised};

    const N: char = NARROW_NBSP;

    /// A program whose usage errors are told here; the command lines' own are tested with them.
    struct Toy;

    impl Program for Toy {
        const NAME: &'static str = "toy";
        const HELP: &'static [(&'static str, &'static str)] = &[];
        const VALUE_NAMES: &'static [(&'static str, &'static str)] = &[];
    }

    fn args(line: &str) -> Vec<OsString> {
        std::iter::once("toy").chain(line.split(' ').filter(|a| !a.is_empty())).map(OsString::from).collect()
    }

    fn told(err: Error) -> (ErrorKind, String) {
        checks::told_in_french::<Toy>(err)
    }

    #[test]
    fn an_error_starts_with_its_program_s_name() {
        let cmd = Command::new("toy").arg(Arg::new("pack").long("pack").value_parser(["a", "b"]));
        let (kind, text) = told(checks::usage_error::<Toy>(cmd, "--pack c"));
        assert_eq!(kind, ErrorKind::InvalidValue);
        assert!(text.starts_with(&format!("toy{N}: La valeur «{N}c{N}» n’est pas valide")), "{text}");
        assert!(text.contains(&format!("[valeurs possibles{N}: a, b]")), "{text}");
    }

    #[test]
    fn a_reason_given_in_both_languages_is_told_in_french() {
        let parse = |raw: &str| -> Result<u8, Why> {
            raw.parse().map_err(|_| Why::new("expected a number", "il faut un nombre : 1, 2…"))
        };
        let cmd = Command::new("toy").arg(Arg::new("n").long("n").value_parser(parse));
        let (kind, text) = told(checks::usage_error::<Toy>(cmd.clone(), "--n deux"));
        assert_eq!(kind, ErrorKind::ValueValidation);
        assert!(text.contains(&format!("\n  Détail{N}: il faut un nombre{N}: 1, 2…\n")), "{text}");
        let english = cmd.try_get_matches_from(args("--n deux")).unwrap_err().to_string();
        assert!(english.contains("expected a number"), "{english}");
    }

    #[test]
    fn options_that_exclude_each_other() {
        let cmd = Command::new("toy")
            .arg(Arg::new("json").long("json").action(ArgAction::SetTrue).conflicts_with("text"))
            .arg(Arg::new("text").long("text").action(ArgAction::SetTrue));
        let (_, text) =
            told(localised::<Toy>(cmd, Lang::Fr).try_get_matches_from(args("--json --text")).unwrap_err());
        assert!(
            text.contains(&format!("L’option «{N}--json{N}» ne peut pas être utilisée avec «{N}--text{N}».")),
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
    fn wrong_counts_of_values() {
        let cmd = || {
            localised::<Toy>(
                Command::new("toy")
                    .arg(Arg::new("pair").long("pair").num_args(2))
                    .arg(Arg::new("some").long("some").num_args(2..=3))
                    .arg(Arg::new("eq").long("eq").require_equals(true))
                    .arg(Arg::new("one").index(1)),
                Lang::Fr,
            )
        };
        let (kind, text) = told(cmd().try_get_matches_from(args("--pair a")).unwrap_err());
        assert_eq!(kind, ErrorKind::WrongNumberOfValues);
        assert!(
            text.contains(&format!("«{N}--pair <pair> <pair>{N}» attend 2 valeurs, et 1 a été donnée.")),
            "{text}"
        );
        let (kind, text) = told(cmd().try_get_matches_from(args("--some a")).unwrap_err());
        assert_eq!(kind, ErrorKind::TooFewValues);
        assert!(text.contains("attend au moins 2 valeurs, et 1 seulement a été donnée."), "{text}");
        let (kind, text) = told(cmd().try_get_matches_from(args("--eq a")).unwrap_err());
        assert_eq!(kind, ErrorKind::NoEquals);
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
        let mut line = args("");
        line.push(OsString::from_vec(vec![b'a', 0xff]));
        let cmd = Command::new("toy").arg(Arg::new("address").index(1));
        let (kind, text) = told(localised::<Toy>(cmd, Lang::Fr).try_get_matches_from(line).unwrap_err());
        assert_eq!(kind, ErrorKind::InvalidUtf8);
        assert!(text.contains("n’est pas du texte valide (UTF-8)."), "{text}");
    }

    #[test]
    fn a_help_a_version_and_an_unknown_kind_are_left_to_clap() {
        let cmd = || Command::new("toy").version("1");
        for line in ["--help", "-h", "--version"] {
            let err = cmd().try_get_matches_from(args(line)).unwrap_err();
            assert!(!is_told_in_french(&err), "{line}");
        }
        let io: Error = Error::raw(ErrorKind::Io, "broken pipe");
        assert!(!is_told_in_french(&io));
        // Asked anyway, the French formatter says what it can and does not fail.
        let text = Error::<French<Toy>>::new(ErrorKind::Io).render().to_string();
        assert!(text.starts_with(&format!("toy{N}: ")), "{text}");
        // A kind told here, without the context its sentence needs, is left to clap too.
        assert!(!is_told_in_french(&Error::<French<Toy>>::new(ErrorKind::InvalidValue)));
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
