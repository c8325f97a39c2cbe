//! `premiers-pas`: the command line of Premiers Pas.
//!
//! Everything here is presentation: parsing arguments, calling `premiers_pas_core`, printing text or JSON.
//! Each subcommand lives in its own module under `cmd/`. Exit codes: 0 success, 1 the thing checked is
//! not right (an invalid checklist, say), 2 a usage or runtime error, 130 a `directory refresh` stopped with
//! Ctrl-C (nothing kept). Everything is told in the person's language: the output, a runtime error
//! (`errors`), and `--help` and the usage errors too (`usage`), for which the language is read from the
//! arguments before they are parsed.

mod cmd;
mod errors;
mod out;
mod usage;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use premiers_pas_core::Lang;

use crate::errors::CliError;

/// Premiers Pas — first steps towards a more private digital life.
#[derive(Debug, Parser)]
#[command(name = "premiers-pas", version, about, long_about = None, propagate_version = true)]
struct Cli {
    /// Language of the output (fr or en). Defaults to the system locale.
    // The two codes are possible values, so that a wrong one is told with the list; the help already names
    // them.
    #[arg(
        long,
        global = true,
        env = usage::LANG_ENV,
        value_parser = premiers_pas_usage::values::lang(),
        ignore_case = true,
        hide_possible_values = true
    )]
    lang: Option<Lang>,

    /// Folder where Premiers Pas keeps its data (saved progress, the offline directory).
    #[arg(long, global = true, env = premiers_pas_core::paths::DATA_DIR_ENV, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Describe this computer: operating system, version, desktop, locale.
    System(cmd::system::Args),
    /// What this computer already has: browsers, extensions, default browser, applications, mail accounts.
    Audit(cmd::audit::Args),
    /// Mail addresses: who hosts them.
    Mail(cmd::mail::Args),
    /// Checklists: validate files, list packs, show a pack.
    Checklist(cmd::checklist::Args),
    /// The CHATONS directory: refresh it, keep it offline, find a host near you.
    Directory(cmd::directory::Args),
    /// The report to keep: where you stand on a pack, as HTML, Markdown or JSON.
    Report(cmd::report::Args),
}

/// What every subcommand receives besides its own arguments.
#[derive(Debug, Clone)]
pub struct Context {
    /// The language of human output.
    pub lang: Lang,
    /// The data folder, resolved (explicit, else the platform's).
    pub data_dir: PathBuf,
}

fn main() -> ExitCode {
    usage::tidy_environment();
    let args: Vec<OsString> = std::env::args_os().collect();
    let env = std::env::var_os(usage::LANG_ENV);
    let lang = premiers_pas_usage::lang_before_parsing(&args, env.as_deref(), premiers_pas_core::system_lang);
    let cli: Cli = premiers_pas_usage::parse::<Cli, usage::CommandLine>(args, lang);
    // The same language as the pre-scan's, which read the same flag and variable.
    let lang = cli.lang.unwrap_or(lang);
    let ctx = Context { lang, data_dir: premiers_pas_core::paths::resolve_data_dir(cli.data_dir) };
    let result = match cli.command {
        Command::System(args) => cmd::system::run(&ctx, args),
        Command::Audit(args) => cmd::audit::run(&ctx, args),
        Command::Mail(args) => cmd::mail::run(&ctx, args),
        Command::Checklist(args) => cmd::checklist::run(&ctx, args),
        Command::Directory(args) => cmd::directory::run(&ctx, args),
        Command::Report(args) => cmd::report::run(&ctx, args),
    };
    // A failure to write the output is the command's failure, whatever it found.
    let result = match (result, out::finish()) {
        (Ok(_), Some(err)) => Err(CliError::Output(err)),
        (result, _) => result,
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprint!("{}", err.to_text(ctx.lang));
            ExitCode::from(2)
        }
    }
}
