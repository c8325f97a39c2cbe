//! A tokeniser for Mozilla `prefs.js` files: `user_pref("name", value);` lines, read as data.
//!
//! The file looks like JavaScript but is never evaluated: we scan tokens (strings with both quote kinds and
//! their escapes, `true`/`false`, integers, comments `//`, `#` and `/* */`) and keep the name/value pairs.
//! A malformed statement is skipped up to the next `;` and counted, so one bad line never hides the rest.

use std::collections::BTreeMap;

/// A preference value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrefValue {
    Str(String),
    Bool(bool),
    Int(i64),
}

impl PrefValue {
    /// The value as text, when it is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            PrefValue::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// The preferences of a file, and how many statements could not be understood.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prefs {
    pub values: BTreeMap<String, PrefValue>,
    pub skipped: usize,
}

impl Prefs {
    /// A string preference.
    pub fn str(&self, name: &str) -> Option<&str> {
        self.values.get(name).and_then(PrefValue::as_str)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Ident(String),
    Str(String),
    Int(i64),
    Punct(char),
}

struct Lexer<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
}

impl Lexer<'_> {
    /// The next token; `None` at the end. `Err(())` for a character that starts no token.
    fn next_token(&mut self) -> Option<Result<Token, ()>> {
        loop {
            let c = *self.chars.peek()?;
            if c.is_whitespace() {
                self.chars.next();
            } else if c == '#' {
                self.skip_line();
            } else if c == '/' {
                self.chars.next();
                match self.chars.peek() {
                    Some('/') => self.skip_line(),
                    Some('*') => {
                        self.chars.next();
                        let mut prev = ' ';
                        for ch in self.chars.by_ref() {
                            if prev == '*' && ch == '/' {
                                break;
                            }
                            prev = ch;
                        }
                    }
                    _ => return Some(Err(())),
                }
            } else {
                break;
            }
        }
        let c = self.chars.next()?;
        Some(match c {
            '"' | '\'' => self.string(c).ok_or(()).map(Token::Str),
            '(' | ')' | ',' | ';' => Ok(Token::Punct(c)),
            '-' | '+' | '0'..='9' => {
                let mut text = String::from(c);
                while let Some(d) = self.chars.peek().copied().filter(char::is_ascii_digit) {
                    text.push(d);
                    self.chars.next();
                }
                text.parse().map(Token::Int).map_err(|_| ())
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let mut text = String::from(c);
                while let Some(d) =
                    self.chars.peek().copied().filter(|d| d.is_ascii_alphanumeric() || *d == '_')
                {
                    text.push(d);
                    self.chars.next();
                }
                Ok(Token::Ident(text))
            }
            _ => Err(()),
        })
    }

    fn skip_line(&mut self) {
        for ch in self.chars.by_ref() {
            if ch == '\n' {
                break;
            }
        }
    }

    fn hex(&mut self, digits: usize) -> Option<u32> {
        let mut n = 0u32;
        for _ in 0..digits {
            n = n * 16 + self.chars.next()?.to_digit(16)?;
        }
        Some(n)
    }

    fn string(&mut self, quote: char) -> Option<String> {
        let mut out = String::new();
        loop {
            let c = self.chars.next()?;
            match c {
                '\\' => match self.chars.next()? {
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    't' => out.push('\t'),
                    'x' => out.push(char::from_u32(self.hex(2)?)?),
                    'u' => {
                        let unit = self.hex(4)?;
                        if (0xD800..0xDC00).contains(&unit) {
                            // A surrogate pair is written as two \u escapes.
                            if self.chars.next()? != '\\' || self.chars.next()? != 'u' {
                                return None;
                            }
                            let low = self.hex(4)?;
                            let code = 0x10000 + ((unit - 0xD800) << 10) + (low.checked_sub(0xDC00)?);
                            out.push(char::from_u32(code)?);
                        } else {
                            out.push(char::from_u32(unit)?);
                        }
                    }
                    other => out.push(other),
                },
                c if c == quote => return Some(out),
                c => out.push(c),
            }
        }
    }
}

/// Tokenises a `prefs.js` (or `user.js`) text.
pub fn parse_prefs(text: &str) -> Prefs {
    let mut lexer = Lexer { chars: text.chars().peekable() };
    let mut prefs = Prefs::default();
    let mut statement: Vec<Token> = Vec::new();
    let mut broken = false;
    while let Some(token) = lexer.next_token() {
        match token {
            Ok(Token::Punct(';')) => {
                if broken || !take_statement(&statement, &mut prefs) {
                    prefs.skipped += 1;
                }
                statement.clear();
                broken = false;
            }
            Ok(t) => statement.push(t),
            Err(()) => broken = true,
        }
    }
    if !statement.is_empty() || broken {
        prefs.skipped += 1;
    }
    prefs
}

/// `user_pref ( "name" , value )` → records it; false when the tokens are anything else.
fn take_statement(tokens: &[Token], prefs: &mut Prefs) -> bool {
    let [Token::Ident(func), Token::Punct('('), Token::Str(name), Token::Punct(','), value, Token::Punct(')')] =
        tokens
    else {
        return false;
    };
    if !matches!(func.as_str(), "user_pref" | "pref" | "sticky_pref" | "lockPref") {
        return false;
    }
    let value = match value {
        Token::Str(s) => PrefValue::Str(s.clone()),
        Token::Int(n) => PrefValue::Int(*n),
        Token::Ident(b) if b == "true" => PrefValue::Bool(true),
        Token::Ident(b) if b == "false" => PrefValue::Bool(false),
        _ => return false,
    };
    prefs.values.insert(name.clone(), value);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_strings_booleans_integers_and_escapes() {
        let prefs = parse_prefs(
            "// Mozilla User Preferences\n/* block\ncomment */\n# hash comment\n\
             user_pref(\"a\", \"x\\\"y\\\\z\");\nuser_pref('b', true);\nuser_pref(\"c\", -42);\n\
             user_pref(\"d\", \"caf\\u00e9 \\xe9 \\ud83d\\ude00\");\n",
        );
        assert_eq!(prefs.str("a"), Some("x\"y\\z"));
        assert_eq!(prefs.values.get("b"), Some(&PrefValue::Bool(true)));
        assert_eq!(prefs.values.get("c"), Some(&PrefValue::Int(-42)));
        assert_eq!(prefs.str("d"), Some("café é 😀"));
        assert_eq!(prefs.skipped, 0);
    }

    #[test]
    fn never_evaluates_and_skips_bad_statements() {
        let prefs =
            parse_prefs("user_pref(\"a\", 1 + 1);\nalert(\"x\");\nuser_pref(\"ok\", \"yes\");\nuser_pref(\"cut\", \"no end");
        assert_eq!(prefs.values.len(), 1);
        assert_eq!(prefs.str("ok"), Some("yes"));
        assert_eq!(prefs.skipped, 3);
    }

    #[test]
    fn random_input_never_panics() {
        // A fixed linear congruential sequence: deterministic, and varied enough to hit every branch.
        let alphabet: Vec<char> = "user_pref(\"'\\xu0123456789abcdef);,/*#\n -+truefalsé😀".chars().collect();
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..(seed % 80) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            let prefs = parse_prefs(&text);
            assert!(prefs.values.len() <= text.len());
        }
    }

    #[test]
    fn garbage_gives_nothing_and_no_panic() {
        let prefs = parse_prefs("\u{0}\u{ffff}((((;;;\"\\u12");
        assert!(prefs.values.is_empty());
        assert!(prefs.skipped > 0);
    }
}
