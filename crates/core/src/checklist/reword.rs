//! The TOML reader's and serde's messages, said for people, in French and in English.
//!
//! The `toml` crate gives a message as plain English text, with no kind or code: a syntax description
//! ("unclosed array, expected `]`") when the text does not parse, or serde's words ("invalid type: …,
//! expected a map") when a value does not fit. Both vocabularies are small and closed, so each known
//! sentence is matched and said again; a sentence not known (a newer `toml` wording it otherwise) still
//! reads in French, in a frame that keeps the reader's own words as the detail. Every message therefore
//! has French words.
//!
//! The English of a syntax error stays the reader's own: it is exact and already readable. The data
//! errors get "did you mean" hints in both languages. Nothing here knows packs or reference files, beyond
//! the names that show a value is a check.

use super::source::{said, suggest, Said};

/// Names that, when serde lists them as the expected variants, mean the value is a check.
const CHECK_MARKERS: [&str; 2] = ["manual", "browser_installed"];

/// Whether a syntax error's French says what the reader expected, or its summary says it already.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Then {
    Expected,
    Nothing,
}

/// The syntax descriptions of the TOML reader (`toml_parser` 1.1 and `toml` 1.2), with French words.
const SYNTAX: &[(&str, &str, Then)] = &[
    ("unclosed array", "liste jamais fermée", Then::Expected),
    ("unclosed inline table", "table entre accolades jamais fermée", Then::Expected),
    ("unclosed table", "en-tête de table non fermé", Then::Expected),
    ("unclosed array table", "en-tête `[[…]]` non fermé", Then::Expected),
    ("duplicate key", "cette clé est déjà donnée plus haut dans la même table", Then::Expected),
    ("key with no value", "clé sans valeur : écrivez `clé = valeur`", Then::Nothing),
    ("missing value for key", "clé sans valeur : écrivez `clé = valeur`", Then::Nothing),
    ("missing value", "valeur manquante", Then::Expected),
    ("missing assignment between key-value pairs", "il manque `=` entre la clé et sa valeur", Then::Expected),
    ("extra assignment between key-value pairs", "`=` en trop entre la clé et sa valeur", Then::Expected),
    ("extra `=`", "`=` en trop", Then::Expected),
    ("unexpected `=` in array", "`=` inattendu dans une liste", Then::Expected),
    (
        "missing comma between array elements",
        "il manque une virgule entre deux éléments de la liste",
        Then::Expected,
    ),
    (
        "missing comma between key-value pairs",
        "il manque une virgule entre deux clés de la table entre accolades",
        Then::Expected,
    ),
    ("extra comma in array", "virgule en trop dans la liste", Then::Expected),
    ("extra comma in inline table", "virgule en trop dans la table entre accolades", Then::Expected),
    ("missing array opening", "il manque `[` pour ouvrir la liste", Then::Expected),
    ("missing inline table opening", "il manque `{` pour ouvrir la table", Then::Expected),
    ("missing table open", "il manque `[` pour ouvrir l’en-tête de table", Then::Expected),
    ("missing key for inline table element", "clé manquante dans la table entre accolades", Then::Expected),
    ("invalid inline table element", "élément invalide dans la table entre accolades", Then::Expected),
    ("invalid key-value pair", "ligne invalide : écrivez `clé = valeur`", Then::Nothing),
    ("string values must be quoted", "un texte s’écrit entre guillemets : \"…\"", Then::Nothing),
    ("missing opening quote", "il manque le guillemet d’ouverture", Then::Expected),
    ("invalid basic string", "texte mal fermé : un guillemet manque sans doute", Then::Expected),
    ("invalid string", "texte mal fermé : un guillemet manque sans doute", Then::Expected),
    (
        "invalid multi-line basic string",
        "texte sur plusieurs lignes mal fermé : il faut `\"\"\"` à la fin",
        Then::Nothing,
    ),
    (
        "invalid literal string",
        "texte entre apostrophes mal fermé : une apostrophe manque sans doute",
        Then::Expected,
    ),
    (
        "invalid multi-line literal string",
        "texte sur plusieurs lignes mal fermé : il faut `'''` à la fin",
        Then::Nothing,
    ),
    ("missing escaped value", "caractère manquant après `\\`", Then::Expected),
    ("too few unicode value digits", "code Unicode trop court après `\\u` ou `\\U`", Then::Expected),
    (
        "carriage return must be followed by newline",
        "retour à la ligne abîmé (caractère CR isolé)",
        Then::Expected,
    ),
    ("invalid key", "nom de clé invalide", Then::Expected),
    (
        "invalid unquoted key",
        "nom de clé invalide : lettres, chiffres, `-` et `_`, ou bien entre guillemets",
        Then::Nothing,
    ),
    ("unquoted keys cannot be empty", "nom de clé vide", Then::Expected),
    ("keys cannot be multi-line basic strings", "un nom de clé tient sur une ligne", Then::Expected),
    ("keys cannot be multi-line literal strings", "un nom de clé tient sur une ligne", Then::Expected),
    ("invalid table", "en-tête de table invalide : écrivez `[nom]`", Then::Nothing),
    ("invalid value", "valeur invalide", Then::Expected),
    ("unexpected content", "texte inattendu ici", Then::Expected),
    ("unexpected key or value", "texte inattendu ici", Then::Expected),
    (
        "unexpected content between comment and newline",
        "caractère inattendu dans un commentaire",
        Then::Expected,
    ),
    ("invalid comment character", "caractère interdit dans un commentaire", Then::Expected),
    ("missing comment start", "il manque `#` au début du commentaire", Then::Expected),
    ("invalid boolean", "valeur mal écrite : `true` ou `false`, en minuscules", Then::Nothing),
    ("invalid integer number", "nombre entier mal écrit", Then::Expected),
    ("invalid hexadecimal number", "nombre hexadécimal mal écrit", Then::Expected),
    ("invalid octal number", "nombre octal mal écrit", Then::Expected),
    ("invalid binary number", "nombre binaire mal écrit", Then::Expected),
    ("invalid float", "nombre à virgule mal écrit (avec un point : `1.5`)", Then::Nothing),
    ("invalid mantissa", "nombre à virgule mal écrit (avec un point : `1.5`)", Then::Nothing),
    ("invalid fraction", "nombre à virgule mal écrit (avec un point : `1.5`)", Then::Nothing),
    ("invalid exponent", "nombre à virgule mal écrit (avec un point : `1.5`)", Then::Nothing),
    ("unexpected leading zero", "un nombre ne commence pas par zéro", Then::Expected),
    ("`_` may only go between digits", "`_` ne va qu’entre deux chiffres", Then::Expected),
    (
        "integers with a radix cannot be signed",
        "un nombre hexadécimal, octal ou binaire ne prend pas de signe",
        Then::Expected,
    ),
    ("radix must be lowercase", "le préfixe s’écrit en minuscules : `0x`, `0o` ou `0b`", Then::Nothing),
    ("redundant integer number prefix", "préfixe de nombre en double", Then::Expected),
    ("redundant numeric sign", "signe en double", Then::Expected),
    ("unexpected sign", "signe inattendu", Then::Expected),
    (
        "cannot recurse further; max recursion depth met",
        "trop de tables ou de listes les unes dans les autres",
        Then::Expected,
    ),
    ("recursion limit", "trop de tables ou de listes les unes dans les autres", Then::Expected),
];

/// A date or time the reader refused (its own descriptions, or those of `toml_datetime`).
const DATE_TIME: [&str; 5] =
    ["invalid date-time", "invalid datetime", "invalid date", "invalid time", "invalid offset"];

/// What the frame says of a syntax error the table does not know, before the reader's own words.
const SYNTAX_FRAME: &str = "erreur de syntaxe TOML ici (le lecteur TOML dit : « ";

/// What the frame says of a data error the rules do not know, before serde's own words.
const DATA_FRAME: &str = "valeur inattendue ici (détail : « ";

/// A syntax error of the TOML reader, in French and in its own English words.
pub(crate) fn syntax(message: &str) -> Said {
    let message = message.trim_end();
    let (what, expected) = match message.split_once(", expected ") {
        Some((what, expected)) => (what, Some(expected)),
        None => (message, None),
    };
    if DATE_TIME.contains(&what) {
        // The date's own "expected" words name parts (`a two-digit day (DD)`): an example says it better.
        return said("date mal écrite : une date s’écrit comme 2026-11-01", message);
    }
    let known = if what.starts_with("cannot extend value of type ") && what.ends_with(" with a dotted key") {
        Some(("cette clé a déjà une valeur : on ne peut pas lui ajouter de sous-clé", Then::Nothing))
    } else {
        SYNTAX.iter().find(|(en, _, _)| *en == what).map(|&(_, fr, then)| (fr, then))
    };
    let Some((summary, then)) = known else {
        return said(format!("{SYNTAX_FRAME}{message} »)"), message);
    };
    let fr = match expected {
        // `expected nothing`: what is there should not be, which the summary says.
        Some(expected) if then == Then::Expected && expected != "nothing" => {
            let join = if summary.contains(':') { " — " } else { " : " };
            format!("{summary}{join}il faudrait ici {}", expected_fr(expected))
        }
        _ => summary.to_owned(),
    };
    said(fr, message)
}

/// The reader's list of what it expected (`` `]` ``, `newline`, `key`…), in French.
fn expected_fr(list: &str) -> String {
    let items: Vec<String> = list
        .split(", ")
        .map(|item| {
            let fr = match item {
                "nothing" => "rien",
                "etc" => "autre chose",
                "newline" => "une fin de ligne",
                "key" => "une clé",
                "value" => "une valeur",
                "numbers" | "digits" => "des chiffres",
                "letters" => "des lettres",
                "basic string" => "un texte entre guillemets",
                "literal string" => "un texte entre apostrophes",
                "multi-line basic string" => "un texte entre `\"\"\"`",
                "multi-line literal string" => "un texte entre `'''`",
                "unicode hexadecimal value" => "un code Unicode en hexadécimal",
                "printable characters" => "des caractères imprimables",
                "characters" => "des caractères",
                "non-single-quote characters" => "des caractères autres que l’apostrophe",
                "non-single-quote visible characters" => "des caractères visibles autres que l’apostrophe",
                "non-double-quote visible characters" => "des caractères visibles autres que le guillemet",
                // A literal (`` `]` ``, or `'`'`) is already quoted; anything else is quoted as it is.
                quoted if quoted.starts_with('`') || quoted.starts_with('\'') => return quoted.to_owned(),
                other => return format!("`{other}`"),
            };
            fr.to_owned()
        })
        .collect();
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} ou {last}", rest.join(", ")),
        _ => items.concat(),
    }
}

/// A value that does not fit (serde's words, and the `toml` deserializer's), with "did you mean" hints,
/// in French and in English.
pub(crate) fn data(message: &str) -> Said {
    let message = message.trim_end();
    for (prefix, what) in [("unknown field `", "key"), ("unknown variant `", "value")] {
        let Some(rest) = message.strip_prefix(prefix) else {
            continue;
        };
        let Some((word, tail)) = rest.split_once('`') else {
            continue;
        };
        let expected = expected_names(tail);
        let what = if what == "value" && CHECK_MARKERS.iter().all(|m| expected.contains(m)) {
            "check"
        } else {
            what
        };
        let (fr_unknown, en_unknown) = match what {
            "key" => (format!("clé inconnue `{word}`"), format!("unknown key `{word}`")),
            "check" => (format!("vérification inconnue `{word}`"), format!("unknown check `{word}`")),
            _ => (format!("valeur inconnue `{word}`"), format!("unknown value `{word}`")),
        };
        return match suggest(word, expected.iter().copied()) {
            Some(best) => said(
                format!("{fr_unknown} — vouliez-vous dire `{best}` ?"),
                format!("{en_unknown} — did you mean `{best}`?"),
            ),
            None if expected.is_empty() => said(fr_unknown, en_unknown),
            None => said(
                format!("{fr_unknown} — possibles : {}", quote_all(&expected)),
                format!("{en_unknown} — expected one of {}", quote_all(&expected)),
            ),
        };
    }
    if let Some((extra, available)) =
        message.strip_prefix("unexpected keys in table: ").and_then(|r| r.split_once(", available keys: "))
    {
        let available: Vec<&str> = available.split(", ").collect();
        let (fr, en): (Vec<String>, Vec<String>) = extra
            .split(", ")
            .map(|word| match suggest(word, available.iter().copied()) {
                Some(best) => (
                    format!("clé inconnue `{word}` — vouliez-vous dire `{best}` ?"),
                    format!("unknown key `{word}` — did you mean `{best}`?"),
                ),
                None => (
                    format!("clé inconnue `{word}` — possibles : {}", quote_all(&available)),
                    format!("unknown key `{word}` — expected one of {}", quote_all(&available)),
                ),
            })
            .unzip();
        return said(fr.join(" ; "), en.join("; "));
    }
    if let Some(rest) = message.strip_prefix("invalid date") {
        // `invalid date `2026-02-30` — …` names the value; a value that is not even a date or a text
        // (`reviewed = 2026`) is `invalid date — …`.
        let value = rest.strip_prefix(" `").and_then(|r| r.split_once('`')).map(|(value, _)| value);
        return match value {
            Some(value) => said(
                format!("date invalide `{value}` — une date s’écrit comme 2026-11-01"),
                format!("invalid date `{value}` — expected a date like 2026-11-01"),
            ),
            None => said(
                "date invalide — une date s’écrit comme 2026-11-01",
                "invalid date — expected a date like 2026-11-01",
            ),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        if let Some((word, _)) = rest.split_once('`') {
            return said(format!("clé manquante `{word}`"), format!("missing key `{word}`"));
        }
    }
    if let Some(rest) = message.strip_prefix("duplicate field `") {
        if let Some((word, _)) = rest.split_once('`') {
            return said(
                format!("la clé `{word}` est donnée deux fois"),
                format!("the key `{word}` is given twice"),
            );
        }
    }
    if let Some((unexpected, expected)) =
        message.strip_prefix("invalid type: ").and_then(|r| r.split_once(", expected "))
    {
        return said(
            format!(
                "valeur du mauvais type : {}, alors qu’il faut {}",
                unexpected_fr(unexpected),
                expecting_fr(expected)
            ),
            message,
        );
    }
    if let Some((unexpected, expected)) =
        message.strip_prefix("invalid value: ").and_then(|r| r.split_once(", expected "))
    {
        return said(
            format!(
                "valeur invalide : {}, alors qu’il faut {}",
                unexpected_fr(unexpected),
                expecting_fr(expected)
            ),
            message,
        );
    }
    if message.starts_with("wanted exactly 1 element")
        || message.starts_with("expected table with exactly 1 entry")
    {
        // Only a value of several kinds reads this way; in a pack, that is a check.
        return said(
            "cette table doit avoir une seule clé : une vérification s’écrit par exemple \
             `{ app_installed = { apps = [\"firefox\"] } }`, et pour en combiner, utilisez `all`, `any` \
             ou `bonus`",
            "this table must have exactly one key: a check reads like \
             `{ app_installed = { apps = [\"firefox\"] } }`, \
             and to combine checks, use `all`, `any` or `bonus`",
        );
    }
    if message == "wanted string or table" {
        return said(
            "il faut ici un texte entre guillemets ou une table `{ … }`",
            "expected a quoted string or a table `{ … }` here",
        );
    }
    if message == "expected empty array" || message == "expected empty table" {
        return said(
            "cette valeur s’écrit seule, sans contenu : par exemple `\"manual\"`",
            "this value stands alone, with no content: for example `\"manual\"`",
        );
    }
    if let Some(found) = message.strip_prefix("expected table, found ") {
        return said(format!("il faut ici une table `{{ … }}`, et non {}", value_type_fr(found)), message);
    }
    if message.ends_with("number overflowed") {
        return said("nombre trop grand", message);
    }
    said(format!("{DATA_FRAME}{message} »)"), message)
}

/// Serde's `Unexpected` (what was found), in French.
fn unexpected_fr(unexpected: &str) -> String {
    if let Some(text) = unexpected.strip_prefix("string ") {
        return format!("le texte {text}");
    }
    for prefix in ["integer ", "floating point "] {
        if let Some(number) = unexpected.strip_prefix(prefix) {
            return format!("le nombre {}", number.trim_matches('`'));
        }
    }
    if let Some(value) = unexpected.strip_prefix("boolean ") {
        return format!("la valeur {value}");
    }
    if let Some(value) = unexpected.strip_prefix("character ") {
        return format!("le caractère {value}");
    }
    match unexpected {
        "map" => "une table".to_owned(),
        "sequence" => "une liste".to_owned(),
        other => format!("`{other}`"),
    }
}

/// Serde's `Expected` (what the type wants), in French. In a pack, a map is a text in two languages.
fn expecting_fr(expected: &str) -> String {
    let fr = match expected {
        "a map" => "une table, par exemple `{ fr = \"…\", en = \"…\" }`",
        "a string" | "a borrowed string" => "un texte entre guillemets",
        "a sequence" => "une liste `[ … ]`",
        "a boolean" => "`true` ou `false`",
        "a character" => "un seul caractère",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => {
            "un nombre entier"
        }
        "f32" | "f64" => "un nombre",
        struct_or_enum if struct_or_enum.starts_with("struct ") => "une table `{ … }`",
        enum_ if enum_.starts_with("enum ") => "une des valeurs permises",
        other => return format!("`{other}`"),
    };
    fr.to_owned()
}

/// A TOML value's type as the `toml` deserializer names it, in French.
fn value_type_fr(found: &str) -> String {
    match found {
        "string" => "un texte".to_owned(),
        "integer" | "float" => "un nombre".to_owned(),
        "boolean" => "`true` ou `false`".to_owned(),
        "datetime" => "une date".to_owned(),
        "array" => "une liste".to_owned(),
        other => format!("`{other}`"),
    }
}

fn expected_names(tail: &str) -> Vec<&str> {
    tail.split('`').skip(1).step_by(2).collect()
}

fn quote_all(names: &[&str]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::checklist::source::Source;
    use crate::checklist::{ChecklistError, Pack};
    use crate::reference::Reference;

    const PACK: &str = r#"id = "test-pack"
reviewed = 2026-11-01
title = { fr = "Essai", en = "Test" }
description = { fr = "Un paquet d’essai.", en = "A test pack." }

[[step]]
id = "one"
reviewed = 2026-11-01
title = { fr = "Un", en = "One" }
why = { fr = "Parce que.", en = "Because." }
how.default = { fr = "Faites-le.", en = "Do it." }
checks = ["manual"]
"#;

    /// The French of a broken snippet's first problem, and the problem's English.
    fn syntax_of(text: &str) -> (String, String) {
        let src = Source::new("x.toml", text);
        let d = src.parse().expect_err(text);
        (d.message_fr.unwrap_or_default(), d.message)
    }

    /// The French of each problem of a broken pack, and their English.
    fn data_of(text: &str) -> Vec<(String, String)> {
        let reference = Reference::builtin().unwrap();
        match Pack::from_text("x.toml", text, &reference) {
            Err(ChecklistError::Invalid(diags)) => {
                diags.into_iter().map(|d| (d.message_fr.unwrap_or_default(), d.message)).collect()
            }
            other => panic!("{text}: {other:?}"),
        }
    }

    /// One snippet for each frequent syntax error: each has French words of its own, not the frame. A
    /// newer `toml` that words one otherwise fails here, rather than quietly falling back to the frame.
    #[test]
    fn frequent_syntax_errors_have_french_words_of_their_own() {
        let corpus = [
            ("a = [1, 2\n", "liste jamais fermée : il faudrait ici `]`"),
            ("a = \"abc\nb = 1\n", "texte mal fermé : un guillemet manque sans doute — il faudrait ici `\"`"),
            ("[table\nx = 1\n", "en-tête de table non fermé : il faudrait ici `]`"),
            ("[[step\nx = 1\n", "en-tête `[[…]]` non fermé : il faudrait ici `]]`"),
            ("a = { x = 1\n", "table entre accolades jamais fermée : il faudrait ici `}`"),
            ("a\n", "clé sans valeur : écrivez `clé = valeur`"),
            ("a = abc\n", "un texte s’écrit entre guillemets : \"…\""),
            ("a =\n", "un texte s’écrit entre guillemets : \"…\""),
            ("a = 1\na = 2\n", "cette clé est déjà donnée plus haut dans la même table"),
            ("[a]\nb = 1\n[a]\n", "cette clé est déjà donnée plus haut dans la même table"),
            ("a = [1,,2]\n", "virgule en trop dans la liste : il faudrait ici une valeur"),
            ("a = { x = 1 y = 2 }\n", "`=` en trop entre la clé et sa valeur : il faudrait ici `,`"),
            ("a = [x = 1]\n", "`=` inattendu dans une liste : il faudrait ici une valeur ou `]`"),
            ("é = 1\n", "nom de clé invalide : lettres, chiffres, `-` et `_`, ou bien entre guillemets"),
            ("= 1\n", "nom de clé vide : il faudrait ici des lettres, des chiffres, `-` ou `_`"),
            (
                "a = 'abc\n",
                "texte entre apostrophes mal fermé : une apostrophe manque sans doute — il faudrait ici `'`",
            ),
            ("a = \"\"\"abc\n", "texte sur plusieurs lignes mal fermé : il faut `\"\"\"` à la fin"),
            ("a = [1, 2] x\n", "texte inattendu ici : il faudrait ici une fin de ligne ou `#`"),
            ("a.b = 1\na.b.c = 2\n", "cette clé a déjà une valeur : on ne peut pas lui ajouter de sous-clé"),
            (
                "a = {x = 1}\na.y = 2\n",
                "cette clé a déjà une valeur : on ne peut pas lui ajouter de sous-clé",
            ),
            ("reviewed = 2026-13-01\n", "date mal écrite : une date s’écrit comme 2026-11-01"),
            ("reviewed = 2026-11-1\n", "date mal écrite : une date s’écrit comme 2026-11-01"),
            ("a = tru\n", "valeur mal écrite : `true` ou `false`, en minuscules"),
            ("a = 012\n", "un nombre ne commence pas par zéro"),
            ("a = 1.\n", "nombre à virgule mal écrit (avec un point : `1.5`)"),
            (
                "a = \"\\u12\"\n",
                "code Unicode trop court après `\\u` ou `\\U` : il faudrait ici un code Unicode en \
                 hexadécimal",
            ),
            (
                "a = 1\rb = 2\n",
                "retour à la ligne abîmé (caractère CR isolé) : il faudrait ici une fin de ligne",
            ),
            (
                "a = \"x\" # \u{7}\n",
                "caractère interdit dans un commentaire : il faudrait ici des caractères imprimables",
            ),
        ];
        let mut wrong = Vec::new();
        for (text, fr) in corpus {
            let (got, en) = syntax_of(text);
            if got != fr || got.contains(SYNTAX_FRAME) {
                wrong.push(format!("{text:?}: {en}\n  expected {fr}\n  got      {got}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn a_syntax_error_keeps_the_readers_english_and_position() {
        let src = Source::new("x.toml", "a = 1\nb = [1, 2\n");
        let d = src.parse().unwrap_err();
        assert_eq!(d.message, "unclosed array, expected `]`");
        assert_eq!((d.line, d.col), (2, 10));
    }

    /// A description this table does not know (a newer reader) still reads in French, with the reader's
    /// own words kept as the detail.
    #[test]
    fn an_unknown_description_is_framed_in_french_with_the_readers_words() {
        let said = syntax("unbalanced widget, expected `]`");
        assert_eq!(said.en, "unbalanced widget, expected `]`");
        assert_eq!(
            said.fr,
            "erreur de syntaxe TOML ici (le lecteur TOML dit : « unbalanced widget, expected `]` »)"
        );
        let said = data("expected tuple with length 2");
        assert_eq!(said.en, "expected tuple with length 2");
        assert_eq!(said.fr, "valeur inattendue ici (détail : « expected tuple with length 2 »)");
    }

    #[test]
    fn the_expected_words_are_translated_one_by_one() {
        assert_eq!(expected_fr("`,`, `]`"), "`,` ou `]`");
        assert_eq!(expected_fr("newline, `#`"), "une fin de ligne ou `#`");
        assert_eq!(expected_fr("letters, numbers, `-`, `_`"), "des lettres, des chiffres, `-` ou `_`");
        assert_eq!(expected_fr("key"), "une clé");
        assert_eq!(expected_fr("literal string"), "un texte entre apostrophes");
        assert_eq!(expected_fr("wibble"), "`wibble`");
    }

    #[test]
    fn every_syntax_description_is_listed_once() {
        for (i, (en, _, _)) in SYNTAX.iter().enumerate() {
            assert!(!SYNTAX[..i].iter().any(|(other, _, _)| other == en), "{en} twice");
        }
    }

    /// A value that does not fit, as volunteers write them: each in French words of its own.
    #[test]
    fn values_that_do_not_fit_are_said_in_french() {
        let cases = [
            (
                ("title = { fr = \"Essai\", en = \"Test\" }", "title = \"Mon parcours\""),
                "valeur du mauvais type : le texte \"Mon parcours\", alors qu’il faut une table, par exemple \
                 `{ fr = \"…\", en = \"…\" }`",
            ),
            (
                ("checks = [\"manual\"]", "checks = \"manual\""),
                "valeur du mauvais type : le texte \"manual\", alors qu’il faut une liste `[ … ]`",
            ),
            (
                ("reviewed = 2026-11-01\ntitle", "reviewed = 2026\ntitle"),
                "date invalide — une date s’écrit comme 2026-11-01",
            ),
            (
                (
                    "checks = [\"manual\"]",
                    "checks = [{ app_installed = { apps = [\"firefox\"] }, bonus = \"manual\" }]",
                ),
                "cette table doit avoir une seule clé : une vérification s’écrit par exemple \
                 `{ app_installed = { apps = [\"firefox\"] } }`, et pour en combiner, utilisez `all`, \
                 `any` ou `bonus`",
            ),
            (
                ("checks = [\"manual\"]", "checks = [{}]"),
                "cette table doit avoir une seule clé : une vérification s’écrit par exemple \
                 `{ app_installed = { apps = [\"firefox\"] } }`, et pour en combiner, utilisez `all`, \
                 `any` ou `bonus`",
            ),
            (
                ("checks = [\"manual\"]", "checks = [3]"),
                "il faut ici un texte entre guillemets ou une table `{ … }`",
            ),
            (
                ("checks = [\"manual\"]", "checks = [{ manual = [1] }]"),
                "cette valeur s’écrit seule, sans contenu : par exemple `\"manual\"`",
            ),
            (
                ("checks = [\"manual\"]", "checks = [{ app_installed = 3 }]"),
                "valeur du mauvais type : le nombre 3, alors qu’il faut une table `{ … }`",
            ),
            (
                ("id = \"one\"", "id = 1"),
                "valeur du mauvais type : le nombre 1, alors qu’il faut un texte entre guillemets",
            ),
            (
                ("id = \"one\"", "id = true"),
                "valeur du mauvais type : la valeur `true`, alors qu’il faut un texte entre guillemets",
            ),
            (
                ("id = \"one\"", "id = [\"one\"]"),
                "valeur du mauvais type : une liste, alors qu’il faut un texte entre guillemets",
            ),
        ];
        let mut wrong = Vec::new();
        for ((from, to), fr) in cases {
            assert!(PACK.contains(from), "{from}");
            let got = data_of(&PACK.replacen(from, to, 1));
            if got.len() != 1 || got[0].0 != fr || got[0].0.contains(DATA_FRAME) {
                wrong.push(format!("{to}\n  expected {fr}\n  got      {got:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        // The date's message no longer names an internal type.
        let got = data_of(&PACK.replacen("reviewed = 2026-11-01\ntitle", "reviewed = 2026\ntitle", 1));
        assert_eq!(got[0].1, "invalid date — expected a date like 2026-11-01");
    }

    #[test]
    fn serde_messages_become_suggestions() {
        let en = |m: &str| data(m).en;
        let fr = |m: &str| data(m).fr;
        let tittle = "unknown field `tittle`, expected one of `id`, `title`, `why`";
        assert_eq!(en(tittle), "unknown key `tittle` — did you mean `title`?");
        assert_eq!(fr(tittle), "clé inconnue `tittle` — vouliez-vous dire `title` ?");
        let check = "unknown variant `browser_instaled`, expected one of `manual`, `browser_installed`";
        assert_eq!(en(check), "unknown check `browser_instaled` — did you mean `browser_installed`?");
        assert_eq!(
            fr(check),
            "vérification inconnue `browser_instaled` — vouliez-vous dire `browser_installed` ?"
        );
        assert_eq!(en("unknown field `zzz`, expected `id`"), "unknown key `zzz` — expected one of `id`");
        assert_eq!(fr("unknown field `zzz`, expected `id`"), "clé inconnue `zzz` — possibles : `id`");
        assert_eq!(en("missing field `id`"), "missing key `id`");
        assert_eq!(fr("missing field `id`"), "clé manquante `id`");
        let date = "invalid date `2026-02-30` — expected a date like 2026-11-01";
        assert_eq!(en(date), date);
        assert_eq!(fr(date), "date invalide `2026-02-30` — une date s’écrit comme 2026-11-01");
        let famly = "unexpected keys in table: famly, available keys: family, apps";
        assert_eq!(en(famly), "unknown key `famly` — did you mean `family`?");
        let famly_fr = "clé inconnue `famly` — vouliez-vous dire `family` ?";
        assert_eq!(data("unexpected keys in table: famly, available keys: family, apps").fr, famly_fr);
    }
}
