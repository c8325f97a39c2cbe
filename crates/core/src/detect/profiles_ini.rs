//! Mozilla profile discovery, shared by Firefox and its forks and by Thunderbird: `profiles.ini`,
//! `installs.ini`, and a scan of the root for profile folders the files do not list.
//!
//! Firefox stops at the first missing `[ProfileN]` index and osquery only scans folders; we read every
//! `[Profile…]` section *and* scan, and take the default from the `[Install…]` sections (one per
//! installation, Firefox 67+) before the old `Default=1`. INI is parsed without escape or quote processing:
//! Windows paths keep their backslashes. This module finds profiles; it does not read what is inside them.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use ini::{Ini, ParseOption};

use super::host::{join_slashed, Host};
use super::reader::Reader;
use crate::system::OsFamily;

/// A profile folder found under a root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileRef {
    pub name: String,
    pub path: PathBuf,
    pub default: bool,
    /// Found by scanning, not listed in `profiles.ini`.
    pub unlisted: bool,
}

/// Parses INI text the way Mozilla writes it: no quotes, no escapes.
pub fn parse_ini(text: &str) -> Result<Ini, String> {
    let opt = ParseOption { enabled_quote: false, enabled_escape: false, ..ParseOption::default() };
    Ini::load_from_str_opt(text.trim_start_matches('\u{feff}'), opt).map_err(|e| e.to_string())
}

/// An entry listed in `profiles.ini`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedProfile {
    pub name: String,
    /// `Path` as written.
    pub path: String,
    pub relative: bool,
    /// `Default=1` (the pre-67 default).
    pub old_default: bool,
}

/// The profiles and per-installation defaults of a `profiles.ini` (plus `installs.ini`, when given).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfilesIni {
    pub profiles: Vec<ListedProfile>,
    /// `Default=` of each `[Install…]` (profiles.ini) or `[<hash>]` (installs.ini) section, as written.
    pub install_defaults: Vec<String>,
}

/// Reads the sections that matter from `profiles.ini` and `installs.ini` texts.
pub fn profiles_from_ini(profiles: &Ini, installs: Option<&Ini>) -> ProfilesIni {
    let mut out = ProfilesIni::default();
    // Each default once, in the order met, in time linear in the files (they may hold many sections).
    let mut defaults = HashSet::new();
    for (section, props) in profiles.iter() {
        let Some(section) = section else { continue };
        if has_prefix(section, "profile") {
            let Some(path) = props.get("Path").map(str::trim).filter(|p| !p.is_empty()) else {
                continue;
            };
            let name = props.get("Name").map(str::trim).unwrap_or(path).to_owned();
            let relative = props.get("IsRelative").map(str::trim) != Some("0");
            let old_default = props.get("Default").map(str::trim) == Some("1");
            out.profiles.push(ListedProfile { name, path: path.to_owned(), relative, old_default });
        } else if has_prefix(section, "install") {
            if let Some(d) = props.get("Default").map(str::trim).filter(|d| !d.is_empty()) {
                if defaults.insert(d) {
                    out.install_defaults.push(d.to_owned());
                }
            }
        }
    }
    if let Some(installs) = installs {
        for (section, props) in installs.iter() {
            if section.is_none() {
                continue;
            }
            if let Some(d) = props.get("Default").map(str::trim).filter(|d| !d.is_empty()) {
                if defaults.insert(d) {
                    out.install_defaults.push(d.to_owned());
                }
            }
        }
    }
    out
}

/// `[Profile…]`/`[Install…]`: the prefix, any case, followed by something. Never slices inside a character.
fn has_prefix(section: &str, prefix: &str) -> bool {
    section.len() > prefix.len()
        && section.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

/// Resolves a profile path written in an ini file: relative to the root, or absolute.
///
/// An absolute path written on another OS (a Windows home examined on Linux) is re-anchored at the home
/// folder from its `AppData` or `Library` component, so `C:\Users\ana\AppData\Roaming\…` still resolves.
pub fn resolve_profile_path(host: &Host, root: &Path, raw: &str, relative: bool) -> Option<PathBuf> {
    let looks_absolute = raw.starts_with('/') || raw.starts_with('\\') || raw.get(1..3) == Some(":\\");
    if relative && !looks_absolute {
        return Some(join_slashed(root, raw));
    }
    if host.live {
        return Some(PathBuf::from(raw));
    }
    let anchor = match host.os {
        OsFamily::Windows => "appdata",
        OsFamily::Macos => "library",
        _ => "",
    };
    let parts: Vec<&str> = raw.split(['/', '\\']).filter(|p| !p.is_empty()).collect();
    if !anchor.is_empty() {
        if let Some(i) = parts.iter().position(|p| p.eq_ignore_ascii_case(anchor)) {
            return Some(join_slashed(&host.home, &parts[i..].join("/")));
        }
    }
    // Any other home: only a path that already lies inside the audited home.
    let path = PathBuf::from(raw);
    if path.is_absolute() && path.starts_with(&host.home) {
        return Some(path);
    }
    None
}

/// Files whose presence makes a folder a Mozilla profile.
const PROFILE_MARKERS: &[&str] = &["prefs.js", "times.json", "extensions.json", "compatibility.ini"];

/// Folders under a root that are never profiles.
const NOT_PROFILES: &[&str] = &["Crash Reports", "Pending Pings", "Profiles", "Profile Groups"];

/// Finds the profiles of one root: those `profiles.ini` lists, then folders that look like profiles
/// (directly under the root, and under `Profiles/` as on macOS and Windows).
pub fn discover_profiles(host: &Host, reader: &mut Reader<'_>, app: &str, root: &Path) -> Vec<ProfileRef> {
    let mut out: Vec<ProfileRef> = Vec::new();
    let mut seen: BTreeSet<PathBuf> = BTreeSet::new();
    let ini_path = root.join("profiles.ini");
    let listed = match reader.read_text(app, &ini_path) {
        Some(text) => match parse_ini(&text) {
            Ok(ini) => {
                let installs_path = root.join("installs.ini");
                let installs = reader.read_text(app, &installs_path).and_then(|t| match parse_ini(&t) {
                    Ok(i) => Some(i),
                    Err(e) => {
                        reader.problem(
                            "detect.invalid_ini",
                            app,
                            &installs_path,
                            format!("not a valid INI file: {e}"),
                        );
                        None
                    }
                });
                profiles_from_ini(&ini, installs.as_ref())
            }
            Err(e) => {
                reader.problem("detect.invalid_ini", app, &ini_path, format!("not a valid INI file: {e}"));
                ProfilesIni::default()
            }
        },
        None => ProfilesIni::default(),
    };
    let install_defaults: HashSet<PathBuf> = listed
        .install_defaults
        .iter()
        .filter_map(|d| resolve_profile_path(host, root, d, true))
        .map(|p| canonical(&p))
        .collect();
    for profile in &listed.profiles {
        let Some(path) = resolve_profile_path(host, root, &profile.path, profile.relative) else {
            reader.problem(
                "detect.unresolved_path",
                app,
                &ini_path,
                format!("the profile path `{}` cannot be found from this computer", profile.path),
            );
            continue;
        };
        if !reader.is_dir(&path) {
            if reader.exists(&path) {
                reader.problem(
                    "detect.not_a_folder",
                    app,
                    &path,
                    "a profile listed in profiles.ini is not a folder",
                );
            }
            continue;
        }
        let key = canonical(&path);
        if !seen.insert(key.clone()) {
            continue;
        }
        let default =
            if install_defaults.is_empty() { profile.old_default } else { install_defaults.contains(&key) };
        out.push(ProfileRef { name: profile.name.clone(), path, default, unlisted: false });
    }
    for dir in [root.to_path_buf(), root.join("Profiles")] {
        for entry in reader.list_dir(app, &dir) {
            if !entry.is_dir || NOT_PROFILES.contains(&entry.name.as_str()) {
                continue;
            }
            if !PROFILE_MARKERS.iter().any(|m| entry.path.join(m).is_file()) {
                continue;
            }
            let key = canonical(&entry.path);
            if !seen.insert(key.clone()) {
                continue;
            }
            let name =
                entry.name.split_once('.').map(|(_, n)| n).filter(|n| !n.is_empty()).unwrap_or(&entry.name);
            let default = install_defaults.contains(&key);
            out.push(ProfileRef { name: name.to_owned(), path: entry.path, default, unlisted: true });
        }
    }
    out
}

/// The real location of a folder (links resolved), or the path itself when it cannot be resolved.
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEBIAN_ESR: &str = "[Profile1]\nName=default\nIsRelative=1\nPath=pirowkg9.default\nDefault=1\n\n\
        [Profile0]\nName=default-esr\nIsRelative=1\nPath=b1kfkv06.default-esr\n\n\
        [General]\nStartWithLastProfile=1\nVersion=2\n\n\
        [Install3B6073811A6ABF12]\nDefault=b1kfkv06.default-esr\nLocked=1\n";

    #[test]
    fn install_sections_name_the_real_default() {
        let ini = parse_ini(DEBIAN_ESR).unwrap();
        let parsed = profiles_from_ini(&ini, None);
        assert_eq!(parsed.profiles.len(), 2);
        assert_eq!(parsed.profiles[0].name, "default");
        assert!(parsed.profiles[0].old_default);
        assert_eq!(parsed.install_defaults, vec!["b1kfkv06.default-esr".to_owned()]);
    }

    #[test]
    fn windows_paths_keep_their_backslashes() {
        let ini = parse_ini("[Profile0]\nName=a\nIsRelative=0\nPath=C:\\Users\\ana\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles\\x.default\n").unwrap();
        let parsed = profiles_from_ini(&ini, None);
        assert_eq!(
            parsed.profiles[0].path,
            "C:\\Users\\ana\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles\\x.default"
        );
        assert!(!parsed.profiles[0].relative);
        let host = Host::for_home("/h", OsFamily::Windows);
        let resolved = resolve_profile_path(&host, Path::new("/r"), &parsed.profiles[0].path, false).unwrap();
        assert_eq!(resolved, PathBuf::from("/h/AppData/Roaming/Mozilla/Firefox/Profiles/x.default"));
    }

    #[test]
    fn section_names_with_accents_do_not_break_parsing() {
        let ini = parse_ini("[Profilé1]\nPath=a\n[Instalé]\nDefault=b\n[Profile2]\nPath=c\n").unwrap();
        let parsed = profiles_from_ini(&ini, None);
        // `Profilé1` cuts `é` at byte 7: not a `[Profile…]` section, and no panic.
        assert_eq!(parsed.profiles.len(), 1);
        assert_eq!(parsed.profiles[0].path, "c");
        assert!(parsed.install_defaults.is_empty());
    }

    /// Each default once, in the order met, whichever file and however many sections repeat it (files of
    /// many thousands of sections used to be compared section by section).
    #[test]
    fn each_install_default_is_kept_once() {
        let profiles = parse_ini("[InstallA]\nDefault=x\n[InstallB]\nDefault= x \n").unwrap();
        let mut installs = String::new();
        for i in 0..20_000 {
            installs.push_str(&format!("[{i:X}]\nDefault={}\n", ["y", "x", "z"][i % 3]));
        }
        let parsed = profiles_from_ini(&profiles, Some(&parse_ini(&installs).unwrap()));
        assert_eq!(parsed.install_defaults, ["x", "y", "z"]);
    }

    #[test]
    fn gaps_in_profile_numbers_are_forgiven() {
        let ini = parse_ini("[Profile0]\nPath=a\n[Profile7]\nPath=b\nName=bee\n").unwrap();
        let parsed = profiles_from_ini(&ini, None);
        assert_eq!(parsed.profiles.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["a", "bee"]);
    }
}
