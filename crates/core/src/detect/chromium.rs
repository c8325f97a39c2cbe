//! Chromium-family browsers (Chrome, Chromium, Brave, Edge, Vivaldi, Opera): their user-data folders, the
//! profiles inside, and each profile's extensions.
//!
//! Extensions come from both preference files (`Preferences` and the HMAC-signed `Secure Preferences`,
//! read only) merged per id, completed by the `Extensions/<id>/<version>/manifest.json` on disk for names
//! (through `_locales` when the name is `__MSG_…__`) and the manifest version. Enabled follows Chrome:
//! `state == 1` up to Chrome 135; from 136 `state` is gone and an extension is enabled when
//! `disable_reasons` is absent, 0 or empty. A disabled Manifest V2 extension gets the reason `manifest-v2`:
//! that is how Chrome 139+ leaves uBlock Origin. Component extensions (the browser's own) are left out.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::host::Host;
use super::reader::Reader;
use crate::audit::{Browser, BrowserFamily, BrowserProfile, Extension};
use crate::system::OsFamily;

/// One Chromium user-data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChromiumRoot {
    /// The application id from `apps.toml`.
    pub app: &'static str,
    /// Fallback display name when the reference data has none.
    pub name: &'static str,
    /// `system`, `snap`, `flatpak`.
    pub install: &'static str,
    pub path: PathBuf,
}

/// The user-data folders of Chromium-family browsers for this host.
pub fn browser_roots(host: &Host) -> Vec<ChromiumRoot> {
    let root = |app, name, install, path| ChromiumRoot { app, name, install, path };
    match host.os {
        OsFamily::Linux | OsFamily::Other => {
            let cfg = host.xdg_config_home();
            let flatpak = |id: &str, rest: &str| host.home_path(&format!(".var/app/{id}/config/{rest}"));
            vec![
                root("chrome", "Google Chrome", "system", cfg.join("google-chrome")),
                root("chrome", "Google Chrome", "flatpak", flatpak("com.google.Chrome", "google-chrome")),
                root("chromium", "Chromium", "system", cfg.join("chromium")),
                root("chromium", "Chromium", "snap", host.home_path("snap/chromium/common/chromium")),
                root("chromium", "Chromium", "flatpak", flatpak("org.chromium.Chromium", "chromium")),
                root("brave", "Brave", "system", cfg.join("BraveSoftware").join("Brave-Browser")),
                root(
                    "brave",
                    "Brave",
                    "flatpak",
                    flatpak("com.brave.Browser", "BraveSoftware/Brave-Browser"),
                ),
                root("edge", "Microsoft Edge", "system", cfg.join("microsoft-edge")),
                root("edge", "Microsoft Edge", "flatpak", flatpak("com.microsoft.Edge", "microsoft-edge")),
                root("vivaldi", "Vivaldi", "system", cfg.join("vivaldi")),
                root("vivaldi", "Vivaldi", "flatpak", flatpak("com.vivaldi.Vivaldi", "vivaldi")),
                root("opera", "Opera", "system", cfg.join("opera")),
            ]
        }
        OsFamily::Macos => {
            let s = host.mac_app_support();
            vec![
                root("chrome", "Google Chrome", "system", s.join("Google").join("Chrome")),
                root("chromium", "Chromium", "system", s.join("Chromium")),
                root("brave", "Brave", "system", s.join("BraveSoftware").join("Brave-Browser")),
                root("edge", "Microsoft Edge", "system", s.join("Microsoft Edge")),
                root("vivaldi", "Vivaldi", "system", s.join("Vivaldi")),
                root("opera", "Opera", "system", s.join("com.operasoftware.Opera")),
            ]
        }
        OsFamily::Windows => {
            let l = host.local_appdata();
            let ud = |vendor: &str| super::host::join_slashed(&l, &format!("{vendor}/User Data"));
            vec![
                root("chrome", "Google Chrome", "system", ud("Google/Chrome")),
                root("chromium", "Chromium", "system", ud("Chromium")),
                root("brave", "Brave", "system", ud("BraveSoftware/Brave-Browser")),
                root("edge", "Microsoft Edge", "system", ud("Microsoft/Edge")),
                root("vivaldi", "Vivaldi", "system", ud("Vivaldi")),
                root("opera", "Opera", "system", host.appdata().join("Opera Software").join("Opera Stable")),
            ]
        }
    }
}

/// Profile folders that are not a person's profile.
const NOT_PROFILES: &[&str] = &["System Profile", "Guest Profile"];

/// Every Chromium-family installation with a user-data folder in this home.
pub fn detect_browsers(host: &Host, reader: &mut Reader<'_>) -> Vec<Browser> {
    let mut out = Vec::new();
    for root in browser_roots(host) {
        if !reader.is_dir(&root.path) {
            continue;
        }
        let local_state = read_object(reader, root.app, &root.path.join("Local State"));
        let info_cache =
            local_state.as_ref().and_then(|s| s.pointer("/profile/info_cache")).and_then(Value::as_object);
        let last_used =
            local_state.as_ref().and_then(|s| s.pointer("/profile/last_used")).and_then(Value::as_str);
        let mut folders: Vec<(String, PathBuf)> = Vec::new();
        if has_preferences(&root.path) {
            folders.push((String::new(), root.path.clone()));
        }
        for entry in reader.list_dir(root.app, &root.path) {
            if entry.is_dir && !NOT_PROFILES.contains(&entry.name.as_str()) && has_preferences(&entry.path) {
                folders.push((entry.name.clone(), entry.path));
            }
        }
        let default_dir = last_used.unwrap_or("Default");
        let only_root = folders.len() == 1 && folders[0].0.is_empty();
        let profiles = folders
            .into_iter()
            .map(|(dir, path)| {
                let name = info_cache
                    .and_then(|c| c.get(&dir))
                    .and_then(|p| p.get("name"))
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                    .unwrap_or_else(|| if dir.is_empty() { root.name.to_owned() } else { dir.clone() });
                let default = only_root || dir == default_dir;
                let extensions = profile_extensions(reader, root.app, &path);
                BrowserProfile {
                    name,
                    path: path.display().to_string(),
                    default,
                    unlisted: false,
                    extensions,
                }
            })
            .collect();
        out.push(Browser {
            id: root.app.to_owned(),
            name: root.name.to_owned(),
            family: BrowserFamily::Chromium,
            install: root.install.to_owned(),
            root: root.path.display().to_string(),
            profiles,
        });
    }
    out
}

/// A JSON file Chrome writes as one object. Anything else (`null`, a list, a number) is said to be
/// unexpected, rather than read as a file that holds nothing.
fn read_object(reader: &mut Reader<'_>, app: &str, path: &Path) -> Option<Value> {
    let json = reader.read_json(app, path)?;
    if json.is_object() {
        return Some(json);
    }
    reader.problem("detect.unexpected_format", app, path, "not a JSON object, as the browser writes it");
    None
}

fn has_preferences(dir: &Path) -> bool {
    dir.join("Preferences").is_file() || dir.join("Secure Preferences").is_file()
}

/// Extension locations that belong to the browser itself (component extensions).
const COMPONENT_LOCATIONS: &[i64] = &[5, 10];

/// The extensions of one Chromium profile.
pub fn profile_extensions(reader: &mut Reader<'_>, app: &str, profile: &Path) -> Vec<Extension> {
    let mut settings: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    let mut evidence: BTreeMap<String, String> = BTreeMap::new();
    for file in ["Preferences", "Secure Preferences"] {
        let path = profile.join(file);
        let Some(json) = read_object(reader, app, &path) else {
            continue;
        };
        for pointer in ["/extensions/settings", "/extensions/opsettings"] {
            let Some(map) = json.pointer(pointer).and_then(Value::as_object) else {
                continue;
            };
            for (id, entry) in map {
                let Some(entry) = entry.as_object() else { continue };
                let merged = settings.entry(id.clone()).or_default();
                for (k, v) in entry {
                    merged.insert(k.clone(), v.clone());
                }
                evidence.entry(id.clone()).or_insert_with(|| path.display().to_string());
            }
        }
    }
    let ext_dir = profile.join("Extensions");
    let on_disk: Vec<String> = reader
        .list_dir(app, &ext_dir)
        .into_iter()
        .filter(|e| e.is_dir && is_extension_id(&e.name))
        .map(|e| e.name)
        .collect();
    let mut out = Vec::new();
    for (id, entry) in &settings {
        let location = entry.get("location").and_then(Value::as_i64).unwrap_or(0);
        if COMPONENT_LOCATIONS.contains(&location) {
            continue;
        }
        let pref_manifest = entry.get("manifest").and_then(Value::as_object);
        let version_dir = entry
            .get("path")
            .and_then(Value::as_str)
            .map(|p| super::host::join_slashed(&ext_dir, p))
            .filter(|p| p.join("manifest.json").is_file())
            // An id is a folder name only when it is an id: `../..` or `/etc` in a file lead nowhere.
            .or_else(|| {
                is_extension_id(id).then(|| latest_version_dir(reader, app, &ext_dir.join(id))).flatten()
            });
        let disk = version_dir.as_deref().and_then(|d| read_manifest(reader, app, d));
        let name = disk
            .as_ref()
            .map(|m| m.name.clone())
            .or_else(|| pref_manifest.and_then(|m| m.get("name")).and_then(Value::as_str).map(str::to_owned))
            .filter(|n| !n.is_empty() && !n.starts_with("__MSG_"))
            .unwrap_or_else(|| id.clone());
        let version = disk
            .as_ref()
            .map(|m| m.version.clone())
            .or_else(|| {
                pref_manifest.and_then(|m| m.get("version")).and_then(Value::as_str).map(str::to_owned)
            })
            .unwrap_or_default();
        let manifest_version = disk.as_ref().and_then(|m| m.manifest_version).or_else(|| {
            pref_manifest
                .and_then(|m| m.get("manifest_version"))
                .and_then(Value::as_u64)
                .and_then(|v| u8::try_from(v).ok())
        });
        let (enabled, reasons) = enabled_state(entry, manifest_version);
        out.push(Extension {
            id: id.clone(),
            name,
            version,
            enabled,
            disabled_reasons: reasons,
            temporary: false,
            manifest_version,
            evidence: evidence.get(id).cloned().unwrap_or_default(),
        });
    }
    for id in on_disk.iter().filter(|id| !settings.contains_key(*id)) {
        let Some(dir) = latest_version_dir(reader, app, &ext_dir.join(id)) else {
            continue;
        };
        let Some(manifest) = read_manifest(reader, app, &dir) else {
            continue;
        };
        out.push(Extension {
            id: id.clone(),
            name: manifest.name.clone(),
            version: manifest.version.clone(),
            enabled: false,
            disabled_reasons: vec!["not-registered".to_owned()],
            temporary: false,
            manifest_version: manifest.manifest_version,
            evidence: dir.join("manifest.json").display().to_string(),
        });
    }
    out
}

/// Chrome extension ids are 32 letters `a`–`p`.
fn is_extension_id(name: &str) -> bool {
    name.len() == 32 && name.bytes().all(|b| (b'a'..=b'p').contains(&b))
}

/// A language code as `_locales` folders are named: `en`, `pt_BR`, `es_419`.
fn is_locale(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 16
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Chrome's disable-reason bits (extensions/browser/disable_reason.h) and the words we report.
const DISABLE_REASONS: &[(u64, &str)] = &[
    (1 << 0, "user-disabled"),
    (1 << 1, "permissions-increase"),
    (1 << 2, "reload"),
    (1 << 3, "unsupported-requirement"),
    (1 << 4, "sideload-wipeout"),
    (1 << 8, "not-verified"),
    (1 << 9, "greylist"),
    (1 << 10, "corrupted"),
    (1 << 11, "remote-install"),
    (1 << 13, "external-extension"),
    (1 << 14, "update-required-by-policy"),
    (1 << 15, "custodian-approval-required"),
    (1 << 16, "blocked-by-policy"),
    (1 << 19, "reinstall"),
    (1 << 20, "not-allowlisted"),
    (1 << 22, "unpublished-required-by-policy"),
    (1 << 23, "manifest-v2"),
    (1 << 24, "developer-extension"),
];

/// Whether an extension entry is enabled, and the reasons when it is not.
pub fn enabled_state(entry: &Map<String, Value>, manifest_version: Option<u8>) -> (bool, Vec<String>) {
    // `disable_reasons` is a bit mask up to Chrome 135 and a list of reason values after.
    let bits: u64 = match entry.get("disable_reasons") {
        Some(Value::Number(n)) => n.as_u64().unwrap_or(0),
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_u64).fold(0, |acc, r| acc | r),
        _ => 0,
    };
    let state = entry.get("state").and_then(Value::as_i64);
    let enabled = match state {
        Some(s) => s == 1 && bits == 0,
        None => bits == 0,
    };
    let mut reasons = Vec::new();
    let mut rest = bits;
    for (bit, word) in DISABLE_REASONS {
        if bits & bit != 0 {
            reasons.push((*word).to_owned());
            rest &= !bit;
        }
    }
    if rest != 0 {
        reasons.push(format!("disable-reasons:{rest}"));
    }
    if !enabled && manifest_version == Some(2) && !reasons.iter().any(|r| r == "manifest-v2") {
        reasons.push("manifest-v2".to_owned());
    }
    if !enabled && reasons.is_empty() {
        reasons.push("disabled".to_owned());
    }
    (enabled, reasons)
}

/// What a `manifest.json` says about an extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestInfo {
    pub name: String,
    pub version: String,
    pub manifest_version: Option<u8>,
}

/// The highest version folder of an installed extension (`Extensions/<id>/<version>_0`).
fn latest_version_dir(reader: &mut Reader<'_>, app: &str, id_dir: &Path) -> Option<PathBuf> {
    reader
        .list_dir(app, id_dir)
        .into_iter()
        .filter(|e| e.is_dir && e.path.join("manifest.json").is_file())
        .max_by(|a, b| version_key(&a.name).cmp(&version_key(&b.name)))
        .map(|e| e.path)
}

fn version_key(name: &str) -> Vec<u64> {
    name.split(['.', '_']).map(|p| p.parse().unwrap_or(0)).collect()
}

/// Reads `manifest.json` in a version folder, resolving a `__MSG_name__` through `_locales`.
pub fn read_manifest(reader: &mut Reader<'_>, app: &str, dir: &Path) -> Option<ManifestInfo> {
    let path = dir.join("manifest.json");
    let json = reader.read_json(app, &path)?;
    let raw_name = json.get("name").and_then(Value::as_str).unwrap_or("").to_owned();
    let name = match raw_name.strip_prefix("__MSG_").and_then(|n| n.strip_suffix("__")) {
        Some(key) => {
            let locale = json.get("default_locale").and_then(Value::as_str).unwrap_or("en");
            // A language code names a folder of `_locales`; anything else (a path) is not followed.
            let messages = is_locale(locale)
                .then(|| reader.read_json(app, &dir.join("_locales").join(locale).join("messages.json")))
                .flatten();
            messages
                .as_ref()
                .and_then(Value::as_object)
                .and_then(|m| m.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v))
                .and_then(|v| v.get("message"))
                .and_then(Value::as_str)
                .map(str::to_owned)
                .unwrap_or(raw_name)
        }
        None => raw_name,
    };
    Some(ManifestInfo {
        name,
        version: json.get("version").and_then(Value::as_str).unwrap_or("").to_owned(),
        manifest_version: json
            .get("manifest_version")
            .and_then(Value::as_u64)
            .and_then(|v| u8::try_from(v).ok()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entry(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn old_state_field_decides_up_to_chrome_135() {
        assert_eq!(enabled_state(&entry(json!({"state": 1})), Some(3)), (true, vec![]));
        let (on, why) = enabled_state(&entry(json!({"state": 0, "disable_reasons": 1})), Some(3));
        assert!(!on);
        assert_eq!(why, vec!["user-disabled".to_owned()]);
    }

    #[test]
    fn from_chrome_136_no_reasons_means_enabled() {
        assert!(enabled_state(&entry(json!({})), Some(3)).0);
        assert!(enabled_state(&entry(json!({"disable_reasons": []})), Some(3)).0);
        assert!(enabled_state(&entry(json!({"disable_reasons": 0})), Some(3)).0);
        let (on, why) = enabled_state(&entry(json!({"disable_reasons": [8388608]})), Some(2));
        assert!(!on);
        assert_eq!(why, vec!["manifest-v2".to_owned()]);
    }

    #[test]
    fn a_disabled_mv2_extension_is_said_to_be_mv2_and_unknown_bits_are_kept() {
        let (on, why) = enabled_state(&entry(json!({"state": 0})), Some(2));
        assert!(!on);
        assert_eq!(why, vec!["manifest-v2".to_owned()]);
        let (_, why) = enabled_state(&entry(json!({"disable_reasons": 1 << 30})), Some(3));
        assert_eq!(why, vec![format!("disable-reasons:{}", 1u64 << 30)]);
    }

    #[test]
    fn extension_ids_are_recognised() {
        assert!(is_extension_id("cjpalhdlnbpafiamejdnhcphjbkeiagm"));
        assert!(!is_extension_id("Temp"));
        assert!(!is_extension_id("cjpalhdlnbpafiamejdnhcphjbkeiagz"));
        assert!(!is_extension_id("../../../../../../../../../../etc"));
    }

    #[test]
    fn locales_are_codes_not_paths() {
        for code in ["en", "pt_BR", "es_419", "zh-CN"] {
            assert!(is_locale(code), "{code}");
        }
        for path in ["", "..", "../../etc", "/etc", "C:\\x", "en/../.."] {
            assert!(!is_locale(path), "{path}");
        }
    }
}
