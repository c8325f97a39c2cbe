//! Thunderbird's mail accounts: its profiles (same `profiles.ini` as Firefox) and, in each, the accounts
//! `prefs.js` declares — sender address and incoming server.
//!
//! `prefs.js` is tokenised, never evaluated. Local Folders (`none`), feeds (`rss`) and news (`nntp`) are
//! not mail accounts and are skipped. Who hosts each account is decided by the caller, from the reference
//! data; this module leaves the provider `unknown`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::host::Host;
use super::prefs_js::{parse_prefs, Prefs};
use super::profiles_ini::discover_profiles;
use super::reader::Reader;
use crate::audit::{MailAccount, ProviderMatch};
use crate::system::OsFamily;

/// The application id of Thunderbird in `apps.toml`.
pub const THUNDERBIRD: &str = "thunderbird";

/// Where Thunderbird keeps its profiles on this host (`install`, folder).
pub fn roots(host: &Host) -> Vec<(&'static str, PathBuf)> {
    match host.os {
        OsFamily::Linux | OsFamily::Other => vec![
            ("system", host.home_path(".thunderbird")),
            ("system", host.xdg_config_home().join("thunderbird")),
            ("snap", host.home_path("snap/thunderbird/common/.thunderbird")),
            ("flatpak", host.home_path(".var/app/org.mozilla.Thunderbird/.thunderbird")),
            ("flatpak", host.home_path(".var/app/net.thunderbird.Thunderbird/.thunderbird")),
            // Debian's rebranded Thunderbird before 2016.
            ("system", host.home_path(".icedove")),
        ],
        OsFamily::Macos => vec![("system", host.home_path("Library/Thunderbird"))],
        OsFamily::Windows => vec![("system", host.appdata().join("Thunderbird"))],
    }
}

/// Every mail account of every Thunderbird profile in this home.
pub fn detect_accounts(host: &Host, reader: &mut Reader<'_>) -> Vec<MailAccount> {
    let mut out = Vec::new();
    let mut seen_roots: Vec<PathBuf> = Vec::new();
    for (_, root) in roots(host) {
        if !reader.is_dir(&root) || seen_roots.contains(&root) {
            continue;
        }
        seen_roots.push(root.clone());
        for profile in discover_profiles(host, reader, THUNDERBIRD, &root) {
            out.extend(profile_accounts(reader, &profile.path));
        }
    }
    out
}

/// The accounts declared in one profile's `prefs.js`.
pub fn profile_accounts(reader: &mut Reader<'_>, profile: &Path) -> Vec<MailAccount> {
    let path = profile.join("prefs.js");
    let Some(text) = reader.read_text(THUNDERBIRD, &path) else {
        return Vec::new();
    };
    let prefs = parse_prefs(&text);
    if prefs.values.is_empty() && prefs.skipped > 0 {
        reader.problem(
            "detect.invalid_prefs",
            THUNDERBIRD,
            &path,
            "no preference could be read from prefs.js",
        );
    }
    accounts_from_prefs(&prefs, &path.display().to_string())
}

/// The mail accounts a set of preferences declares, in the order of `mail.accountmanager.accounts`.
pub fn accounts_from_prefs(prefs: &Prefs, evidence: &str) -> Vec<MailAccount> {
    let Some(list) = prefs.str("mail.accountmanager.accounts") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // An account listed twice is one account (as in Thunderbird): a list repeating one name a million
    // times must not become a million accounts.
    let mut seen = BTreeSet::new();
    for account in list.split(',').map(str::trim).filter(|a| !a.is_empty() && seen.insert(*a)) {
        let Some(server) = prefs.str(&format!("mail.account.{account}.server")) else {
            continue;
        };
        let kind = prefs.str(&format!("mail.server.{server}.type")).unwrap_or("");
        if matches!(kind, "none" | "rss" | "nntp" | "") {
            continue;
        }
        let host = prefs
            .str(&format!("mail.server.{server}.realhostname"))
            .or_else(|| prefs.str(&format!("mail.server.{server}.hostname")))
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let identity_email = prefs
            .str(&format!("mail.account.{account}.identities"))
            .and_then(|ids| ids.split(',').map(str::trim).find(|i| !i.is_empty()))
            .and_then(|id| prefs.str(&format!("mail.identity.{id}.useremail")))
            .map(str::trim)
            .filter(|e| e.contains('@'));
        let user = prefs
            .str(&format!("mail.server.{server}.realuserName"))
            .or_else(|| prefs.str(&format!("mail.server.{server}.userName")))
            .map(str::trim)
            .filter(|u| u.contains('@'));
        out.push(MailAccount {
            client: THUNDERBIRD.to_owned(),
            address: identity_email.or(user).map(str::to_owned),
            server: host,
            protocol: kind.to_owned(),
            provider: ProviderMatch::unknown(),
            evidence: evidence.to_owned(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PREFS: &str = r#"
user_pref("mail.accountmanager.accounts", "account1,account2,account3");
user_pref("mail.account.account1.identities", "id1");
user_pref("mail.account.account1.server", "server1");
user_pref("mail.server.server1.type", "imap");
user_pref("mail.server.server1.hostname", "imap.gmail.com");
user_pref("mail.identity.id1.useremail", "ana@gmail.com");
user_pref("mail.account.account2.server", "server2");
user_pref("mail.server.server2.type", "pop3");
user_pref("mail.server.server2.hostname", "posteo.de");
user_pref("mail.server.server2.userName", "ana@posteo.net");
user_pref("mail.account.account3.server", "server3");
user_pref("mail.server.server3.type", "none");
user_pref("mail.server.server3.hostname", "Local Folders");
"#;

    #[test]
    fn accounts_follow_the_account_manager_list_and_skip_local_folders() {
        let accounts = accounts_from_prefs(&parse_prefs(PREFS), "prefs.js");
        assert_eq!(accounts.len(), 2);
        assert_eq!(accounts[0].address.as_deref(), Some("ana@gmail.com"));
        assert_eq!(accounts[0].server, "imap.gmail.com");
        assert_eq!(accounts[0].protocol, "imap");
        assert_eq!(accounts[1].address.as_deref(), Some("ana@posteo.net"), "the user name stands in");
        assert_eq!(accounts[1].protocol, "pop3");
    }

    #[test]
    fn no_account_list_means_no_accounts() {
        assert!(accounts_from_prefs(&parse_prefs("user_pref(\"x\", 1);"), "p").is_empty());
    }
}
