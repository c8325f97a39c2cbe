//! `premiers-pas audit`: what this computer (or a home laid out as files) already has.
//!
//! Without options it audits the real machine. `--home DIR` audits a folder instead, seeing nothing of
//! the machine outside it, as the OS given by `--os`; `--env KEY=VALUE` sets the environment the detectors
//! see; `--registry FILE` gives Windows registry values as a `.reg` file. `--json` prints the audit in the
//! `premiers-pas/audit/1` schema (docs/audit-json.md); otherwise a short summary in the chosen language.

use std::borrow::Cow;
use std::path::PathBuf;
use std::process::ExitCode;

use premiers_pas_core::audit::{Audit, Browser, BrowserProfile, Problem};
use premiers_pas_core::checklist::{self, Answers, Pack, StepResult};
use premiers_pas_core::detect::{self, Host, MapRegistry};
use premiers_pas_core::journal::Journal;
use premiers_pas_core::reference::{ProviderKind, Reference};
use premiers_pas_core::session::AuditTarget;
use premiers_pas_core::{Lang, OsFamily};
use premiers_pas_usage::values::Why;

use crate::errors::CliError;
use crate::out::{out, outln};
use crate::Context;

const UBO_IDS: &[&str] =
    &["uBlock0@raymondhill.net", "cjpalhdlnbpafiamejdnhcphjbkeiagm", "odfafepnkmbhccpbejgmiehpchacaeak"];
const UBO_LITE_IDS: &[&str] = &["ddkjiahejlhfcafbddmgiahcphecmpfh", "cimighlppcgcoapaliogpjjdehbnofhn"];

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON (schema premiers-pas/audit/1) instead of a summary.
    #[arg(long)]
    json: bool,

    /// Audit this folder as a home instead of this computer (system folders are not looked at).
    #[arg(long, value_name = "DIR")]
    home: Option<PathBuf>,

    /// The operating system of the home given with --home.
    #[arg(long, value_name = "OS", requires = "home", value_parser = premiers_pas_usage::values::spelled(OsFamily::SPELLINGS), ignore_case = true)]
    os: Option<OsFamily>,

    /// An environment variable as the detectors should see it (XDG_CONFIG_HOME, APPDATA…). Repeatable.
    #[arg(long = "env", value_name = "KEY=VALUE", value_parser = parse_env)]
    env: Vec<(String, String)>,

    /// Windows registry values, as a .reg file (what `reg export` writes).
    #[arg(long, value_name = "FILE")]
    registry: Option<PathBuf>,

    /// The checklist pack whose steps are judged against the audit.
    #[arg(long, value_name = "ID", default_value = "premiers-pas")]
    pack: String,

    /// With --home: also look at system folders (/usr/share/applications…) under this folder.
    #[arg(long, value_name = "DIR", requires = "home")]
    system_root: Option<PathBuf>,
}

fn parse_env(raw: &str) -> Result<(String, String), Why> {
    match raw.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_owned(), v.to_owned())),
        _ => Err(Why::new(
            format!("expected KEY=VALUE, got `{raw}`"),
            "il faut un nom, un signe égal et une valeur, par exemple XDG_CONFIG_HOME=/home/lea/.config",
        )),
    }
}

/// Builds the host the options describe.
fn host_from(args: &Args, journal: &Journal) -> Result<Host, CliError> {
    let mut host = match &args.home {
        // A folder that exists, made absolute so that paths in the audit are, as the app does it.
        Some(home) => {
            let mut host = AuditTarget::home(home, args.os).host()?;
            if let Some(root) = &args.system_root {
                host = host.with_system_root(root);
            }
            host
        }
        None => Host::live(),
    };
    for (key, value) in &args.env {
        host = host.with_env(key, value);
    }
    if let Some(file) = &args.registry {
        // A FIFO is refused rather than waited on, and a file beyond any registry export is not read whole.
        let bytes = premiers_pas_core::files::read_regular(file, MAX_REGISTRY_BYTES)
            .map_err(|e| CliError::Read { path: file.clone(), source: e.into_io() })?;
        journal.file_read("system", file, bytes.len() as u64, None);
        let registry = MapRegistry::parse_reg_bytes(&bytes)
            .map_err(|source| CliError::RegistryFile { path: file.clone(), source })?;
        host = host.with_registry(Box::new(registry));
    }
    Ok(host)
}

/// A `.reg` export of the keys the audit reads is a few kilobytes; a whole exported hive, tens of megabytes.
const MAX_REGISTRY_BYTES: u64 = 64 * 1024 * 1024;

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode, CliError> {
    let library = super::checklist::installed(ctx, false)?;
    let pack = super::checklist::installed_pack(ctx, &library, &args.pack)?;
    let reference = &library.reference;
    let journal = Journal::new();
    let host = host_from(&args, &journal)?;
    let audit = detect::audit(&host, reference, &journal);
    let steps = checklist::evaluate(pack, &audit, reference, &Answers::none(), ctx.lang);
    if args.json {
        let output = AuditOutput { audit: &audit, pack: &pack.id, steps: &steps };
        outln!("{}", serde_json::to_string_pretty(&output)?);
    } else {
        out!("{}", summary(&audit, reference, ctx.lang));
        out!("{}", steps_summary(pack, &steps, ctx.lang));
    }
    Ok(ExitCode::SUCCESS)
}

/// The JSON document: the audit's facts, then the pack's verdicts (docs/audit-json.md).
#[derive(serde::Serialize)]
struct AuditOutput<'a> {
    #[serde(flatten)]
    audit: &'a Audit,
    pack: &'a str,
    steps: &'a [StepResult],
}

/// One line per step: its status word and its title.
fn steps_summary(pack: &Pack, steps: &[StepResult], lang: Lang) -> String {
    let mut out = format!("{}\n", pack.title.render(lang));
    for result in steps {
        let title = pack.step(&result.id).map_or(Cow::Borrowed(result.id.as_str()), |s| s.title.render(lang));
        out.push_str(&format!("  [{}] {title}\n", result.status.label(lang)));
    }
    out
}

/// Words of the summary, per language.
struct Words {
    /// `" : "` with the narrow no-break space of French typography, `": "` in English.
    colon: &'static str,
    browsers: &'static str,
    /// "none" for a masculine list (browsers, accounts).
    none: &'static str,
    /// "none" for a feminine list (applications): French agrees it.
    none_feminine: &'static str,
    default_mark: &'static str,
    unlisted_mark: &'static str,
    profile: &'static str,
    enabled: &'static str,
    disabled: &'static str,
    temporary: &'static str,
    /// The language they are in.
    lang: Lang,
    no_extension: &'static str,
    default_browser: &'static str,
    unknown: &'static str,
    apps: &'static str,
    mail: &'static str,
    /// How a browser is installed (`system`, `snap`, `flatpak`): only `system` is a word to translate.
    system_install: &'static str,
    running: &'static str,
    problems: &'static str,
    files_read: &'static str,
}

const FR: Words = Words {
    colon: "\u{202f}: ",
    browsers: "Navigateurs",
    none: "aucun",
    none_feminine: "aucune",
    default_mark: " (par défaut)",
    unlisted_mark: " (non listé dans profiles.ini)",
    profile: "profil",
    enabled: "activé",
    disabled: "désactivé",
    temporary: "temporaire",
    lang: Lang::Fr,
    no_extension: "aucune extension connue",
    default_browser: "Navigateur par défaut",
    unknown: "inconnu",
    apps: "Applications connues",
    mail: "Comptes de messagerie",
    system_install: "système",
    running: "En cours d’exécution",
    problems: "Lectures impossibles",
    files_read: "Fichiers lus",
};

const EN: Words = Words {
    colon: ": ",
    browsers: "Browsers",
    none: "none",
    none_feminine: "none",
    default_mark: " (default)",
    unlisted_mark: " (not listed in profiles.ini)",
    profile: "profile",
    enabled: "enabled",
    disabled: "disabled",
    temporary: "temporary",
    lang: Lang::En,
    no_extension: "no known extension",
    default_browser: "Default browser",
    unknown: "unknown",
    apps: "Known applications",
    mail: "Mail accounts",
    system_install: "system",
    running: "Running",
    problems: "Could not read",
    files_read: "Files read",
};

fn kind_words(kind: ProviderKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (ProviderKind::BigTech, Lang::Fr) => "géant du numérique",
        (ProviderKind::BigTech, Lang::En) => "big tech",
        (ProviderKind::Ethical, Lang::Fr) => "fournisseur éthique",
        (ProviderKind::Ethical, Lang::En) => "ethical provider",
        (ProviderKind::Isp, Lang::Fr) => "fournisseur d’accès",
        (ProviderKind::Isp, Lang::En) => "internet access provider",
        (ProviderKind::Chatons, Lang::Fr) => "membre des CHATONS",
        (ProviderKind::Chatons, Lang::En) => "CHATONS member",
        (_, Lang::Fr) => "hébergeur inconnu",
        (_, Lang::En) => "unknown host",
    }
}

/// The short human summary of an audit.
pub fn summary(audit: &Audit, reference: &Reference, lang: Lang) -> String {
    let w = match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    };
    let mut out = String::new();
    let name_of = |id: &str| reference.apps.get(id).map(|a| a.name.clone()).unwrap_or_else(|| id.to_owned());
    out.push_str(&format!("{}\n", w.browsers));
    if audit.browsers.is_empty() {
        out.push_str(&format!("  {}\n", w.none));
    }
    for browser in &audit.browsers {
        browser_lines(&mut out, browser, w);
    }
    let default = match (&audit.default_browser, &audit.default_browser_evidence) {
        (Some(id), _) => name_of(id),
        (None, Some(e)) => format!("{} ({})", w.unknown, e.value),
        (None, None) => w.unknown.to_owned(),
    };
    out.push_str(&labelled(w.default_browser, &default, lang));
    let apps: Vec<String> =
        audit.apps.iter().map(|a| format!("{} ({})", a.name, found_by(&a.source, lang))).collect();
    let apps = if apps.is_empty() { w.none_feminine.to_owned() } else { apps.join(", ") };
    out.push_str(&labelled(w.apps, &apps, lang));
    if audit.mail_accounts.is_empty() {
        out.push_str(&labelled(w.mail, w.none, lang));
    } else {
        out.push_str(&format!("{}\n", w.mail));
        for account in &audit.mail_accounts {
            let who =
                if account.provider.name.is_empty() { w.unknown } else { account.provider.name.as_str() };
            out.push_str(&format!(
                "  {} — {} ({}, {})\n",
                account.address.as_deref().unwrap_or(&account.server),
                who,
                kind_words(account.provider.kind, lang),
                account.server
            ));
        }
    }
    if !audit.running_browsers.is_empty() {
        let names: Vec<String> = audit.running_browsers.iter().map(|id| name_of(id)).collect();
        out.push_str(&labelled(w.running, &names.join(", "), lang));
    }
    if !audit.problems.is_empty() {
        out.push_str(&format!("{} ({})\n", w.problems, audit.problems.len()));
        for p in &audit.problems {
            out.push_str(&format!("  {}{}{}\n", p.path, w.colon, problem_text(p, lang)));
        }
    }
    out.push_str(&labelled(w.files_read, &audit.files_read.len().to_string(), lang));
    out
}

/// How an application was found, in the summary's language; the JSON keeps the detector's word.
fn found_by(source: &str, lang: Lang) -> &str {
    let (fr, en) = match source {
        "desktop-entry" => ("menu des applications", "applications menu"),
        "flatpak" => ("Flatpak", "Flatpak"),
        "snap" => ("Snap", "Snap"),
        "app-bundle" => ("dossier Applications", "Applications folder"),
        "uninstall-key" => ("programmes installés", "installed programs"),
        other => (other, other),
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// What went wrong, in the summary's language: in English the message itself, which carries the detail.
fn problem_text(problem: &Problem, lang: Lang) -> std::borrow::Cow<'_, str> {
    match lang {
        Lang::En => problem.message.as_str().into(),
        Lang::Fr => problem.why(lang),
    }
}

/// `Label : value` in French (with its space before the colon), `Label: value` in English.
fn labelled(label: &str, value: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{label}\u{202f}: {value}\n"),
        Lang::En => format!("{label}: {value}\n"),
    }
}

fn browser_lines(out: &mut String, browser: &Browser, w: &Words) {
    let install = if browser.install == "system" { w.system_install } else { browser.install.as_str() };
    out.push_str(&format!("  {} ({install}) — {}\n", browser.name, browser.root));
    for profile in &browser.profiles {
        let marks = format!(
            "{}{}",
            if profile.default { w.default_mark } else { "" },
            if profile.unlisted { w.unlisted_mark } else { "" }
        );
        out.push_str(&format!(
            "    {} {}{}{}{}\n",
            w.profile,
            profile.name,
            marks,
            w.colon,
            extensions_line(profile, w)
        ));
    }
}

/// Why the browser says an extension is off (`disabled_reasons`), in `lang`; a rarer reason as the
/// engine names it (docs/audit-json.md lists them).
fn disabled_why(reason: &str, lang: Lang) -> &str {
    let (fr, en) = match reason {
        "user-disabled" => ("par vous", "by you"),
        "manifest-v2" => ("ancien format (Manifest V2)", "old format (Manifest V2)"),
        "app-disabled" | "soft-disabled" | "embedder-disabled" => (
            "par le navigateur (version incompatible ou bloquée)",
            "by the browser (incompatible or blocked version)",
        ),
        "permissions-increase" => ("demande de nouvelles permissions", "asks for new permissions"),
        "blocked-by-policy" => {
            ("bloqué par une règle de l’administrateur", "blocked by an administrator's rule")
        }
        "corrupted" => ("fichiers abîmés", "damaged files"),
        "not-verified" => ("pas vérifié par le navigateur", "not verified by the browser"),
        "inactive" | "disabled" => ("sans raison donnée", "no reason given"),
        other => return other,
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

fn extensions_line(profile: &BrowserProfile, w: &Words) -> String {
    let mut parts = Vec::new();
    let mut others = 0u32;
    for ext in &profile.extensions {
        if UBO_IDS.contains(&ext.id.as_str()) || UBO_LITE_IDS.contains(&ext.id.as_str()) {
            let state = if ext.enabled {
                if ext.temporary {
                    format!("{}, {}", w.enabled, w.temporary)
                } else {
                    w.enabled.to_owned()
                }
            } else {
                let why: Vec<&str> = ext.disabled_reasons.iter().map(|r| disabled_why(r, w.lang)).collect();
                format!("{}{}{}", w.disabled, w.colon, why.join(", "))
            };
            parts.push(format!("{} ({state})", ext.name));
        } else {
            others += 1;
        }
    }
    if others > 0 {
        let fr = ["autre extension", "autres extensions"];
        parts.push(super::counted(w.lang, others, fr, ["other extension", "other extensions"]));
    }
    if parts.is_empty() {
        w.no_extension.to_owned()
    } else {
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `"detect.…"` problem code written in the detectors' source, outside their test modules.
    fn detector_codes() -> std::collections::BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/src/detect");
        let mut codes = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let text = text.split("#[cfg(test)]").next().unwrap_or_default();
            let found = crate::errors::error_codes_scan::code_literals(text);
            codes.extend(found.into_iter().filter(|code| code.starts_with("detect.")));
        }
        codes
    }

    /// In French in `premiers-pas audit`, and in both languages in the app's steps and the reports.
    #[test]
    fn every_problem_a_detector_records_has_its_words() {
        let codes = detector_codes();
        assert!(codes.len() >= 10, "only {codes:?}: has the source moved?");
        for code in codes {
            let message = "the English message".to_owned();
            let problem = Problem { code: code.clone(), app: None, path: String::new(), message };
            assert_ne!(problem_text(&problem, Lang::Fr), "the English message", "{code} has no French words");
            assert_ne!(problem.why(Lang::En), "the English message", "{code} has no English words");
        }
    }
}
