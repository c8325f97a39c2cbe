//! `premiers-pas directory`: fetch the CHATONS directory, keep it offline, find a host near you.
//!
//! Presentation only: every decision (what to fetch, what to keep, how to rank) is in
//! `premiers_pas_core::directory`. Text output follows `--lang`; `--json` output is documented in
//! `docs/directory-json.md`.
//!
//! Ctrl-C during `refresh` stops it the way the app's "Arrêter" button does: requests in flight are
//! dropped, the directory kept offline is left as it was, the report says so, and the exit status is 130
//! as for any interrupted command. A second Ctrl-C ends the program at once.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use indicatif::{ProgressBar, ProgressStyle};
use premiers_pas_core::directory::model::{Load, Organization, Registration};
use premiers_pas_core::directory::search::{Placement, RegistrationFilter, SearchHit};
use premiers_pas_core::directory::{
    CancellationToken, DirectoryStatus, DirectoryStore, FailureReason, FileOutcome, PlaceResolution,
    RefreshOptions, RefreshProgress, RefreshReport, SearchQuery, SearchResults, SkipReason,
};
use premiers_pas_core::i18n::typeset;
use premiers_pas_core::journal::Journal;
use premiers_pas_core::reference::Reference;
use premiers_pas_core::Lang;

use super::counted;
use crate::errors::CliError;
use crate::out::outln;
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Sub,
}

#[derive(Debug, Subcommand)]
enum Sub {
    /// Fetch the directory from the network and keep it offline.
    Refresh {
        /// The federation file (default: the current directory's, unless an imported one would lead into the
        /// local network; else the CHATONS federation's).
        #[arg(long, value_name = "URL")]
        source: Option<String>,
        /// Files fetched at once.
        #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u16).range(1..=64))]
        concurrency: u16,
        /// Print the refresh report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// What the offline directory holds and when it was fetched.
    Status {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Find hosts: by category, registration, and distance from a place.
    Search {
        /// A category id: mail, cloud, pads, video-calls, chat, polls, file-sharing, link-shortener, social,
        /// video, search, wiki, other.
        #[arg(long)]
        category: Option<String>,
        /// `LAT,LON` or a town ("compiegne", "Saint-Denis, 93").
        #[arg(long, value_name = "PLACE")]
        near: Option<String>,
        /// Who can open an account: open (to all), members, paid (paying customers), any.
        #[arg(
            long,
            default_value = "any",
            value_parser = premiers_pas_usage::values::spelled(RegistrationFilter::SPELLINGS),
            hide_possible_values = true,
            ignore_case = true
        )]
        registration: RegistrationFilter,
        /// At most this many hosts.
        #[arg(long)]
        limit: Option<u32>,
        /// Also list services that are full or closed.
        #[arg(long)]
        include_full: bool,
        /// Also list organizations that stopped or left.
        #[arg(long)]
        include_inactive: bool,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Everything about one organization (its id is shown by `search`).
    Show {
        /// The organization's id, as `search` shows it (in brackets).
        org_id: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write the offline directory to one file (to carry it to a room without network).
    Export {
        /// The file to write.
        file: PathBuf,
    },
    /// Make the directory in FILE (written by `export`) the offline directory.
    Import {
        /// A file written by `export`.
        file: PathBuf,
    },
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode, CliError> {
    let lang = ctx.lang;
    let mut store = DirectoryStore::open(&ctx.data_dir, &Journal::new());
    match args.command {
        Sub::Refresh { source, concurrency, json } => {
            let source = store.refresh_source(source);
            let options = RefreshOptions {
                concurrency: usize::from(concurrency),
                ..RefreshOptions::with_source(source)
            };
            let had_directory = store.directory().is_some();
            let report = refresh(&mut store, &options, lang)?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&report)?);
            } else if report.stopped {
                print_stopped(&report, had_directory, lang);
            } else {
                print_report(&report, lang);
            }
            Ok(if report.stopped { ExitCode::from(INTERRUPTED) } else { ExitCode::SUCCESS })
        }
        Sub::Status { json } => {
            let status = store.status();
            if json {
                outln!("{}", serde_json::to_string_pretty(&status)?);
            } else {
                print_status(&status, lang);
            }
            Ok(ExitCode::SUCCESS)
        }
        Sub::Search { category, near, registration, limit, include_full, include_inactive, json } => {
            let reference = Reference::builtin().map_err(CliError::Builtin)?;
            if let Some(c) = &category {
                if reference.categories.get(c).is_none() {
                    let known = reference.categories.all().iter().map(|c| c.id.clone()).collect();
                    return Err(CliError::UnknownCategory { given: c.clone(), known });
                }
            }
            let query = SearchQuery { category, near, registration, include_full, include_inactive, limit };
            let results = store.search(&query, &reference.categories)?;
            let settled = !matches!(
                results.near,
                Some(PlaceResolution::Ambiguous { .. } | PlaceResolution::NotFound { .. })
            );
            if json {
                outln!("{}", serde_json::to_string_pretty(&results)?);
            } else {
                let label = query
                    .category
                    .as_deref()
                    .and_then(|c| reference.categories.get(c))
                    .map(|c| c.label.get(lang));
                print_results(&results, label, lang);
            }
            Ok(if settled { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Sub::Show { org_id, json } => {
            let org = store.organization(&org_id)?;
            if json {
                outln!("{}", serde_json::to_string_pretty(org)?);
            } else {
                print_org(org, lang);
            }
            Ok(ExitCode::SUCCESS)
        }
        Sub::Export { file } => {
            let bytes = store.export(&file)?;
            outln!(
                "{} {} ({})",
                t(lang, "Annuaire exporté dans", "Directory exported to"),
                file.display(),
                size(bytes, lang)
            );
            Ok(ExitCode::SUCCESS)
        }
        Sub::Import { file } => {
            let status = store.import(&file, &Journal::new())?;
            outln!("{} {}", t(lang, "Annuaire importé depuis", "Directory imported from"), file.display());
            print_status(&status, lang);
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn t(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

fn refresh(
    store: &mut DirectoryStore,
    options: &RefreshOptions,
    lang: Lang,
) -> Result<RefreshReport, CliError> {
    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(CliError::Runtime)?;
    let journal = Journal::new();
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(1);
        let style = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        bar.set_style(style);
        bar.set_message(t(lang, "Lecture de l’annuaire", "Reading the directory"));
        bar
    });
    let on_progress = |p: &RefreshProgress| {
        if let Some(bar) = &bar {
            bar.set_length(u64::from(p.total));
            bar.set_position(u64::from(p.done));
        }
    };
    let stop = CancellationToken::new();
    // The handler is installed here, before the refresh starts, not when the task first runs: a Ctrl-C
    // from the first instant stops the refresh cleanly.
    let ctrl_c = {
        let _inside = runtime.enter();
        listen_ctrl_c()
    };
    runtime.spawn(stop_on_ctrl_c(ctrl_c, stop.clone()));
    let result = runtime.block_on(store.refresh(options, &journal, &on_progress, &stop));
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(result?)
}

/// The exit status of a command stopped by Ctrl-C (128 + SIGINT), as shells report it.
const INTERRUPTED: u8 = 130;

#[cfg(unix)]
type CtrlC = tokio::signal::unix::Signal;
#[cfg(windows)]
type CtrlC = tokio::signal::windows::CtrlC;

/// Starts listening for Ctrl-C (inside a runtime): from now on it no longer ends the program by itself.
#[cfg(unix)]
fn listen_ctrl_c() -> std::io::Result<CtrlC> {
    tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
}
#[cfg(windows)]
fn listen_ctrl_c() -> std::io::Result<CtrlC> {
    tokio::signal::windows::ctrl_c()
}

/// The first Ctrl-C stops the refresh; a second one, should the stop itself hang, ends the program.
async fn stop_on_ctrl_c(ctrl_c: std::io::Result<CtrlC>, stop: CancellationToken) {
    // No handler could be installed: Ctrl-C keeps its default effect.
    let Ok(mut ctrl_c) = ctrl_c else { return };
    if ctrl_c.recv().await.is_some() {
        stop.cancel();
    }
    if ctrl_c.recv().await.is_some() {
        std::process::exit(i32::from(INTERRUPTED));
    }
}

/// What a stopped refresh left: nothing replaced, and the directory still in use, if there is one.
fn print_stopped(r: &RefreshReport, had_directory: bool, lang: Lang) {
    let said = if had_directory {
        t(
            lang,
            "Actualisation arrêtée\u{202f}: rien n’a été remplacé, l’annuaire gardé sur cet ordinateur reste le même.",
            "Refresh stopped: nothing was replaced, the directory kept on this computer is unchanged.",
        )
    } else {
        t(
            lang,
            "Actualisation arrêtée\u{202f}: aucun annuaire n’a été enregistré sur cet ordinateur.",
            "Refresh stopped: no directory was saved on this computer.",
        )
    };
    eprintln!("{}", typeset(said, lang));
    eprintln!("  {} {}", typeset(t(lang, "Source\u{202f}:", "Source:"), lang), r.source);
}

/// "11 hébergeurs": the word the app uses for the directory's organisations.
fn hosts(n: u32, lang: Lang) -> String {
    counted(lang, n, ["hébergeur", "hébergeurs"], ["host", "hosts"])
}

fn services(n: u32, lang: Lang) -> String {
    counted(lang, n, ["service", "services"], ["service", "services"])
}

/// "26 novembre 2026 à 14 h 05", where this computer is.
fn when(ms: u64, lang: Lang) -> String {
    premiers_pas_core::i18n::local_date_time(ms, lang)
}

/// One decimal, with a comma in French.
fn decimal(x: f64, lang: Lang) -> String {
    let s = format!("{x:.1}");
    if lang == Lang::Fr {
        s.replace('.', ",")
    } else {
        s
    }
}

fn size(bytes: u64, lang: Lang) -> String {
    let kib = bytes as f64 / 1024.0;
    let text = if kib < 1024.0 {
        format!("{kib:.1} {}", t(lang, "Kio", "KiB"))
    } else {
        format!("{:.1} {}", kib / 1024.0, t(lang, "Mio", "MiB"))
    };
    if lang == Lang::Fr {
        text.replace('.', ",")
    } else {
        text
    }
}

/// How long a refresh took, as the app says it: "1,4 s", or "moins d’une seconde" rather than "0,0 s".
fn took(ms: u64, lang: Lang) -> String {
    if ms < 950 {
        t(lang, "moins d’une seconde", "under a second").to_owned()
    } else {
        format!("{}\u{a0}s", decimal(ms as f64 / 1000.0, lang))
    }
}

fn print_report(r: &RefreshReport, lang: Lang) {
    outln!("{} {}", t(lang, "Annuaire mis à jour depuis", "Directory refreshed from"), r.source);
    outln!("  {}, {}", hosts(r.organizations, lang), services(r.services, lang));
    let c = r.counts;
    outln!(
        "  {}, {}, {}, {} ({} {}, {})",
        counted(lang, c.fetched, ["lu", "lus"], ["fetched", "fetched"]),
        counted(lang, c.unchanged, ["inchangé", "inchangés"], ["unchanged", "unchanged"]),
        counted(lang, c.failed, ["en échec", "en échec"], ["failed", "failed"]),
        counted(lang, c.skipped, ["ignoré", "ignorés"], ["skipped", "skipped"]),
        size(r.bytes_received, lang),
        t(lang, "reçus", "received"),
        took(r.duration_ms, lang)
    );
    let failed: Vec<_> = r.files.iter().filter(|f| matches!(f.outcome, FileOutcome::Failed { .. })).collect();
    if !failed.is_empty() {
        outln!("{}", t(lang, "Échecs\u{202f}:", "Failures:"));
        for f in failed {
            if let FileOutcome::Failed { reason, message, kept_previous } = &f.outcome {
                let kept = if *kept_previous {
                    t(lang, " — copie précédente conservée", " — previous copy kept")
                } else {
                    ""
                };
                // The engine's message is English: in French only an HTTP status, which reads in any
                // language, is worth adding (`--json` has the message).
                let detail = match lang {
                    Lang::En => format!(" ({message})"),
                    Lang::Fr if *reason == FailureReason::HttpStatus => format!(" ({message})"),
                    Lang::Fr => String::new(),
                };
                outln!("  {} — {}{detail}{kept}", f.url, failure_text(*reason, lang));
            }
        }
    }
    let skipped: Vec<_> =
        r.files.iter().filter(|f| matches!(f.outcome, FileOutcome::Skipped { .. })).collect();
    if !skipped.is_empty() {
        outln!("{}", t(lang, "Ignorés\u{202f}:", "Skipped:"));
        for f in skipped {
            if let FileOutcome::Skipped { reason, detail } = &f.outcome {
                outln!("  {} — {}{}", f.url, skip_text(*reason, lang), skip_detail(detail.as_deref(), lang));
            }
        }
    }
    if !r.notes.is_empty() {
        outln!("{}", t(lang, "Fichiers laissés de côté\u{202f}:", "Files left out:"));
        for n in &r.notes {
            outln!("  {} — {}", n.url, note_text(&n.code, n.detail.as_deref(), lang));
        }
    }
    if !r.rejected_values.is_empty() {
        outln!("{} {}", t(lang, "Valeurs écartées\u{202f}:", "Values dropped:"), r.rejected_values.len());
        for v in r.rejected_values.iter().take(20) {
            outln!("  {} {} = {} ({})", v.url, v.key, v.value, value_text(&v.reason, lang));
        }
    }
}

/// What a skipped file's detail adds, in `lang`. The engine writes it in English for the JSON report;
/// in French, where it came from is said, and counts are left to the report.
fn skip_detail(detail: Option<&str>, lang: Lang) -> String {
    match (detail, lang) {
        (None, _) => String::new(),
        (Some(d), Lang::En) => format!(" ({d})"),
        (Some(d), Lang::Fr) => match d.strip_prefix("from ") {
            Some(from) => format!(" (lien trouvé dans {from})"),
            None => String::new(),
        },
    }
}

/// Why a file was left out of the directory (`notes[].code`), in `lang`.
fn note_text(code: &str, detail: Option<&str>, lang: Lang) -> String {
    let detail = detail.unwrap_or_default();
    match code {
        "missing_name" => t(lang, "sans nom", "no name").to_owned(),
        "wrong_class" => match lang {
            Lang::Fr => {
                typeset(&format!("pas un fichier du type attendu (file.class : {detail})"), lang).into_owned()
            }
            Lang::En => format!("not a file of the expected kind (file.class: {detail})"),
        },
        "duplicate_organization" => match lang {
            Lang::Fr => typeset(&format!("« {detail} » est déjà dans l’annuaire, à une autre adresse"), lang)
                .into_owned(),
            Lang::En => format!("“{detail}” is already in the directory, at another address"),
        },
        other => other.to_owned(),
    }
}

/// Why a value was dropped (`rejected_values[].reason`), in `lang`.
fn value_text(reason: &str, lang: Lang) -> &str {
    match reason {
        "url_scheme" => t(lang, "pas une adresse web", "not a web address"),
        "url_invalid" => t(lang, "adresse mal formée", "malformed address"),
        "url_credentials" => {
            t(lang, "adresse avec un identifiant ou un mot de passe", "address with a user name or password")
        }
        "url_too_long" => t(lang, "adresse trop longue", "address too long"),
        "url_local" => t(lang, "adresse du réseau local", "address in the local network"),
        "email_invalid" => t(lang, "adresse de courriel mal formée", "malformed e-mail address"),
        "date_invalid" => t(lang, "date mal formée", "malformed date"),
        "number_invalid" => t(lang, "nombre mal formé", "malformed number"),
        "coordinates_out_of_range" => t(lang, "coordonnées impossibles", "impossible coordinates"),
        "country_code_invalid" => t(lang, "code de pays mal formé", "malformed country code"),
        other => other,
    }
}

fn failure_text(reason: FailureReason, lang: Lang) -> &'static str {
    match reason {
        FailureReason::HttpStatus => {
            t(lang, "le serveur a répondu une erreur", "the server answered an error")
        }
        FailureReason::Timeout => t(lang, "trop long", "too slow"),
        FailureReason::Connect => t(lang, "serveur injoignable", "server unreachable"),
        FailureReason::TooLarge => t(lang, "fichier trop gros", "file too large"),
        FailureReason::HostShare => t(
            lang,
            "part de cet hébergeur dans l’annuaire déjà remplie",
            "this host’s share of the directory is full",
        ),
        FailureReason::TooManyRedirects => t(lang, "trop de redirections", "too many redirects"),
        FailureReason::RedirectLoop => t(lang, "redirections en boucle", "redirect loop"),
        FailureReason::RedirectScheme => t(lang, "redirection refusée", "redirect refused"),
        FailureReason::RedirectLocal => {
            t(lang, "redirection vers le réseau local refusée", "redirect into the local network refused")
        }
        FailureReason::LocalName => {
            t(lang, "adresse qui mène au réseau local", "address that leads into the local network")
        }
        FailureReason::UnexpectedNotModified => t(lang, "réponse incohérente", "inconsistent answer"),
        FailureReason::Network => t(lang, "erreur réseau", "network error"),
        FailureReason::ServerNotAnswering => t(
            lang,
            "ce serveur ne répondait plus\u{202f}: fichier non demandé",
            "this server had stopped answering: not requested",
        ),
        FailureReason::HostNotAnswering => t(
            lang,
            "les fichiers de cet hébergeur n’arrivaient plus\u{202f}: fichier non demandé",
            "this host’s files had stopped arriving: not requested",
        ),
        FailureReason::OutOfTime => t(
            lang,
            "l’actualisation a atteint sa limite de temps\u{202f}: fichier non lu",
            "the refresh reached its time limit: not read",
        ),
    }
}

fn skip_text(reason: SkipReason, lang: Lang) -> &'static str {
    match reason {
        SkipReason::Duplicate => t(lang, "déjà lu", "already read"),
        SkipReason::BadUrl => t(lang, "adresse non http(s)", "not an http(s) address"),
        SkipReason::SubsCap => t(lang, "trop de liens", "too many links"),
        SkipReason::Depth => t(lang, "trop profond", "too deep"),
        SkipReason::FileCap => t(lang, "trop de fichiers", "too many files"),
        SkipReason::LocalAddress => t(lang, "adresse du réseau local", "local network address"),
    }
}

fn print_status(s: &DirectoryStatus, lang: Lang) {
    if let Some(problem) = &s.problem {
        let why = match problem.code.as_str() {
            "directory.import_version" => t(
                lang,
                "il vient d’une autre version de Premiers Pas",
                "it comes from another version of Premiers Pas",
            ),
            "directory.import_too_large" => t(lang, "il est trop gros", "it is too large"),
            "directory.read_failed" => t(lang, "il n’a pas pu être lu", "it could not be read"),
            _ => t(lang, "il est abîmé", "it is damaged"),
        };
        // What to do is the next line's (no directory yet); the file is named, the English detail is
        // the JSON's.
        let file = s.path.as_deref().unwrap_or_default();
        outln!(
            "{} {why} ({file}).",
            t(
                lang,
                "L’annuaire enregistré n’est pas utilisable\u{202f}:",
                "The saved directory cannot be used:"
            )
        );
    }
    if !s.available {
        outln!(
            "{}",
            t(
                lang,
                "Pas encore d’annuaire\u{202f}: lancez `premiers-pas directory refresh` ou importez-en un.",
                "No directory yet: run `premiers-pas directory refresh` or import one."
            )
        );
        return;
    }
    outln!(
        "{} {}, {}",
        t(lang, "Annuaire\u{202f}:", "Directory:"),
        hosts(s.organizations, lang),
        services(s.services, lang)
    );
    if let Some(src) = &s.source {
        outln!("{} {src}", t(lang, "Source\u{202f}:", "Source:"));
    }
    if let Some(ms) = s.fetched_at_ms {
        outln!("{} {}", t(lang, "Mis à jour\u{202f}:", "Updated:"), when(ms, lang));
    }
    outln!(
        "{} {}",
        t(lang, "Fichier\u{202f}:", "File:"),
        s.path.as_deref().unwrap_or(t(lang, "(en mémoire seulement)", "(in memory only)"))
    );
}

fn registration_text(modes: &[Registration], lang: Lang) -> String {
    if modes.is_empty() {
        return t(lang, "inscription non précisée", "registration not stated").to_owned();
    }
    modes
        .iter()
        .map(|m| match m {
            Registration::None => t(lang, "sans compte", "no account needed"),
            Registration::Free => t(lang, "ouvert à tous", "open to all"),
            Registration::Member => t(lang, "réservé aux membres", "members only"),
            Registration::Client => t(lang, "payant", "paid"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where a host is, for the list: its distance from the place given with `--near`; without one, only its
/// country (a distance from nowhere is not unknown, it is not asked).
fn distance_text(h: &SearchHit, near: bool, lang: Lang) -> String {
    let country = h.country_code.as_deref().or(h.country_name.as_deref());
    match (h.distance_km, h.placement) {
        (Some(km), _) => format!("{} km", decimal(km, lang)),
        (None, Placement::Located | Placement::CountryOnly) if !near => match country {
            Some(c) => format!("{} {c}", t(lang, "pays\u{202f}:", "country:")),
            None => String::new(),
        },
        (None, Placement::CountryOnly) => format!(
            "{} {}",
            t(lang, "distance inconnue, pays\u{202f}:", "distance unknown, country:"),
            h.country_code.as_deref().or(h.country_name.as_deref()).unwrap_or("?")
        ),
        (None, Placement::Located) => t(lang, "distance inconnue", "distance unknown").to_owned(),
        (None, _) => t(lang, "lieu inconnu", "location unknown").to_owned(),
    }
}

fn print_results(r: &SearchResults, category: Option<&str>, lang: Lang) {
    match &r.near {
        Some(PlaceResolution::Ambiguous { query, candidates }) => {
            outln!(
                "{}",
                format!(
                    "{} {}{}",
                    t(lang, "Plusieurs lieux correspondent à", "Several places match"),
                    super::quoted(lang, query),
                    t(lang, "\u{202f}:", ":")
                )
            );
            for c in candidates.iter().take(15) {
                outln!("  {}", c.label());
            }
            outln!(
                "{}",
                t(
                    lang,
                    "Précisez, par exemple\u{202f}: --near \"Saint-Denis, Seine-Saint-Denis\" ou --near \"48.93,2.35\".",
                    "Be more precise, e.g. --near \"Saint-Denis, Seine-Saint-Denis\" or --near \"48.93,2.35\"."
                )
            );
            return;
        }
        Some(PlaceResolution::NotFound { query, suggestions }) => {
            outln!(
                "{}",
                format!(
                    "{} {}.",
                    typeset(t(lang, "Lieu inconnu :", "Unknown place:"), lang),
                    super::quoted(lang, query)
                )
            );
            if !suggestions.is_empty() {
                outln!("{}", t(lang, "Vouliez-vous dire\u{202f}:", "Did you mean:"));
                for s in suggestions {
                    outln!("  {}", s.label());
                }
            }
            return;
        }
        _ => {}
    }
    let what = category.unwrap_or(t(lang, "Hébergeurs", "Hosts"));
    let place = match &r.near {
        Some(PlaceResolution::Found { place }) => {
            format!(" {} {}", t(lang, "près de", "near"), place.label())
        }
        Some(PlaceResolution::Coordinates { point }) => {
            format!(" {} {:.4}, {:.4}", t(lang, "près de", "near"), point.lat, point.lon)
        }
        _ => String::new(),
    };
    outln!("{what}{place} — {}", counted(lang, r.total, ["résultat", "résultats"], ["result", "results"]));
    for (i, h) in r.hits.iter().enumerate() {
        let web = h.website.as_deref().map(|w| format!(" — {w}")).unwrap_or_default();
        let mut flags = String::new();
        if !h.active {
            flags.push_str(t(lang, " [inactif]", " [inactive]"));
        }
        if h.stale {
            flags.push_str(t(lang, " [données anciennes]", " [old data]"));
        }
        let place = distance_text(h, r.near.is_some(), lang);
        let place = if place.is_empty() { place } else { format!(" — {place}") };
        outln!("{:>3}. {}{place}{web}  [{}]{flags}", i + 1, h.name, h.org_id);
        for s in &h.services {
            let software = s.software_name.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
            let full = if s.load == Load::Full { t(lang, ", complet", ", full") } else { "" };
            outln!("       · {}{software} — {}{full}", s.name, registration_text(&s.registration, lang));
        }
    }
    if let Some(ms) = (r.fetched_at_ms > 0).then_some(r.fetched_at_ms) {
        outln!("{} {}", t(lang, "Annuaire du", "Directory of"), when(ms, lang));
    }
}

fn print_org(o: &Organization, lang: Lang) {
    outln!("{}  [{}]", o.name, o.id);
    if let Some(d) = &o.description {
        for line in d.lines() {
            outln!("  {line}");
        }
    }
    let field = |label: &str, value: Option<&str>| {
        if let Some(v) = value {
            outln!("{label:<14} {v}");
        }
    };
    field(t(lang, "Site", "Website"), o.website.as_deref());
    field(t(lang, "Contact", "Contact"), o.contact_url.as_deref());
    field(t(lang, "Courriel", "E-mail"), o.contact_email.as_deref());
    let place = match (o.location, &o.country_code) {
        (Some(p), _) => Some(format!("{:.4}, {:.4}", p.lat, p.lon)),
        (None, Some(cc)) => Some(format!("{} {cc}", t(lang, "pays seulement\u{202f}:", "country only:"))),
        (None, None) => Some(t(lang, "lieu inconnu", "location unknown").to_owned()),
    };
    field(t(lang, "Lieu", "Location"), place.as_deref());
    field(t(lang, "Adresse", "Address"), o.address.as_deref());
    field(t(lang, "Lu le", "Read on"), Some(&when(o.freshness.fetched_at_ms, lang)));
    if let Some(err) = &o.freshness.last_error {
        field(t(lang, "Dernier échec (message technique)", "Last failure"), Some(err));
    }
    outln!("{}", t(lang, "Services\u{202f}:", "Services:"));
    for s in &o.services {
        let software = s.software_name.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
        outln!("  · {}{software} — {}", s.name, registration_text(&s.registration, lang));
        if let Some(w) = &s.website {
            outln!("    {w}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refresh_time_reads_as_the_app_says_it() {
        assert_eq!(took(40, Lang::Fr), "moins d’une seconde");
        assert_eq!(took(40, Lang::En), "under a second");
        assert_eq!(took(1_440, Lang::Fr), "1,4\u{a0}s");
        assert_eq!(took(61_000, Lang::En), "61.0\u{a0}s");
    }
}
