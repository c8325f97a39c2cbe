//! A reader for `.properties` files as `java.util.Properties` reads them, with the quirks of real
//! ChatonsInfos files.
//!
//! It turns bytes into ordered key/value pairs and nothing more: comments, blank lines, the three
//! separators, line continuations and escapes are handled here; quotes around values, `<br/>`, dates and
//! comma decimals are readings of a *value* and live in `values`. It never fails: whatever the bytes, the
//! result is the pairs that could be read (a malformed escape is kept as text), which is what a tolerant
//! crawler of files written by hand needs.

use std::collections::HashMap;

/// How the bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Valid UTF-8 (a leading byte-order mark is dropped).
    Utf8,
    /// Not valid UTF-8: read as Latin-1 — Java's historical default for `.properties` — in its
    /// Windows-1252 form, as browsers read Latin-1: a file typed on Windows has its apostrophes (’),
    /// quotes (“ ”) and euro signs there, where plain Latin-1 has invisible control characters. A file
    /// that is mostly UTF-8 with a few stray bytes keeps its UTF-8, only those bytes read as Latin-1.
    Latin1,
}

/// The pairs of one file, in file order. A key given twice keeps its last value, as in Java.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Properties {
    entries: Vec<(String, String)>,
    index: HashMap<String, usize>,
}

impl Properties {
    /// Reads a file's bytes: UTF-8 when valid, else as [`Encoding::Latin1`] says.
    pub fn parse_bytes(bytes: &[u8]) -> (Properties, Encoding) {
        match std::str::from_utf8(bytes) {
            Ok(text) => (Properties::parse(text.strip_prefix('\u{feff}').unwrap_or(text)), Encoding::Utf8),
            Err(_) => {
                // A UTF-8 file with a few stray bytes, or a Latin-1 file where some accented letters happen
                // to read as UTF-8 ("é »" does)? A byte-order mark says UTF-8; else whichever the bytes
                // say more often.
                let (bytes, marked) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
                    Some(rest) => (rest, true),
                    None => (bytes, false),
                };
                let (mut letters, mut stray) = (0, 0);
                for chunk in bytes.utf8_chunks() {
                    letters += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
                    stray += chunk.invalid().len();
                }
                let text: String = if !marked && stray > letters {
                    bytes.iter().map(|&b| windows_1252(b)).collect()
                } else {
                    let mut text = String::with_capacity(bytes.len());
                    for chunk in bytes.utf8_chunks() {
                        text.push_str(chunk.valid());
                        text.extend(chunk.invalid().iter().map(|&b| windows_1252(b)));
                    }
                    text
                };
                (Properties::parse(&text), Encoding::Latin1)
            }
        }
    }

    /// Reads the text of a `.properties` file.
    pub fn parse(text: &str) -> Properties {
        let mut props = Properties::default();
        let mut lines = natural_lines(text);
        while let Some(first) = lines.next() {
            let first = trim_start_blank(first);
            if first.is_empty() || first.starts_with('#') || first.starts_with('!') {
                continue;
            }
            let mut logical = String::from(first);
            // Only the last physical line's backslashes decide, as in Java: the ones left of a joined
            // line are even in number, so they never change the answer, and counting them again at
            // each line would make a file of lines of backslashes quadratic to read.
            let mut last = first;
            while ends_with_odd_backslashes(last) {
                logical.pop();
                match lines.next() {
                    Some(next) => {
                        last = trim_start_blank(next);
                        logical.push_str(last);
                    }
                    None => break,
                }
            }
            let (key, value) = split_key_value(&logical);
            props.insert(unescape(key), unescape(value));
        }
        props
    }

    /// Builds a set of pairs directly (used when a stored copy is read back).
    pub fn from_pairs<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Properties {
        let mut props = Properties::default();
        for (k, v) in pairs {
            props.insert(k, v);
        }
        props
    }

    fn insert(&mut self, key: String, value: String) {
        match self.index.get(&key) {
            Some(&i) => {
                if let Some(slot) = self.entries.get_mut(i) {
                    slot.1 = value;
                }
            }
            None => {
                self.index.insert(key.clone(), self.entries.len());
                self.entries.push((key, value));
            }
        }
    }

    /// The raw value of a key (escapes resolved, nothing else done).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.index.get(key).and_then(|&i| self.entries.get(i)).map(|(_, v)| v.as_str())
    }

    /// Every pair, in the order keys first appeared.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The pairs whose key starts with `prefix` followed by a dot, with the rest of the key.
    pub fn section<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.iter().filter_map(move |(k, v)| {
            k.strip_prefix(prefix).and_then(|rest| rest.strip_prefix('.')).map(|rest| (rest, v))
        })
    }

    /// How many distinct keys.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// No key at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The same pairs without those `keep` refuses (used to drop bulky `metrics.*` before storing).
    pub fn retain(&self, keep: impl Fn(&str) -> bool) -> Properties {
        Properties::from_pairs(
            self.iter().filter(|(k, _)| keep(k)).map(|(k, v)| (k.to_owned(), v.to_owned())),
        )
    }

    /// The pairs, owned, in order.
    pub fn into_pairs(self) -> Vec<(String, String)> {
        self.entries
    }
}

/// Splits on `\n`, `\r\n` and lone `\r`, as `Properties.load` does.
fn natural_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match rest.find(['\n', '\r']) {
            Some(i) => {
                let line = &rest[..i];
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[i + skip..];
                Some(line)
            }
            None => {
                let line = rest;
                rest = "";
                Some(line)
            }
        }
    })
}

/// Java's blanks in a properties file: space, tab and form feed.
fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{c}')
}

fn trim_start_blank(s: &str) -> &str {
    s.trim_start_matches(is_blank)
}

/// A byte of a Latin-1 file as Windows-1252 reads it: 0x80–0x9F are the typographic signs Windows
/// editors write there (five are unassigned and stay control characters, which values drop), the rest
/// is Latin-1 itself.
fn windows_1252(byte: u8) -> char {
    const C1: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => C1[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

fn ends_with_odd_backslashes(s: &str) -> bool {
    s.chars().rev().take_while(|&c| c == '\\').count() % 2 == 1
}

/// Key up to the first unescaped `=`, `:` or blank; then blanks, at most one `=` or `:`, blanks.
fn split_key_value(line: &str) -> (&str, &str) {
    let mut escaped = false;
    let mut key_end = line.len();
    for (i, c) in line.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        if c == '\\' {
            escaped = true;
        } else if c == '=' || c == ':' || is_blank(c) {
            key_end = i;
            break;
        }
    }
    let key = &line[..key_end];
    let mut rest = trim_start_blank(&line[key_end..]);
    if let Some(after) = rest.strip_prefix(['=', ':']) {
        rest = trim_start_blank(after);
    }
    (key, rest)
}

/// Resolves `\uXXXX`, `\t`, `\n`, `\r`, `\f` and `\x` → `x`. A malformed `\u` keeps its text.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut pending_high: Option<u16> = None;
    while let Some(c) = chars.next() {
        if c != '\\' {
            flush_surrogate(&mut out, &mut pending_high);
            out.push(c);
            continue;
        }
        let Some(next) = chars.next() else { break };
        if next == 'u' {
            let hex: String = chars.clone().take(4).collect();
            match (hex.len() == 4).then(|| u16::from_str_radix(&hex, 16).ok()).flatten() {
                Some(unit) => {
                    for _ in 0..4 {
                        chars.next();
                    }
                    push_utf16_unit(&mut out, &mut pending_high, unit);
                }
                None => {
                    flush_surrogate(&mut out, &mut pending_high);
                    out.push('u');
                }
            }
            continue;
        }
        flush_surrogate(&mut out, &mut pending_high);
        out.push(match next {
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            'f' => '\u{c}',
            other => other,
        });
    }
    flush_surrogate(&mut out, &mut pending_high);
    out
}

/// `\uD83D\uDE00` is one character: pair surrogates, and replace a lone one.
fn push_utf16_unit(out: &mut String, pending_high: &mut Option<u16>, unit: u16) {
    match unit {
        0xD800..=0xDBFF => {
            flush_surrogate(out, pending_high);
            *pending_high = Some(unit);
        }
        0xDC00..=0xDFFF => match pending_high.take() {
            Some(high) => {
                let code = 0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            None => out.push(char::REPLACEMENT_CHARACTER),
        },
        _ => {
            flush_surrogate(out, pending_high);
            out.push(char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
    }
}

fn flush_surrogate(out: &mut String, pending_high: &mut Option<u16>) {
    if pending_high.take().is_some() {
        out.push(char::REPLACEMENT_CHARACTER);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn one(text: &str) -> Vec<(String, String)> {
        Properties::parse(text).into_pairs()
    }

    fn pair(k: &str, v: &str) -> (String, String) {
        (k.to_owned(), v.to_owned())
    }

    #[test]
    fn comments_and_blank_lines_are_ignored() {
        let p = one("# a comment\n! another\n\n   \n  # indented comment\nkey=value\n");
        assert_eq!(p, vec![pair("key", "value")]);
    }

    #[test]
    fn a_comment_line_ending_in_backslash_does_not_continue() {
        let p = one("# comment \\\nkey=value");
        assert_eq!(p, vec![pair("key", "value")]);
    }

    #[test]
    fn the_three_separators_and_blanks_around_them() {
        let p = one("a=1\nb:2\nc 3\nd  =  4\ne\t:\t5\nf = = 6\ng\n");
        assert_eq!(
            p,
            vec![
                pair("a", "1"),
                pair("b", "2"),
                pair("c", "3"),
                pair("d", "4"),
                pair("e", "5"),
                pair("f", "= 6"),
                pair("g", ""),
            ]
        );
    }

    #[test]
    fn first_unescaped_separator_splits() {
        let p = one("url = https://example.org:8443/a=b\nescaped\\=key = v\nspace\\ key = w");
        assert_eq!(
            p,
            vec![
                pair("url", "https://example.org:8443/a=b"),
                pair("escaped=key", "v"),
                pair("space key", "w")
            ]
        );
    }

    #[test]
    fn trailing_blanks_of_a_value_are_kept() {
        assert_eq!(one("k = v  "), vec![pair("k", "v  ")]);
    }

    #[test]
    fn odd_backslashes_continue_the_line_and_drop_leading_blanks() {
        let p = one("k = one \\\n     two\\\n\tthree\nother = x");
        assert_eq!(p, vec![pair("k", "one twothree"), pair("other", "x")]);
    }

    #[test]
    fn even_backslashes_do_not_continue() {
        let p = one("k = path\\\\\nnext = y");
        assert_eq!(p, vec![pair("k", "path\\"), pair("next", "y")]);
    }

    #[test]
    fn lines_of_backslashes_join_as_in_java() {
        // `a\\\` continues (two backslashes kept), `\\\` continues again, `\\` does not.
        let p = one("k = a\\\\\\\n\\\\\\\n\\\\\nnext = y");
        assert_eq!(p, vec![pair("k", "a\\\\\\"), pair("next", "y")]);
    }

    #[test]
    fn continuation_at_end_of_file_is_harmless() {
        assert_eq!(one("k = v\\"), vec![pair("k", "v")]);
    }

    #[test]
    fn all_line_endings_are_accepted() {
        let p = one("a=1\r\nb=2\rc=3\nd=4");
        assert_eq!(p, vec![pair("a", "1"), pair("b", "2"), pair("c", "3"), pair("d", "4")]);
    }

    #[test]
    fn escapes_are_resolved() {
        let p = one(r"k = l\'April \u00e9t\u00E9\ttab\nnl\rcr\ff\\ \:\=\#");
        assert_eq!(p, vec![pair("k", "l'April été\ttab\nnl\rcr\u{c}f\\ :=#")]);
    }

    #[test]
    fn surrogate_pairs_make_one_character_and_lone_ones_are_replaced() {
        assert_eq!(one(r"k = \uD83D\uDE00"), vec![pair("k", "😀")]);
        assert_eq!(one(r"k = \uD83Dx"), vec![pair("k", "\u{fffd}x")]);
        assert_eq!(one(r"k = \uDE00"), vec![pair("k", "\u{fffd}")]);
    }

    #[test]
    fn malformed_unicode_escape_is_kept_as_text() {
        assert_eq!(one(r"k = \u12 and \uZZZZ"), vec![pair("k", "u12 and uZZZZ")]);
    }

    #[test]
    fn last_value_of_a_repeated_key_wins_in_first_position() {
        let p = Properties::parse("a=1\nb=2\na=3");
        assert_eq!(p.get("a"), Some("3"));
        assert_eq!(p.into_pairs(), vec![pair("a", "3"), pair("b", "2")]);
    }

    #[test]
    fn utf8_is_read_and_a_bom_dropped() {
        let (p, enc) = Properties::parse_bytes("\u{feff}organization.name = Chez Émile".as_bytes());
        assert_eq!(enc, Encoding::Utf8);
        assert_eq!(p.get("organization.name"), Some("Chez Émile"));
    }

    #[test]
    fn invalid_utf8_falls_back_to_latin1() {
        let (p, enc) = Properties::parse_bytes(b"organization.name = Chez \xc9mile\n");
        assert_eq!(enc, Encoding::Latin1);
        assert_eq!(p.get("organization.name"), Some("Chez Émile"));
    }

    #[test]
    fn a_file_typed_on_windows_keeps_its_apostrophes_quotes_and_euros() {
        let (p, enc) = Properties::parse_bytes(
            b"organization.description = L\x92\xe9cole \x96 5 \x80 par an, \x93OK\x94, \x9cuvre\n",
        );
        assert_eq!(enc, Encoding::Latin1);
        assert_eq!(p.get("organization.description"), Some("L’école – 5 € par an, “OK”, œuvre"));
    }

    #[test]
    fn a_latin1_file_whose_letters_happen_to_read_as_utf8_is_read_as_latin1() {
        // `é`, a no-break space and `»` are, by chance, one valid UTF-8 character.
        let (p, enc) = Properties::parse_bytes(b"organization.description = Le \xab\xa0caf\xe9\xa0\xbb\n");
        assert_eq!(enc, Encoding::Latin1);
        assert_eq!(p.get("organization.description"), Some("Le «\u{a0}café\u{a0}»"));
    }

    #[test]
    fn a_byte_order_mark_says_utf8_even_with_stray_bytes() {
        let (p, enc) = Properties::parse_bytes(
            b"\xef\xbb\xbffile.class = Organization\norganization.name = Caf\xe9 \xab x \xbb\n",
        );
        assert_eq!(enc, Encoding::Latin1);
        assert_eq!(p.get("file.class"), Some("Organization"));
        assert_eq!(p.get("organization.name"), Some("Café « x »"));
    }

    #[test]
    fn a_utf8_file_with_one_stray_byte_keeps_the_rest_of_its_text() {
        let mut bytes = "organization.name = Association Étienne l’atelier\norganization.description = "
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(b"caf\xe9\n");
        let (p, enc) = Properties::parse_bytes(&bytes);
        assert_eq!(enc, Encoding::Latin1);
        assert_eq!(p.get("organization.name"), Some("Association Étienne l’atelier"));
        assert_eq!(p.get("organization.description"), Some("café"));
    }

    #[test]
    fn section_lists_subkeys_in_order() {
        let p = Properties::parse("subs.b = 2\nfile.class = x\nsubs.a = 1\nsubsidiary = no");
        let subs: Vec<_> = p.section("subs").collect();
        assert_eq!(subs, vec![("b", "2"), ("a", "1")]);
    }

    #[test]
    fn retain_drops_keys() {
        let p = Properties::parse("metrics.a = 1\nservice.name = S");
        let kept = p.retain(|k| !k.starts_with("metrics."));
        assert_eq!(kept.len(), 1);
        assert_eq!(kept.get("service.name"), Some("S"));
    }

    proptest! {
        #[test]
        fn any_bytes_parse_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let (p, _) = Properties::parse_bytes(&bytes);
            prop_assert!(p.len() <= bytes.len());
        }

        #[test]
        fn any_text_with_escapes_parses_without_panic(text in r"[a-z=:\\ \t\r\n#!u0-9A-Fa-f\u{e9}\u{1F600}]{0,400}") {
            let p = Properties::parse(&text);
            for (k, _) in p.iter() {
                prop_assert!(p.get(k).is_some());
            }
        }
    }
}
