//! Which of the applications the packs ask about (`apps.toml`) are installed: desktop entries on Linux
//! (including flatpak and snap exports), `.app` bundles on macOS, uninstall keys on Windows.
//!
//! System-wide folders are seen only through [`Host::system_path`], so a home laid out as files never sees
//! the real machine's. Listings are one level deep (plus one sub-folder level for desktop entries, whose
//! ids then take a `sub-` prefix): no walk can loop. A desktop entry marked `Hidden=true` means removed.

use std::path::{Path, PathBuf};

use plist::Value as Plist;

use super::host::Host;
use super::profiles_ini::parse_ini;
use super::reader::Reader;
use crate::audit::InstalledApp;
use crate::journal::LookedAt;
use crate::reference::App;
use crate::system::OsFamily;

/// Uninstall keys of Windows, machine-wide (64 and 32 bits) then per user.
pub const UNINSTALL_KEYS: &[&str] = &[
    r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall",
    r"HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall",
    r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Uninstall",
];

/// The known applications installed on this host.
pub fn installed_apps(host: &Host, reader: &mut Reader<'_>, apps: &[App]) -> Vec<InstalledApp> {
    let mut found = match host.os {
        OsFamily::Linux | OsFamily::Other => linux(host, reader, apps),
        OsFamily::Macos => macos(host, reader, apps),
        OsFamily::Windows => windows(host, reader, apps),
    };
    let mut unique: Vec<InstalledApp> = Vec::new();
    found.retain(|a| {
        let dup = unique.iter().any(|u| u.id == a.id && u.source == a.source);
        if !dup {
            unique.push(a.clone());
        }
        !dup
    });
    unique
}

/// Folders of desktop entries, with the source their entries count as.
fn desktop_dirs(host: &Host) -> Vec<(PathBuf, &'static str)> {
    let mut dirs = vec![(host.xdg_data_home().join("applications"), "desktop-entry")];
    dirs.extend(host.xdg_data_dirs().into_iter().map(|d| (d.join("applications"), "desktop-entry")));
    dirs.push((host.xdg_data_home().join("flatpak/exports/share/applications"), "flatpak"));
    dirs.extend(host.system_path("/var/lib/flatpak/exports/share/applications").map(|p| (p, "flatpak")));
    dirs.extend(host.system_path("/var/lib/snapd/desktop/applications").map(|p| (p, "snap")));
    let mut unique: Vec<(PathBuf, &'static str)> = Vec::new();
    for (dir, source) in dirs {
        if !unique.iter().any(|(d, _)| *d == dir) {
            unique.push((dir, source));
        }
    }
    unique
}

/// Which app a desktop-file id belongs to, and whether it names a flatpak or snap export.
fn match_desktop_id<'a>(apps: &'a [App], id: &str) -> Option<(&'a App, Option<&'static str>)> {
    let stem = id.strip_suffix(".desktop")?;
    apps.iter().find_map(|app| {
        if app.flatpak_ids.iter().any(|f| f.eq_ignore_ascii_case(stem)) {
            return Some((app, Some("flatpak")));
        }
        if let Some((snap, _)) = stem.split_once('_') {
            if app.snap_names.iter().any(|s| s == snap) {
                return Some((app, Some("snap")));
            }
        }
        app.desktop_ids.iter().any(|d| d.eq_ignore_ascii_case(id)).then_some((app, None))
    })
}

fn linux(host: &Host, reader: &mut Reader<'_>, apps: &[App]) -> Vec<InstalledApp> {
    let mut out = Vec::new();
    // The first folder holding a desktop-file id decides for it, as in the specification: a hidden entry
    // in the home removes the system's.
    let mut seen: Vec<String> = Vec::new();
    for (dir, dir_source) in desktop_dirs(host) {
        let mut entries: Vec<(String, PathBuf)> = Vec::new();
        for entry in reader.list_dir("system", &dir) {
            if entry.is_dir {
                for sub in reader.list_dir("system", &entry.path) {
                    if !sub.is_dir {
                        entries.push((format!("{}-{}", entry.name, sub.name), sub.path));
                    }
                }
            } else {
                entries.push((entry.name, entry.path));
            }
        }
        for (id, path) in entries {
            let Some((app, export)) = match_desktop_id(apps, &id) else {
                continue;
            };
            if seen.contains(&id) {
                continue;
            }
            seen.push(id.clone());
            if is_hidden_entry(reader, &path) {
                continue;
            }
            let path_text = path.display().to_string();
            let source = export
                .or_else(|| path_text.contains("/flatpak/exports/").then_some("flatpak"))
                .or_else(|| path_text.contains("/snapd/").then_some("snap"))
                .unwrap_or(dir_source);
            out.push(InstalledApp {
                id: app.id.clone(),
                name: app.name.clone(),
                source: source.to_owned(),
                version: None,
                evidence: path_text,
            });
        }
    }
    out
}

/// A desktop entry with `Hidden=true` is a user's way of deleting a system entry.
fn is_hidden_entry(reader: &mut Reader<'_>, path: &Path) -> bool {
    let Some(text) = reader.read_text("system", path) else {
        return false;
    };
    let Ok(ini) = parse_ini(&text) else { return false };
    ini.section(Some("Desktop Entry")).and_then(|s| s.get("Hidden")).is_some_and(|h| h.trim() == "true")
}

fn macos(host: &Host, reader: &mut Reader<'_>, apps: &[App]) -> Vec<InstalledApp> {
    let mut dirs: Vec<PathBuf> = host.system_path("/Applications").into_iter().collect();
    dirs.push(host.home_path("Applications"));
    let mut out = Vec::new();
    for dir in dirs {
        for entry in reader.list_dir("system", &dir) {
            if !entry.is_dir || !entry.name.ends_with(".app") {
                continue;
            }
            let info = entry.path.join("Contents").join("Info.plist");
            let Some(bytes) = reader.read("system", &info) else {
                continue;
            };
            let plist = match super::property_list::parse(&bytes) {
                Ok(plist) => plist,
                Err(e) => {
                    let message = format!("not a readable property list: {e}");
                    reader.problem("detect.invalid_plist", "system", &info, message);
                    continue;
                }
            };
            let Some(dict) = plist.as_dictionary() else {
                continue;
            };
            let Some(bundle) = dict.get("CFBundleIdentifier").and_then(Plist::as_string) else {
                continue;
            };
            let Some(app) =
                apps.iter().find(|a| a.macos_bundle_ids.iter().any(|b| b.eq_ignore_ascii_case(bundle)))
            else {
                continue;
            };
            out.push(InstalledApp {
                id: app.id.clone(),
                name: app.name.clone(),
                source: "app-bundle".to_owned(),
                version: dict.get("CFBundleShortVersionString").and_then(Plist::as_string).map(str::to_owned),
                evidence: info.display().to_string(),
            });
        }
    }
    out
}

fn windows(host: &Host, reader: &mut Reader<'_>, apps: &[App]) -> Vec<InstalledApp> {
    let registry = host.registry();
    let mut out = Vec::new();
    for key in UNINSTALL_KEYS {
        let before = out.len();
        for sub in registry.subkeys(key) {
            let full = format!(r"{key}\{sub}");
            let Some(display) = registry.string(&full, "DisplayName") else {
                continue;
            };
            let lower = display.to_lowercase();
            let Some(app) = apps
                .iter()
                .find(|a| a.windows_display_names.iter().any(|n| lower.starts_with(&n.to_lowercase())))
            else {
                continue;
            };
            out.push(InstalledApp {
                id: app.id.clone(),
                name: app.name.clone(),
                source: "uninstall-key".to_owned(),
                version: registry.string(&full, "DisplayVersion"),
                evidence: full,
            });
        }
        // The names of the programs installed are read; only the ones recognised are kept.
        if registry.exists() {
            let mut found: Vec<&str> = Vec::new();
            for app in &out[before..] {
                if !found.contains(&app.id.as_str()) {
                    found.push(app.id.as_str());
                }
            }
            reader.looked(LookedAt::InstalledPrograms, key, Some(found.join(", ")));
        }
    }
    out
}
