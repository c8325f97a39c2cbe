//! What the Premiers Pas programs say about their own use, in the person's language: `--help` and the
//! usage errors (an unknown option, a missing argument, a wrong value). The command line (`premiers-pas`)
//! and the desktop app (`premiers-pas-app`, whose options a volunteer types to set up a stand) both speak
//! through it, each with its own French words (a [`Program`]).
//!
//! The `clap` structs stay the one source of the structure and of the English text. The language is
//! found before the arguments are parsed ([`lang_before_parsing`]), so that the help and the usage
//! errors of that very run can speak it. In English, the command is parsed exactly as `clap` builds it.
//! In French, the built command is walked once and each about and help is replaced by its French text
//! ([`help`]), and a usage error is told by [`errors`]. [`checks`] holds what each program's tests
//! assert about its French.

pub mod checks;
mod errors;
mod help;
pub mod values;

use std::ffi::{OsStr, OsString};

use clap::{CommandFactory, FromArgMatches};
use premiers_pas_core::Lang;

pub use errors::{is_told_in_french, French};
pub use help::localised;

/// A program whose command line speaks French: its name and its words. English is written once, as the
/// doc comments of its `clap` structs; this is its French, keyed by where each text appears.
///
/// The keys: `directory search` for a subcommand, `directory search --near` for one of its options,
/// `checklist show <id>` for a positional argument (by its id), `--lang` for an option of the program
/// itself or a global one (the same everywhere), `help`, `--help` and `--version` for what `clap` adds to
/// every command, and the program's [`NAME`](Program::NAME) for the program itself.
///
/// Texts are written as the doc comments are: a help is one sentence without a final period, in plain
/// words, with the spaces of French typography as ordinary spaces (they become narrow no-break spaces
/// when shown). A second paragraph, after a blank line, is the long help, shown by `--help` only: write
/// one exactly where the English has one. [`checks::catalog`] fails when a text is missing, left over or
/// misplaced.
pub trait Program: 'static {
    /// The program's name, as `clap` knows it and as every usage error starts.
    const NAME: &'static str;
    /// Each command's about and each argument's help, in French.
    const HELP: &'static [(&'static str, &'static str)];
    /// The placeholders of values (`--data-dir <DIR>`), in French: short and in capitals, as in English.
    /// A name that reads the same in both languages is listed too, so that a new one is not missed.
    const VALUE_NAMES: &'static [(&'static str, &'static str)];

    /// The French of the text at `key`, as written (not yet set in French typography).
    fn french(key: &str) -> Option<&'static str> {
        Self::HELP.iter().find(|(k, _)| *k == key).map(|(_, text)| *text)
    }

    /// The French of a value's placeholder.
    fn value_name(english: &str) -> Option<&'static str> {
        Self::VALUE_NAMES.iter().find(|(k, _)| *k == english).map(|(_, text)| *text)
    }
}

/// The language of this run, read from the raw arguments before `clap` parses them: the value of
/// `--lang fr` or `--lang=fr` wherever it is, else `env` (the value of the program's variable, if it has
/// one), else the system's language. A value that is not a language (`--lang xx`) gives the system's
/// language too: the error about it is then told in the language the person most likely reads. `system`
/// is called only when needed (it asks the system).
pub fn lang_before_parsing(args: &[OsString], env: Option<&OsStr>, system: impl FnOnce() -> Lang) -> Lang {
    let given = lang_argument(args).or(env);
    given.and_then(OsStr::to_str).and_then(Lang::parse).unwrap_or_else(system)
}

/// The value given to `--lang`, if any: the first one (`clap` refuses a second); `--` ends the options.
/// `--lang` with nothing after it counts as a value that is not a language.
fn lang_argument(args: &[OsString]) -> Option<&OsStr> {
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            return Some(rest.next().map_or(OsStr::new(""), OsString::as_os_str));
        }
        if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--lang=")) {
            return Some(OsStr::new(value));
        }
    }
    None
}

/// Parses `args` into `T`, with the help and the usage errors in `lang`. As `clap`'s `parse`, it ends
/// the program on `--help` and `--version` (status 0, standard output) and on a usage error (status 2,
/// standard error).
pub fn parse<T: CommandFactory + FromArgMatches, P: Program>(args: Vec<OsString>, lang: Lang) -> T {
    try_parse::<T, P>(args, lang).unwrap_or_else(|err| exit::<P>(err, lang))
}

/// Parses `args` into `T` with the help and the usage errors in `lang`, and returns the error (a help
/// and a version are "errors" too) for [`exit`] to print.
pub fn try_parse<T: CommandFactory + FromArgMatches, P: Program>(
    args: Vec<OsString>,
    lang: Lang,
) -> Result<T, clap::Error> {
    let mut cmd = help::localised::<P>(T::command(), lang);
    let matches = cmd.try_get_matches_from_mut(args)?;
    T::from_arg_matches(&matches).map_err(|err| err.format(&mut cmd))
}

/// Prints a help, a version or a usage error, in `lang`, and ends the program with `clap`'s status: 0
/// for a help or a version (on standard output), 2 for a usage error (on standard error).
pub fn exit<P: Program>(err: clap::Error, lang: Lang) -> ! {
    match lang {
        Lang::Fr if errors::is_told_in_french(&err) => err.apply::<errors::French<P>>().exit(),
        // English, and what French does not tell (a help or version already rendered, a kind of error
        // this version of clap did not have): clap's own text.
        _ => err.exit(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<OsString> {
        line.split(' ').map(OsString::from).collect()
    }

    fn lang(line: &str, env: Option<&str>) -> Lang {
        lang_before_parsing(&args(line), env.map(OsStr::new), || Lang::En)
    }

    #[test]
    fn lang_is_found_anywhere_before_the_options_end() {
        assert_eq!(lang("premiers-pas --lang fr system", None), Lang::Fr);
        assert_eq!(lang("premiers-pas directory search --lang fr --near x", None), Lang::Fr);
        assert_eq!(lang("premiers-pas system --lang=fr", None), Lang::Fr);
        assert_eq!(lang("premiers-pas --lang FR system", None), Lang::Fr);
        assert_eq!(
            lang("premiers-pas --lang en system", Some("fr")),
            Lang::En,
            "the flag beats the variable"
        );
        assert_eq!(lang("premiers-pas mail check -- --lang=fr", None), Lang::En, "after --, a value");
        // `--lang` as the program's own name is not an option.
        assert_eq!(lang("--lang fr", None), Lang::En);
    }

    #[test]
    fn without_the_flag_the_variable_then_the_system_decide() {
        assert_eq!(lang("premiers-pas system", Some("fr")), Lang::Fr);
        assert_eq!(lang("premiers-pas system", None), Lang::En);
        assert_eq!(lang_before_parsing(&args("premiers-pas system"), None, || Lang::Fr), Lang::Fr);
    }

    #[test]
    fn a_value_that_is_not_a_language_gives_the_system_language() {
        let system_fr = || Lang::Fr;
        for line in ["premiers-pas --lang xx system", "premiers-pas --lang= system", "premiers-pas --lang"] {
            assert_eq!(
                lang_before_parsing(&args(line), Some(OsStr::new("en")), system_fr),
                Lang::Fr,
                "{line}"
            );
        }
        assert_eq!(
            lang_before_parsing(&args("premiers-pas system"), Some(OsStr::new("")), system_fr),
            Lang::Fr
        );
        assert_eq!(
            lang_before_parsing(&args("premiers-pas system"), Some(OsStr::new("de")), system_fr),
            Lang::Fr
        );
    }
}
