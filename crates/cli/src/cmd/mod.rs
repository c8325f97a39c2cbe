//! One module per subcommand, and the few words they share.

pub mod audit;
pub mod checklist;
pub mod directory;
pub mod mail;
pub mod report;
pub mod system;

use premiers_pas_core::Lang;

/// What the person typed, quoted as `lang` quotes (« … » with its narrow spaces, “…”), and never set in
/// French typography itself: it is theirs, as typed.
pub fn quoted(lang: Lang, typed: &str) -> String {
    match lang {
        Lang::Fr => format!("«\u{202f}{typed}\u{202f}»"),
        Lang::En => format!("“{typed}”"),
    }
}

/// `n` with its noun agreed, in `lang`: French puts 0 and 1 in the singular (« 0 fichier »), English only 1.
/// `fr` and `en` are the singular and the plural.
pub fn counted(lang: Lang, n: impl Into<u64>, fr: [&str; 2], en: [&str; 2]) -> String {
    let n = n.into();
    let (words, singular) = match lang {
        Lang::Fr => (fr, n < 2),
        Lang::En => (en, n == 1),
    };
    format!("{n} {}", words[usize::from(!singular)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_their_noun() {
        let hosts = |lang, n: u32| counted(lang, n, ["hébergeur", "hébergeurs"], ["host", "hosts"]);
        assert_eq!(hosts(Lang::Fr, 0), "0 hébergeur");
        assert_eq!(hosts(Lang::Fr, 1), "1 hébergeur");
        assert_eq!(hosts(Lang::Fr, 2), "2 hébergeurs");
        assert_eq!(hosts(Lang::En, 0), "0 hosts");
        assert_eq!(hosts(Lang::En, 1), "1 host");
    }

    #[test]
    fn what_was_typed_is_quoted_as_the_language_quotes_and_kept_as_typed() {
        assert_eq!(quoted(Lang::Fr, "a : b"), "«\u{202f}a : b\u{202f}»");
        assert_eq!(quoted(Lang::En, "saint-denis"), "“saint-denis”");
    }
}
