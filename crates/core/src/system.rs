//! What kind of computer this is: the operating system, its version, the desktop, the locale.
//!
//! This is the one place that describes the *running* machine on purpose (the welcome screen shows it, and
//! it picks the default language). Detectors of browsers and mail never call it: they take a `Host`, so
//! that a home laid out as files can be audited as well.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::Lang;

/// The operating-system family, which decides where applications keep their files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum OsFamily {
    Linux,
    Macos,
    Windows,
    Other,
}

impl OsFamily {
    /// The family this program was built for.
    pub fn current() -> OsFamily {
        if cfg!(target_os = "linux") {
            OsFamily::Linux
        } else if cfg!(target_os = "macos") {
            OsFamily::Macos
        } else if cfg!(target_os = "windows") {
            OsFamily::Windows
        } else {
            OsFamily::Other
        }
    }

    /// `linux`, `macos`, `windows` or `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            OsFamily::Linux => "linux",
            OsFamily::Macos => "macos",
            OsFamily::Windows => "windows",
            OsFamily::Other => "other",
        }
    }
}

impl OsFamily {
    /// The names a person may give, each with its other spellings: what `FromStr` reads, and what the
    /// command line lists.
    pub const SPELLINGS: &'static [(&'static str, &'static [&'static str], OsFamily)] = &[
        ("linux", &[], OsFamily::Linux),
        ("macos", &["mac", "darwin"], OsFamily::Macos),
        ("windows", &["win"], OsFamily::Windows),
    ];
}

impl std::str::FromStr for OsFamily {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::i18n::spelled(s, Self::SPELLINGS).ok_or_else(|| {
            format!("unknown operating system `{}` (expected linux, macos or windows)", s.trim())
        })
    }
}

/// A short description of the running computer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SystemInfo {
    /// Operating-system family.
    pub os_family: OsFamily,
    /// A readable name, e.g. "Debian GNU/Linux", "Windows", "macOS".
    pub os_name: String,
    /// The version as the system states it, e.g. "12", "11 (22631)", "14.5". Empty when unknown.
    pub os_version: String,
    /// The kernel version, when known.
    pub kernel_version: Option<String>,
    /// The desktop environment on Linux (from `XDG_CURRENT_DESKTOP`), e.g. "GNOME", "KDE".
    pub desktop: Option<String>,
    /// The user's locale, e.g. "fr-FR". "en-US" when the system does not say.
    pub locale: String,
    /// The language the interface should start in, derived from `locale`.
    pub lang: Lang,
}

impl SystemInfo {
    /// "Debian GNU/Linux 12", or the name alone when the version is unknown.
    pub fn os_display(&self) -> String {
        if self.os_version.is_empty() {
            self.os_name.clone()
        } else {
            format!("{} {}", self.os_name, self.os_version)
        }
    }
}

/// Describes the running computer.
pub fn system_info() -> SystemInfo {
    let os_family = OsFamily::current();
    let os_name =
        sysinfo::System::name().ok().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| match os_family {
            OsFamily::Linux => "Linux".to_owned(),
            OsFamily::Macos => "macOS".to_owned(),
            OsFamily::Windows => "Windows".to_owned(),
            OsFamily::Other => std::env::consts::OS.to_owned(),
        });
    let os_version = sysinfo::System::os_version().unwrap_or_default();
    let desktop = std::env::var("XDG_CURRENT_DESKTOP").ok().and_then(|d| desktop_name(&d));
    let locale = system_locale();
    let lang = Lang::from_locale(&locale);
    SystemInfo {
        os_family,
        os_name,
        os_version,
        kernel_version: sysinfo::System::kernel_version().ok(),
        desktop,
        locale,
        lang,
    }
}

/// The language of the person's session: what a program speaks when it is not told (`--lang`). Asks only
/// for the locale, not for all of [`system_info`].
pub fn system_lang() -> Lang {
    Lang::from_locale(&system_locale())
}

fn system_locale() -> String {
    sys_locale::get_locale().unwrap_or_else(|| "en-US".to_owned())
}

/// `XDG_CURRENT_DESKTOP` is a colon-separated list ("ubuntu:GNOME"); the last entry is the desktop proper.
fn desktop_name(raw: &str) -> Option<String> {
    raw.split(':').map(str::trim).rfind(|s| !s.is_empty()).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_info_describes_this_machine() {
        let info = system_info();
        assert_eq!(info.os_family, OsFamily::current());
        assert!(!info.os_name.trim().is_empty());
        assert!(!info.locale.is_empty());
        assert_eq!(info.lang, Lang::from_locale(&info.locale));
    }

    #[test]
    fn desktop_takes_the_last_named_entry() {
        assert_eq!(desktop_name("ubuntu:GNOME").as_deref(), Some("GNOME"));
        assert_eq!(desktop_name("KDE").as_deref(), Some("KDE"));
        assert_eq!(desktop_name("").as_deref(), None);
        assert_eq!(desktop_name("XFCE:").as_deref(), Some("XFCE"));
    }

    #[test]
    fn os_family_parses_user_words() {
        assert_eq!("macOS".parse::<OsFamily>(), Ok(OsFamily::Macos));
        assert_eq!("Windows".parse::<OsFamily>(), Ok(OsFamily::Windows));
        assert!("beos".parse::<OsFamily>().is_err());
    }
}
