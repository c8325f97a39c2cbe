//! Mail providers (`checklists/providers.toml`): which organisation hosts an address, judged by its
//! domain, by the incoming server a mail client uses, or by the MX records of a custom domain.
//!
//! Matching is plain string work on lowercase names; resolving MX records is the caller's job.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ProviderKind;
use crate::audit::ProviderMatch;
use crate::checklist::source::{said, Date, Source, TomlPath};
use crate::checklist::Diagnostic;

/// The id given to anything our data does not know.
pub const UNKNOWN_PROVIDER: &str = "unknown";

/// One mail provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Provider {
    pub id: String,
    pub name: String,
    pub kind: ProviderKind,
    /// Address domains: exact (`gmail.com`), or `outlook.*` for that name under any country or generic
    /// top-level domain (`outlook.fr`, `outlook.com`, `outlook.co.uk`).
    #[serde(default)]
    pub domains: Vec<String>,
    /// Incoming-server host patterns: exact (`posteo.de`) or `*.gmail.com` (any name under gmail.com).
    #[serde(default)]
    pub servers: Vec<String>,
    /// MX host patterns, same syntax as `servers`, revealing who hosts a custom domain.
    #[serde(default)]
    pub mx: Vec<String>,
}

/// The known providers, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Providers {
    pub reviewed: Date,
    providers: Vec<Provider>,
}

impl Providers {
    /// Builds the list from already-checked values.
    pub fn new(reviewed: Date, providers: Vec<Provider>) -> Providers {
        Providers { reviewed, providers }
    }

    /// Every provider, in file order.
    pub fn all(&self) -> &[Provider] {
        &self.providers
    }

    /// The provider with this id.
    pub fn get(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id == id)
    }

    /// Who hosts addresses at `domain` (`gmail.com`, `Outlook.FR`). Unknown domains give id `unknown`,
    /// kind [`ProviderKind::Unknown`] and the domain itself as the name.
    pub fn classify_domain(&self, domain: &str) -> ProviderMatch {
        let domain = normalise(domain);
        self.first(|p| p.domains.iter().any(|pat| domain_matches(pat, &domain)))
            .map(|p| matched(p, format!("domain:{domain}")))
            .unwrap_or_else(|| unknown(&domain))
    }

    /// Who hosts `address` (`alice@gmail.com`), by the part after the last `@`.
    pub fn classify_address(&self, address: &str) -> ProviderMatch {
        match address.rsplit_once('@') {
            Some((_, domain)) if !domain.trim().is_empty() => self.classify_domain(domain),
            _ => unknown(address.trim()),
        }
    }

    /// Who runs the incoming mail server `host` (`imap.gmail.com`).
    pub fn classify_server(&self, host: &str) -> ProviderMatch {
        let host = normalise(host);
        self.first(|p| p.servers.iter().any(|pat| host_matches(pat, &host)))
            .map(|p| matched(p, format!("server:{host}")))
            .unwrap_or_else(|| unknown(&host))
    }

    /// Who hosts a domain's mail, from its MX hosts in order of preference: the first host that matches a
    /// provider decides. No match gives `unknown`, named after the first host.
    pub fn classify_mx(&self, mx_hosts: &[String]) -> ProviderMatch {
        for host in mx_hosts {
            let host = normalise(host);
            if let Some(p) = self.first(|p| p.mx.iter().any(|pat| host_matches(pat, &host))) {
                return matched(p, format!("mx:{host}"));
            }
        }
        unknown(&mx_hosts.first().map(|h| normalise(h)).unwrap_or_default())
    }

    fn first(&self, pred: impl Fn(&Provider) -> bool) -> Option<&Provider> {
        self.providers.iter().find(|p| pred(p))
    }
}

fn normalise(name: &str) -> String {
    name.trim().trim_end_matches('.').to_lowercase()
}

fn matched(p: &Provider, by: String) -> ProviderMatch {
    ProviderMatch { id: p.id.clone(), name: p.name.clone(), kind: p.kind, matched_by: Some(by) }
}

fn unknown(name: &str) -> ProviderMatch {
    ProviderMatch {
        id: UNKNOWN_PROVIDER.to_owned(),
        name: name.to_owned(),
        kind: ProviderKind::Unknown,
        matched_by: None,
    }
}

/// `outlook.*` matches `outlook.fr`, `outlook.com`, `outlook.co.uk`, `outlook.com.br`, but not
/// `outlook.example.org`: the wildcard stands for one top-level domain, or a short second-level label
/// (≤ 3 letters) under a two-letter country code.
fn domain_matches(pattern: &str, domain: &str) -> bool {
    match pattern.strip_suffix(".*") {
        None => pattern == domain,
        Some(name) => {
            domain.strip_prefix(name).and_then(|r| r.strip_prefix('.')).is_some_and(is_public_suffix_like)
        }
    }
}

fn is_public_suffix_like(rest: &str) -> bool {
    let labels: Vec<&str> = rest.split('.').collect();
    let alpha = |l: &str| !l.is_empty() && l.chars().all(|c| c.is_ascii_lowercase());
    match labels.as_slice() {
        [tld] => alpha(tld),
        [second, cc] => alpha(second) && second.len() <= 3 && cc.len() == 2 && alpha(cc),
        _ => false,
    }
}

/// `*.gmail.com` matches `imap.gmail.com` and `a.b.gmail.com`, not `gmail.com`; other patterns are exact.
fn host_matches(pattern: &str, host: &str) -> bool {
    match pattern.strip_prefix("*.") {
        Some(suffix) => host.strip_suffix(suffix).is_some_and(|head| head.len() > 1 && head.ends_with('.')),
        None => pattern == host,
    }
}

fn valid_name(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').count() >= 2
        && s.split('.').all(|l| {
            !l.is_empty() && l.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    reviewed: Date,
}

pub(super) fn load(src: &Source<'_>, diags: &mut Vec<Diagnostic>) -> Option<Providers> {
    let before = diags.len();
    let doc = src.load_list::<Header, Provider>("provider", diags)?;
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut domains: HashMap<String, String> = HashMap::new();
    for (index, p) in &doc.items {
        let at = TomlPath::default().key("provider").index(*index);
        let span = |path: &TomlPath| Source::span_of(&doc.root, path);
        if !super::is_valid_id(&p.id) || p.id == UNKNOWN_PROVIDER {
            diags.push(src.diag(
                span(&at.key("id")),
                said(
                    format!(
                        "identifiant de fournisseur invalide `{}` — au plus 64 minuscules, chiffres et tirets, \
                         et jamais `{UNKNOWN_PROVIDER}`",
                        p.id
                    ),
                    format!(
                        "invalid provider id `{}` — use at most 64 lowercase letters, digits and dashes, and \
                         never `{UNKNOWN_PROVIDER}`",
                        p.id
                    ),
                ),
            ));
        } else if ids.insert(p.id.clone(), *index).is_some() {
            diags.push(src.diag(
                span(&at.key("id")),
                said(
                    format!("l’identifiant de fournisseur `{}` est déjà pris", p.id),
                    format!("duplicate provider id `{}`", p.id),
                ),
            ));
        }
        if p.name.trim().is_empty() {
            diags.push(src.diag(span(&at.key("name")), said("`name` est vide", "empty `name`")));
        }
        if p.kind == ProviderKind::Unknown {
            diags.push(src.diag(
                span(&at.key("kind")),
                said(
                    "un fournisseur de la liste ne peut pas être du type `unknown`",
                    "a listed provider cannot be of kind `unknown`",
                ),
            ));
        }
        for (i, d) in p.domains.iter().enumerate() {
            let here = span(&at.key("domains").index(i));
            let ok = match d.strip_suffix(".*") {
                Some(label) => !label.contains('.') && valid_name(&format!("{label}.x")),
                None => valid_name(d),
            };
            if !ok {
                diags.push(src.diag(
                    here,
                    said(
                        format!("domaine invalide `{d}` — attendu `exemple.fr` ou `nom.*`"),
                        format!("invalid domain `{d}` — expected `example.org` or `name.*`"),
                    ),
                ));
            } else if let Some(other) = domains.insert(d.clone(), p.id.clone()) {
                diags.push(src.diag(
                    here,
                    said(
                        format!("le domaine `{d}` est déjà donné pour `{other}`"),
                        format!("domain `{d}` is already listed for `{other}`"),
                    ),
                ));
            }
        }
        for key in ["servers", "mx"] {
            let list = if key == "servers" { &p.servers } else { &p.mx };
            for (i, pat) in list.iter().enumerate() {
                let name = pat.strip_prefix("*.").unwrap_or(pat);
                if !valid_name(name) {
                    diags.push(src.diag(
                        span(&at.key(key).index(i)),
                        said(
                            format!(
                                "modèle de serveur invalide `{pat}` — attendu `serveur.exemple.fr` ou \
                                 `*.exemple.fr`"
                            ),
                            format!(
                                "invalid host pattern `{pat}` — expected `host.example.org` or \
                                 `*.example.org`"
                            ),
                        ),
                    ));
                }
            }
        }
    }
    let header = doc.header?;
    (diags.len() == before).then(|| Providers {
        reviewed: header.reviewed,
        providers: doc.items.into_iter().map(|(_, p)| p).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcard_domains_stand_for_a_top_level_domain_only() {
        for d in ["outlook.fr", "outlook.com", "outlook.co.uk", "outlook.com.br"] {
            assert!(domain_matches("outlook.*", d), "{d}");
        }
        for d in ["outlook.example.org", "outlook", "myoutlook.fr", "outlook.", "live.mycompany.com"] {
            assert!(!domain_matches("outlook.*", d) && !domain_matches("live.*", d), "{d}");
        }
        assert!(domain_matches("gmail.com", "gmail.com"));
        assert!(!domain_matches("gmail.com", "gmail.co"));
    }

    #[test]
    fn host_patterns_need_a_label_before_the_suffix() {
        assert!(host_matches("*.gmail.com", "imap.gmail.com"));
        assert!(host_matches("*.gmail.com", "a.b.gmail.com"));
        assert!(!host_matches("*.gmail.com", "gmail.com"));
        assert!(!host_matches("*.gmail.com", "evilgmail.com"));
        assert!(host_matches("posteo.de", "posteo.de"));
        assert!(!host_matches("posteo.de", "x.posteo.de"));
    }
}
