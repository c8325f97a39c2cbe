//! Builds the [`Directory`] from the files a refresh (or an import) holds, and finds the links between
//! them.
//!
//! The same walk serves the crawler (which links to follow) and the model (which organizations and
//! services exist), so a file's `subs` are read by one function with one cap. Assembling is pure: no
//! network, no disk. It reports what it refused — a value that is not a plain http(s) URL, a file of the
//! wrong class, an organization listed twice under two addresses — rather than failing the directory.

use std::collections::{BTreeMap, HashSet};

use reqwest::Url;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::gazetteer::fold;
use super::model::{
    ActivityLevel, Directory, Federation, Freshness, GeoPoint, Load, Organization, OrganizationType,
    Registration, Service, ServiceStatus,
};
use super::properties::Properties;
use super::values;

/// The keys of a ChatonsInfos file the directory is built from, besides its links (`subs.*`). A refresh
/// keeps these pairs, and the links it follows, and no other: `metrics.*`, often most of a file, and
/// whatever else a member writes stay out of the saved directory. (In debug builds the reader checks that
/// it reads no other key.)
const READ_KEYS: [&str; 36] = [
    "federation.contact.email",
    "federation.contact.url",
    "federation.description",
    "federation.name",
    "federation.website",
    "file.class",
    "host.country.code",
    "host.country.name",
    "organization.contact.email",
    "organization.contact.url",
    "organization.country.code",
    "organization.country.name",
    "organization.description",
    "organization.enddate",
    "organization.geolocation.address",
    "organization.geolocation.latitude",
    "organization.geolocation.longitude",
    "organization.logo",
    "organization.memberof.chatons.enddate",
    "organization.memberof.chatons.status.level",
    "organization.name",
    "organization.startdate",
    "organization.status.level",
    "organization.type",
    "organization.website",
    "service.description",
    "service.enddate",
    "service.logo",
    "service.name",
    "service.registration",
    "service.registration.load",
    "service.startdate",
    "service.status.level",
    "service.website",
    "software.name",
    "software.website",
];

/// Is `key` one of [`READ_KEYS`]? (Links, `subs.*`, are kept as they are followed: see the crawler.)
pub fn is_read(key: &str) -> bool {
    READ_KEYS.contains(&key)
}

/// One fetched file as kept between refreshes: its useful pairs and what makes a conditional request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredFile {
    pub url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// When the content was last received (200), ms since the epoch.
    pub fetched_at_ms: u64,
    /// Why the last refresh could not read it, when it could not (this copy is then the last good one).
    pub last_error: Option<String>,
    /// The pairs of the file the directory is built from (`is_read`), and the links the refresh followed.
    pub pairs: Vec<(String, String)>,
}

impl StoredFile {
    /// The pairs as properties.
    pub fn properties(&self) -> Properties {
        Properties::from_pairs(self.pairs.iter().cloned())
    }
}

/// A value a file gave that the directory does not keep, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RejectedValue {
    /// The file that gave it.
    pub url: String,
    pub key: String,
    /// The value as written (cut at 200 characters, controls removed).
    pub value: String,
    /// `url_scheme`, `url_invalid`, `url_credentials`, `url_too_long`, `url_local`, `email_invalid`, `date_invalid`,
    /// `number_invalid`, `coordinates_out_of_range`, `country_code_invalid`.
    pub reason: String,
}

/// Something about a file's content that made it (partly) ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ContentNote {
    pub url: String,
    /// `missing_name`, `wrong_class`, `duplicate_organization`.
    pub code: String,
    pub detail: Option<String>,
}

/// A link found in a file's `subs` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The `<id>` of `subs.<id>`.
    pub key: String,
    /// Absolute http(s) URL, fragment removed.
    pub url: String,
}

/// A `subs` line that could not be followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkIssue {
    /// Not an http(s) URL.
    BadUrl { key: String, value: String, reason: &'static str },
    /// More `subs` than the cap: this many were ignored.
    Capped { ignored: usize },
}

/// The http(s) links of a file's `subs` section, in file order, at most `max_subs`.
pub fn links(props: &Properties, max_subs: usize) -> (Vec<Link>, Vec<LinkIssue>) {
    let mut found = Vec::new();
    let mut issues = Vec::new();
    let mut ignored = 0;
    for (key, value) in props.section("subs") {
        if found.len() >= max_subs {
            ignored += 1;
            continue;
        }
        match values::url(value) {
            Ok(Some(url)) => found.push(Link { key: key.to_owned(), url: normalize_url(&url) }),
            Ok(None) => {}
            Err(r) => issues.push(LinkIssue::BadUrl {
                key: key.to_owned(),
                value: shorten(value),
                reason: r.reason,
            }),
        }
    }
    if ignored > 0 {
        issues.push(LinkIssue::Capped { ignored });
    }
    (found, issues)
}

/// The form URLs are compared in: parsed, fragment dropped.
pub fn normalize_url(url: &str) -> String {
    match Url::parse(url.trim()) {
        Ok(mut u) => {
            u.set_fragment(None);
            u.to_string()
        }
        Err(_) => url.trim().to_owned(),
    }
}

/// A value fit for a report line: invisible characters removed (controls, direction overrides…), 200
/// characters at most.
pub fn shorten(value: &str) -> String {
    value.chars().filter(|c| !values::is_invisible(*c)).take(200).collect()
}

/// The outcome of assembling.
#[derive(Debug, Clone, PartialEq)]
pub struct Assembly {
    pub directory: Directory,
    pub notes: Vec<ContentNote>,
    pub rejected: Vec<RejectedValue>,
}

/// Builds the directory from `files`, starting at `source`. `None` when the federation file is absent.
pub fn assemble(
    source: &str,
    fetched_at_ms: u64,
    files: &BTreeMap<String, StoredFile>,
    max_subs: usize,
) -> Option<Assembly> {
    let source = normalize_url(source);
    let fed_file = files.get(&source)?;
    let public = !Url::parse(&source).is_ok_and(|u| super::crawl::is_local(&u));
    let fed_props = fed_file.properties();
    let mut notes = Vec::new();
    let mut rejected = Vec::new();

    let federation = {
        let mut r = Reader { props: &fed_props, url: &source, rejected: &mut rejected, public };
        Federation {
            name: r.text("federation.name").unwrap_or_else(|| host_of(&source)),
            description: r.text("federation.description"),
            website: r.url("federation.website"),
            contact_url: r.url("federation.contact.url"),
            contact_email: r.email("federation.contact.email"),
        }
    };

    let (org_links, _) = links(&fed_props, max_subs);
    // A member's file is theirs: another member's `subs` pointing at it takes nothing from them (the
    // crawler, which reads the members first, says the same).
    let members: HashSet<&str> = org_links.iter().map(|l| l.url.as_str()).chain([source.as_str()]).collect();
    let mut seen_orgs: HashSet<&str> = HashSet::new();
    let mut seen_names: HashSet<String> = HashSet::new();
    let mut ids: HashSet<String> = HashSet::new();
    let mut organizations = Vec::new();
    for link in &org_links {
        if !seen_orgs.insert(&link.url) || link.url == source {
            continue;
        }
        let Some(file) = files.get(&link.url) else {
            continue;
        };
        let props = file.properties();
        if !class_is(&props, "organization") {
            notes.push(wrong_class(&link.url, &props));
            continue;
        }
        let mut r = Reader { props: &props, url: &link.url, rejected: &mut rejected, public };
        let Some(name) = r.text("organization.name") else {
            notes.push(ContentNote { url: link.url.clone(), code: "missing_name".into(), detail: None });
            continue;
        };
        if !seen_names.insert(fold(&name)) {
            notes.push(ContentNote {
                url: link.url.clone(),
                code: "duplicate_organization".into(),
                // The name: the other address has it already.
                detail: Some(shorten(&name)),
            });
            continue;
        }
        let id = unique_id(&mut ids, &slug(&link.key), &slug(&name));
        let mut org = read_organization(&mut r, id, file);
        let (service_links, _) = links(&props, max_subs);
        let mut service_ids = HashSet::new();
        // A service two members run together is listed under each of them, once.
        let mut seen_services: HashSet<String> = HashSet::new();
        for s in service_links {
            if members.contains(s.url.as_str()) || !seen_services.insert(s.url.clone()) {
                continue;
            }
            let Some(sfile) = files.get(&s.url) else { continue };
            let sprops = sfile.properties();
            if !class_is(&sprops, "service") {
                notes.push(wrong_class(&s.url, &sprops));
                continue;
            }
            let mut sr = Reader { props: &sprops, url: &s.url, rejected: &mut rejected, public };
            let Some(sname) = sr.text("service.name") else {
                notes.push(ContentNote { url: s.url.clone(), code: "missing_name".into(), detail: None });
                continue;
            };
            let sid = unique_id(&mut service_ids, &slug(&s.key), &slug(&sname));
            org.services.push(read_service(&mut sr, sid, sname, sfile));
        }
        organizations.push(org);
    }

    Some(Assembly {
        directory: Directory { source, fetched_at_ms, federation, organizations },
        notes,
        rejected,
    })
}

fn host_of(url: &str) -> String {
    Url::parse(url).ok().and_then(|u| u.host_str().map(str::to_owned)).unwrap_or_else(|| url.to_owned())
}

/// Does the file read at a refresh's source look like a federation file? It says so (`file.class =
/// Federation`), or, without a class, names a federation. A web page or a member's own file does neither:
/// read as the source, it would replace the directory with an empty one.
pub fn is_federation(file: &StoredFile) -> bool {
    let props = file.properties();
    match props.get("file.class").map(values::unquote) {
        Some(class) if !class.is_empty() => class.eq_ignore_ascii_case("federation"),
        _ => props.iter().any(|(k, _)| k.starts_with("federation.")),
    }
}

/// `file.class` absent, or equal to `expected` ignoring case.
fn class_is(props: &Properties, expected: &str) -> bool {
    props
        .get("file.class")
        .map(values::unquote)
        .is_none_or(|c| c.is_empty() || c.eq_ignore_ascii_case(expected))
}

fn wrong_class(url: &str, props: &Properties) -> ContentNote {
    ContentNote {
        url: url.to_owned(),
        code: "wrong_class".into(),
        detail: props.get("file.class").map(shorten),
    }
}

/// Lowercase ASCII letters, digits and hyphens, at most 60 characters.
pub fn slug(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    out.chars().take(60).collect::<String>().trim_end_matches('-').to_owned()
}

fn unique_id(taken: &mut HashSet<String>, preferred: &str, fallback: &str) -> String {
    let base = [preferred, fallback].into_iter().find(|s| !s.is_empty()).unwrap_or("item").to_owned();
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

fn freshness(file: &StoredFile) -> Freshness {
    Freshness { fetched_at_ms: file.fetched_at_ms, last_error: file.last_error.clone() }
}

fn activity(word: Option<String>) -> ActivityLevel {
    match word.as_deref() {
        Some("active") => ActivityLevel::Active,
        Some("idle") => ActivityLevel::Idle,
        Some("away") => ActivityLevel::Away,
        _ => ActivityLevel::Unknown,
    }
}

fn read_organization(r: &mut Reader<'_>, id: String, file: &StoredFile) -> Organization {
    let kind = match r.word("organization.type").as_deref() {
        Some("association") => OrganizationType::Association,
        Some("informal") => OrganizationType::Informal,
        Some("cooperative") => OrganizationType::Cooperative,
        Some("microcompany") => OrganizationType::Microcompany,
        Some("company") => OrganizationType::Company,
        Some("individual") => OrganizationType::Individual,
        Some("other") => OrganizationType::Other,
        _ => OrganizationType::Unknown,
    };
    Organization {
        id,
        source_url: r.url.to_owned(),
        name: r.text("organization.name").unwrap_or_default(),
        description: r.text("organization.description"),
        kind,
        website: r.url("organization.website"),
        logo: r.url("organization.logo"),
        contact_url: r.url("organization.contact.url"),
        contact_email: r.email("organization.contact.email"),
        status: activity(r.word("organization.status.level")),
        membership: activity(r.word("organization.memberof.chatons.status.level")),
        start_date: r.date("organization.startdate"),
        end_date: r.date("organization.enddate"),
        membership_end_date: r.date("organization.memberof.chatons.enddate"),
        country_name: r.text("organization.country.name"),
        country_code: r.country_code("organization.country.code"),
        location: r.point("organization.geolocation.latitude", "organization.geolocation.longitude"),
        address: r.text("organization.geolocation.address"),
        services: Vec::new(),
        freshness: freshness(file),
    }
}

fn read_service(r: &mut Reader<'_>, id: String, name: String, file: &StoredFile) -> Service {
    let mut registration = Vec::new();
    for item in r.get("service.registration").map(values::list).unwrap_or_default() {
        let mode = match item.to_lowercase().as_str() {
            "none" => Registration::None,
            "free" => Registration::Free,
            "member" | "members" => Registration::Member,
            "client" | "clients" => Registration::Client,
            _ => continue,
        };
        if !registration.contains(&mode) {
            registration.push(mode);
        }
    }
    let load = match r.word("service.registration.load").as_deref() {
        Some("open") => Load::Open,
        Some("full") => Load::Full,
        _ => Load::Unknown,
    };
    let status = match r.word("service.status.level").as_deref() {
        Some("ok" | "on") => ServiceStatus::Ok,
        Some("maintenance") => ServiceStatus::Maintenance,
        Some("down") => ServiceStatus::Down,
        Some("off") => ServiceStatus::Off,
        Some("draft") => ServiceStatus::Draft,
        _ => ServiceStatus::Unknown,
    };
    Service {
        id,
        source_url: r.url.to_owned(),
        name,
        description: r.text("service.description"),
        website: r.url("service.website"),
        logo: r.url("service.logo"),
        software_name: r.text("software.name"),
        software_website: r.url("software.website"),
        registration,
        load,
        status,
        start_date: r.date("service.startdate"),
        end_date: r.date("service.enddate"),
        host_country_name: r.text("host.country.name"),
        host_country_code: r.country_code("host.country.code"),
        freshness: freshness(file),
    }
}

/// Reads typed fields of one file and records what it refuses.
struct Reader<'a> {
    props: &'a Properties,
    url: &'a str,
    rejected: &'a mut Vec<RejectedValue>,
    /// The directory comes from the Internet: an address into the local network (a router's page) is
    /// refused, as the person's browser or phone would open it at home.
    public: bool,
}

impl Reader<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        debug_assert!(is_read(key), "`{key}` is read but a refresh does not keep it: add it to READ_KEYS");
        self.props.get(key)
    }

    fn reject(&mut self, key: &str, value: &str, reason: &str) {
        self.rejected.push(RejectedValue {
            url: self.url.to_owned(),
            key: key.to_owned(),
            value: shorten(value),
            reason: reason.to_owned(),
        });
    }

    fn text(&self, key: &str) -> Option<String> {
        self.get(key).and_then(values::text)
    }

    fn word(&self, key: &str) -> Option<String> {
        self.get(key).and_then(values::word)
    }

    fn checked<T>(&mut self, key: &str, read: fn(&str) -> Result<Option<T>, values::Rejection>) -> Option<T> {
        let raw = self.get(key)?;
        match read(raw) {
            Ok(v) => v,
            Err(r) => {
                let raw = raw.to_owned();
                self.reject(key, &raw, r.reason);
                None
            }
        }
    }

    fn url(&mut self, key: &str) -> Option<String> {
        let url = self.checked(key, values::url)?;
        if self.public && Url::parse(&url).is_ok_and(|u| super::crawl::is_local(&u)) {
            let raw = self.get(key)?.to_owned();
            self.reject(key, &raw, "url_local");
            return None;
        }
        Some(url)
    }

    fn email(&mut self, key: &str) -> Option<String> {
        self.checked(key, values::email)
    }

    fn date(&mut self, key: &str) -> Option<String> {
        self.checked(key, values::date)
    }

    fn country_code(&mut self, key: &str) -> Option<String> {
        let raw = self.get(key)?;
        let v = values::unquote(raw);
        if v.is_empty() {
            return None;
        }
        if v.len() == 2 && v.bytes().all(|b| b.is_ascii_alphabetic()) {
            Some(v.to_ascii_uppercase())
        } else {
            let raw = raw.to_owned();
            self.reject(key, &raw, "country_code_invalid");
            None
        }
    }

    fn point(&mut self, lat_key: &str, lon_key: &str) -> Option<GeoPoint> {
        let lat = self.checked(lat_key, values::decimal);
        let lon = self.checked(lon_key, values::decimal);
        let (lat, lon) = (lat?, lon?);
        let point = GeoPoint::new(lat, lon);
        if point.is_none() {
            self.reject(lat_key, &format!("{lat}, {lon}"), "coordinates_out_of_range");
        }
        point
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_line_shows_nothing_invisible() {
        assert_eq!(shorten("Evil\u{1b}[31m\u{202e}eman\u{200b}"), "Evil[31meman");
        assert_eq!(shorten(&"é".repeat(300)).chars().count(), 200);
    }

    fn file(url: &str, text: &str) -> (String, StoredFile) {
        let pairs = Properties::parse(text).into_pairs();
        let url = normalize_url(url);
        (
            url.clone(),
            StoredFile { url, etag: None, last_modified: None, fetched_at_ms: 1, last_error: None, pairs },
        )
    }

    fn sample() -> BTreeMap<String, StoredFile> {
        BTreeMap::from([
            file(
                "https://fed.example/f.properties",
                "file.class = federation\nfederation.name = CHATONS\n\
                 subs.alpha = https://a.example/org.properties\nsubs.beta = 'https://b.example/org.properties'\n\
                 subs.evil = javascript:alert(1)\nsubs.alpha2 = https://a.example/org.properties#x",
            ),
            file(
                "https://a.example/org.properties",
                "file.class = Organization\norganization.name = Alpha <script>x</script>\n\
                 organization.website = javascript:alert(1)\norganization.geolocation.latitude = 49,4179\n\
                 organization.geolocation.longitude = 2.826\norganization.country.code = fr\n\
                 organization.startdate = 01/02/2019\norganization.status.level = ACTIVE\n\
                 subs.mail = https://a.example/mail.properties\nsubs.bad = file:///etc/passwd",
            ),
            file(
                "https://a.example/mail.properties",
                "file.class = SERVICE\nservice.name = Courriel\nsoftware.name = Roundcube\n\
                 service.registration = Free;;Member\nservice.registration.load = OPEN\nservice.status.level = OK\n\
                 service.website = https://mail.a.example\nservice.logo = https://me:secret@mail.a.example/logo.png",
            ),
            file(
                "https://b.example/org.properties",
                "organization.name = Bêta\norganization.geolocation.latitude = 123\n\
                 organization.geolocation.longitude = 2\norganization.contact.email = nope",
            ),
        ])
    }

    #[test]
    fn links_keep_order_drop_bad_schemes_and_cap() {
        let props = Properties::parse(
            "subs.a = https://a/x\nsubs.b = file:///x\nsubs.u = https://me:pw@u/\nsubs.c = http://c/y\n\
             subs.d = https://d/",
        );
        let (found, issues) = links(&props, 2);
        assert_eq!(found.iter().map(|l| l.key.as_str()).collect::<Vec<_>>(), vec!["a", "c"]);
        assert!(matches!(&issues[0], LinkIssue::BadUrl { key, reason: "url_scheme", .. } if key == "b"));
        assert!(matches!(&issues[1], LinkIssue::BadUrl { key, reason: "url_credentials", .. } if key == "u"));
        assert_eq!(issues[2], LinkIssue::Capped { ignored: 1 });
    }

    #[test]
    fn assembles_organizations_and_services_and_reports_refusals() {
        let a = assemble("https://fed.example/f.properties", 7, &sample(), 100).unwrap();
        let d = &a.directory;
        assert_eq!(d.federation.name, "CHATONS");
        assert_eq!(d.organizations.len(), 2);
        let alpha = &d.organizations[0];
        assert_eq!(alpha.id, "alpha");
        assert_eq!(alpha.name, "Alpha <script>x</script>");
        assert_eq!(alpha.website, None);
        assert_eq!(alpha.location, Some(GeoPoint { lat: 49.4179, lon: 2.826 }));
        assert_eq!(alpha.country_code.as_deref(), Some("FR"));
        assert_eq!(alpha.start_date.as_deref(), Some("2019-02-01"));
        assert_eq!(alpha.status, ActivityLevel::Active);
        assert_eq!(alpha.services.len(), 1);
        let mail = &alpha.services[0];
        assert_eq!(mail.id, "mail");
        assert_eq!(mail.registration, vec![Registration::Free, Registration::Member]);
        assert_eq!(mail.load, Load::Open);
        assert_eq!(mail.status, ServiceStatus::Ok);
        assert_eq!(mail.website.as_deref(), Some("https://mail.a.example/"));
        assert_eq!(mail.logo, None, "an address with a password is dropped");
        let beta = &d.organizations[1];
        assert_eq!(beta.id, "beta");
        assert_eq!(beta.location, None);
        assert_eq!(beta.contact_email, None);
        let reasons: Vec<(&str, &str)> =
            a.rejected.iter().map(|r| (r.key.as_str(), r.reason.as_str())).collect();
        assert!(reasons.contains(&("organization.website", "url_scheme")), "{reasons:?}");
        assert!(reasons.contains(&("organization.geolocation.latitude", "coordinates_out_of_range")));
        assert!(reasons.contains(&("organization.contact.email", "email_invalid")));
        assert!(reasons.contains(&("service.logo", "url_credentials")), "{reasons:?}");
    }

    /// A member's website or contact page pointing into the local network (a router's page) would be opened
    /// by the person's browser, or phone, at home: from the Internet, it is refused; from a volunteer's
    /// server in the room, it is that server's to give.
    #[test]
    fn addresses_into_the_local_network_are_refused_from_the_internet() {
        let files = |fed: &str, org: &str| {
            BTreeMap::from([
                file(fed, &format!("file.class = Federation\nfederation.name = F\nsubs.a = {org}")),
                file(
                    org,
                    "file.class = Organization\norganization.name = A\n\
                     organization.website = http://192.168.1.1/apply.cgi?x=1\n\
                     organization.contact.url = http://[64:ff9b::c0a8:101]/\n\
                     organization.socialnetworks.mastodon = https://a.example/",
                ),
            ])
        };
        let (fed, org) = ("https://fed.example/f.properties", "https://a.example/org.properties");
        let a = assemble(fed, 0, &files(fed, org), 10).unwrap();
        let alpha = &a.directory.organizations[0];
        assert_eq!((alpha.website.as_deref(), alpha.contact_url.as_deref()), (None, None));
        let reasons: Vec<(&str, &str)> =
            a.rejected.iter().map(|r| (r.key.as_str(), r.reason.as_str())).collect();
        assert_eq!(
            reasons,
            [("organization.website", "url_local"), ("organization.contact.url", "url_local")]
        );

        let (fed, org) = ("http://192.168.1.10/f.properties", "http://192.168.1.10/org.properties");
        let a = assemble(fed, 0, &files(fed, org), 10).unwrap();
        assert_eq!(a.directory.organizations[0].website.as_deref(), Some("http://192.168.1.1/apply.cgi?x=1"));
        assert!(a.rejected.is_empty(), "{:?}", a.rejected);
    }

    #[test]
    fn no_federation_file_means_no_directory() {
        assert!(assemble("https://elsewhere.example/", 0, &sample(), 10).is_none());
    }

    #[test]
    fn same_organization_at_two_addresses_is_kept_once() {
        let mut files = sample();
        let (u, mut f) = file("https://fed.example/f.properties", "");
        f.pairs = Properties::parse(
            "subs.a = https://a.example/org.properties\nsubs.copy = https://copy.example/org.properties",
        )
        .into_pairs();
        files.insert(u, f);
        let (u, f) =
            file("https://copy.example/org.properties", "organization.name = ALPHA <SCRIPT>X</SCRIPT>");
        files.insert(u, f);
        let a = assemble("https://fed.example/f.properties", 0, &files, 10).unwrap();
        assert_eq!(a.directory.organizations.len(), 1);
        assert_eq!(a.notes[0].code, "duplicate_organization");
    }

    #[test]
    fn a_members_link_to_another_member_takes_nothing_from_them() {
        let mut files = sample();
        let (u, f) = file(
            "https://a.example/org.properties",
            "file.class = Organization\norganization.name = Alpha\n\
             subs.mail = https://a.example/mail.properties\nsubs.oops = https://b.example/org.properties",
        );
        files.insert(u, f);
        let (u, f) =
            file("https://b.example/org.properties", "file.class = Organization\norganization.name = Bêta");
        files.insert(u, f);
        let a = assemble("https://fed.example/f.properties", 0, &files, 10).unwrap();
        let names: Vec<&str> = a.directory.organizations.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["Alpha", "Bêta"]);
        assert_eq!(a.directory.organizations[0].services.len(), 1);
        assert!(a.notes.is_empty(), "{:?}", a.notes);
    }

    #[test]
    fn a_service_two_members_run_together_is_listed_under_each() {
        let mut files = sample();
        let (u, f) = file(
            "https://b.example/org.properties",
            "file.class = Organization\norganization.name = Bêta\n\
             subs.shared = https://a.example/mail.properties\nsubs.again = https://a.example/mail.properties#x",
        );
        files.insert(u, f);
        let a = assemble("https://fed.example/f.properties", 0, &files, 10).unwrap();
        let services: Vec<(&str, usize)> =
            a.directory.organizations.iter().map(|o| (o.name.as_str(), o.services.len())).collect();
        assert_eq!(services, [("Alpha <script>x</script>", 1), ("Bêta", 1)]);
    }

    #[test]
    fn files_of_the_wrong_class_or_without_name_are_noted() {
        let mut files = sample();
        let (u, f) = file("https://b.example/org.properties", "file.class = Service\nservice.name = x");
        files.insert(u, f);
        let a = assemble("https://fed.example/f.properties", 0, &files, 10).unwrap();
        assert_eq!(a.directory.organizations.len(), 1);
        assert_eq!(a.notes[0].code, "wrong_class");
    }

    #[test]
    fn impossible_coordinates_are_refused_with_their_reason() {
        for (lat, lon, reason) in [
            ("NaN", "2", "number_invalid"),
            ("49", "-inf", "number_invalid"),
            ("0x31", "2", "number_invalid"),
            ("1e308", "2", "coordinates_out_of_range"),
            ("49", "-1e308", "coordinates_out_of_range"),
            ("90.0001", "0", "coordinates_out_of_range"),
            ("49,4", "181", "coordinates_out_of_range"),
        ] {
            let mut files = sample();
            let text = format!(
                "organization.name = B\norganization.geolocation.latitude = {lat}\n\
                 organization.geolocation.longitude = {lon}"
            );
            let (u, f) = file("https://b.example/org.properties", &text);
            files.insert(u, f);
            let a = assemble("https://fed.example/f.properties", 0, &files, 10).unwrap();
            let b = a.directory.organizations.iter().find(|o| o.name == "B").unwrap();
            assert_eq!(b.location, None, "{lat}, {lon}");
            assert!(a.rejected.iter().any(|r| r.reason == reason), "{lat}, {lon}: {:?}", a.rejected);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_organization_file_assembles_without_panic_and_keeps_only_web_urls(
            body in r"(organization\.(name|website|contact\.url|geolocation\.latitude|geolocation\.longitude|startdate|country\.code) ?[=:] ?[ -~\u{e9}<>]{0,40}\n|subs\.[a-z]{1,3} = [ -~]{0,30}\n){0,12}"
        ) {
            let mut files = sample();
            let (u, f) = file("https://b.example/org.properties", &body);
            files.insert(u, f);
            let a = assemble("https://fed.example/f.properties", 0, &files, 5).unwrap();
            for o in &a.directory.organizations {
                for url in [&o.website, &o.contact_url, &o.logo].into_iter().flatten() {
                    proptest::prop_assert!(url.starts_with("http://") || url.starts_with("https://"), "{url}");
                }
                if let Some(p) = o.location {
                    proptest::prop_assert!(p.lat.abs() <= 90.0 && p.lon.abs() <= 180.0);
                }
            }
        }
    }

    #[test]
    fn slugs_and_unique_ids() {
        assert_eq!(slug("La Mère Zaclys !"), "la-mere-zaclys");
        assert_eq!(slug("***"), "");
        let mut taken = HashSet::new();
        assert_eq!(unique_id(&mut taken, "a", "x"), "a");
        assert_eq!(unique_id(&mut taken, "a", "x"), "a-2");
        assert_eq!(unique_id(&mut taken, "", "x"), "x");
        assert_eq!(unique_id(&mut taken, "", ""), "item");
    }
}
