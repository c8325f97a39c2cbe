//! `premiers-pas system`: what kind of computer this is.

use std::process::ExitCode;

use premiers_pas_core::{system_info, Lang};

use crate::errors::CliError;
use crate::out::outln;
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode, CliError> {
    let info = system_info();
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&info)?);
        return Ok(ExitCode::SUCCESS);
    }
    let none = match ctx.lang {
        Lang::Fr => "aucun",
        Lang::En => "none",
    };
    let (system, desktop, locale) = match ctx.lang {
        Lang::Fr => ("Système", "Bureau", "Langue"),
        Lang::En => ("System", "Desktop", "Locale"),
    };
    outln!("{system:<8} {}", info.os_display());
    outln!("{desktop:<8} {}", info.desktop.as_deref().unwrap_or(none));
    outln!("{locale:<8} {}", info.locale);
    Ok(ExitCode::SUCCESS)
}
