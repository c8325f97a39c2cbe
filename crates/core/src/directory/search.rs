//! Finding a host: which organizations offer the kind of service a person needs, on terms that suit them,
//! nearest first.
//!
//! A service's category comes from its software through a [`CategoryMap`] (the reference data's
//! software → category map), so the directory itself never guesses. By default full or closed services
//! and organizations that stopped are left out; a query can ask for them. Organizations without valid
//! coordinates are never dropped: they come after the located ones, those in the place's country first,
//! labelled "country only" or "location unknown". This module ranks; it does not draw a map.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::gazetteer::{self, fold, PlaceResolution};
use super::model::{
    today_iso, Directory, GeoPoint, Load, Organization, Registration, Service, ServiceStatus,
};
use crate::reference::Categories;

/// The software → category map the search relies on.
pub trait CategoryMap {
    /// The category id of a software name; `other` when unknown.
    fn category_of(&self, software: &str) -> &str;
}

/// The reference data's map (`checklists/categories.toml`).
impl CategoryMap for Categories {
    fn category_of(&self, software: &str) -> &str {
        Categories::category_of(self, software)
    }
}

/// Which registration modes a person accepts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RegistrationFilter {
    /// No account needed, or a free account open to all.
    Open,
    /// Members of the organization (an association's members, often for a yearly fee).
    Members,
    /// Paying customers: a subscription or a price.
    Paid,
    /// Any, including services that do not say.
    #[default]
    Any,
}

impl RegistrationFilter {
    fn accepts(self, modes: &[Registration]) -> bool {
        match self {
            RegistrationFilter::Any => true,
            RegistrationFilter::Open => {
                modes.iter().any(|m| matches!(m, Registration::None | Registration::Free))
            }
            RegistrationFilter::Members => modes.contains(&Registration::Member),
            RegistrationFilter::Paid => modes.contains(&Registration::Client),
        }
    }
}

impl RegistrationFilter {
    /// The names a person may give, each with its other spellings: what `FromStr` reads, and what the
    /// command line lists.
    pub const SPELLINGS: &'static [(&'static str, &'static [&'static str], RegistrationFilter)] = &[
        ("open", &[], RegistrationFilter::Open),
        ("members", &["member"], RegistrationFilter::Members),
        ("paid", &["client", "clients"], RegistrationFilter::Paid),
        ("any", &[], RegistrationFilter::Any),
    ];
}

impl std::str::FromStr for RegistrationFilter {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::i18n::spelled(s, Self::SPELLINGS).ok_or_else(|| {
            format!("unknown registration `{}` (expected open, members, paid or any)", s.trim())
        })
    }
}

/// A search.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchQuery {
    /// A category id (`mail`, `cloud`…); `None` for any.
    #[serde(default)]
    pub category: Option<String>,
    /// `LAT,LON` or a town name (see `gazetteer::resolve`).
    #[serde(default)]
    pub near: Option<String>,
    #[serde(default)]
    pub registration: RegistrationFilter,
    /// Also list services that are full, closed, off or drafts.
    #[serde(default)]
    pub include_full: bool,
    /// Also list organizations that stopped or left the federation.
    #[serde(default)]
    pub include_inactive: bool,
    /// At most this many organizations.
    #[serde(default)]
    pub limit: Option<u32>,
}

/// How precisely an organization is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Placement {
    /// Valid coordinates.
    Located,
    /// Only a country.
    CountryOnly,
    /// Nothing usable.
    Unknown,
}

/// A service that matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ServiceHit {
    pub id: String,
    pub name: String,
    pub website: Option<String>,
    pub software_name: Option<String>,
    /// Category id from the software map (`other` when unknown).
    pub category: String,
    pub registration: Vec<Registration>,
    pub load: Load,
    pub status: ServiceStatus,
    /// Takes new accounts (not full, closed, off or a draft).
    pub available: bool,
}

/// An organization that matched, with its matching services.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub org_id: String,
    pub name: String,
    pub website: Option<String>,
    pub country_code: Option<String>,
    pub country_name: Option<String>,
    pub location: Option<GeoPoint>,
    pub placement: Placement,
    /// Kilometres from the place asked, when both are located.
    pub distance_km: Option<f64>,
    pub active: bool,
    /// The last refresh could not read this organization's file: the data is its last good copy.
    pub stale: bool,
    pub services: Vec<ServiceHit>,
}

/// The answer to a search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchResults {
    /// What `near` was understood as; `None` when no place was asked. When ambiguous or not found, `hits`
    /// are in name order without distances.
    pub near: Option<PlaceResolution>,
    /// Organizations that matched, before `limit`.
    pub total: u32,
    pub hits: Vec<SearchHit>,
    pub source: String,
    #[ts(type = "number")]
    pub fetched_at_ms: u64,
}

/// Runs a query on a directory.
pub fn search(directory: &Directory, query: &SearchQuery, categories: &dyn CategoryMap) -> SearchResults {
    search_on(directory, query, categories, &today_iso())
}

/// [`search`] with today's date given (tests).
pub fn search_on(
    directory: &Directory,
    query: &SearchQuery,
    categories: &dyn CategoryMap,
    today: &str,
) -> SearchResults {
    let near = query.near.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(gazetteer::resolve);
    let origin = near.as_ref().and_then(PlaceResolution::point);
    let origin_country = near.as_ref().and_then(PlaceResolution::country).map(str::to_owned);
    let wanted = query.category.as_deref().map(str::trim).filter(|c| !c.is_empty());
    let service_filter = wanted.is_some() || query.registration != RegistrationFilter::Any;

    let mut hits: Vec<SearchHit> = directory
        .organizations
        .iter()
        .filter_map(|org| {
            let active = org.is_active(today);
            if !active && !query.include_inactive {
                return None;
            }
            let services: Vec<ServiceHit> = org
                .services
                .iter()
                .map(|s| service_hit(s, categories, today))
                .filter(|h| wanted.is_none_or(|w| h.category == w))
                .filter(|h| query.registration.accepts(&h.registration))
                .filter(|h| h.available || query.include_full)
                .collect();
            if service_filter && services.is_empty() {
                return None;
            }
            Some(hit(org, services, active, origin.as_ref()))
        })
        .collect();

    if origin.is_some() {
        hits.sort_by(|a, b| rank_by_distance(a, b, origin_country.as_deref()));
    } else {
        hits.sort_by(by_name);
    }
    let total = hits.len() as u32;
    if let Some(limit) = query.limit {
        hits.truncate(limit as usize);
    }
    SearchResults {
        near,
        total,
        hits,
        source: directory.source.clone(),
        fetched_at_ms: directory.fetched_at_ms,
    }
}

fn service_hit(s: &Service, categories: &dyn CategoryMap, today: &str) -> ServiceHit {
    let category =
        s.software_name.as_deref().map(|n| categories.category_of(n)).unwrap_or("other").to_owned();
    ServiceHit {
        id: s.id.clone(),
        name: s.name.clone(),
        website: s.website.clone(),
        software_name: s.software_name.clone(),
        category,
        registration: s.registration.clone(),
        load: s.load,
        status: s.status,
        available: s.is_available(today),
    }
}

fn hit(org: &Organization, services: Vec<ServiceHit>, active: bool, origin: Option<&GeoPoint>) -> SearchHit {
    let placement = match (org.location, org.country_code.is_some() || org.country_name.is_some()) {
        (Some(_), _) => Placement::Located,
        (None, true) => Placement::CountryOnly,
        (None, false) => Placement::Unknown,
    };
    SearchHit {
        org_id: org.id.clone(),
        name: org.name.clone(),
        website: org.website.clone(),
        country_code: org.country_code.clone(),
        country_name: org.country_name.clone(),
        location: org.location,
        placement,
        distance_km: origin.zip(org.location).map(|(o, l)| (o.distance_km(&l) * 10.0).round() / 10.0),
        active,
        stale: org.freshness.last_error.is_some(),
        services,
    }
}

fn by_name(a: &SearchHit, b: &SearchHit) -> Ordering {
    fold(&a.name).cmp(&fold(&b.name)).then_with(|| a.org_id.cmp(&b.org_id))
}

/// Located by distance, then country-only (the place's country first), then unknown; ties by name.
fn rank_by_distance(a: &SearchHit, b: &SearchHit, country: Option<&str>) -> Ordering {
    let group = |h: &SearchHit| match (h.distance_km, h.placement) {
        (Some(_), _) => 0,
        (None, Placement::Located) => 1,
        (None, Placement::CountryOnly) if country.is_some() && h.country_code.as_deref() == country => 1,
        (None, Placement::CountryOnly) => 2,
        (None, Placement::Unknown) => 3,
    };
    group(a)
        .cmp(&group(b))
        .then_with(|| match (a.distance_km, b.distance_km) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            _ => Ordering::Equal,
        })
        .then_with(|| by_name(a, b))
}
