//! Starts the Premiers Pas desktop app.

// No console window next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    let config = match premiers_pas_app::config::AppConfig::from_args(std::env::args_os()) {
        Ok(config) => config,
        Err(err) => {
            // clap renders --help and --version as "errors" too; it knows the right exit code.
            let _ = err.print();
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
        }
    };
    match premiers_pas_app::run(config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("premiers-pas-app: {err}");
            ExitCode::FAILURE
        }
    }
}
