//! Directory categories (`checklists/categories.toml`): which need a piece of software answers ("Etherpad"
//! → pads). The CHATONS directory files describe services by software name; people search by need.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::checklist::source::{said, Date, Source, TomlPath};
use crate::checklist::Diagnostic;
use crate::i18n::Text;

/// The fallback category for software our data does not know. It must exist and list no software.
pub const OTHER_CATEGORY: &str = "other";

/// One category of service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Category {
    pub id: String,
    pub label: Text,
    /// Software names, matched ignoring case, spaces and punctuation ("Rocket.Chat" = "rocketchat").
    #[serde(default)]
    pub software: Vec<String>,
}

/// The categories, in file order (the order the UI shows them in). Serialised for the UI; built only by
/// loading `categories.toml` or by [`Categories::new`], which keep the name index in step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Categories {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reviewed: Option<Date>,
    categories: Vec<Category>,
    /// Normalised software name → index into `categories`.
    #[serde(skip)]
    #[ts(skip)]
    index: HashMap<String, usize>,
}

impl Categories {
    /// Builds the map from already-checked values.
    pub fn new(reviewed: Option<Date>, categories: Vec<Category>) -> Categories {
        let mut index = HashMap::new();
        for (i, c) in categories.iter().enumerate() {
            for s in &c.software {
                index.entry(normalise(s)).or_insert(i);
            }
        }
        Categories { reviewed, categories, index }
    }

    /// Every category, in file order.
    pub fn all(&self) -> &[Category] {
        &self.categories
    }

    /// The category with this id.
    pub fn get(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The id of the category a software belongs to, or `other`.
    pub fn category_of(&self, software: &str) -> &str {
        self.index
            .get(&normalise(software))
            .and_then(|&i| self.categories.get(i))
            .map(|c| c.id.as_str())
            .unwrap_or(OTHER_CATEGORY)
    }
}

/// Lowercase letters and digits only: "Jitsi Meet", "jitsi-meet" and "JitsiMeet" are one name.
fn normalise(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    #[serde(default)]
    reviewed: Option<Date>,
}

pub(super) fn load(src: &Source<'_>, diags: &mut Vec<Diagnostic>) -> Option<Categories> {
    let before = diags.len();
    let doc = src.load_list::<Header, Category>("category", diags)?;
    let mut ids: HashMap<String, ()> = HashMap::new();
    let mut software: HashMap<String, String> = HashMap::new();
    for (index, c) in &doc.items {
        let at = TomlPath::default().key("category").index(*index);
        let span = |path: &TomlPath| Source::span_of(&doc.root, path);
        if !super::is_valid_id(&c.id) {
            diags.push(src.diag(
                span(&at.key("id")),
                said(
                    format!(
                        "identifiant de catégorie invalide `{}` — au plus 64 minuscules, chiffres et tirets",
                        c.id
                    ),
                    format!(
                        "invalid category id `{}` — use at most 64 lowercase letters, digits and dashes",
                        c.id
                    ),
                ),
            ));
        } else if ids.insert(c.id.clone(), ()).is_some() {
            diags.push(src.diag(
                span(&at.key("id")),
                said(
                    format!("l’identifiant de catégorie `{}` est déjà pris", c.id),
                    format!("duplicate category id `{}`", c.id),
                ),
            ));
        }
        for lang in c.label.missing() {
            diags.push(src.diag(
                span(&at.key("label")),
                said(
                    format!("`label` n’a pas de texte `{lang}` (le français et l’anglais sont obligatoires)"),
                    format!("`label` has no `{lang}` text (French and English are both required)"),
                ),
            ));
        }
        if c.id == OTHER_CATEGORY && !c.software.is_empty() {
            diags.push(src.diag(
                span(&at.key("software")),
                said(
                    "la catégorie `other` sert de repli : elle ne liste aucun logiciel",
                    "the `other` category is the fallback and lists no software",
                ),
            ));
        }
        for (i, name) in c.software.iter().enumerate() {
            let key = normalise(name);
            let here = span(&at.key("software").index(i));
            if key.is_empty() {
                diags.push(src.diag(here, said("nom de logiciel vide", "empty software name")));
            } else if let Some(other) = software.insert(key, c.id.clone()) {
                diags.push(src.diag(
                    here,
                    said(
                        format!("le logiciel `{name}` est déjà dans la catégorie `{other}`"),
                        format!("software `{name}` is already in category `{other}`"),
                    ),
                ));
            }
        }
    }
    if !doc.items.iter().any(|(_, c)| c.id == OTHER_CATEGORY) {
        diags.push(src.diag(
            0..0,
            said(
                "pas de catégorie `other` : c’est elle qui reçoit les logiciels inconnus",
                "no `other` category: it is the fallback for unknown software",
            ),
        ));
    }
    let header = doc.header?;
    (diags.len() == before)
        .then(|| Categories::new(header.reviewed, doc.items.into_iter().map(|(_, c)| c).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_ignoring_case_and_punctuation() {
        let cats = Categories::new(
            None,
            vec![Category {
                id: "chat".into(),
                label: Text::new("Discussion", "Chat"),
                software: vec!["Rocket.Chat".into()],
            }],
        );
        assert_eq!(cats.category_of("rocketchat"), "chat");
        assert_eq!(cats.category_of(" ROCKET CHAT "), "chat");
        assert_eq!(cats.category_of("Rocket"), OTHER_CATEGORY);
    }
}
