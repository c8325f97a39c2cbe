//! Detection: what this computer already has — browsers and their extensions, the default browser,
//! known applications, mail accounts — gathered into an [`Audit`].
//!
//! Everything goes through a [`Host`] (home, OS, environment, registry, commands) and a [`Reader`]
//! (read-only, capped, journaled), so a home laid out as files is audited exactly like the live machine,
//! and no broken input can crash or hang an audit: each failure becomes a [`crate::audit::Problem`].
//! Detection states facts; judging them (is uBlock Origin working?) is the checklist's job. Only
//! [`mail_check`] touches the network, and only when asked.

pub mod apps;
pub mod chromium;
pub mod default_browser;
pub mod gecko;
pub mod host;
pub mod mail_check;
pub mod prefs_js;
pub mod processes;
pub mod profiles_ini;
pub mod property_list;
pub mod reader;
pub mod registry;
pub mod thunderbird;

pub use host::{
    CommandOutput, CommandRunner, FakeCommands, Host, NoCommands, RegistryReader, SystemCommands,
};
pub use reader::Reader;
pub use registry::{MapRegistry, RegistryFileError};

use crate::audit::{Audit, MailAccount, ProviderMatch};
use crate::journal::{Journal, LookedAt};
use crate::reference::{App, AppKind, Providers, Reference, UNKNOWN_PROVIDER};

use default_browser::{DefaultHandler, HandlerKind};

/// Audits a host: every detector, in a fixed order, into one [`Audit`].
pub fn audit(host: &Host, reference: &Reference, journal: &Journal) -> Audit {
    let mut reader = Reader::new(journal, host.live);
    audit_with(host, reference, &mut reader)
}

/// Audits with a given reader (tests lower its size cap).
pub fn audit_with(host: &Host, reference: &Reference, reader: &mut Reader<'_>) -> Audit {
    let apps = reference.apps.all();
    let mut result = Audit::empty(host.os);

    let mut browsers = gecko::detect_browsers(host, reader);
    browsers.extend(chromium::detect_browsers(host, reader));
    for browser in &mut browsers {
        if let Some(app) = reference.apps.get(&browser.id) {
            browser.name = app.name.clone();
        }
    }
    result.browsers = browsers;

    if let Some(handler) = default_browser::default_handler(host, reader) {
        result.default_browser = app_for_handler(apps, &handler).map(|a| a.id.clone());
        result.default_browser_evidence = Some(handler.evidence);
    }

    result.apps = apps::installed_apps(host, reader, apps);

    result.mail_accounts = thunderbird::detect_accounts(host, reader)
        .into_iter()
        .map(|account| classify_account(&reference.providers, account))
        .collect();

    if host.live {
        let running = processes::running_apps();
        reader.looked(LookedAt::Processes, "browsers and mail programs open", Some(running.join(", ")));
        result.running_browsers = running
            .into_iter()
            .filter(|id| reference.apps.get(id).is_none_or(|a| a.kind == AppKind::Browser))
            .collect();
    }

    result.problems = std::mem::take(&mut reader.problems);
    result.files_read = std::mem::take(&mut reader.files_read);
    result
}

/// The known application a default-browser handler names.
pub fn app_for_handler<'a>(apps: &'a [App], handler: &DefaultHandler) -> Option<&'a App> {
    let value = handler.evidence.value.trim();
    apps.iter().find(|app| match handler.kind {
        HandlerKind::DesktopId => app.desktop_ids.iter().any(|d| d.eq_ignore_ascii_case(value)),
        HandlerKind::BundleId => app.macos_bundle_ids.iter().any(|b| b.eq_ignore_ascii_case(value)),
        HandlerKind::ProgId => {
            let lower = value.to_ascii_lowercase();
            app.windows_progids.iter().any(|p| lower.starts_with(&p.to_ascii_lowercase()))
        }
    })
}

/// Who hosts an account: by its address first, then by its incoming server (a custom domain served by
/// `imap.gmail.com` is Google's).
pub fn classify_account(providers: &Providers, mut account: MailAccount) -> MailAccount {
    let by_address = account.address.as_deref().map(|a| providers.classify_address(a));
    let provider: ProviderMatch = match by_address {
        Some(m) if m.id != UNKNOWN_PROVIDER => m,
        other => {
            let by_server = providers.classify_server(&account.server);
            if by_server.id != UNKNOWN_PROVIDER {
                by_server
            } else {
                other.unwrap_or(by_server)
            }
        }
    };
    account.provider = provider;
    account
}
