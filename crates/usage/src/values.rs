//! The values of options both programs share, as `clap` lists and reads them: the language, and the
//! options whose values the engine lists with their other spellings (`OsFamily::SPELLINGS`…). `clap`
//! lists the names in `--help` and in the usage error of a wrong one (in the person's language), and the
//! engine reads what was typed. One list, in the engine.

use std::ffi::OsStr;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use premiers_pas_core::Lang;

/// An option whose values are `spellings`: each name, and the other ways to write it.
pub fn spelled<T>(
    spellings: &'static [(&'static str, &'static [&'static str], T)],
) -> impl TypedValueParser<Value = T>
where
    T: Copy + Send + Sync + 'static,
{
    PossibleValuesParser::new(
        spellings.iter().map(|(name, others, _)| PossibleValue::new(*name).aliases(*others)),
    )
    .try_map(move |typed| {
        premiers_pas_core::i18n::spelled(&typed, spellings)
            .ok_or_else(|| format!("`{typed}` is not one of them"))
    })
}

/// `fr` or `en`, as [`Lang::parse`] reads them (any case, spaces around allowed: the value often comes
/// from a variable), with the possible values `clap` lists and suggests from.
pub fn lang() -> LangParser {
    LangParser
}

/// See [`lang`].
#[derive(Debug, Clone, Copy)]
pub struct LangParser;

impl LangParser {
    fn codes() -> PossibleValuesParser {
        PossibleValuesParser::new(Lang::ALL.map(Lang::code))
    }
}

impl TypedValueParser for LangParser {
    type Value = Lang;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<Lang, clap::Error> {
        let value = value.to_str().map_or(value, |text| OsStr::new(text.trim()));
        Self::codes().try_map(|s| s.parse::<Lang>()).parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Self::codes().possible_values().map(|values| Box::new(values.collect::<Vec<_>>().into_iter()) as _)
    }
}

/// Why a value was refused, in both languages: the error of a program's own value parser. `clap` shows
/// its English (its `Display`); a French usage error shows its French as the detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Why {
    pub en: String,
    pub fr: String,
}

impl Why {
    /// The reason in English and in French (written with ordinary spaces: French typography is applied
    /// when it is shown).
    pub fn new(en: impl Into<String>, fr: impl Into<String>) -> Why {
        Why { en: en.into(), fr: fr.into() }
    }
}

impl std::fmt::Display for Why {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for Why {}
