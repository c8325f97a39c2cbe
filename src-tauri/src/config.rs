//! How the app was launched: options a volunteer (or a test) gives on the command line. They mean what
//! the same options mean for the `premiers-pas` command line, except the language: `--lang`, else the
//! system's (the app does not read `PREMIERS_PAS_LANG`).

use std::ffi::OsString;
use std::path::PathBuf;

use clap::Parser;
use premiers_pas_core::session::AuditTarget;
use premiers_pas_core::{Lang, OsFamily};
use premiers_pas_usage::values::Why;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use premiers_pas_core::session::Mode;

/// The stand's idle delay when none is given, in seconds.
pub const DEFAULT_IDLE_SECONDS: u32 = 120;

/// Launch options, as the UI sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Parser)]
#[command(
    name = "premiers-pas-app",
    version,
    about = "Premiers Pas, the desktop app: first steps towards a more private digital life, at home, at a stand \
             or in a workshop"
)]
#[ts(export)]
pub struct AppConfig {
    /// Start directly in this mode (at home, at a stand, in a workshop) instead of showing the three
    /// choices. A stand started this way stays a stand.
    #[arg(long, value_parser = premiers_pas_usage::values::spelled(Mode::SPELLINGS), ignore_case = true)]
    pub mode: Option<Mode>,
    /// Language of the interface (fr or en). Defaults to the system's.
    #[arg(long, value_parser = premiers_pas_usage::values::lang(), ignore_case = true, hide_possible_values = true)]
    pub lang: Option<Lang>,
    /// The checklist pack to follow (default: premiers-pas).
    #[arg(long, value_name = "ID")]
    pub pack: Option<String>,
    /// Audit this folder as a home instead of this computer (system folders are not looked at).
    #[arg(long, value_name = "DIR")]
    pub home: Option<PathBuf>,
    /// The operating system of the home given with --home.
    #[arg(long, value_name = "OS", requires = "home",
          value_parser = premiers_pas_usage::values::spelled(OsFamily::SPELLINGS), ignore_case = true)]
    pub os: Option<OsFamily>,
    /// Folder where Premiers Pas keeps its data (saved progress, the offline directory). Default: the
    /// PREMIERS_PAS_DATA_DIR environment variable when it is set and not empty, else the platform's.
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The federation file a directory refresh reads (default: the current directory's, unless an imported
    /// one would lead into the local network; else the CHATONS federation's).
    #[arg(long, value_name = "URL")]
    pub directory_source: Option<String>,
    /// At a stand, seconds without a touch before asking "still there?" and then starting over.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_IDLE_SECONDS, value_parser = idle_seconds)]
    pub idle_seconds: u32,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            mode: None,
            lang: None,
            pack: None,
            home: None,
            os: None,
            data_dir: None,
            directory_source: None,
            idle_seconds: DEFAULT_IDLE_SECONDS,
        }
    }
}

impl AppConfig {
    /// Parses the process arguments (the first one is the program name), with the help and the usage
    /// errors in `lang` (see `premiers_pas_usage::lang_before_parsing`).
    pub fn from_args<I, T>(args: I, lang: Lang) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString>,
    {
        let args = args.into_iter().map(Into::into).collect();
        let mut config = premiers_pas_usage::try_parse::<AppConfig, crate::usage::DesktopApp>(args, lang)?;
        // Read here rather than by the parser, which takes a variable set to nothing (a launcher's
        // `PREMIERS_PAS_DATA_DIR=`) for an option given no value, and would not start.
        if config.data_dir.is_none() {
            config.data_dir = data_dir_from_env(std::env::var_os(premiers_pas_core::paths::DATA_DIR_ENV));
        }
        Ok(config)
    }

    /// What an audit looks at: `--home`/`--os`, else this computer.
    pub fn audit_target(&self) -> AuditTarget {
        match &self.home {
            Some(home) => AuditTarget::home(home, self.os),
            None => AuditTarget::live(),
        }
    }

    /// The data folder: `--data-dir` (or `PREMIERS_PAS_DATA_DIR`), else the platform's.
    pub fn resolved_data_dir(&self) -> PathBuf {
        premiers_pas_core::paths::resolve_data_dir(self.data_dir.clone())
    }
}

/// A stand's idle delay: from ten seconds (time to read a step) to a day.
fn idle_seconds(raw: &str) -> Result<u32, Why> {
    raw.trim().parse().ok().filter(|n| (10..=86_400).contains(n)).ok_or_else(|| {
        Why::new(
            "expected a number of seconds from 10 to 86400",
            "il faut un nombre de secondes, de 10 à 86 400",
        )
    })
}

/// The data folder the environment names, if it names one: set to nothing, it names none.
fn data_dir_from_env(value: Option<OsString>) -> Option<PathBuf> {
    value.filter(|v| !v.to_string_lossy().trim().is_empty()).map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_data_folder_variable_names_no_folder() {
        assert_eq!(data_dir_from_env(None), None);
        assert_eq!(data_dir_from_env(Some("".into())), None);
        assert_eq!(data_dir_from_env(Some("  ".into())), None);
        assert_eq!(data_dir_from_env(Some("/data".into())), Some(PathBuf::from("/data")));
    }

    #[test]
    fn parses_every_launch_option() {
        let config = AppConfig::from_args(
            [
                "app",
                "--mode",
                "stand",
                "--lang",
                "en",
                "--pack",
                "atelier-navigateur",
                "--home",
                "/tmp/home",
                "--os",
                "windows",
                "--data-dir",
                "/tmp/data",
                "--directory-source",
                "http://127.0.0.1:9/chatons.properties",
                "--idle-seconds",
                "45",
            ],
            Lang::En,
        )
        .unwrap();
        assert_eq!(config.mode, Some(Mode::Stand));
        assert_eq!(config.lang, Some(Lang::En));
        assert_eq!(config.pack.as_deref(), Some("atelier-navigateur"));
        assert_eq!(config.audit_target(), AuditTarget::home("/tmp/home", Some(OsFamily::Windows)));
        assert_eq!(config.resolved_data_dir(), PathBuf::from("/tmp/data"));
        assert_eq!(config.idle_seconds, 45);
    }

    #[test]
    fn defaults_and_refusals() {
        let parse = |args: &[&str]| AppConfig::from_args(args.iter().copied(), Lang::En);
        let config = parse(&["app"]).unwrap();
        assert_eq!(config.idle_seconds, DEFAULT_IDLE_SECONDS);
        assert_eq!(config.audit_target(), AuditTarget::live());
        assert!(parse(&["app", "--mode", "party"]).is_err());
        assert!(parse(&["app", "--os", "macos"]).is_err(), "--os needs --home");
        assert!(parse(&["app", "--home", "/h", "--os", "beos"]).is_err());
        assert!(parse(&["app", "--idle-seconds", "0"]).is_err());
        // As the command line reads them: any case, and the other spellings of a system.
        let config =
            parse(&["app", "--mode", "Stand", "--lang", "FR", "--home", "/h", "--os", "mac"]).unwrap();
        assert_eq!((config.mode, config.lang), (Some(Mode::Stand), Some(Lang::Fr)));
        assert_eq!(config.audit_target(), AuditTarget::home("/h", Some(OsFamily::Macos)));
    }
}
