//! Languages and translated text.
//!
//! Premiers Pas speaks French first and English too. Content (checklist packs, reference data) carries its
//! own translations as [`Text`]; the engine's own sentences (reasons, problems) are rendered for a
//! [`Lang`] by the module that produces them. Any other language a pack offers falls back to English.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Every language the interface is written in, French first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The two-letter code (`fr`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// French when a BCP 47 / POSIX locale starts with `fr` (`fr-FR`, `fr_BE.UTF-8`), English otherwise.
    pub fn from_locale(locale: &str) -> Lang {
        let lower = locale.trim().to_ascii_lowercase();
        if lower == "fr" || lower.starts_with("fr-") || lower.starts_with("fr_") || lower.starts_with("fr.") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// Parses `fr` or `en` (case-insensitive).
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::parse(s).ok_or_else(|| format!("unknown language `{s}` (expected fr or en)"))
    }
}

/// A text in several languages, keyed by language code (`fr`, `en`, and any other a pack adds).
///
/// Serialised as a plain object (`{"fr": "…", "en": "…"}`): serde writes a newtype as its content.
/// Lookups fall back to English, then to French, so a partial translation never shows an empty string.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export, type = "Record<string, string>")]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// A text with the two required languages.
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Self {
        let mut map = BTreeMap::new();
        map.insert("fr".to_owned(), fr.into());
        map.insert("en".to_owned(), en.into());
        Text(map)
    }

    /// The text in `lang`, else English, else French, else empty.
    pub fn get(&self, lang: Lang) -> &str {
        self.get_code(lang.code())
    }

    /// The text for any language code, with the same fallbacks as [`Text::get`].
    pub fn get_code(&self, code: &str) -> &str {
        self.0
            .get(code)
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.get("fr"))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The text in `lang` (same fallbacks as [`Text::get`]), set in the typography of the language it is
    /// actually written in (see [`typeset`]).
    pub fn render(&self, lang: Lang) -> Cow<'_, str> {
        let code = [lang.code(), "en", "fr"].into_iter().find(|c| self.0.contains_key(*c));
        let written_in = code.and_then(Lang::parse).unwrap_or(lang);
        typeset(self.get(lang), written_in)
    }

    /// The required languages that are missing or blank.
    pub fn missing(&self) -> Vec<Lang> {
        Lang::ALL.into_iter().filter(|l| self.0.get(l.code()).is_none_or(|s| s.trim().is_empty())).collect()
    }
}

/// The narrow no-break space French typography puts before `:` `;` `?` `!` `»` and after `«`.
pub const NARROW_NBSP: char = '\u{202F}';

/// The value `input` names among `(name, other spellings, value)`, whatever its case and the spaces
/// around it: the one reading of the options a person types (`--os mac`, `--format md`).
pub fn spelled<T: Copy>(input: &str, spellings: &[(&str, &[&str], T)]) -> Option<T> {
    let input = input.trim().to_ascii_lowercase();
    spellings.iter().find(|(name, others, _)| *name == input || others.contains(&input.as_str())).map(|s| s.2)
}

/// `text` set in the typography of `lang`. In French, the plain or no-break space before `:` `;` `?` `!`
/// and `»`, and after `«`, becomes a narrow no-break space, so that a line never starts with `: ni nom`
/// or ends with `«`. Only a space that is there changes: `https://`, `12:30` or `x?y` stay as they are.
/// English text is returned untouched. Applying it twice changes nothing.
pub fn typeset(text: &str, lang: Lang) -> Cow<'_, str> {
    let is_space = |c: char| c == ' ' || c == '\u{A0}';
    let needs = |prev: char, c: char| {
        (is_space(prev) && matches!(c, ':' | ';' | '?' | '!' | '»')) || (prev == '«' && is_space(c))
    };
    let chars: Vec<char> = text.chars().collect();
    let changes = lang == Lang::Fr && chars.windows(2).any(|w| needs(w[0], w[1]));
    if !changes {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let before_mark = is_space(c) && chars.get(i + 1).is_some_and(|&n| needs(c, n));
        let after_quote = is_space(c) && i > 0 && chars[i - 1] == '«';
        out.push(if before_mark || after_quote { NARROW_NBSP } else { c });
    }
    Cow::Owned(out)
}

/// A day as the language writes it in a sentence: "26 novembre 2026", "1er décembre 2026" (French writes
/// the first of the month as an ordinal), "26 November 2026"; the day never left alone at a line's end.
pub fn long_date(date: jiff::civil::Date, lang: Lang) -> String {
    let month = month_name(u8::try_from(date.month()).unwrap_or(1), lang);
    match lang {
        Lang::Fr if date.day() == 1 => format!("1er\u{a0}{month} {}", date.year()),
        _ => format!("{}\u{a0}{month} {}", date.day(), date.year()),
    }
}

/// A month's name, 1 to 12, as the language writes it inside a sentence ("novembre", "November").
pub fn month_name(month: u8, lang: Lang) -> &'static str {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let i = usize::from(month.clamp(1, 12)) - 1;
    match lang {
        Lang::Fr => FR[i],
        Lang::En => EN[i],
    }
}

/// The day and time of `ms` (milliseconds since the Unix epoch) where this computer is, as people write
/// them: "26 novembre 2026 à 14 h 05", "26 November 2026, 14:05".
pub fn local_date_time(ms: u64, lang: Lang) -> String {
    date_time_in(ms, &jiff::tz::TimeZone::system(), lang)
}

fn date_time_in(ms: u64, zone: &jiff::tz::TimeZone, lang: Lang) -> String {
    let at = jiff::Timestamp::from_millisecond(i64::try_from(ms).unwrap_or(i64::MAX))
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned(zone.clone());
    let day = long_date(at.date(), lang);
    match lang {
        Lang::Fr => format!("{day} à {}\u{a0}h\u{a0}{:02}", at.hour(), at.minute()),
        Lang::En => format!("{day}, {:02}:{:02}", at.hour(), at.minute()),
    }
}

/// The person's day at `ms` since the epoch: in the system's time zone, so that a report made at half
/// past midnight in Paris carries that day, not the day before (UTC when the zone cannot be known).
pub fn local_day(ms: u64) -> jiff::civil::Date {
    day_in(ms, &jiff::tz::TimeZone::system())
}

fn day_in(ms: u64, zone: &jiff::tz::TimeZone) -> jiff::civil::Date {
    let at = jiff::Timestamp::from_millisecond(i64::try_from(ms).unwrap_or(i64::MAX))
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    at.to_zoned(zone.clone()).date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_option_is_read_by_its_name_or_another_spelling_whatever_its_case() {
        use crate::{report::ReportFormat, OsFamily};
        assert_eq!(spelled(" Mac ", OsFamily::SPELLINGS), Some(OsFamily::Macos));
        assert_eq!(spelled("WINDOWS", OsFamily::SPELLINGS), Some(OsFamily::Windows));
        assert_eq!(spelled("md", ReportFormat::SPELLINGS), Some(ReportFormat::Markdown));
        assert_eq!(spelled("other", OsFamily::SPELLINGS), None, "not a name a person gives");
        assert_eq!("darwin".parse::<OsFamily>(), Ok(OsFamily::Macos));
        assert_eq!(
            "pdf".parse::<ReportFormat>().unwrap_err(),
            "unknown report format `pdf` (expected html, markdown or json)"
        );
    }

    #[test]
    fn a_date_and_time_is_written_where_the_person_is() {
        // 2026-11-26 22:51 UTC is 23:51 in Paris in winter, and 1 December 2026 00:05 UTC is 01:05 there.
        let paris = jiff::tz::TimeZone::fixed(jiff::tz::offset(1));
        assert_eq!(
            date_time_in(1_795_733_460_000, &paris, Lang::Fr),
            "26\u{a0}novembre 2026 à 23\u{a0}h\u{a0}51"
        );
        assert_eq!(date_time_in(1_795_733_460_000, &paris, Lang::En), "26\u{a0}November 2026, 23:51");
        assert_eq!(
            date_time_in(1_796_083_500_000, &paris, Lang::Fr),
            "1er\u{a0}décembre 2026 à 1\u{a0}h\u{a0}05"
        );
    }

    #[test]
    fn french_locales_pick_french() {
        for l in ["fr", "fr-FR", "fr_BE.UTF-8", "FR-ca", "fr.UTF-8"] {
            assert_eq!(Lang::from_locale(l), Lang::Fr, "{l}");
        }
        for l in ["en-US", "de-DE", "", "C", "POSIX", "frisian"] {
            assert_eq!(Lang::from_locale(l), Lang::En, "{l}");
        }
    }

    #[test]
    fn french_typography_keeps_punctuation_with_its_word() {
        let n = NARROW_NBSP;
        assert_eq!(
            typeset("Pas de compte : ni nom ; rien !", Lang::Fr),
            format!("Pas de compte{n}: ni nom{n}; rien{n}!")
        );
        assert_eq!(typeset("Vous êtes là ?", Lang::Fr), format!("Vous êtes là{n}?"));
        assert_eq!(typeset("cliquez « Ajouter »", Lang::Fr), format!("cliquez «{n}Ajouter{n}»"));
        // A no-break space already there becomes the narrow one.
        assert_eq!(typeset("Oui\u{A0}!", Lang::Fr), format!("Oui{n}!"));
    }

    #[test]
    fn french_typography_leaves_addresses_times_and_english_alone() {
        for untouched in
            ["https://entraide.chatons.org/", "à 12:30", "C:\\Users\\lucas", "id=x?y!z", "«Firefox»", ""]
        {
            assert!(matches!(typeset(untouched, Lang::Fr), Cow::Borrowed(_)), "{untouched:?}");
        }
        assert!(matches!(typeset("In short : yes « no »", Lang::En), Cow::Borrowed(_)));
        // Only the space before the colon changes, never the address after it.
        assert_eq!(
            typeset("Essayer sans compte : https://entraide.chatons.org/", Lang::Fr),
            format!("Essayer sans compte{}: https://entraide.chatons.org/", NARROW_NBSP)
        );
    }

    #[test]
    fn french_typography_is_idempotent() {
        let once = typeset("Ah : « oui » ? Non !", Lang::Fr).into_owned();
        assert_eq!(typeset(&once, Lang::Fr), once);
    }

    #[test]
    fn rendered_text_follows_the_language_it_is_written_in() {
        let t = Text::new("Oui : non", "Yes : no");
        assert_eq!(t.render(Lang::Fr), format!("Oui{}: non", NARROW_NBSP));
        assert_eq!(t.render(Lang::En), "Yes : no");
        let mut only_fr = Text::default();
        only_fr.0.insert("fr".into(), "Oui : non".into());
        assert_eq!(only_fr.render(Lang::En), format!("Oui{}: non", NARROW_NBSP));
    }

    #[test]
    fn text_falls_back_to_english_then_french() {
        let t = Text::new("Bonjour", "Hello");
        assert_eq!(t.get(Lang::Fr), "Bonjour");
        assert_eq!(t.get_code("de"), "Hello");
        let mut only_fr = Text::default();
        only_fr.0.insert("fr".into(), "Salut".into());
        assert_eq!(only_fr.get(Lang::En), "Salut");
        assert_eq!(only_fr.missing(), vec![Lang::En]);
    }

    #[test]
    fn days_are_written_as_each_language_writes_them() {
        let d = |y, m, day| jiff::civil::date(y, m, day);
        assert_eq!(long_date(d(2026, 11, 26), Lang::Fr), "26\u{a0}novembre 2026");
        assert_eq!(long_date(d(2026, 12, 1), Lang::Fr), "1er\u{a0}décembre 2026");
        assert_eq!(long_date(d(2026, 2, 1), Lang::En), "1\u{a0}February 2026");
        assert_eq!(long_date(d(2026, 8, 15), Lang::En), "15\u{a0}August 2026");
    }

    #[test]
    fn the_day_is_the_persons_own() {
        // 23:30 UTC on 25 November is already the 26th in Paris (UTC+1), still the 25th in UTC.
        let ms = 1_795_649_400_000;
        let paris = jiff::tz::TimeZone::fixed(jiff::tz::offset(1));
        assert_eq!(day_in(ms, &paris), jiff::civil::date(2026, 11, 26));
        assert_eq!(day_in(ms, &jiff::tz::TimeZone::UTC), jiff::civil::date(2026, 11, 25));
    }
}
