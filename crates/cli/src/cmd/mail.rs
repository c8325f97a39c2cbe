//! `premiers-pas mail check ADDRESS [--mx]`: who hosts mail at an address.
//!
//! Without `--mx` nothing leaves the computer: the domain is compared with the reference data. `--mx`
//! looks up the domain's MX records (through the system resolver, or `--dns-server IP:PORT`), which shows
//! Google Workspace or Microsoft 365 behind a custom domain. The lookups made are printed with `--json`.

use std::net::SocketAddr;
use std::process::ExitCode;

use premiers_pas_core::detect::mail_check::{self, MailCheck};
use premiers_pas_core::i18n::typeset;
use premiers_pas_core::journal::{Journal, JournalEntry};
use premiers_pas_core::reference::{ProviderKind, Reference};
use premiers_pas_core::Lang;
use premiers_pas_usage::values::Why;

use crate::errors::CliError;
use crate::out::outln;
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: MailCommand,
}

#[derive(Debug, clap::Subcommand)]
enum MailCommand {
    /// Say who hosts mail at an address (by its domain; with --mx, by its mail servers).
    Check(CheckArgs),
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// The address to check, e.g. ana@example.org.
    address: String,

    /// Also look up the domain's MX records (uses the network).
    #[arg(long)]
    mx: bool,

    /// The DNS server to ask, as IP:PORT (default: the system's).
    #[arg(long, value_name = "IP:PORT", requires = "mx", value_parser = socket_address)]
    dns_server: Option<SocketAddr>,

    /// Print JSON instead of a sentence.
    #[arg(long)]
    json: bool,
}

/// `IP:PORT`, with the reason in both languages when it is not one.
fn socket_address(raw: &str) -> Result<SocketAddr, Why> {
    raw.trim().parse().map_err(|_| {
        Why::new(
            "expected an IP address and a port, such as 127.0.0.1:53 or [::1]:53",
            "il faut une adresse IP et un port, par exemple 127.0.0.1:53 ou [::1]:53",
        )
    })
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode, CliError> {
    match args.command {
        MailCommand::Check(check) => run_check(ctx, check),
    }
}

fn run_check(ctx: &Context, args: CheckArgs) -> Result<ExitCode, CliError> {
    let reference = Reference::builtin().map_err(CliError::Builtin)?;
    let providers = &reference.providers;
    let journal = Journal::new();
    let result = (|| -> Result<MailCheck, mail_check::MailCheckError> {
        let check = mail_check::check_address(&args.address, providers)?;
        if !args.mx {
            return Ok(check);
        }
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| {
            mail_check::MailCheckError::Dns { domain: check.domain.clone(), message: e.to_string() }
        })?;
        let hosts = runtime.block_on(mail_check::lookup_mx(&check.domain, args.dns_server, &journal))?;
        Ok(mail_check::with_mx(check, hosts, providers))
    })();
    match result {
        Ok(check) => {
            if args.json {
                let output = CheckOutput { check: &check, requests: journal.entries() };
                outln!("{}", serde_json::to_string_pretty(&output)?);
            } else {
                outln!("{}", typeset(&sentence(&check, ctx.lang), ctx.lang));
            }
            Ok(ExitCode::SUCCESS)
        }
        // With --json the error is the document on standard output, as a result would have been.
        Err(err) if args.json => {
            let err = CliError::from(err);
            outln!("{}", serde_json::to_string_pretty(&err.to_ipc(ctx.lang))?);
            Ok(ExitCode::from(2))
        }
        Err(err) => Err(err.into()),
    }
}

/// The JSON document: the check, then the network requests it made.
#[derive(serde::Serialize)]
struct CheckOutput<'a> {
    #[serde(flatten)]
    check: &'a MailCheck,
    requests: Vec<JournalEntry>,
}

fn kind_text(kind: ProviderKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (ProviderKind::BigTech, Lang::Fr) => "un géant du numérique",
        (ProviderKind::BigTech, Lang::En) => "a big tech company",
        (ProviderKind::Ethical, Lang::Fr) => "un fournisseur qui ne vit pas de vos données",
        (ProviderKind::Ethical, Lang::En) => "a provider that does not live off your data",
        (ProviderKind::Isp, Lang::Fr) => "un fournisseur d’accès à internet (adresse liée à l’abonnement)",
        (ProviderKind::Isp, Lang::En) => {
            "an internet access provider (the address is tied to the subscription)"
        }
        (ProviderKind::Chatons, Lang::Fr) => "un membre des CHATONS",
        (ProviderKind::Chatons, Lang::En) => "a CHATONS member",
        (ProviderKind::Unknown, _) => "",
    }
}

/// One readable sentence about a check.
pub fn sentence(check: &MailCheck, lang: Lang) -> String {
    let p = &check.provider;
    let known = p.kind != ProviderKind::Unknown;
    let how = match (&check.by_mx, check.by_domain.kind != ProviderKind::Unknown) {
        (_, true) => match lang {
            Lang::Fr => format!("d’après le domaine {}", check.domain),
            Lang::En => format!("by the domain {}", check.domain),
        },
        (Some(_), false) => {
            let hosts = check.mx_hosts.as_deref().unwrap_or_default().join(", ");
            match lang {
                Lang::Fr => format!("d’après ses serveurs de courrier (MX : {hosts})"),
                Lang::En => format!("by its mail servers (MX: {hosts})"),
            }
        }
        (None, false) => String::new(),
    };
    match (known, lang) {
        (true, Lang::Fr) => format!("{} : hébergé par {}, {} — {how}.", check.address, p.name, kind_text(p.kind, lang)),
        (true, Lang::En) => format!("{}: hosted by {}, {} — {how}.", check.address, p.name, kind_text(p.kind, lang)),
        (false, Lang::Fr) => match &check.mx_hosts {
            None => format!(
                "{} : le domaine {} n’est pas dans nos données. Avec --mx, ses serveurs de courrier peuvent dire qui l’héberge.",
                check.address, check.domain
            ),
            Some(h) if h.is_empty() => format!("{} : le domaine {} n’annonce aucun serveur MX.", check.address, check.domain),
            Some(h) => format!(
                "{} : hébergeur inconnu de nos données (MX : {}) — peut-être un hébergeur indépendant ou auto-hébergé.",
                check.address,
                h.join(", ")
            ),
        },
        (false, Lang::En) => match &check.mx_hosts {
            None => format!(
                "{}: the domain {} is not in our data. With --mx, its mail servers can tell who hosts it.",
                check.address, check.domain
            ),
            Some(h) if h.is_empty() => format!("{}: the domain {} announces no MX server.", check.address, check.domain),
            Some(h) => format!(
                "{}: a host our data does not know (MX: {}) — perhaps independent or self-hosted.",
                check.address,
                h.join(", ")
            ),
        },
    }
}
