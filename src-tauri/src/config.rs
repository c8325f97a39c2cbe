//! How the app was launched: options a volunteer (or a test) gives on the command line.

use std::ffi::OsString;

use clap::Parser;
use premiers_pas_core::Lang;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The way the app is used today; it changes presentation and persistence, never the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Mode {
    /// Self-audit at home: progress is saved.
    Home,
    /// A stand at a fair: kiosk, nothing kept.
    Stand,
    /// A workshop: presentation view, chosen pack, handouts.
    Workshop,
}

/// Launch options, as the UI sees them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS, Parser)]
#[command(name = "premiers-pas-app", version, about = "Premiers Pas — the desktop app")]
#[ts(export)]
pub struct AppConfig {
    /// Start directly in this mode instead of showing the three choices.
    #[arg(long, value_enum)]
    pub mode: Option<Mode>,
    /// Interface language (fr or en); defaults to the system locale.
    #[arg(long)]
    pub lang: Option<Lang>,
}

impl AppConfig {
    /// Parses the process arguments (the first one is the program name).
    pub fn from_args<I, T>(args: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        AppConfig::try_parse_from(args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_mode_and_language() {
        let config = AppConfig::from_args(["app", "--mode", "stand", "--lang", "en"]).unwrap();
        assert_eq!(config.mode, Some(Mode::Stand));
        assert_eq!(config.lang, Some(Lang::En));
        assert_eq!(AppConfig::from_args(["app"]).unwrap(), AppConfig::default());
        assert!(AppConfig::from_args(["app", "--mode", "party"]).is_err());
    }
}
