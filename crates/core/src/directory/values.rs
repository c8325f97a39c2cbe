//! How one ChatonsInfos value becomes a typed field: plain text, an http(s) URL, a date, a coordinate,
//! a list.
//!
//! Values are written by hand by hundreds of volunteers, so each reading is forgiving about form (quotes,
//! `<br/>`, `DD/MM/YYYY`, `49,4179`) and strict about meaning: text stays text (markup is never
//! interpreted; control characters are removed so a name cannot drive a terminal, and the other invisible
//! ones, direction overrides and zero-width spaces, so that it cannot read as another), and only `http` and
//! `https` URLs survive. What a reading refuses is returned as a [`Rejection`] for the refresh report; it
//! never fails the file.

/// Longest text kept for one field, in characters; a description longer than this is cut.
pub const MAX_TEXT_CHARS: usize = 4000;

/// Why a value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// Stable reason: `url_scheme`, `url_invalid`, `url_credentials`, `url_too_long`, `email_invalid`,
    /// `date_invalid`, `number_invalid`, `coordinates_out_of_range`.
    pub reason: &'static str,
}

/// Removes one pair of matching single or double quotes around a trimmed value.
pub fn unquote(raw: &str) -> &str {
    let t = raw.trim();
    for q in ['\'', '"'] {
        if t.len() >= 2 && t.starts_with(q) && t.ends_with(q) {
            return t[1..t.len() - 1].trim();
        }
    }
    t
}

/// Plain text: quotes stripped, `<br/>` (any case and spacing) and line separators turned into a newline,
/// invisible characters removed ([`is_invisible`], the joiners aside), blank lines collapsed, cut at
/// [`MAX_TEXT_CHARS`]. `None` when nothing is left.
pub fn text(raw: &str) -> Option<String> {
    let unquoted = unquote(raw);
    let with_breaks = replace_br(unquoted);
    let mut out = String::with_capacity(with_breaks.len());
    for c in with_breaks.chars() {
        match c {
            // Line and paragraph separators end a line as `\n` does (blank lines are folded below).
            '\n' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{200c}' | '\u{200d}' => out.push(c),
            c if is_invisible(c) => {}
            c => out.push(c),
        }
    }
    let lines: Vec<&str> = out.lines().map(str::trim).collect();
    let mut joined = String::with_capacity(out.len());
    let mut blank_run = 0;
    for line in lines {
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
        } else {
            blank_run = 0;
        }
        if !joined.is_empty() {
            joined.push('\n');
        }
        joined.push_str(line);
    }
    let trimmed = joined.trim();
    if trimmed.is_empty() {
        return None;
    }
    Some(trimmed.chars().take(MAX_TEXT_CHARS).collect())
}

/// Bidirectional overrides and isolates can make a name display as something else.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// A character that shows nothing, or changes how what follows is shown: controls, direction marks and
/// overrides, zero-width spaces and the byte-order mark, invisible operators. Text from a directory
/// loses them (they would let a name or an address read as another); an address holding one is refused.
/// The zero-width joiners (U+200C, U+200D), which some scripts and emoji need, are kept in text.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || is_bidi_control(c)
        || matches!(
            c,
            '\u{00ad}'
                | '\u{180e}'
                | '\u{200b}'
                | '\u{200c}'
                | '\u{200d}'
                | '\u{2060}'..='\u{2064}'
                | '\u{206a}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
        )
}

/// `<br>`, `<br/>`, `<BR />`… → `\n`. Nothing else in angle brackets is touched: it stays inert text.
fn replace_br(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        match br_tag_len(tail) {
            Some(n) => {
                out.push('\n');
                rest = &tail[n..];
            }
            None => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn br_tag_len(tail: &str) -> Option<usize> {
    let bytes = tail.as_bytes();
    if bytes.len() < 4 || !bytes[1].eq_ignore_ascii_case(&b'b') || !bytes[2].eq_ignore_ascii_case(&b'r') {
        return None;
    }
    let mut i = 3;
    while i < bytes.len() && bytes[i] == b' ' {
        i += 1;
    }
    if i < bytes.len() && bytes[i] == b'/' {
        i += 1;
    }
    (i < bytes.len() && bytes[i] == b'>').then_some(i + 1)
}

/// A web address as [`crate::weburl::web_url`] accepts it (http or https, a host, no user name or
/// password), or a rejection. Empty values are `Ok(None)`.
pub fn url(raw: &str) -> Result<Option<String>, Rejection> {
    let v = unquote(raw);
    if v.is_empty() {
        return Ok(None);
    }
    match crate::weburl::web_url(v) {
        Ok(parsed) => Ok(Some(parsed.to_string())),
        Err(problem) => Err(Rejection { reason: problem.reason() }),
    }
}

/// An e-mail address of a plausible shape (`local@domain`, no blanks, nothing invisible), or a rejection.
/// A `mailto:` prefix is accepted and removed.
pub fn email(raw: &str) -> Result<Option<String>, Rejection> {
    let v = unquote(raw);
    let v = v.strip_prefix("mailto:").unwrap_or(v).trim();
    if v.is_empty() {
        return Ok(None);
    }
    let plausible = v.len() <= 254
        && !v.chars().any(|c| c.is_whitespace() || is_invisible(c) || matches!(c, '<' | '>' | '"' | ','))
        && v.split_once('@').is_some_and(|(l, d)| !l.is_empty() && d.contains('.') && !d.contains('@'));
    if plausible {
        Ok(Some(v.to_owned()))
    } else {
        Err(Rejection { reason: "email_invalid" })
    }
}

/// A date as ISO `YYYY-MM-DD`, read from `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS…` or `DD/MM/YYYY`.
pub fn date(raw: &str) -> Result<Option<String>, Rejection> {
    let v = unquote(raw);
    if v.is_empty() {
        return Ok(None);
    }
    let bad = Rejection { reason: "date_invalid" };
    let (y, m, d) = if let Some((dd, rest)) = v.split_once('/') {
        let (mm, yyyy) = rest.split_once('/').ok_or(bad.clone())?;
        (num(yyyy, &bad)?, num(mm, &bad)?, num(dd, &bad)?)
    } else {
        let day_part = v.split(['T', ' ']).next().unwrap_or(v);
        let mut it = day_part.split('-');
        let (yyyy, mm, dd) = (it.next(), it.next(), it.next());
        if it.next().is_some() {
            return Err(bad);
        }
        match (yyyy, mm, dd) {
            (Some(yyyy), Some(mm), Some(dd)) => (num(yyyy, &bad)?, num(mm, &bad)?, num(dd, &bad)?),
            _ => return Err(bad),
        }
    };
    if !(1900..=2200).contains(&y) || !(1..=12).contains(&m) || !(1..=days_in_month(y, m)).contains(&d) {
        return Err(bad);
    }
    Ok(Some(format!("{y:04}-{m:02}-{d:02}")))
}

fn num(s: &str, bad: &Rejection) -> Result<u32, Rejection> {
    let s = s.trim();
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad.clone());
    }
    s.parse().map_err(|_| bad.clone())
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A decimal number written with a dot or a comma (`49,4179`), finite.
pub fn decimal(raw: &str) -> Result<Option<f64>, Rejection> {
    let v = unquote(raw);
    if v.is_empty() {
        return Ok(None);
    }
    let normalized: String =
        v.chars().filter(|c| !c.is_whitespace()).map(|c| if c == ',' { '.' } else { c }).collect();
    match normalized.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(Some(x)),
        _ => Err(Rejection { reason: "number_invalid" }),
    }
}

/// A `;`-separated list, items trimmed, empty items dropped.
pub fn list(raw: &str) -> Vec<String> {
    unquote(raw).split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// A word compared case-insensitively (`ACTIVE`, `Active`), trimmed and unquoted, lowercased.
pub fn word(raw: &str) -> Option<String> {
    let v = unquote(raw);
    (!v.is_empty()).then(|| v.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pair_of_matching_quotes_is_stripped() {
        assert_eq!(unquote(" 'https://a.org' "), "https://a.org");
        assert_eq!(unquote("\"x\""), "x");
        assert_eq!(unquote("'x\""), "'x\"");
        assert_eq!(unquote("''x''"), "'x'");
        assert_eq!(unquote("'"), "'");
    }

    #[test]
    fn br_becomes_a_newline_and_other_markup_stays_text() {
        assert_eq!(text("Un<br/>deux<BR>trois<br />quatre").as_deref(), Some("Un\ndeux\ntrois\nquatre"));
        assert_eq!(text("<script>alert(1)</script>").as_deref(), Some("<script>alert(1)</script>"));
        assert_eq!(text("<img src=x onerror=alert(1)>").as_deref(), Some("<img src=x onerror=alert(1)>"));
        assert_eq!(text("a <b>bold</b> <brick>").as_deref(), Some("a <b>bold</b> <brick>"));
    }

    #[test]
    fn text_drops_controls_and_blank_values() {
        assert_eq!(text("Evil\u{1b}[31mName\u{7}").as_deref(), Some("Evil[31mName"));
        assert_eq!(text("abc\u{202e}def").as_deref(), Some("abcdef"));
        assert_eq!(text("  "), None);
        assert_eq!(text("''"), None);
        assert_eq!(text("a\n\n\n\nb").as_deref(), Some("a\n\nb"));
        assert_eq!(text(&"x".repeat(MAX_TEXT_CHARS + 10)).map(|s| s.len()), Some(MAX_TEXT_CHARS));
        // Nothing invisible is kept; separators end lines and are folded like any blank line.
        assert_eq!(text("x\u{200b}\u{feff}\u{061c}\u{2066}y").as_deref(), Some("xy"));
        assert_eq!(text("x\u{2028}y\u{2029}\u{2029}\u{2029}z").as_deref(), Some("x\ny\n\nz"));
        // The joiners some scripts and emoji need are kept.
        assert_eq!(text("👩\u{200d}💻").as_deref(), Some("👩\u{200d}💻"));
    }

    #[test]
    fn only_http_and_https_urls_survive() {
        assert_eq!(url("https://chatons.org/").unwrap().as_deref(), Some("https://chatons.org/"));
        assert_eq!(url("'http://a.example'").unwrap().as_deref(), Some("http://a.example/"));
        assert_eq!(url("").unwrap(), None);
        assert_eq!(url("javascript:alert(1)").unwrap_err().reason, "url_scheme");
        assert_eq!(url("file:///etc/passwd").unwrap_err().reason, "url_scheme");
        assert_eq!(url("JavaScript:alert(1)").unwrap_err().reason, "url_scheme");
        assert_eq!(url("data:text/html,x").unwrap_err().reason, "url_scheme");
        assert_eq!(url("www.example.org").unwrap_err().reason, "url_invalid");
        assert_eq!(url("http://").unwrap_err().reason, "url_invalid");
        assert_eq!(url("https://user:pw@chatons.org/").unwrap_err().reason, "url_credentials");
        assert_eq!(url("'https://user@chatons.org/'").unwrap_err().reason, "url_credentials");
    }

    #[test]
    fn emails_are_checked_for_shape() {
        assert_eq!(email("contact@chatons.org").unwrap().as_deref(), Some("contact@chatons.org"));
        assert_eq!(email("mailto:a@b.fr").unwrap().as_deref(), Some("a@b.fr"));
        assert!(email("not an email").is_err());
        assert!(email("a@b").is_err());
        assert_eq!(email("").unwrap(), None);
        // An address that would read as another one is refused.
        for spoof in
            ["contact@evil\u{202e}gro.elpmaxe", "a\u{200b}b@c.org", "a@c.org\u{feff}", "a\u{2066}@c.org"]
        {
            assert_eq!(email(spoof).unwrap_err().reason, "email_invalid", "{spoof:?}");
        }
    }

    #[test]
    fn dates_in_all_seen_forms() {
        assert_eq!(date("2020-03-15").unwrap().as_deref(), Some("2020-03-15"));
        assert_eq!(date("15/03/2020").unwrap().as_deref(), Some("2020-03-15"));
        assert_eq!(date("5/3/2020").unwrap().as_deref(), Some("2020-03-05"));
        assert_eq!(date("2020-03-15T10:20:30").unwrap().as_deref(), Some("2020-03-15"));
        assert_eq!(date("'2021-01-02'").unwrap().as_deref(), Some("2021-01-02"));
        assert_eq!(date("").unwrap(), None);
        for bad in ["2020-02-30", "31/04/2020", "2020/03/15", "hier", "2020-13-01", "99999-01-01"] {
            assert!(date(bad).is_err(), "{bad}");
        }
        assert_eq!(date("29/02/2024").unwrap().as_deref(), Some("2024-02-29"));
        assert!(date("29/02/2023").is_err());
    }

    #[test]
    fn decimals_with_dot_or_comma() {
        assert_eq!(decimal("49,4179").unwrap(), Some(49.4179));
        assert_eq!(decimal("2.826").unwrap(), Some(2.826));
        assert_eq!(decimal("-1,5").unwrap(), Some(-1.5));
        assert_eq!(decimal("").unwrap(), None);
        assert!(decimal("abc").is_err());
        assert!(decimal("NaN").is_err());
        assert!(decimal("inf").is_err());
    }

    #[test]
    fn lists_drop_empty_items() {
        assert_eq!(list("Free;;Member; "), vec!["Free".to_owned(), "Member".to_owned()]);
        assert!(list("").is_empty());
    }

    #[test]
    fn words_are_lowercased() {
        assert_eq!(word(" ACTIVE ").as_deref(), Some("active"));
        assert_eq!(word("''"), None);
    }
}
