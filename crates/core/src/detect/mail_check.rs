//! Checking an address a person types: who hosts mail at its domain, by the domain itself and — only when
//! asked, since it uses the network — by the domain's MX records, which reveal Google Workspace or
//! Microsoft 365 behind a custom domain.
//!
//! Every DNS lookup is recorded in the [`Journal`]. The resolver is the system's, or one given
//! `IP:PORT` (tests run their own on 127.0.0.1). Nothing else about the address is looked up or sent.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use hickory_resolver::config::{NameServerConfig, ResolverConfig};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::RData;
use hickory_resolver::Resolver;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

use crate::audit::ProviderMatch;
use crate::error::ErrorCode;
use crate::journal::{now_ms, Journal, JournalEntry};
use crate::reference::{Providers, UNKNOWN_PROVIDER};

/// How long one DNS lookup may take before we give up.
pub const DNS_TIMEOUT: Duration = Duration::from_secs(5);

/// What checking an address found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MailCheck {
    /// The address as typed, trimmed.
    pub address: String,
    /// Its domain, lower-cased.
    pub domain: String,
    /// The conclusion: the MX verdict when the domain alone says nothing, else the domain's.
    pub provider: ProviderMatch,
    /// What the domain alone says.
    pub by_domain: ProviderMatch,
    /// The MX hosts, best preference first, when they were looked up.
    pub mx_hosts: Option<Vec<String>>,
    /// What the MX hosts say, when they were looked up.
    pub by_mx: Option<ProviderMatch>,
}

/// Why an address could not be checked.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum MailCheckError {
    #[error("`{0}` is not a mail address (expected name@domain)")]
    InvalidAddress(String),
    #[error("could not look up the mail servers of {domain}: {message}")]
    Dns { domain: String, message: String },
}

impl ErrorCode for MailCheckError {
    fn code(&self) -> &'static str {
        match self {
            MailCheckError::InvalidAddress(_) => "mail.invalid_address",
            MailCheckError::Dns { .. } => "mail.dns_failed",
        }
    }
}

/// The domain of an address, lower-cased; an error when it is not `name@domain.tld`.
pub fn address_domain(address: &str) -> Result<String, MailCheckError> {
    let invalid = || MailCheckError::InvalidAddress(address.trim().to_owned());
    let (local, domain) = address.trim().rsplit_once('@').ok_or_else(invalid)?;
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    let labels_ok = domain.split('.').count() >= 2
        && domain.split('.').all(|l| {
            !l.is_empty() && l.len() <= 63 && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    if local.is_empty() || !labels_ok || domain.len() > 253 {
        return Err(invalid());
    }
    Ok(domain)
}

/// Classifies an address by its domain alone (no network).
pub fn check_address(address: &str, providers: &Providers) -> Result<MailCheck, MailCheckError> {
    let domain = address_domain(address)?;
    let by_domain = providers.classify_domain(&domain);
    Ok(MailCheck {
        address: address.trim().to_owned(),
        domain,
        provider: by_domain.clone(),
        by_domain,
        mx_hosts: None,
        by_mx: None,
    })
}

/// Adds the MX verdict to a check: the MX hosts decide when the domain alone is unknown.
pub fn with_mx(mut check: MailCheck, mx_hosts: Vec<String>, providers: &Providers) -> MailCheck {
    let by_mx = providers.classify_mx(&mx_hosts);
    if check.by_domain.id == UNKNOWN_PROVIDER && by_mx.id != UNKNOWN_PROVIDER {
        check.provider = by_mx.clone();
    }
    check.mx_hosts = Some(mx_hosts);
    check.by_mx = Some(by_mx);
    check
}

/// Looks up the MX hosts of `domain`, best preference first (empty when the domain has none), through the
/// system resolver or `server`. Recorded in the journal.
pub async fn lookup_mx(
    domain: &str,
    server: Option<SocketAddr>,
    journal: &Journal,
) -> Result<Vec<String>, MailCheckError> {
    let started = Instant::now();
    let at_ms = now_ms();
    let result = lookup_mx_inner(domain, server).await;
    let (bytes, error) = match &result {
        Ok(hosts) => (hosts.iter().map(|h| h.len() as u64).sum(), None),
        Err(e) => (0, Some(e.to_string())),
    };
    journal.record(JournalEntry::Request {
        purpose: "dns".to_owned(),
        target: format!("{domain} MX"),
        status: 0,
        bytes,
        error,
        at_ms,
        duration_ms: started.elapsed().as_millis() as u64,
    });
    result
}

async fn lookup_mx_inner(domain: &str, server: Option<SocketAddr>) -> Result<Vec<String>, MailCheckError> {
    let fail = |message: String| MailCheckError::Dns { domain: domain.to_owned(), message };
    let provider = TokioRuntimeProvider::default();
    let mut builder = match server {
        Some(addr) => {
            let mut ns = NameServerConfig::udp_and_tcp(addr.ip());
            for conn in &mut ns.connections {
                conn.port = addr.port();
            }
            Resolver::builder_with_config(ResolverConfig::from_parts(None, Vec::new(), vec![ns]), provider)
        }
        None => Resolver::builder(provider).map_err(|e| fail(e.to_string()))?,
    };
    builder.options_mut().timeout = DNS_TIMEOUT;
    builder.options_mut().attempts = 1;
    let resolver = builder.build().map_err(|e| fail(e.to_string()))?;
    let fqdn = format!("{domain}.");
    let lookup = match tokio::time::timeout(DNS_TIMEOUT * 2, resolver.mx_lookup(fqdn.as_str())).await {
        Err(_) => return Err(fail("no answer in time".to_owned())),
        Ok(Err(e)) if e.is_no_records_found() => return Ok(Vec::new()),
        Ok(Err(e)) => return Err(fail(e.to_string())),
        Ok(Ok(lookup)) => lookup,
    };
    let mut records: Vec<(u16, String)> = lookup
        .answers()
        .iter()
        .filter_map(|r| match &r.data {
            RData::MX(mx) => {
                Some((mx.preference, mx.exchange.to_ascii().trim_end_matches('.').to_ascii_lowercase()))
            }
            _ => None,
        })
        .collect();
    records.sort();
    records.dedup();
    Ok(records.into_iter().map(|(_, host)| host).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_need_a_name_and_a_dotted_domain() {
        assert_eq!(address_domain(" Ana@Example.ORG ").unwrap(), "example.org");
        for bad in ["ana", "@example.org", "ana@localhost", "ana@exa mple.org", "ana@.org", "ana@x..org"] {
            let err = address_domain(bad).unwrap_err();
            assert_eq!(err.code(), "mail.invalid_address", "{bad}");
        }
    }
}
