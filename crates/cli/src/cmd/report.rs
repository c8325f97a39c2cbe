//! `premiers-pas report`: the report a person keeps — this computer (or `--home DIR --os OS`) judged
//! against a pack, with the answers saved in the data folder — as a printable HTML page, Markdown or JSON
//! (schema `premiers-pas/report/1`, docs/report-json.md). It reads saved progress and never changes it.

use std::path::PathBuf;
use std::process::ExitCode;

use premiers_pas_core::checklist;
use premiers_pas_core::files::{write_atomic, NewFile};
use premiers_pas_core::i18n::typeset;
use premiers_pas_core::journal::{now_ms, Journal};
use premiers_pas_core::progress::{Notice, ProgressStore};
use premiers_pas_core::report::{self, ReportFormat, ReportInput};
use premiers_pas_core::session::{AuditTarget, DEFAULT_PACK};
use premiers_pas_core::{detect, Lang, OsFamily};

use crate::errors::CliError;
use crate::out::out;
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// html (a self-contained printable page), markdown or json.
    #[arg(
        long,
        default_value = "html",
        value_parser = premiers_pas_usage::values::spelled(ReportFormat::SPELLINGS),
        hide_possible_values = true,
        ignore_case = true
    )]
    format: ReportFormat,

    /// Write the report to this file instead of the standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Audit this folder as a home instead of this computer (system folders are not looked at).
    #[arg(long, value_name = "DIR")]
    home: Option<PathBuf>,

    /// The operating system of the home given with --home.
    #[arg(
        long,
        value_name = "OS",
        requires = "home",
        value_parser = premiers_pas_usage::values::spelled(OsFamily::SPELLINGS),
        ignore_case = true
    )]
    os: Option<OsFamily>,

    /// The checklist pack the report follows.
    #[arg(long, value_name = "ID", default_value = DEFAULT_PACK)]
    pack: String,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode, CliError> {
    let library = super::checklist::installed(ctx, false)?;
    let pack = super::checklist::installed_pack(ctx, &library, &args.pack)?;
    let target = match &args.home {
        Some(home) => AuditTarget::home(home, args.os),
        None => AuditTarget::live(),
    };
    let host = target.host()?;
    let audit = detect::audit(&host, &library.reference, &Journal::new());
    // A reader: a damaged file is read around (as the app would recover it), never repaired from here.
    let loaded = ProgressStore::open(&ctx.data_dir).load_read_only()?;
    if let Some(Notice::Recovered { from_backup, reason, .. }) = &loaded.notice {
        // The answers are part of the report: said when they are not the ones saved last.
        let said = match (ctx.lang, from_backup) {
            (Lang::Fr, true) => {
                "Vos derniers progrès enregistrés n’ont pas pu être relus : ce bilan suit leur copie précédente."
            }
            (Lang::Fr, false) => {
                "Vos progrès enregistrés n’ont pas pu être relus, ni leur copie : ce bilan ne tient pas compte \
                 de vos réponses."
            }
            (Lang::En, true) => "Your latest saved progress could not be read: this report follows its previous copy.",
            (Lang::En, false) => {
                "Your saved progress could not be read, nor its copy: this report leaves out your answers."
            }
        };
        // The engine's words, as the errors give them: on a line of their own.
        let detail = match ctx.lang {
            Lang::Fr => "Détail :",
            Lang::En => "Detail:",
        };
        eprintln!("{}\n  {} {reason}", typeset(said, ctx.lang), typeset(detail, ctx.lang));
    }
    let answers = loaded.progress.answers(&pack.id);
    let steps = checklist::evaluate(pack, &audit, &library.reference, &answers, ctx.lang);
    let input = ReportInput {
        pack,
        steps: &steps,
        audit: Some(&audit),
        os: target.os(),
        generated_at_ms: now_ms(),
        home: Some(&host.home),
    };
    let text = report::render(&input, args.format, ctx.lang)?;
    match &args.output {
        // Written aside and renamed over: a failure never truncates a report saved there earlier.
        Some(path) => write_atomic(path, text.as_bytes(), NewFile::Default)
            .map_err(|source| CliError::Write { path: path.clone(), source })?,
        None => out!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
