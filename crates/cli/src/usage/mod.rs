//! What the command line says about its own use, in the person's language: `--help` and the usage errors
//! (an unknown option, a missing argument, a wrong value).
//!
//! The `clap` structs stay the one source of the structure and of the English text. The language is
//! found before the arguments are parsed ([`lang_before_parsing`]), so that the help and the usage
//! errors of that very run can speak it. In English, the command is parsed exactly as `clap` builds it.
//! In French, the built command is walked once and each about and help is replaced by its French text
//! ([`help`], words in [`catalog`]), and a usage error is told by [`errors`].

mod catalog;
mod errors;
mod help;

use std::ffi::{OsStr, OsString};

use clap::{CommandFactory, FromArgMatches};
use premiers_pas_core::Lang;

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

/// The language of this run, read from the raw arguments before `clap` parses them: the value of
/// `--lang fr` or `--lang=fr` wherever it is (it is global), else [`LANG_ENV`], else the system's
/// language. A value that is not a language (`--lang xx`) gives the system's language too: the error
/// about it is then told in the language the person most likely reads. `system` is called only when
/// needed (it asks the system).
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
pub fn parse<T: CommandFactory + FromArgMatches>(args: Vec<OsString>, lang: Lang) -> T {
    let mut cmd = help::localised(T::command(), lang);
    let matches = cmd.try_get_matches_from_mut(args).unwrap_or_else(|err| exit(err, lang));
    T::from_arg_matches(&matches).unwrap_or_else(|err| exit(err.format(&mut cmd), lang))
}

/// Prints a help, a version or a usage error, in `lang`, and ends the program with `clap`'s status.
fn exit(err: clap::Error, lang: Lang) -> ! {
    match lang {
        Lang::Fr if errors::is_told_in_french(&err) => err.apply::<errors::French>().exit(),
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
