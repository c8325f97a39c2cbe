//! Firefox and its forks (LibreWolf, Floorp, Waterfox): where their profiles live on each OS and for each
//! way of installing them, and which extensions each profile has, from the browser's own
//! `extensions.json`.
//!
//! An extension counts as enabled only when Firefox says it is `active` *and* none of `userDisabled`,
//! `appDisabled`, `softDisabled`, `embedderDisabled` is set; each set flag becomes a reason. Mozilla's own
//! built-in add-ons are left out: they are part of the browser, not choices a person made. This module
//! does not judge whether uBlock Origin is there; the checklist does, from these facts.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::host::Host;
use super::profiles_ini::discover_profiles;
use super::reader::Reader;
use crate::audit::{Browser, BrowserFamily, BrowserProfile, Extension};
use crate::system::OsFamily;

/// One place where a Gecko application keeps its profiles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeckoRoot {
    /// The application id from `apps.toml`.
    pub app: &'static str,
    /// Fallback display name when the reference data has none.
    pub name: &'static str,
    /// How it is installed: `system`, `snap`, `flatpak`.
    pub install: &'static str,
    pub path: PathBuf,
}

/// The profile roots of Firefox and its forks for this host.
pub fn browser_roots(host: &Host) -> Vec<GeckoRoot> {
    let root = |app, name, install, path| GeckoRoot { app, name, install, path };
    match host.os {
        OsFamily::Linux | OsFamily::Other => {
            let xdg = host.xdg_config_home();
            vec![
                root("firefox", "Firefox", "system", host.home_path(".mozilla/firefox")),
                // Firefox 147+ for new profiles, and Debian 12's Firefox ESR 153.
                root("firefox", "Firefox", "system", xdg.join("mozilla").join("firefox")),
                root("firefox", "Firefox", "snap", host.home_path("snap/firefox/common/.mozilla/firefox")),
                root(
                    "firefox",
                    "Firefox",
                    "flatpak",
                    host.home_path(".var/app/org.mozilla.firefox/.mozilla/firefox"),
                ),
                root(
                    "firefox",
                    "Firefox",
                    "flatpak",
                    host.home_path(".var/app/org.mozilla.firefox/config/mozilla/firefox"),
                ),
                root("librewolf", "LibreWolf", "system", host.home_path(".librewolf")),
                root(
                    "librewolf",
                    "LibreWolf",
                    "flatpak",
                    host.home_path(".var/app/io.gitlab.librewolf-community/.librewolf"),
                ),
                root("floorp", "Floorp", "system", host.home_path(".floorp")),
                root("floorp", "Floorp", "flatpak", host.home_path(".var/app/one.ablaze.floorp/.floorp")),
                root("waterfox", "Waterfox", "system", host.home_path(".waterfox")),
                root(
                    "waterfox",
                    "Waterfox",
                    "flatpak",
                    host.home_path(".var/app/net.waterfox.waterfox/.waterfox"),
                ),
            ]
        }
        OsFamily::Macos => {
            let support = host.mac_app_support();
            vec![
                root("firefox", "Firefox", "system", support.join("Firefox")),
                root("librewolf", "LibreWolf", "system", support.join("LibreWolf")),
                root("floorp", "Floorp", "system", support.join("Floorp")),
                root("waterfox", "Waterfox", "system", support.join("Waterfox")),
            ]
        }
        OsFamily::Windows => {
            let appdata = host.appdata();
            vec![
                root("firefox", "Firefox", "system", appdata.join("Mozilla").join("Firefox")),
                root("librewolf", "LibreWolf", "system", appdata.join("librewolf")),
                root("floorp", "Floorp", "system", appdata.join("Floorp")),
                root("waterfox", "Waterfox", "system", appdata.join("Waterfox")),
            ]
        }
    }
}

/// Every Gecko browser installation that has a profile root in this home.
pub fn detect_browsers(host: &Host, reader: &mut Reader<'_>) -> Vec<Browser> {
    let mut out: Vec<Browser> = Vec::new();
    for root in browser_roots(host) {
        if !reader.is_dir(&root.path) || out.iter().any(|b| Path::new(&b.root) == root.path) {
            continue;
        }
        let profiles = discover_profiles(host, reader, root.app, &root.path)
            .into_iter()
            .map(|p| {
                let extensions = profile_extensions(reader, root.app, &p.path);
                BrowserProfile {
                    name: p.name,
                    path: p.path.display().to_string(),
                    default: p.default,
                    unlisted: p.unlisted,
                    extensions,
                }
            })
            .collect();
        out.push(Browser {
            id: root.app.to_owned(),
            name: root.name.to_owned(),
            family: BrowserFamily::Gecko,
            install: root.install.to_owned(),
            root: root.path.display().to_string(),
            profiles,
        });
    }
    out
}

/// The extensions of one profile; empty when the profile was never opened (no `extensions.json`).
pub fn profile_extensions(reader: &mut Reader<'_>, app: &str, profile: &Path) -> Vec<Extension> {
    let path = profile.join("extensions.json");
    match reader.read_json(app, &path) {
        Some(json) => {
            let found = extensions_from_json(&json, &path.display().to_string());
            if found.is_none() {
                reader.problem("detect.unexpected_format", app, &path, "no `addons` list in extensions.json");
            }
            found.unwrap_or_default()
        }
        None => Vec::new(),
    }
}

/// Mozilla's own add-ons, shipped inside the browser. A distribution may put a real choice (uBlock Origin)
/// in a system location, so only Mozilla's ids are dropped there.
fn is_builtin(location: &str, id: &str) -> bool {
    let mozilla = id.ends_with("@mozilla.org") || id.ends_with("@mozilla.com");
    location.starts_with("app-builtin")
        || (mozilla && (location == "app-system-defaults" || location == "app-system-addons"))
}

/// The extensions listed in an `extensions.json` document; `None` when it has no `addons` list.
pub fn extensions_from_json(json: &Value, evidence: &str) -> Option<Vec<Extension>> {
    let addons = json.get("addons")?.as_array()?;
    let flag = |a: &Value, k: &str| a.get(k).and_then(Value::as_bool).unwrap_or(false);
    let mut out = Vec::new();
    for addon in addons {
        let Some(id) = addon.get("id").and_then(Value::as_str) else {
            continue;
        };
        if addon.get("type").and_then(Value::as_str) != Some("extension") {
            continue;
        }
        let location = addon.get("location").and_then(Value::as_str).unwrap_or("");
        if is_builtin(location, id) {
            continue;
        }
        let mut reasons = Vec::new();
        for (key, reason) in [
            ("userDisabled", "user-disabled"),
            ("appDisabled", "app-disabled"),
            ("softDisabled", "soft-disabled"),
            ("embedderDisabled", "embedder-disabled"),
        ] {
            if flag(addon, key) {
                reasons.push(reason.to_owned());
            }
        }
        let active = flag(addon, "active");
        if !active && reasons.is_empty() {
            reasons.push("inactive".to_owned());
        }
        let name = addon
            .get("defaultLocale")
            .and_then(|l| l.get("name"))
            .and_then(Value::as_str)
            .unwrap_or(id)
            .to_owned();
        out.push(Extension {
            id: id.to_owned(),
            name,
            version: addon.get("version").and_then(Value::as_str).unwrap_or("").to_owned(),
            enabled: active && reasons.is_empty(),
            disabled_reasons: reasons,
            temporary: location == "app-temporary",
            manifest_version: addon
                .get("manifestVersion")
                .and_then(Value::as_u64)
                .and_then(|v| u8::try_from(v).ok()),
            evidence: evidence.to_owned(),
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ubo(extra: Value) -> Value {
        let mut addon = json!({
            "id": "uBlock0@raymondhill.net", "type": "extension", "version": "1.67.0",
            "defaultLocale": {"name": "uBlock Origin"}, "active": true, "userDisabled": false,
            "appDisabled": false, "softDisabled": false, "embedderDisabled": false, "location": "app-profile"
        });
        for (k, v) in extra.as_object().unwrap() {
            addon[k] = v.clone();
        }
        json!({"schemaVersion": 37, "addons": [addon]})
    }

    #[test]
    fn active_and_not_disabled_is_enabled() {
        let exts = extensions_from_json(&ubo(json!({})), "e.json").unwrap();
        assert_eq!(exts.len(), 1);
        assert!(exts[0].enabled);
        assert_eq!(exts[0].name, "uBlock Origin");
    }

    #[test]
    fn every_disabling_flag_counts_including_embedder() {
        for (flag, reason) in [
            ("userDisabled", "user-disabled"),
            ("appDisabled", "app-disabled"),
            ("softDisabled", "soft-disabled"),
            ("embedderDisabled", "embedder-disabled"),
        ] {
            let exts = extensions_from_json(&ubo(json!({ flag: true })), "e.json").unwrap();
            assert!(!exts[0].enabled, "{flag}");
            assert_eq!(exts[0].disabled_reasons, vec![reason.to_owned()]);
        }
        let exts = extensions_from_json(&ubo(json!({"active": false})), "e.json").unwrap();
        assert_eq!(exts[0].disabled_reasons, vec!["inactive".to_owned()]);
    }

    #[test]
    fn temporary_add_ons_are_marked_and_builtins_left_out() {
        let exts = extensions_from_json(&ubo(json!({"location": "app-temporary"})), "e.json").unwrap();
        assert!(exts[0].enabled && exts[0].temporary);
        let exts = extensions_from_json(&ubo(json!({"location": "app-builtin-addons"})), "e.json").unwrap();
        assert!(exts.is_empty());
        let exts = extensions_from_json(&ubo(json!({"type": "theme"})), "e.json").unwrap();
        assert!(exts.is_empty());
    }

    #[test]
    fn a_document_without_addons_is_not_an_extension_list() {
        assert!(extensions_from_json(&json!({"schemaVersion": 1}), "e.json").is_none());
        assert!(extensions_from_json(&json!([1, 2]), "e.json").is_none());
    }
}
