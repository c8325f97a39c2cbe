//! Starts the Premiers Pas desktop app.

// No console window next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::ffi::OsString;
use std::process::ExitCode;

use premiers_pas_app::config::AppConfig;
use premiers_pas_app::usage::DesktopApp;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // The language of --help and of a usage error: --lang if given, else the system's.
    let lang = premiers_pas_usage::lang_before_parsing(&args, None, premiers_pas_core::system_lang);
    let config = match AppConfig::from_args(args, lang) {
        Ok(config) => config,
        // clap renders --help and --version as "errors" too; it knows the right exit code.
        Err(err) => premiers_pas_usage::exit::<DesktopApp>(err, lang),
    };
    match premiers_pas_app::run(config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("premiers-pas-app: {err}");
            ExitCode::FAILURE
        }
    }
}
