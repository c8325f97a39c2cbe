//! Known applications (`checklists/apps.toml`): how to recognise each one on every platform, and where to
//! get it on a phone. Detection matches what it finds against these ids; packs name apps by `id`.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::BrowserFamily;
use crate::checklist::source::{said, Date, Said, Source, TomlPath};
use crate::checklist::Diagnostic;

/// What an application is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum AppKind {
    Browser,
    MailClient,
    Maps,
    Other,
}

/// Android package names.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct AndroidIds {
    /// Google Play package name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub play: Option<String>,
    /// F-Droid package name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fdroid: Option<String>,
}

/// iOS identifiers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct IosIds {
    /// The numeric App Store id (`989804926`), without the `id` prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub app_store: Option<String>,
}

/// One known application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct App {
    /// Stable id used everywhere (`firefox`, `organic-maps`).
    pub id: String,
    /// Display name.
    pub name: String,
    pub kind: AppKind,
    /// The engine, for browsers built on Gecko or Chromium (Safari has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub family: Option<BrowserFamily>,
    /// Linux desktop-entry file names (`firefox.desktop`).
    #[serde(default)]
    pub desktop_ids: Vec<String>,
    /// Flatpak application ids (`org.mozilla.firefox`).
    #[serde(default)]
    pub flatpak_ids: Vec<String>,
    /// Snap names (`firefox`).
    #[serde(default)]
    pub snap_names: Vec<String>,
    /// macOS `CFBundleIdentifier`s.
    #[serde(default)]
    pub macos_bundle_ids: Vec<String>,
    /// Prefixes of the Windows uninstall `DisplayName` ("Mozilla Firefox" matches "Mozilla Firefox (x64 fr)").
    #[serde(default)]
    pub windows_display_names: Vec<String>,
    /// Prefixes of the Windows URL-association `ProgId` (browsers): `FirefoxURL` matches `FirefoxURL-308046B0AF4A39CB`.
    #[serde(default)]
    pub windows_progids: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub android: Option<AndroidIds>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub ios: Option<IosIds>,
}

impl App {
    /// Is this a browser?
    pub fn is_browser(&self) -> bool {
        self.kind == AppKind::Browser
    }
}

/// The known applications, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Apps {
    /// When a person last checked these facts.
    pub reviewed: Date,
    apps: Vec<App>,
}

impl Apps {
    /// Builds the list from already-checked values (tests, other front-ends).
    pub fn new(reviewed: Date, apps: Vec<App>) -> Apps {
        Apps { reviewed, apps }
    }

    /// Every known application, in file order.
    pub fn all(&self) -> &[App] {
        &self.apps
    }

    /// The application with this id.
    pub fn get(&self, id: &str) -> Option<&App> {
        self.apps.iter().find(|a| a.id == id)
    }

    /// The browsers, in file order.
    pub fn browsers(&self) -> impl Iterator<Item = &App> {
        self.apps.iter().filter(|a| a.is_browser())
    }

    /// The application owning a Linux desktop-entry file name (`firefox_firefox.desktop`).
    pub fn by_desktop_id(&self, desktop_id: &str) -> Option<&App> {
        self.find(|a| a.desktop_ids.iter().any(|d| d.eq_ignore_ascii_case(desktop_id)))
    }

    /// The application with this Flatpak id.
    pub fn by_flatpak_id(&self, flatpak_id: &str) -> Option<&App> {
        self.find(|a| a.flatpak_ids.iter().any(|d| d.eq_ignore_ascii_case(flatpak_id)))
    }

    /// The application with this snap name.
    pub fn by_snap_name(&self, snap: &str) -> Option<&App> {
        self.find(|a| a.snap_names.iter().any(|d| d.eq_ignore_ascii_case(snap)))
    }

    /// The application with this macOS bundle id (`CFBundleIdentifier`, case-insensitive).
    pub fn by_macos_bundle_id(&self, bundle_id: &str) -> Option<&App> {
        self.find(|a| a.macos_bundle_ids.iter().any(|d| d.eq_ignore_ascii_case(bundle_id)))
    }

    /// The application whose Windows display-name prefix is the longest match for `display_name`.
    pub fn by_windows_display_name(&self, display_name: &str) -> Option<&App> {
        longest_prefix(&self.apps, display_name, |a| &a.windows_display_names)
    }

    /// The browser whose ProgId prefix is the longest match for `progid` (`FirefoxURL-308046B0AF4A39CB`).
    pub fn by_windows_progid(&self, progid: &str) -> Option<&App> {
        longest_prefix(&self.apps, progid, |a| &a.windows_progids)
    }

    fn find(&self, pred: impl Fn(&App) -> bool) -> Option<&App> {
        self.apps.iter().find(|a| pred(a))
    }
}

fn longest_prefix<'a>(apps: &'a [App], value: &str, field: impl Fn(&App) -> &Vec<String>) -> Option<&'a App> {
    let value = value.trim().to_lowercase();
    apps.iter()
        .flat_map(|a| field(a).iter().map(move |p| (a, p.to_lowercase())))
        .filter(|(_, p)| !p.is_empty() && value.starts_with(p.as_str()))
        .max_by_key(|(_, p)| p.len())
        .map(|(a, _)| a)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    reviewed: Date,
}

pub(super) fn load(src: &Source<'_>, diags: &mut Vec<Diagnostic>) -> Option<Apps> {
    let before = diags.len();
    let doc = src.load_list::<Header, App>("app", diags)?;
    let mut seen = HashSet::new();
    for (index, app) in &doc.items {
        let at = TomlPath::default().key("app").index(*index);
        let mut err =
            |key: &str, msg: Said| diags.push(src.diag(Source::span_of(&doc.root, &at.key(key)), msg));
        let id = &app.id;
        if !super::is_valid_id(id) {
            err(
                "id",
                said(
                    format!(
                        "identifiant d’application invalide `{id}` — au plus 64 minuscules, chiffres et \
                         tirets"
                    ),
                    format!("invalid id `{id}` — use at most 64 lowercase letters, digits and dashes"),
                ),
            );
        } else if !seen.insert(id.clone()) {
            err(
                "id",
                said(
                    format!("l’identifiant d’application `{id}` est déjà pris dans ce fichier"),
                    format!("duplicate app id `{id}`"),
                ),
            );
        }
        if app.name.trim().is_empty() {
            err("name", said("`name` est vide", "empty `name`"));
        }
        if app.family.is_some() && !app.is_browser() {
            err(
                "family",
                said(
                    format!("`family` ne vaut que pour les navigateurs, et `{id}` n’en est pas un"),
                    format!("`family` is for browsers only, and `{id}` is not a browser"),
                ),
            );
        }
        for (key, list) in [
            ("desktop_ids", &app.desktop_ids),
            ("flatpak_ids", &app.flatpak_ids),
            ("snap_names", &app.snap_names),
            ("macos_bundle_ids", &app.macos_bundle_ids),
            ("windows_display_names", &app.windows_display_names),
            ("windows_progids", &app.windows_progids),
        ] {
            if let Some(i) = list.iter().position(|v| v.trim().is_empty()) {
                diags.push(src.diag(
                    Source::span_of(&doc.root, &at.key(key).index(i)),
                    said(format!("valeur vide dans `{key}`"), format!("empty value in `{key}`")),
                ));
            }
        }
        if let Some(desktop) = app.desktop_ids.iter().position(|d| !d.ends_with(".desktop")) {
            diags.push(src.diag(
                Source::span_of(&doc.root, &at.key("desktop_ids").index(desktop)),
                said(
                    format!(
                        "l’identifiant de bureau `{}` doit finir par `.desktop`",
                        app.desktop_ids[desktop]
                    ),
                    format!("desktop id `{}` must end with `.desktop`", app.desktop_ids[desktop]),
                ),
            ));
        }
        if let Some(store) = app.ios.as_ref().and_then(|i| i.app_store.as_deref()) {
            if store.is_empty() || !store.chars().all(|c| c.is_ascii_digit()) {
                diags.push(src.diag(
                    Source::span_of(&doc.root, &at.key("ios").key("app_store")),
                    said(
                        format!(
                            "l’identifiant App Store `{store}` ne s’écrit qu’en chiffres (sans le préfixe \
                             `id`)"
                        ),
                        format!("App Store id `{store}` must be digits only (without the `id` prefix)"),
                    ),
                ));
            }
        }
    }
    let header = doc.header?;
    (diags.len() == before)
        .then(|| Apps { reviewed: header.reviewed, apps: doc.items.into_iter().map(|(_, a)| a).collect() })
}
