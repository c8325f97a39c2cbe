//! The directory as a person needs it: a federation, its member organizations, their services.
//!
//! Only the fields that help someone choose a host are kept, already cleaned (plain text, http(s) URLs,
//! ISO dates, validated coordinates). The model has no behaviour beyond small predicates; it is built by
//! `assemble` from the fetched files and read by `search` and the front-ends. Service categories are not
//! stored here: they come from the software → category map at search time, so a better map improves an
//! old directory without a refresh.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A whole directory: what one refresh (or import) produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Directory {
    /// The federation file it was read from.
    pub source: String,
    /// When the refresh that produced it ended (milliseconds since the Unix epoch).
    #[ts(type = "number")]
    pub fetched_at_ms: u64,
    pub federation: Federation,
    /// Members, in the order the federation file lists them.
    pub organizations: Vec<Organization>,
}

impl Directory {
    /// The organization with this id.
    pub fn organization(&self, id: &str) -> Option<&Organization> {
        self.organizations.iter().find(|o| o.id == id)
    }

    /// How many services, across all organizations.
    pub fn service_count(&self) -> usize {
        self.organizations.iter().map(|o| o.services.len()).sum()
    }
}

/// The federation itself (CHATONS).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Federation {
    pub name: String,
    pub description: Option<String>,
    pub website: Option<String>,
    pub contact_url: Option<String>,
    pub contact_email: Option<String>,
}

/// An activity level, as ChatonsInfos writes it (`ACTIVE`, `IDLE`, `AWAY`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActivityLevel {
    Active,
    /// Dormant for now.
    Idle,
    /// Gone.
    Away,
    /// Not said, or a value we do not know.
    Unknown,
}

/// What kind of organization (`organization.type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OrganizationType {
    Association,
    Informal,
    Cooperative,
    Microcompany,
    Company,
    Individual,
    Other,
    Unknown,
}

/// A point on Earth, validated (latitude in [-90, 90], longitude in [-180, 180]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GeoPoint {
    pub lat: f64,
    pub lon: f64,
}

impl GeoPoint {
    /// A point, if both values are in range and finite.
    pub fn new(lat: f64, lon: f64) -> Option<GeoPoint> {
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some(GeoPoint { lat, lon })
    }

    /// Great-circle distance in kilometres (haversine, mean Earth radius).
    pub fn distance_km(&self, other: &GeoPoint) -> f64 {
        const EARTH_RADIUS_KM: f64 = 6371.0088;
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let dlat = lat2 - lat1;
        let dlon = (other.lon - self.lon).to_radians();
        let a = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * a.sqrt().clamp(0.0, 1.0).asin()
    }
}

/// How fresh an organization's or service's data is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Freshness {
    /// When its file was last read successfully (milliseconds since the Unix epoch).
    #[ts(type = "number")]
    pub fetched_at_ms: u64,
    /// When the last refresh could not read it, why (the data shown is then the last good copy).
    pub last_error: Option<String>,
}

/// A member organization of the federation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Organization {
    /// Stable id: from the federation's `subs.<id>` key (else the name), lowercase, unique.
    pub id: String,
    /// The organization file's URL.
    pub source_url: String,
    pub name: String,
    pub description: Option<String>,
    pub kind: OrganizationType,
    pub website: Option<String>,
    pub logo: Option<String>,
    pub contact_url: Option<String>,
    pub contact_email: Option<String>,
    /// `organization.status.level`.
    pub status: ActivityLevel,
    /// `organization.memberof.chatons.status.level`.
    pub membership: ActivityLevel,
    /// ISO date.
    pub start_date: Option<String>,
    /// ISO date: set when the organization has stopped.
    pub end_date: Option<String>,
    /// ISO date the membership ended, if it did.
    pub membership_end_date: Option<String>,
    pub country_name: Option<String>,
    /// ISO 3166-1 alpha-2, uppercase.
    pub country_code: Option<String>,
    /// Validated coordinates; `None` when missing or invalid.
    pub location: Option<GeoPoint>,
    pub address: Option<String>,
    pub services: Vec<Service>,
    pub freshness: Freshness,
}

impl Organization {
    /// Still running and still a member, as far as the file says (unknown counts as active).
    pub fn is_active(&self, today: &str) -> bool {
        let ended = |d: &Option<String>| d.as_deref().is_some_and(|d| d <= today);
        !matches!(self.status, ActivityLevel::Idle | ActivityLevel::Away)
            && self.membership != ActivityLevel::Away
            && !ended(&self.end_date)
            && !ended(&self.membership_end_date)
    }
}

/// Who can open an account (`service.registration`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Registration {
    /// No account needed.
    None,
    /// Free account, open to all.
    Free,
    /// Members of the organization only.
    Member,
    /// Paying customers.
    Client,
}

/// Whether a service takes new accounts (`service.registration.load`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Load {
    Open,
    Full,
    Unknown,
}

/// A service's state (`service.status.level`); both families seen in the wild are accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ServiceStatus {
    /// `OK` or `ON`.
    Ok,
    Maintenance,
    Down,
    Off,
    Draft,
    Unknown,
}

/// A service an organization offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Service {
    /// Unique within its organization.
    pub id: String,
    /// The service file's URL.
    pub source_url: String,
    pub name: String,
    pub description: Option<String>,
    pub website: Option<String>,
    pub logo: Option<String>,
    pub software_name: Option<String>,
    pub software_website: Option<String>,
    /// Every registration mode listed; empty when the file does not say.
    pub registration: Vec<Registration>,
    pub load: Load,
    pub status: ServiceStatus,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    /// Where the server is (`host.country.*`).
    pub host_country_name: Option<String>,
    pub host_country_code: Option<String>,
    pub freshness: Freshness,
}

impl Service {
    /// Open to new people: not full, not closed, not switched off or a draft.
    pub fn is_available(&self, today: &str) -> bool {
        self.load != Load::Full
            && !matches!(self.status, ServiceStatus::Off | ServiceStatus::Draft)
            && self.end_date.as_deref().is_none_or(|d| d > today)
    }
}

/// Today's date as ISO `YYYY-MM-DD` (UTC), for comparing with end dates.
pub fn today_iso() -> String {
    iso_date_from_ms(crate::journal::now_ms())
}

/// An ISO date (UTC) from milliseconds since the Unix epoch.
pub fn iso_date_from_ms(ms: u64) -> String {
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let days = (ms / 86_400_000) as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geopoint_validates_ranges() {
        assert!(GeoPoint::new(49.4, 2.8).is_some());
        assert!(GeoPoint::new(91.0, 2.8).is_none());
        assert!(GeoPoint::new(45.0, -181.0).is_none());
        assert!(GeoPoint::new(f64::NAN, 0.0).is_none());
    }

    #[test]
    fn haversine_paris_lyon_is_about_392_km() {
        let paris = GeoPoint { lat: 48.8566, lon: 2.3522 };
        let lyon = GeoPoint { lat: 45.7640, lon: 4.8357 };
        let d = paris.distance_km(&lyon);
        assert!((d - 392.0).abs() < 3.0, "{d}");
        assert_eq!(paris.distance_km(&paris), 0.0);
    }

    #[test]
    fn iso_dates_from_epoch_ms() {
        assert_eq!(iso_date_from_ms(0), "1970-01-01");
        assert_eq!(iso_date_from_ms(951_782_400_000), "2000-02-29");
        assert_eq!(iso_date_from_ms(1_735_689_600_000), "2025-01-01");
    }
}
