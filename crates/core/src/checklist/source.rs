//! Reading a TOML file so that every mistake can be pointed at: `file:line:col: message`.
//!
//! A volunteer writing a pack should see all of their typos at once, each with its place. So a document is
//! parsed once into a tree that remembers where every value came from; each independent part (the pack
//! header, each step, each app…) is then deserialised on its own, so one broken step does not hide the
//! errors of the next one. The reader's and serde's messages are said again for people, in French and in
//! English (`reword`: "unknown key `tittle` — did you mean `title`?").
//!
//! A file is read by [`read_file`], the same way for a pack and for reference data: a FIFO is refused
//! without being opened, a file too large without being read, and bytes that are not UTF-8 are a problem
//! of the file, pointed at like any other.
//!
//! This module knows nothing of packs or reference data: it turns text into typed values and positions.

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;
use ts_rs::TS;

use super::{reword, ChecklistError};
use crate::files::{self, ReadError};
use crate::i18n::{typeset, Lang};

/// One problem found in a checklist file, with its position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Diagnostic {
    /// The file as the person named it (or `builtin:premiers-pas.toml` for the shipped files).
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
    /// What is wrong and, when we can tell, what was expected.
    pub message: String,
    /// The same in French, when it is written (the command line speaks the volunteer's language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub message_fr: Option<String>,
}

impl Diagnostic {
    /// A problem at line 1, column 1 of `file`.
    pub fn at_start(file: impl Into<String>, message: Said) -> Diagnostic {
        let Said { en, fr } = message;
        Diagnostic { file: file.into(), line: 1, col: 1, message: en, message_fr: Some(fr) }
    }

    /// `file:line:col: message` in `lang` (English when there is no French), the message set in the
    /// typography of its language; the file's name is kept as it is written.
    pub fn in_lang(&self, lang: Lang) -> String {
        let message = match (lang, &self.message_fr) {
            (Lang::Fr, Some(fr)) => typeset(fr, Lang::Fr),
            _ => Cow::Borrowed(self.message.as_str()),
        };
        format!("{}:{}:{}: {message}", self.file, self.line, self.col)
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.col, self.message)
    }
}

/// A diagnostic's words, in French and in English. There is no other way to make one than [`said`]: a
/// problem the checker finds is never said in English only.
#[derive(Debug, Clone)]
pub struct Said {
    pub(crate) en: String,
    pub(crate) fr: String,
}

/// Words in French and in English.
pub(crate) fn said(fr: impl Into<String>, en: impl Into<String>) -> Said {
    Said { en: en.into(), fr: fr.into() }
}

/// Reads a checklist file of at most `max_bytes`, as text. Not a regular file, or not readable: a
/// [`ChecklistError::Read`]; too large, or not UTF-8: a problem of the file, at its start.
pub(crate) fn read_file(path: &Path, max_bytes: u64) -> Result<String, ChecklistError> {
    let name = path.display().to_string();
    let bytes = match files::read_regular(path, max_bytes) {
        Ok(bytes) => bytes,
        Err(ReadError::TooLarge { bytes }) => {
            let message = said(
                format!("ce fichier est trop gros pour être un fichier de parcours ({bytes} octets, au plus {max_bytes})"),
                format!("this file is too large to be a checklist file ({bytes} bytes, at most {max_bytes})"),
            );
            return Err(ChecklistError::Invalid(vec![Diagnostic::at_start(name, message)]));
        }
        Err(e) => return Err(ChecklistError::Read { path: name, source: e.into_io() }),
    };
    String::from_utf8(bytes).map_err(|_| ChecklistError::Invalid(vec![not_utf8(&name)]))
}

/// The problem of a file whose bytes are not UTF-8 text.
pub(crate) fn not_utf8(file: &str) -> Diagnostic {
    Diagnostic::at_start(
        file,
        said(
            "ce fichier n’est pas du texte UTF-8 : enregistrez-le en UTF-8",
            "this file is not UTF-8 text: save it as UTF-8",
        ),
    )
}

/// One step into a TOML tree, to find where a value sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

/// A path into a TOML tree: `step[2].links[0].url`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TomlPath(pub(crate) Vec<Seg>);

impl TomlPath {
    pub(crate) fn key(&self, key: &str) -> TomlPath {
        let mut next = self.clone();
        next.0.push(Seg::Key(key.to_owned()));
        next
    }

    pub(crate) fn index(&self, index: usize) -> TomlPath {
        let mut next = self.clone();
        next.0.push(Seg::Index(index));
        next
    }
}

/// A TOML file being read: its name, its text, and where its lines start.
#[derive(Debug)]
pub(crate) struct Source<'a> {
    pub(crate) name: String,
    pub(crate) text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Source<'a> {
    pub(crate) fn new(name: impl Into<String>, text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Source { name: name.into(), text, line_starts }
    }

    /// Line and column (1-based, column in characters) of a byte offset.
    pub(crate) fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset).saturating_sub(1);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let col = self.text.get(start..offset).map(|s| s.chars().count()).unwrap_or(0);
        (u32::try_from(line + 1).unwrap_or(u32::MAX), u32::try_from(col + 1).unwrap_or(u32::MAX))
    }

    pub(crate) fn diag(&self, span: Range<usize>, message: Said) -> Diagnostic {
        let (line, col) = self.position(span.start);
        let Said { en, fr } = message;
        Diagnostic { file: self.name.clone(), line, col, message: en, message_fr: Some(fr) }
    }

    /// Parses the whole document (syntax only), and refuses one nested deeper than [`MAX_NESTING`]
    /// before anything walks it recursively.
    pub(crate) fn parse(&self) -> Result<Spanned<DeTable<'a>>, Diagnostic> {
        let doc = DeTable::parse(self.text)
            .map_err(|e| self.diag(e.span().unwrap_or(0..0), reword::syntax(e.message())))?;
        match too_deep(doc.get_ref()) {
            None => Ok(doc),
            Some(span) => {
                dismantle(doc.into_inner());
                Err(self.diag(
                    span,
                    said(
                        format!("trop de niveaux imbriqués (plus de {MAX_NESTING} tables ou listes l’une dans l’autre)"),
                        format!("nested too deeply (more than {MAX_NESTING} tables or arrays inside one another)"),
                    ),
                ))
            }
        }
    }

    /// Deserialises one part of the document into a typed value.
    pub(crate) fn deserialize<T: DeserializeOwned>(
        &self,
        value: Spanned<DeValue<'a>>,
    ) -> Result<T, Diagnostic> {
        let span = value.span();
        T::deserialize(ValueDeserializer::from(value))
            .map_err(|e| self.diag(e.span().unwrap_or(span), reword::data(e.message())))
    }

    /// The span of the value at `path` under `root`, or of the deepest part of the path that exists.
    pub(crate) fn span_of(root: &Spanned<DeValue<'a>>, path: &TomlPath) -> Range<usize> {
        let mut current = root;
        for seg in &path.0 {
            let next = match (seg, current.get_ref()) {
                (Seg::Key(k), DeValue::Table(t)) => t.get(k.as_str()),
                (Seg::Index(i), DeValue::Array(a)) => a.get(*i),
                _ => None,
            };
            match next {
                Some(v) => current = v,
                None => break,
            }
        }
        current.span()
    }
}

/// Deepest nesting of tables and arrays a checklist file may have (a pack is four deep). The TOML reader
/// accepts thousands of levels (inline tables of dotted keys inside one another: 12 KB of text), and
/// copying or dropping such a tree, which recurses, overflows the stack and ends the program.
pub(crate) const MAX_NESTING: usize = 32;

/// The span of the first value nested deeper than [`MAX_NESTING`], if any. Walks with a stack of its own.
fn too_deep(root: &DeTable<'_>) -> Option<Range<usize>> {
    let mut todo: Vec<(&Spanned<DeValue<'_>>, usize)> = root.values().map(|v| (v, 1)).collect();
    while let Some((value, depth)) = todo.pop() {
        if depth > MAX_NESTING {
            return Some(value.span());
        }
        match value.get_ref() {
            DeValue::Table(table) => todo.extend(table.values().map(|v| (v, depth + 1))),
            DeValue::Array(array) => todo.extend(array.iter().map(|v| (v, depth + 1))),
            _ => {}
        }
    }
    None
}

/// Drops a tree of any depth without recursing: each value gives up its children before it goes.
fn dismantle(root: DeTable<'_>) {
    let mut todo: Vec<Spanned<DeValue<'_>>> = root.into_iter().map(|(_, v)| v).collect();
    while let Some(value) = todo.pop() {
        match value.into_inner() {
            DeValue::Table(table) => todo.extend(table.into_iter().map(|(_, v)| v)),
            DeValue::Array(array) => todo.extend(array),
            _ => {}
        }
    }
}

/// The closest of `candidates` to `word`, when it is close enough to be a likely typo.
pub(crate) fn suggest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// A document made of a few header keys and one list of tables (`[[step]]`, `[[app]]`…).
#[derive(Debug)]
pub(crate) struct ListDoc<'a, H, T> {
    /// The header keys, when they deserialised.
    pub(crate) header: Option<H>,
    /// Each list entry that deserialised, with its index in the list.
    pub(crate) items: Vec<(usize, T)>,
    /// The whole document, to find positions for later checks.
    pub(crate) root: Spanned<DeValue<'a>>,
}

impl<'a> Source<'a> {
    /// Parses a list document, deserialising the header and each entry on its own so that every broken
    /// entry is reported, not only the first.
    pub(crate) fn load_list<H: DeserializeOwned, T: DeserializeOwned>(
        &self,
        list_key: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<ListDoc<'a, H, T>> {
        let doc = match self.parse() {
            Ok(doc) => doc,
            Err(d) => {
                diags.push(d);
                return None;
            }
        };
        let span = doc.span();
        let root = Spanned::new(span.clone(), DeValue::Table(doc.get_ref().clone()));
        let mut table = doc.into_inner();
        let list = table.remove(list_key);
        let header = match self.deserialize::<H>(Spanned::new(span.clone(), DeValue::Table(table))) {
            Ok(h) => Some(h),
            Err(d) => {
                diags.push(d);
                None
            }
        };
        let mut items = Vec::new();
        match list.map(|l| (l.span(), l.into_inner())) {
            None => diags.push(self.diag(
                span.start..span.start,
                said(
                    format!("aucune entrée `[[{list_key}]]` trouvée"),
                    format!("no `[[{list_key}]]` entry found"),
                ),
            )),
            Some((_, DeValue::Array(array))) => {
                for (index, value) in array.iter().enumerate() {
                    match self.deserialize::<T>(value.clone()) {
                        Ok(item) => items.push((index, item)),
                        Err(d) => diags.push(d),
                    }
                }
            }
            Some((list_span, _)) => diags.push(self.diag(
                list_span,
                said(
                    format!("`{list_key}` doit être une liste de tables : `[[{list_key}]]`"),
                    format!("`{list_key}` must be a list of tables: `[[{list_key}]]`"),
                ),
            )),
        }
        Some(ListDoc { header, items, root })
    }
}

/// A date written `2026-11-01` (a TOML date, or a string in that form), used for `reviewed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(export, type = "string")]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking the day exists.
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// A date, if it exists in the calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year >= 1970 && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Toml(toml::value::Datetime),
            Text(String),
            // Anything else (`reviewed = 2026`) is a wrong date too, said as such rather than as serde's
            // "did not match any variant" with this type's name.
            Other(serde::de::IgnoredAny),
        }
        let bad = |s: &str| {
            serde::de::Error::custom(format!("invalid date `{s}` — expected a date like 2026-11-01"))
        };
        match Raw::deserialize(deserializer)? {
            Raw::Toml(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    Date::new(d.year, d.month, d.day).ok_or_else(|| bad(&dt.to_string()))
                }
                _ => Err(bad(&dt.to_string())),
            },
            Raw::Text(s) => Date::parse(&s).ok_or_else(|| bad(&s)),
            Raw::Other(_) => Err(serde::de::Error::custom("invalid date — expected a date like 2026-11-01")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let src = Source::new("x.toml", "a = 1\nété = \"x\"\n");
        assert_eq!(src.position(0), (1, 1));
        assert_eq!(src.position(6), (2, 1));
        let offset = src.text.find('=').map(|_| src.text.rfind('=').unwrap_or(0)).unwrap_or(0);
        assert_eq!(src.position(offset), (2, 5));
    }

    #[test]
    fn only_the_message_is_set_in_french_typography_never_the_file_name() {
        let d = Diagnostic {
            file: "Parcours ! x ;y.toml".into(),
            line: 2,
            col: 3,
            message: "bad: x".into(),
            message_fr: Some("mauvais : « x »".into()),
        };
        assert_eq!(d.in_lang(Lang::Fr), "Parcours ! x ;y.toml:2:3: mauvais\u{202F}: «\u{202F}x\u{202F}»");
        assert_eq!(d.in_lang(Lang::En), "Parcours ! x ;y.toml:2:3: bad: x");
        let english_only = Diagnostic { message_fr: None, ..d };
        assert_eq!(english_only.in_lang(Lang::Fr), "Parcours ! x ;y.toml:2:3: bad: x");
    }

    #[test]
    fn dates_must_exist() {
        assert_eq!(Date::parse("2026-11-01").map(|d| d.to_string()).as_deref(), Some("2026-11-01"));
        assert!(Date::parse("2026-02-30").is_none());
        assert!(Date::parse("2028-02-29").is_some());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("26-11-01").is_none());
    }
}
