//! The check vocabulary: small, typed rules over an [`Audit`](crate::audit::Audit), written in the packs.
//!
//! Each rule judges one kind of fact and gives a status with its reasons; `all`, `any` and `bonus` combine
//! rules. The vocabulary is deliberately small: a rule is added only when a step needs a fact no rule
//! reads yet. Rules never read the machine; they only look at the audit they are given.
//!
//! In TOML a check is a one-key table, or the bare string `"manual"`:
//!
//! ```toml
//! checks = [{ browser_installed = { family = "gecko" } }]
//! checks = ["manual", { bonus = { app_installed = { apps = ["organic-maps", "comaps"] } } }]
//! ```

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::BrowserFamily;
use crate::reference::ProviderKind;

/// One rule. See `checklists/README.md` for the volunteer's version of this list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Check {
    /// Only the person can tell (a phone, an account elsewhere). Their answer decides: done / not yet;
    /// without an answer the status is `manual`.
    Manual,
    /// One of these applications (ids from `apps.toml`) is installed on this computer.
    AppInstalled { apps: Vec<String> },
    /// A browser is installed: of this family, and/or one of these app ids.
    BrowserInstalled {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        family: Option<BrowserFamily>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        apps: Vec<String>,
    },
    /// The browser that opens links is of this family, and/or one of these app ids.
    DefaultBrowser {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        family: Option<BrowserFamily>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        apps: Vec<String>,
    },
    /// An extension (any of `ids`) is installed and working, where `in` says (the default profile of the
    /// browser actually used, by default). `weaker`: ids of a lesser substitute that counts as `partial`
    /// (uBlock Origin Lite for uBlock Origin). `family` narrows the browsers looked at.
    ExtensionEnabled {
        ids: Vec<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        weaker: Vec<String>,
        #[serde(default, rename = "in")]
        scope: Scope,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        family: Option<BrowserFamily>,
    },
    /// Every mail account found is at a provider of these kinds: all → done, some → partial, none →
    /// todo; no account found, or only unknown providers → manual.
    MailAllAt { kinds: Vec<ProviderKind> },
    /// At least one mail account found is at a provider of these kinds (done), else todo. Mostly used as
    /// the condition of a note.
    MailAnyAt { kinds: Vec<ProviderKind> },
    /// Every rule holds: done when all are done, todo when none has started, partial in between.
    All(Vec<Check>),
    /// One rule is enough: the best status among them.
    Any(Vec<Check>),
    /// Adds its reasons when done, never changes the status (a desktop install when the step is about the
    /// phone).
    Bonus(Box<Check>),
}

/// Where an extension rule looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Scope {
    /// The profile that the browser actually used opens by default. "Actually used" is the default
    /// browser; when it cannot be told, the only browser found; with several, the best one found counts
    /// as `partial` at most.
    #[default]
    DefaultProfile,
    /// Any profile of the browser actually used.
    DefaultBrowser,
    /// Any profile of any browser found.
    AnyBrowser,
}

impl Check {
    /// The names of every rule, as written in TOML (for documentation and suggestions).
    pub const NAMES: [&'static str; 10] = [
        "manual",
        "app_installed",
        "browser_installed",
        "default_browser",
        "extension_enabled",
        "mail_all_at",
        "mail_any_at",
        "all",
        "any",
        "bonus",
    ];

    /// The rule's name, as written in TOML.
    pub fn name(&self) -> &'static str {
        match self {
            Check::Manual => "manual",
            Check::AppInstalled { .. } => "app_installed",
            Check::BrowserInstalled { .. } => "browser_installed",
            Check::DefaultBrowser { .. } => "default_browser",
            Check::ExtensionEnabled { .. } => "extension_enabled",
            Check::MailAllAt { .. } => "mail_all_at",
            Check::MailAnyAt { .. } => "mail_any_at",
            Check::All(_) => "all",
            Check::Any(_) => "any",
            Check::Bonus(_) => "bonus",
        }
    }

    /// Does this rule (or one inside it) ask the person?
    pub fn asks_the_person(&self) -> bool {
        match self {
            Check::Manual => true,
            Check::All(c) | Check::Any(c) => c.iter().any(Check::asks_the_person),
            Check::Bonus(c) => c.asks_the_person(),
            _ => false,
        }
    }
}
