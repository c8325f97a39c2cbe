//! Which browser opens links: the raw answer of each OS, before it is mapped to an application id.
//!
//! No crate reads this reliably on the three systems, so it is written here. Linux asks `xdg-settings`
//! when the host can run it, else reads `x-scheme-handler/https` from the `mimeapps.list` files in the
//! order of the freedesktop specification; macOS reads the LaunchServices plist (binary or XML); Windows
//! reads `UserChoiceLatest` before `UserChoice` (Windows 11 24H2 can leave the latter stale). This module
//! does not know browser names: mapping a desktop id, bundle id or ProgId to an app is the caller's job.

use std::path::PathBuf;

use plist::Value as Plist;

use super::host::Host;
use super::profiles_ini::parse_ini;
use super::reader::Reader;
use crate::audit::Evidence;
use crate::journal::LookedAt;
use crate::system::OsFamily;

/// What kind of identifier the OS gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandlerKind {
    /// A desktop file id, e.g. `firefox-esr.desktop` (Linux).
    DesktopId,
    /// A bundle identifier, e.g. `org.mozilla.firefox` (macOS).
    BundleId,
    /// A ProgId, e.g. `FirefoxURL-308046B0AF4A39CB` (Windows).
    ProgId,
}

/// The default web browser as the OS records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultHandler {
    pub kind: HandlerKind,
    pub evidence: Evidence,
}

/// Safari's bundle id: macOS uses it when no handler is recorded.
pub const SAFARI_BUNDLE_ID: &str = "com.apple.safari";

/// Registry keys holding the https (then http) choice, newest mechanism first.
const WINDOWS_CHOICES: &[&str] = &[
    r"HKEY_CURRENT_USER\Software\Microsoft\Windows\Shell\Associations\UrlAssociations\https\UserChoiceLatest",
    r"HKEY_CURRENT_USER\Software\Microsoft\Windows\Shell\Associations\UrlAssociations\https\UserChoice",
    r"HKEY_CURRENT_USER\Software\Microsoft\Windows\Shell\Associations\UrlAssociations\http\UserChoiceLatest",
    r"HKEY_CURRENT_USER\Software\Microsoft\Windows\Shell\Associations\UrlAssociations\http\UserChoice",
];

/// The default browser's handler, when the OS says.
pub fn default_handler(host: &Host, reader: &mut Reader<'_>) -> Option<DefaultHandler> {
    match host.os {
        OsFamily::Linux | OsFamily::Other => linux(host, reader),
        OsFamily::Macos => macos(host, reader),
        OsFamily::Windows => windows(host, reader),
    }
}

fn linux(host: &Host, reader: &mut Reader<'_>) -> Option<DefaultHandler> {
    let asked = host.commands().run("xdg-settings", &["get", "default-web-browser"]);
    // Journaled when it ran, or was tried on this computer (a home laid out as files runs nothing).
    if asked.is_some() || host.live {
        let answer = asked.as_ref().filter(|out| out.success).map(|out| out.stdout.trim().to_owned());
        reader.looked(LookedAt::Program, "xdg-settings get default-web-browser", answer);
    }
    if let Some(out) = asked {
        let value = out.stdout.trim();
        if out.success && value.ends_with(".desktop") {
            return Some(DefaultHandler {
                kind: HandlerKind::DesktopId,
                evidence: Evidence {
                    source: "xdg-settings get default-web-browser".to_owned(),
                    value: value.to_owned(),
                },
            });
        }
    }
    let files = mimeapps_files(host);
    for mime in ["x-scheme-handler/https", "x-scheme-handler/http"] {
        for file in &files {
            let Some(text) = reader.read_text("system", file) else {
                continue;
            };
            let ini = match parse_ini(&text) {
                Ok(ini) => ini,
                Err(e) => {
                    reader.problem(
                        "detect.invalid_ini",
                        "system",
                        file,
                        format!("not a valid mimeapps.list: {e}"),
                    );
                    continue;
                }
            };
            let Some(list) = ini.section(Some("Default Applications")).and_then(|s| s.get(mime)) else {
                continue;
            };
            if let Some(first) = list.split(';').map(str::trim).find(|d| !d.is_empty()) {
                return Some(DefaultHandler {
                    kind: HandlerKind::DesktopId,
                    evidence: Evidence { source: file.display().to_string(), value: first.to_owned() },
                });
            }
        }
    }
    None
}

/// The `mimeapps.list` files in the order the freedesktop "Association between MIME types and
/// applications" specification gives, desktop-specific ones first in each folder.
pub fn mimeapps_files(host: &Host) -> Vec<PathBuf> {
    let desktops = host.desktops();
    let mut dirs = vec![host.xdg_config_home()];
    dirs.extend(host.xdg_config_dirs());
    dirs.push(host.xdg_data_home().join("applications"));
    dirs.extend(host.xdg_data_dirs().into_iter().map(|d| d.join("applications")));
    let mut files = Vec::new();
    for dir in dirs {
        for desktop in &desktops {
            files.push(dir.join(format!("{desktop}-mimeapps.list")));
        }
        files.push(dir.join("mimeapps.list"));
    }
    files
}

fn macos(host: &Host, reader: &mut Reader<'_>) -> Option<DefaultHandler> {
    let path =
        host.home_path("Library/Preferences/com.apple.LaunchServices/com.apple.launchservices.secure.plist");
    let source = path.display().to_string();
    let bytes = reader.read("system", &path)?;
    let plist = match super::property_list::parse(&bytes) {
        Ok(p) => p,
        Err(e) => {
            reader.problem(
                "detect.invalid_plist",
                "system",
                &path,
                format!("not a readable property list: {e}"),
            );
            return None;
        }
    };
    let handlers = plist.as_dictionary().and_then(|d| d.get("LSHandlers")).and_then(Plist::as_array);
    let bundle = handlers.and_then(|list| {
        ["https", "http"].iter().find_map(|scheme| {
            list.iter().filter_map(Plist::as_dictionary).find_map(|h| {
                let matches = h
                    .get("LSHandlerURLScheme")
                    .and_then(Plist::as_string)
                    .is_some_and(|s| s.eq_ignore_ascii_case(scheme));
                if !matches {
                    return None;
                }
                h.get("LSHandlerRoleAll").and_then(Plist::as_string).map(str::to_owned)
            })
        })
    });
    Some(DefaultHandler {
        kind: HandlerKind::BundleId,
        evidence: Evidence { source, value: bundle.unwrap_or_else(|| SAFARI_BUNDLE_ID.to_owned()) },
    })
}

fn windows(host: &Host, reader: &mut Reader<'_>) -> Option<DefaultHandler> {
    WINDOWS_CHOICES.iter().find_map(|key| {
        let value = host.registry().string(key, "ProgId");
        if host.registry().exists() {
            reader.looked(LookedAt::RegistryValue, &format!(r"{key}\ProgId"), value.clone());
        }
        let value = value?;
        let value = value.trim();
        (!value.is_empty()).then(|| DefaultHandler {
            kind: HandlerKind::ProgId,
            evidence: Evidence { source: format!(r"{key}\ProgId"), value: value.to_owned() },
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::host::{CommandOutput, FakeCommands};
    use crate::detect::registry::MapRegistry;
    use crate::journal::{Journal, JournalEntry};
    use std::fs;

    #[test]
    fn xdg_settings_wins_when_it_answers() {
        let mut fake = FakeCommands::default();
        fake.answers.insert(
            "xdg-settings get default-web-browser".into(),
            CommandOutput { success: true, stdout: "firefox-esr.desktop\n".into() },
        );
        let host = Host::for_home("/nonexistent", OsFamily::Linux).with_commands(Box::new(fake));
        let journal = Journal::new();
        let mut reader = Reader::new(&journal, false);
        let found = default_handler(&host, &mut reader).unwrap();
        assert_eq!(found.evidence.value, "firefox-esr.desktop");
        assert_eq!(found.kind, HandlerKind::DesktopId);
        // The question asked is in the journal, with its answer, as a file read would be.
        assert!(
            matches!(
                &journal.entries()[..],
                [JournalEntry::Looked { source: LookedAt::Program, target, answer: Some(answer), .. }]
                    if target == "xdg-settings get default-web-browser" && answer == "firefox-esr.desktop"
            ),
            "{:?}",
            journal.entries()
        );
    }

    #[test]
    fn desktop_specific_list_comes_first() {
        let home = tempfile::tempdir().unwrap();
        let cfg = home.path().join(".config");
        fs::create_dir_all(&cfg).unwrap();
        fs::write(
            cfg.join("mimeapps.list"),
            "[Default Applications]\nx-scheme-handler/https=chromium.desktop\n",
        )
        .unwrap();
        fs::write(
            cfg.join("kde-mimeapps.list"),
            "[Default Applications]\nx-scheme-handler/https=org.mozilla.firefox.desktop;chromium.desktop;\n",
        )
        .unwrap();
        let host = Host::for_home(home.path(), OsFamily::Linux).with_env("XDG_CURRENT_DESKTOP", "KDE");
        let journal = Journal::new();
        let mut reader = Reader::new(&journal, false);
        assert_eq!(
            default_handler(&host, &mut reader).unwrap().evidence.value,
            "org.mozilla.firefox.desktop"
        );
        let host = Host::for_home(home.path(), OsFamily::Linux);
        assert_eq!(default_handler(&host, &mut reader).unwrap().evidence.value, "chromium.desktop");
        // A home laid out as files runs no program: nothing was asked, only files were read.
        assert!(journal.entries().iter().all(|e| matches!(e, JournalEntry::FileRead { .. })));
    }

    #[test]
    fn windows_prefers_user_choice_latest() {
        let mut reg = MapRegistry::new();
        reg.set(WINDOWS_CHOICES[1], "ProgId", "MSEdgeHTM");
        let journal = Journal::new();
        let mut reader = Reader::new(&journal, false);
        let host = Host::for_home("/h", OsFamily::Windows).with_registry(Box::new(reg.clone()));
        assert_eq!(windows(&host, &mut reader).unwrap().evidence.value, "MSEdgeHTM");
        // Each key read is journaled, the one that did not answer too.
        let looked: Vec<(String, Option<String>)> = journal
            .entries()
            .into_iter()
            .filter_map(|e| match e {
                JournalEntry::Looked { source: LookedAt::RegistryValue, target, answer, .. } => {
                    Some((target, answer))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            looked,
            [
                (format!(r"{}\ProgId", WINDOWS_CHOICES[0]), None),
                (format!(r"{}\ProgId", WINDOWS_CHOICES[1]), Some("MSEdgeHTM".to_owned())),
            ]
        );
        reg.set(WINDOWS_CHOICES[0], "ProgId", "FirefoxURL-308046B0AF4A39CB");
        let host = Host::for_home("/h", OsFamily::Windows).with_registry(Box::new(reg));
        assert_eq!(windows(&host, &mut reader).unwrap().evidence.value, "FirefoxURL-308046B0AF4A39CB");
        // Without a registry (a Windows home given without one), nothing is said to be read of it.
        let journal = Journal::new();
        let mut reader = Reader::new(&journal, false);
        assert!(windows(&Host::for_home("/h", OsFamily::Windows), &mut reader).is_none());
        assert!(journal.entries().is_empty());
    }

    #[test]
    fn macos_reads_xml_plists_too_and_defaults_to_safari() {
        let home = tempfile::tempdir().unwrap();
        let dir = home.path().join("Library/Preferences/com.apple.LaunchServices");
        fs::create_dir_all(&dir).unwrap();
        let file = dir.join("com.apple.launchservices.secure.plist");
        fs::write(&file, r#"<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict><key>LSHandlers</key><array>
<dict><key>LSHandlerURLScheme</key><string>http</string><key>LSHandlerRoleAll</key><string>com.google.chrome</string></dict>
<dict><key>LSHandlerURLScheme</key><string>https</string><key>LSHandlerRoleAll</key><string>org.mozilla.firefox</string></dict>
</array></dict></plist>"#).unwrap();
        let host = Host::for_home(home.path(), OsFamily::Macos);
        let journal = Journal::new();
        let mut reader = Reader::new(&journal, false);
        assert_eq!(default_handler(&host, &mut reader).unwrap().evidence.value, "org.mozilla.firefox");
        fs::write(
            &file,
            r#"<?xml version="1.0"?><plist version="1.0"><dict><key>LSHandlers</key><array/></dict></plist>"#,
        )
        .unwrap();
        assert_eq!(default_handler(&host, &mut reader).unwrap().evidence.value, SAFARI_BUNDLE_ID);
    }
}
