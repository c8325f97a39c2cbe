//! `premiers-pas checklist`: validate checklist files (for volunteers writing their own), list the packs,
//! and show a pack in the terminal.
//!
//! Presentation only: loading, validation and texts come from `premiers_pas_core::checklist`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use premiers_pas_core::checklist::{self, Date, Library, Pack, Platform, Step};
use premiers_pas_core::i18n::{typeset, Text};
use premiers_pas_core::Lang;

use crate::errors::{ipc_error_text, CliError};
use crate::out::{out, outln};
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check checklist files: every problem is listed as file:line:col: message (exit 1 if any).
    Validate {
        /// Files or folders to check. A folder with an apps.toml is a whole checklists folder; a pack file
        /// is checked against its folder's reference data, or the built-in one. Default: the built-in
        /// checklists.
        paths: Vec<PathBuf>,
    },
    /// List the available packs: the built-in ones and those added in the app's workshop chooser.
    List {
        /// A folder to read alone, instead of the built-in packs and those added in the app: a checklists
        /// folder, or a folder of packs (read with the built-in reference data).
        #[arg(long, value_name = "DIR")]
        from: Option<PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show a pack, step by step (a built-in one, or one added in the app).
    Show {
        /// The pack id, e.g. premiers-pas.
        id: String,
        /// A folder to read alone, instead of the built-in packs and those added in the app: a checklists
        /// folder, or a folder of packs (read with the built-in reference data).
        #[arg(long, value_name = "DIR")]
        from: Option<PathBuf>,
        /// Print the pack as JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode, CliError> {
    match args.command {
        Command::Validate { paths } => validate(ctx, &paths),
        Command::List { from, json } => list(ctx, from, json),
        Command::Show { id, from, json } => show(ctx, &id, from, json),
    }
}

/// The checklists of `--from` alone, else the installed ones ([`installed`]), saying what was left out.
fn library(ctx: &Context, from: Option<PathBuf>) -> Result<Library, CliError> {
    Ok(match from {
        Some(dir) => Library::load_folder(&dir)?,
        None => installed(ctx, true)?,
    })
}

/// The built-in checklists with the packs a volunteer added in the app (kept in the data folder), as the
/// app shows them: every command that takes `--pack` knows the same packs. With `tell`, each added pack
/// left out (no longer valid) is said on standard error, with its file; the others are there.
pub fn installed(ctx: &Context, tell: bool) -> Result<Library, CliError> {
    let (library, left_out) = Library::with_own_packs(&ctx.data_dir).map_err(CliError::Builtin)?;
    if tell {
        for left in &left_out {
            let said = match ctx.lang {
                Lang::Fr => format!("Parcours laissé de côté : {}", left.file),
                Lang::En => format!("Pack left out: {}", left.file),
            };
            eprintln!("{}", typeset(&said, ctx.lang));
            eprint!("{}", ipc_error_text(&left.in_lang(ctx.lang).error, ctx.lang));
        }
    }
    Ok(library)
}

/// The pack `id` of the installed ones; when there is none, the packs added in the app and left out (no
/// longer valid) are said first, since the one asked for may be among them.
pub fn installed_pack<'a>(ctx: &Context, library: &'a Library, id: &str) -> Result<&'a Pack, CliError> {
    library.pack(id).or_else(|err| {
        installed(ctx, true)?;
        Err(err.into())
    })
}

fn validate(ctx: &Context, paths: &[PathBuf]) -> Result<ExitCode, CliError> {
    let diags = if paths.is_empty() {
        match Library::builtin() {
            Ok(_) => Vec::new(),
            Err(e) => e.diagnostics().to_vec(),
        }
    } else {
        checklist::validate_paths(paths)?
    };
    for d in &diags {
        outln!("{}", d.in_lang(ctx.lang));
    }
    let fr = ctx.lang == Lang::Fr;
    if diags.is_empty() {
        outln!("{}", if fr { "Tout est valide." } else { "Everything is valid." });
        Ok(ExitCode::SUCCESS)
    } else {
        let n = diags.len();
        match (fr, n) {
            (true, 1) => outln!("1 problème trouvé."),
            (true, _) => outln!("{n} problèmes trouvés."),
            (false, 1) => outln!("1 problem found."),
            (false, _) => outln!("{n} problems found."),
        }
        Ok(ExitCode::from(1))
    }
}

fn list(ctx: &Context, from: Option<PathBuf>, json: bool) -> Result<ExitCode, CliError> {
    let lib = library(ctx, from)?;
    if json {
        let rows: Vec<_> = lib
            .packs
            .iter()
            .map(|p| {
                serde_json::json!({
                    "id": p.id, "title": p.title, "steps": p.steps.len(), "reviewed": p.reviewed,
                    "own": lib.is_own(&p.id),
                })
            })
            .collect();
        outln!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    let width = lib.packs.iter().map(|p| p.id.len()).max().unwrap_or(0);
    for p in &lib.packs {
        let steps = super::counted(ctx.lang, p.steps.len() as u64, ["étape", "étapes"], ["step", "steps"]);
        let own = match (lib.is_own(&p.id), ctx.lang) {
            (false, _) => "",
            (true, Lang::Fr) => " — votre parcours",
            (true, Lang::En) => " — your pack",
        };
        outln!("{:<width$}  {} ({steps}){own}", p.id, p.title.render(ctx.lang));
    }
    Ok(ExitCode::SUCCESS)
}

fn show(ctx: &Context, id: &str, from: Option<PathBuf>, json: bool) -> Result<ExitCode, CliError> {
    let lib = library(ctx, from)?;
    let pack = lib.pack(id)?;
    if json {
        outln!("{}", serde_json::to_string_pretty(pack)?);
    } else {
        out!("{}", render_pack(pack, ctx.lang));
    }
    Ok(ExitCode::SUCCESS)
}

const WIDTH: usize = 100;

/// A pack as plain text for a terminal: title, then each step with why, how, links and QR targets.
fn render_pack(pack: &Pack, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let mut out = String::new();
    let title = pack.title.render(lang);
    out.push_str(&format!("{title}\n{}\n", "═".repeat(title.chars().count())));
    out.push_str(&wrap(&pack.description.render(lang), ""));
    out.push_str(&format!("({})\n", reviewed(pack.reviewed, lang)));
    for (n, step) in pack.steps.iter().enumerate() {
        out.push('\n');
        out.push_str(&render_step(n + 1, step, lang, fr));
    }
    out
}

fn render_step(n: usize, step: &Step, lang: Lang, fr: bool) -> String {
    let mut out = String::new();
    let head = format!("{n}. {}", step.title.render(lang));
    out.push_str(&format!("{head}\n{}\n", "─".repeat(head.chars().count())));
    out.push_str(&section(if fr { "Pourquoi" } else { "Why" }, &step.why, lang));
    out.push_str(if fr { "  Comment faire\n" } else { "  How\n" });
    if let Some(text) = &step.how.default {
        out.push_str(&wrap(&text.render(lang), "    "));
    }
    for p in Platform::ALL {
        if let Some(text) = step.how.specific(p) {
            out.push_str(&format!("    {}\n", platform_name(p, fr)));
            out.push_str(&wrap(&text.render(lang), "      "));
        }
    }
    if let Some(note) = &step.time_sensitive {
        let label = if fr { "À savoir" } else { "Good to know" };
        out.push_str(&format!("  {label} ({})\n", reviewed(step.reviewed, lang)));
        out.push_str(&wrap(&note.render(lang), "    "));
    }
    if !step.links.is_empty() {
        out.push_str(if fr { "  Liens\n" } else { "  Links\n" });
        for l in &step.links {
            out.push_str(&format!("    • {} — {}\n", l.label.render(lang), l.url));
        }
    }
    if !step.qr.is_empty() {
        out.push_str(if fr { "  À scanner avec le téléphone\n" } else { "  To scan with your phone\n" });
        for q in &step.qr {
            out.push_str(&format!("    ▣ {} — {}\n", q.label.render(lang), q.url));
        }
    }
    out
}

fn section(label: &str, text: &Text, lang: Lang) -> String {
    format!("  {label}\n{}", wrap(&text.render(lang), "    "))
}

fn platform_name(p: Platform, fr: bool) -> &'static str {
    match (p, fr) {
        (Platform::Linux, true) => "Sous Linux",
        (Platform::Linux, false) => "On Linux",
        (Platform::Macos, true) => "Sur Mac",
        (Platform::Macos, false) => "On a Mac",
        (Platform::Windows, true) => "Sous Windows",
        (Platform::Windows, false) => "On Windows",
        (Platform::Android, true) => "Sur un téléphone Android",
        (Platform::Android, false) => "On an Android phone",
        (Platform::Ios, true) => "Sur iPhone",
        (Platform::Ios, false) => "On iPhone",
    }
}

/// "vérifié en novembre 2026" / "checked in November 2026".
fn reviewed(date: Date, lang: Lang) -> String {
    let month = premiers_pas_core::i18n::month_name(date.month, lang);
    match lang {
        Lang::Fr => format!("vérifié en {month} {}", date.year),
        Lang::En => format!("checked in {month} {}", date.year),
    }
}

/// Wraps each line of `text` at [`WIDTH`] columns with `indent`; a numbered or bulleted line keeps its
/// continuation aligned under its text.
fn wrap(text: &str, indent: &str) -> String {
    let mut out = String::new();
    for line in text.trim().lines() {
        let line = line.trim_end();
        if line.is_empty() {
            out.push('\n');
            continue;
        }
        let marker_len = line
            .find(". ")
            .filter(|&i| i <= 3 && line[..i].chars().all(|c| c.is_ascii_digit()))
            .map(|i| i + 2)
            .unwrap_or(0);
        let hanging = format!("{indent}{}", " ".repeat(marker_len));
        let mut current = indent.to_owned();
        let mut at_start = true;
        for word in glue_punctuation(line) {
            if !at_start && current.chars().count() + 1 + word.chars().count() > WIDTH {
                out.push_str(&current);
                out.push('\n');
                current = hanging.clone();
                at_start = true;
            }
            if !at_start {
                current.push(' ');
            }
            current.push_str(&word);
            at_start = false;
        }
        out.push_str(&current);
        out.push('\n');
    }
    out
}

/// The words of a line, with French punctuation kept on the right line: `«` stays with the next word,
/// and `»`, `:`, `;`, `!`, `?` with the previous one.
fn glue_punctuation(line: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut pending_open = false;
    for w in line.split(' ').filter(|w| !w.is_empty()) {
        let closing = w.starts_with(['»', ':', ';', '!', '?']) && w.chars().count() <= 2;
        match words.last_mut() {
            Some(last) if pending_open || closing => {
                last.push(' ');
                last.push_str(w);
            }
            _ => words.push(w.to_owned()),
        }
        pending_open = w == "«";
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_numbered_items_aligned() {
        let long = format!("1. {}", "mot ".repeat(40));
        let wrapped = wrap(&long, "  ");
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().count() <= WIDTH), "{wrapped}");
        assert!(lines[1].starts_with("     mot"), "{wrapped}");
    }

    #[test]
    fn french_quotes_and_colons_never_start_a_line() {
        let text = format!("{} « Firefox » : oui", "mot ".repeat(23));
        for width_fill in 0..8 {
            let wrapped = wrap(&format!("{}{text}", "x".repeat(width_fill)), "");
            for l in wrapped.lines() {
                assert!(!l.starts_with('»') && !l.starts_with(':') && !l.ends_with('«'), "{wrapped}");
            }
        }
        assert_eq!(glue_punctuation("« a » : b"), ["« a » :", "b"]);
    }

    #[test]
    fn review_dates_read_as_month_and_year() {
        let d = Date::parse("2026-11-01").unwrap();
        assert_eq!(reviewed(d, Lang::Fr), "vérifié en novembre 2026");
        assert_eq!(reviewed(d, Lang::En), "checked in November 2026");
    }
}
