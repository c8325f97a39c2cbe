//! What each program's tests assert about its French, so that a new option without French, French left
//! for an option that is gone, or a help that still reads in English fails the program's own tests.
//! Every function here panics with the list of what is wrong: they are meant to be called from tests.

use std::collections::BTreeSet;
use std::ffi::OsString;

use clap::error::ErrorKind;
use clap::{Command, Error};
use premiers_pas_core::i18n::{typeset, NARROW_NBSP};
use premiers_pas_core::Lang;

use crate::help::{arg_key, command_key, scope};
use crate::{is_told_in_french, localised, French, Program};

/// A text of the English tree, where it appears.
#[derive(Debug)]
struct English {
    key: String,
    text: Option<String>,
    has_long: bool,
    /// The help flag: its French is written in `help.rs` when it has a long form.
    is_help_flag: bool,
}

/// The English texts of `cmd` as `clap` builds it, with what it adds (help, version, the `help`
/// subcommand and its copies of the tree, the global options in every subcommand), and the value names.
fn english<P: Program>(cmd: Command) -> (Vec<English>, BTreeSet<String>) {
    fn walk<P: Program>(
        cmd: &Command,
        path: &mut Vec<String>,
        texts: &mut Vec<English>,
        value_names: &mut BTreeSet<String>,
    ) {
        let scope = scope(path);
        texts.push(English {
            key: command_key::<P>(path),
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
            walk::<P>(sub, path, texts, value_names);
            path.pop();
        }
    }
    let mut cmd = cmd;
    cmd.build();
    let (mut texts, mut value_names) = (Vec::new(), BTreeSet::new());
    walk::<P>(&cmd, &mut Vec::new(), &mut texts, &mut value_names);
    (texts, value_names)
}

/// The keys of every text of `cmd`, as the walk finds them.
pub fn keys<P: Program>(cmd: Command) -> BTreeSet<String> {
    english::<P>(cmd).0.into_iter().map(|t| t.key).collect()
}

/// The French of `P` fits `cmd` exactly: every command and argument has its French and its English, no
/// French is left for what no longer exists or written twice, a long help in French exactly where the
/// English has one, every value name has its French, and the texts follow French typography.
pub fn catalog<P: Program>(cmd: Command) {
    let (texts, used) = english::<P>(cmd);
    let missing: BTreeSet<&str> = texts
        .iter()
        .filter(|t| P::french(&t.key).is_none_or(|fr| fr.trim().is_empty()))
        .map(|t| t.key.as_str())
        .collect();
    assert!(missing.is_empty(), "{}: no French for {missing:?}", P::NAME);
    let no_english: BTreeSet<&str> = texts
        .iter()
        .filter(|t| t.text.as_deref().is_none_or(|en| en.trim().is_empty()))
        .map(|t| t.key.as_str())
        .collect();
    assert!(no_english.is_empty(), "{}: no doc comment (English help) for {no_english:?}", P::NAME);

    let keys: BTreeSet<&str> = texts.iter().map(|t| t.key.as_str()).collect();
    let stale: Vec<&str> = P::HELP.iter().map(|(k, _)| *k).filter(|k| !keys.contains(k)).collect();
    assert!(stale.is_empty(), "{}: French for what no longer exists: {stale:?}", P::NAME);
    let mut seen = BTreeSet::new();
    let twice: Vec<&str> = P::HELP.iter().map(|(k, _)| *k).filter(|k| !seen.insert(*k)).collect();
    assert!(twice.is_empty(), "{}: keys written twice: {twice:?}", P::NAME);

    for t in texts.iter().filter(|t| !t.is_help_flag) {
        let fr = P::french(&t.key).unwrap_or_default();
        assert_eq!(
            fr.contains("\n\n"),
            t.has_long,
            "{}: English long help {}, French {fr:?}",
            t.key,
            t.has_long
        );
    }

    let known: BTreeSet<String> = P::VALUE_NAMES.iter().map(|(k, _)| (*k).to_owned()).collect();
    let missing: Vec<&String> = used.difference(&known).collect();
    assert!(missing.is_empty(), "{}: value names without French: {missing:?}", P::NAME);
    let stale: Vec<&String> = known.difference(&used).collect();
    assert!(stale.is_empty(), "{}: French value names for nothing: {stale:?}", P::NAME);

    for (key, fr) in P::HELP {
        let fr = typeset(fr, Lang::Fr);
        for bad in [" :", " ;", " ?", " !", "« ", " »", "'", "\u{A0}", "`", "  ", "\n"] {
            assert!(!fr.contains(bad), "{key}: {bad:?} in {fr}");
        }
    }
}

/// Every help the person can ask for, as `-h` shows it in French on a terminal 100 columns wide, named
/// by its command line (`premiers-pas directory search`).
pub fn french_helps<P: Program>(cmd: Command) -> Vec<(String, String)> {
    fn collect(cmd: &mut Command, name: String, out: &mut Vec<(String, String)>) {
        out.push((name.clone(), cmd.render_help().to_string()));
        for sub in cmd.get_subcommands_mut() {
            let name = format!("{name} {}", sub.get_name());
            collect(sub, name, out);
        }
    }
    let mut cmd = localised::<P>(cmd, Lang::Fr).term_width(100);
    let mut out = Vec::new();
    collect(&mut cmd, P::NAME.to_owned(), &mut out);
    out
}

/// Every help reads in French: the headings, the placeholders and the brackets `clap` adds, and no whole
/// English sentence of the doc comments; wrapped to the terminal, with punctuation kept with its word.
pub fn helps_read_in_french<P: Program>(cmd: Command) {
    let english: Vec<String> = english::<P>(cmd.clone())
        .0
        .into_iter()
        .filter_map(|t| t.text)
        .filter(|t| t.split(' ').count() > 2)
        .collect();
    for (name, help) in french_helps::<P>(cmd) {
        assert!(help.contains(&format!("Utilisation{NARROW_NBSP}: {}", P::NAME)), "{name}:\n{help}");
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

/// The usage error `clap` finds in `line` (the arguments after the program's name, split on spaces),
/// run against `cmd` in French.
pub fn usage_error<P: Program>(cmd: Command, line: &str) -> Error {
    let args: Vec<OsString> = std::iter::once(P::NAME)
        .chain(line.split(' ').filter(|a| !a.is_empty()))
        .map(OsString::from)
        .collect();
    match localised::<P>(cmd, Lang::Fr).try_get_matches_from(args) {
        Ok(matches) => panic!("{line}: no error: {matches:?}"),
        Err(err) => err,
    }
}

/// The French text of a usage error as it is printed (without colours), with its kind. It must be told
/// in French and have the shape of every French usage error: the program's name first, no English left,
/// French typography, and the hint to read the help last.
pub fn told_in_french<P: Program>(err: Error) -> (ErrorKind, String) {
    let n = NARROW_NBSP;
    assert!(is_told_in_french(&err), "{:?} not told in French:\n{err}", err.kind());
    let kind = err.kind();
    let text = err.apply::<French<P>>().render().to_string();
    assert!(text.starts_with(&format!("{}{n}: ", P::NAME)), "{text}");
    assert!(text.ends_with(&format!("\n\nPour plus d’informations, essayez «{n}--help{n}».\n")), "{text}");
    for english in ["error:", "tip:", "Usage:", "For more", "possible values", "did you mean", "exists"] {
        assert!(!text.contains(english), "{english:?} in\n{text}");
    }
    for bad in [" :", " ;", " ?", "« ", " »", "'"] {
        assert!(!text.contains(bad), "{bad:?} in\n{text}");
    }
    (kind, text)
}
