//! Which known browsers and mail clients are running right now, so the app can say "close Firefox
//! before…" where it matters (a running Firefox rewrites `extensions.json`).
//!
//! Only meaningful for the live machine: a home laid out as files has no processes. Process names are
//! matched exactly against the executable names each application uses; nothing else about a process is
//! read.

use std::collections::BTreeSet;

use sysinfo::{ProcessRefreshKind, ProcessesToUpdate, System};

/// Executable names (lower-case, without `.exe`) → application id.
const EXECUTABLES: &[(&str, &str)] = &[
    ("firefox", "firefox"),
    ("firefox-esr", "firefox"),
    ("firefox-bin", "firefox"),
    ("librewolf", "librewolf"),
    ("floorp", "floorp"),
    ("waterfox", "waterfox"),
    ("chrome", "chrome"),
    ("google-chrome", "chrome"),
    ("google chrome", "chrome"),
    ("chromium", "chromium"),
    ("chromium-browser", "chromium"),
    ("brave", "brave"),
    ("brave browser", "brave"),
    ("msedge", "edge"),
    ("microsoft edge", "edge"),
    ("vivaldi-bin", "vivaldi"),
    ("vivaldi", "vivaldi"),
    ("opera", "opera"),
    ("thunderbird", "thunderbird"),
    ("thunderbird-bin", "thunderbird"),
];

/// The application id an executable name belongs to.
pub fn app_for_process(name: &str) -> Option<&'static str> {
    let lower = name.trim().to_ascii_lowercase();
    let stem = lower.strip_suffix(".exe").unwrap_or(&lower);
    EXECUTABLES.iter().find(|(exe, _)| *exe == stem).map(|(_, app)| *app)
}

/// Ids of known applications running on this machine, sorted, each once.
pub fn running_apps() -> Vec<String> {
    let Ok(mut system) = System::new() else {
        return Vec::new();
    };
    system.refresh_processes_specifics(ProcessesToUpdate::All, true, ProcessRefreshKind::nothing());
    let found: BTreeSet<&'static str> =
        system.processes().values().filter_map(|p| app_for_process(&p.name().to_string_lossy())).collect();
    found.into_iter().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn executable_names_map_to_apps() {
        assert_eq!(app_for_process("firefox-esr"), Some("firefox"));
        assert_eq!(app_for_process("msedge.exe"), Some("edge"));
        assert_eq!(app_for_process("Google Chrome"), Some("chrome"));
        assert_eq!(app_for_process("firefoxish"), None);
    }

    #[test]
    fn listing_this_machine_does_not_fail() {
        let apps = running_apps();
        assert!(apps.windows(2).all(|w| w[0] < w[1]));
    }
}
