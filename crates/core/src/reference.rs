//! Reference data the packs and the detectors share: known applications, mail providers, and the
//! software → directory-category map. Loaded from `checklists/apps.toml`, `providers.toml` and
//! `categories.toml`; the types live here so that detection, the checklist engine and the directory agree.
//!
//! The code holds no such facts: a volunteer updates a store id or a provider's domain by editing data.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
