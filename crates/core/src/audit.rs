//! The facts an audit gathers about a computer: plain data, no behaviour.
//!
//! Detection (`detect`) fills an [`Audit`]; the checklist engine (`checklist`) judges it; the front-ends
//! show it. Keeping the facts apart from both sides is what lets the engine be tested with facts built by
//! hand, and lets a person read exactly what was found (`premiers-pas audit --json`, schema
//! `premiers-pas/audit/1`, documented in `docs/audit-json.md`).
//!
//! Every finding carries its evidence: the file that said so.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::Lang;
use crate::reference::ProviderKind;
use crate::system::OsFamily;

/// The schema id written in every audit.
pub const AUDIT_SCHEMA: &str = "premiers-pas/audit/1";

/// Everything an audit found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Audit {
    /// Always [`AUDIT_SCHEMA`].
    pub schema: String,
    /// The operating-system family of the audited home.
    pub os: OsFamily,
    /// Browsers found, with their profiles and extensions.
    pub browsers: Vec<Browser>,
    /// The id (from `apps.toml`) of the default browser, when it could be read and is known.
    pub default_browser: Option<String>,
    /// How the default browser was found, or the raw value when it is not a known browser.
    pub default_browser_evidence: Option<Evidence>,
    /// Known applications (from `apps.toml`) found installed.
    pub apps: Vec<InstalledApp>,
    /// Mail accounts configured in mail clients.
    pub mail_accounts: Vec<MailAccount>,
    /// Ids of known browsers running right now (only when auditing the live machine).
    pub running_browsers: Vec<String>,
    /// What could not be read, and why.
    pub problems: Vec<Problem>,
    /// Every file the audit opened (read-only), in order.
    pub files_read: Vec<String>,
}

impl Audit {
    /// An audit that found nothing yet.
    pub fn empty(os: OsFamily) -> Self {
        Audit {
            schema: AUDIT_SCHEMA.to_owned(),
            os,
            browsers: Vec::new(),
            default_browser: None,
            default_browser_evidence: None,
            apps: Vec::new(),
            mail_accounts: Vec::new(),
            running_browsers: Vec::new(),
            problems: Vec::new(),
            files_read: Vec::new(),
        }
    }
}

/// Which engine a browser is built on; it decides where extensions live and which ids they have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum BrowserFamily {
    Gecko,
    Chromium,
}

/// One installation of a browser (Firefox from a deb and Firefox from a snap are two).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Browser {
    /// The application id from `apps.toml`, e.g. `firefox`, `librewolf`, `chrome`.
    pub id: String,
    /// Display name, e.g. "Firefox".
    pub name: String,
    pub family: BrowserFamily,
    /// How it is installed: `system`, `snap` or `flatpak`. Two roots of one kind (Firefox's `~/.mozilla` and
    /// the Firefox 147+ XDG `~/.config/mozilla`) are told apart by `root`.
    pub install: String,
    /// The folder holding its profiles (`profiles.ini` or `Local State`).
    pub root: String,
    pub profiles: Vec<BrowserProfile>,
}

/// A browser profile: one person's settings and extensions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BrowserProfile {
    /// The profile's name as the browser shows it, e.g. `default-release`, `Default`, `Profile 1`.
    pub name: String,
    /// Absolute path of the profile folder.
    pub path: String,
    /// The profile the browser opens by default (for Gecko: the `[Install…]` default, else `Default=1`).
    pub default: bool,
    /// Found by scanning the root, not listed in `profiles.ini`.
    pub unlisted: bool,
    pub extensions: Vec<Extension>,
}

/// An extension installed in a profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Extension {
    /// The add-on id (`uBlock0@raymondhill.net`) or Chrome extension id.
    pub id: String,
    pub name: String,
    pub version: String,
    /// Installed and working.
    pub enabled: bool,
    /// Why it is not working, when it is not: `user-disabled`, `app-disabled`, `soft-disabled`,
    /// `embedder-disabled`, `manifest-v2`, `disable-reasons:<n>`…
    pub disabled_reasons: Vec<String>,
    /// Loaded temporarily (Gecko `app-temporary`): gone at the next restart.
    pub temporary: bool,
    /// The manifest version (2 or 3), when known.
    pub manifest_version: Option<u8>,
    /// The file that told us.
    pub evidence: String,
}

/// A known application found installed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InstalledApp {
    /// The application id from `apps.toml`, e.g. `organic-maps`, `thunderbird`.
    pub id: String,
    pub name: String,
    /// How it was found: `desktop-entry`, `flatpak`, `snap`, `app-bundle`, `uninstall-key`.
    pub source: String,
    pub version: Option<String>,
    /// The file or registry key that told us.
    pub evidence: String,
}

/// A mail account configured in a mail client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MailAccount {
    /// The client, e.g. `thunderbird`.
    pub client: String,
    /// The sender address of the account's first identity, when it has one.
    pub address: Option<String>,
    /// The incoming server host name, e.g. `imap.gmail.com`.
    pub server: String,
    /// `imap` or `pop3`.
    pub protocol: String,
    /// Who really hosts this mail, as far as the address and server tell.
    pub provider: ProviderMatch,
    /// The profile's `prefs.js`.
    pub evidence: String,
}

/// The provider a mail address or server belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProviderMatch {
    /// The provider id from `providers.toml`, or `unknown`.
    pub id: String,
    pub name: String,
    pub kind: ProviderKind,
    /// What matched: `domain:gmail.com`, `server:imap.gmail.com`, `mx:aspmx.l.google.com`.
    pub matched_by: Option<String>,
}

impl ProviderMatch {
    /// Nothing known yet: id `unknown`, no name.
    pub fn unknown() -> Self {
        ProviderMatch {
            id: "unknown".to_owned(),
            name: String::new(),
            kind: ProviderKind::Unknown,
            matched_by: None,
        }
    }
}

/// Where a finding came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Evidence {
    /// A file path, a registry key, or a command (`xdg-settings get default-web-browser`).
    pub source: String,
    /// The raw value read there, e.g. `firefox-esr.desktop`.
    pub value: String,
}

/// Something the audit could not read, and why. Never fatal: the audit goes on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Problem {
    /// Stable code, e.g. `detect.unreadable`, `detect.too_large`, `detect.invalid_json`.
    pub code: String,
    /// The application concerned, e.g. `firefox`.
    pub app: Option<String>,
    /// The file or key concerned.
    pub path: String,
    /// Why, in English (the UI translates by `code`).
    pub message: String,
}

impl Problem {
    /// Why, in a few words a person reads (the code and the English message carry the detail): "JSON
    /// invalide (fichier abîmé ou en cours d'écriture)". A code without words of its own gives its English
    /// message.
    pub fn why(&self, lang: Lang) -> Cow<'_, str> {
        let (fr, en) = match self.code.as_str() {
            "detect.unreadable" if self.message.contains("permission denied") => {
                ("lecture refusée (droits)", "reading refused (permissions)")
            }
            "detect.unreadable" if self.message.contains("link loop") => {
                ("boucle de liens symboliques", "a loop of symbolic links")
            }
            "detect.unreadable" => ("illisible", "unreadable"),
            "detect.not_a_file" => ("ce n’est pas un fichier ordinaire", "not an ordinary file"),
            "detect.too_large" => ("trop gros pour être lu", "too large to be read"),
            "detect.invalid_json" => (
                "JSON invalide (fichier abîmé ou en cours d’écriture)",
                "invalid JSON (a damaged file, or one being written)",
            ),
            "detect.invalid_ini" => ("fichier INI invalide", "invalid INI file"),
            "detect.invalid_plist" => ("liste de propriétés illisible", "unreadable property list"),
            "detect.invalid_prefs" => ("aucune préférence lisible", "no readable preference"),
            "detect.unexpected_format" => ("format inattendu", "unexpected format"),
            "detect.unresolved_path" => (
                "chemin de profil introuvable depuis cet ordinateur",
                "a profile path this computer cannot resolve",
            ),
            "detect.not_a_folder" => {
                ("profil listé qui n’est pas un dossier", "a listed profile that is not a folder")
            }
            "detect.too_many_entries" => {
                ("dossier trop rempli pour être lu en entier", "a folder too full to be read whole")
            }
            _ => return Cow::Borrowed(&self.message),
        };
        Cow::Borrowed(match lang {
            Lang::Fr => fr,
            Lang::En => en,
        })
    }
}
