//! Reference data the packs and the detectors share: known applications, mail providers, and the
//! software → directory-category map. Loaded from `checklists/apps.toml`, `providers.toml` and
//! `categories.toml`; the types live here so that detection, the checklist engine and the directory agree.
//!
//! The code holds no such facts: a volunteer updates a store id or a provider's domain by editing data.
//! The shipped files are embedded at compile time ([`Reference::builtin`]) and validated like any other;
//! this module does not look anything up on the network (MX records are resolved by the caller).

mod apps;
mod categories;
mod providers;

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use apps::{AndroidIds, App, AppKind, Apps, IosIds};
pub use categories::{Categories, Category, OTHER_CATEGORY};
pub use providers::{Provider, Providers, UNKNOWN_PROVIDER};

use crate::checklist::source::Source;
use crate::checklist::{ChecklistError, Diagnostic};

/// What kind of organisation hosts a mail address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum ProviderKind {
    /// Google, Microsoft, Apple, Yahoo, AOL…
    BigTech,
    /// Providers that do not live off your data (Proton, Posteo, Disroot…).
    Ethical,
    /// An internet access provider's mailbox, tied to the subscription (Orange, Free…).
    Isp,
    /// A member of the CHATONS collective.
    Chatons,
    /// Not in our data.
    Unknown,
}

impl ProviderKind {
    /// The name used in the TOML files (`big-tech`, `isp`…).
    pub fn as_str(self) -> &'static str {
        match self {
            ProviderKind::BigTech => "big-tech",
            ProviderKind::Ethical => "ethical",
            ProviderKind::Isp => "isp",
            ProviderKind::Chatons => "chatons",
            ProviderKind::Unknown => "unknown",
        }
    }
}

/// The file names of the reference data inside a checklists folder.
pub const APPS_FILE: &str = "apps.toml";
/// See [`APPS_FILE`].
pub const PROVIDERS_FILE: &str = "providers.toml";
/// See [`APPS_FILE`].
pub const CATEGORIES_FILE: &str = "categories.toml";

const BUILTIN_APPS: &str = include_str!("../../../../checklists/apps.toml");
const BUILTIN_PROVIDERS: &str = include_str!("../../../../checklists/providers.toml");
const BUILTIN_CATEGORIES: &str = include_str!("../../../../checklists/categories.toml");

/// All the reference data, loaded and validated.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Reference {
    pub apps: Apps,
    pub providers: Providers,
    pub categories: Categories,
}

impl Reference {
    /// The reference data shipped in `checklists/`, embedded at compile time.
    pub fn builtin() -> Result<Reference, ChecklistError> {
        Reference::from_texts(
            (&format!("builtin:{APPS_FILE}"), BUILTIN_APPS),
            (&format!("builtin:{PROVIDERS_FILE}"), BUILTIN_PROVIDERS),
            (&format!("builtin:{CATEGORIES_FILE}"), BUILTIN_CATEGORIES),
        )
    }

    /// Reads `apps.toml`, `providers.toml` and `categories.toml` from a folder.
    pub fn load_dir(dir: &Path) -> Result<Reference, ChecklistError> {
        let read = |name: &str| {
            let path = dir.join(name);
            crate::checklist::source::read_file(&path, crate::checklist::MAX_PACK_BYTES)
                .map(|text| (path.display().to_string(), text))
        };
        let (apps, providers, categories) = (read(APPS_FILE)?, read(PROVIDERS_FILE)?, read(CATEGORIES_FILE)?);
        Reference::from_texts(
            (&apps.0, &apps.1),
            (&providers.0, &providers.1),
            (&categories.0, &categories.1),
        )
    }

    /// Parses and validates the three files from text; each pair is (name shown in errors, content).
    /// Every problem of every file is reported at once.
    pub fn from_texts(
        apps: (&str, &str),
        providers: (&str, &str),
        categories: (&str, &str),
    ) -> Result<Reference, ChecklistError> {
        let mut diags: Vec<Diagnostic> = Vec::new();
        let apps = apps::load(&Source::new(apps.0, apps.1), &mut diags);
        let providers = providers::load(&Source::new(providers.0, providers.1), &mut diags);
        let categories = categories::load(&Source::new(categories.0, categories.1), &mut diags);
        match (apps, providers, categories) {
            (Some(apps), Some(providers), Some(categories)) if diags.is_empty() => {
                Ok(Reference { apps, providers, categories })
            }
            _ => Err(ChecklistError::Invalid(diags)),
        }
    }
}

/// Longest id: a pack's id names its file in the data folder, and file names have a limit.
pub(crate) const MAX_ID_LEN: usize = 64;

/// Stable ids: at most [`MAX_ID_LEN`] lowercase letters, digits and dashes, starting with a letter
/// (`firefox`, `big-tech`).
pub(crate) fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    id.len() <= MAX_ID_LEN
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.ends_with('-')
        && !id.contains("--")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_reference_loads() {
        let r = Reference::builtin().unwrap_or_else(|e| panic!("{e}"));
        assert!(r.apps.get("firefox").is_some());
        assert!(r.providers.all().iter().any(|p| p.id == "google"));
        assert!(r.categories.get(OTHER_CATEGORY).is_some());
    }

    #[test]
    fn ids_are_kebab_case() {
        for ok in ["firefox", "tor-browser", "a1"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["", "Firefox", "1a", "a_b", "a-", "a--b", "a b", &"a".repeat(MAX_ID_LEN + 1)] {
            assert!(!is_valid_id(bad), "{bad}");
        }
        assert!(is_valid_id(&"a".repeat(MAX_ID_LEN)));
    }
}
