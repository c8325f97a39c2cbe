//! The crawler: reads the federation file, then its organizations' files, then their services' files,
//! over HTTP(S), politely and within bounds.
//!
//! Bounds are what make it safe to point at files written by strangers: a fixed number of requests in
//! flight, a connect timeout and a deadline per file that covers the whole body (a server sending one byte
//! a second still ends), a body cap read by streaming (a 100 MB answer is never held), a cap on `subs` per
//! file and on the total number of files, a depth of two below the federation, at most five redirects and
//! never to a non-http(s) address, and each URL fetched once (cycles, self-subscription and duplicates
//! are skipped). A directory read from the Internet never leads into the local network: links, redirects
//! and names that resolve to this computer or to private addresses (the person's router, printer, NAS)
//! are not followed, so a hostile entry cannot make the app send requests there. Conditional requests (ETag, Last-Modified) save bandwidth, and when a file cannot be read
//! its last good copy stands in, so one dead member never leaves the directory.
//!
//! One member's server that has stopped answering must not hold the whole refresh: with hundreds of
//! service files on it, the per-file deadlines would add up to a quarter of an hour. So after several
//! files of one server in a row have failed to arrive (no connection, deadline passed) with no answer
//! from it in between, its remaining files are not requested in this refresh; their last good copies
//! stand in, as for any failed file. A server that answers, even slowly or with errors, is never given
//! up.
//!
//! The person can stop a refresh at any time, and on a dead network the per-file deadlines add up to
//! minutes: so a stop is checked before each request starts and raced against every request in flight,
//! which is dropped at once rather than left to its deadline. A stopped crawl says so, and its files are
//! not used: half a directory would silently lose members.
//!
//! It does not interpret content beyond finding links (that is `assemble`), nor write anything (that is
//! `store`). Every request goes into the [`Journal`].

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};

use reqwest::header::{ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, LOCATION};
use reqwest::{redirect, StatusCode};
use serde::{Deserialize, Serialize};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;
use ts_rs::TS;
use url::{Host, Url};

use super::assemble::{is_read, links, normalize_url, shorten, LinkIssue, StoredFile};
use super::properties::{Encoding, Properties};
use super::{DirectoryError, DEFAULT_SOURCE};
use crate::journal::{now_ms, Journal, JournalEntry};

/// Files below the federation: organizations (1) and their services (2).
pub const MAX_DEPTH: u8 = 2;

/// Most directory text kept of one file, keys and values as saved, its links aside (real files hold a
/// few kilobytes). Past it the file is refused as too large.
const MAX_KEPT_BYTES: usize = 64 * 1024;

/// Most a member's files (its organization file and its services) take in the saved directory, links
/// included (real members take a few dozen kilobytes). Past it, their other files are refused
/// (`host_share`): a member may list hundreds of files, and one member must not fill the directory of all.
const MAX_MEMBER_BYTES: usize = 2 * 1024 * 1024;

/// Longest `ETag` or `Last-Modified` kept to ask "changed since?" next time. Real ones are under a hundred
/// bytes; a longer one is dropped (the next request is then an ordinary one), so that a member's server
/// cannot grow the saved directory through its headers, which no share counts.
const MAX_VALIDATOR_LEN: usize = 256;

/// How a refresh behaves. [`RefreshOptions::default`] is what the app uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefreshOptions {
    /// The federation file.
    pub source: String,
    /// Requests in flight at once (at least 1).
    pub concurrency: usize,
    pub connect_timeout: Duration,
    /// Deadline for one file, from the request to the last byte of the body.
    pub file_timeout: Duration,
    /// Larger bodies are abandoned as soon as the cap is passed.
    pub max_body_bytes: u64,
    /// `subs` lines followed per file; the rest are skipped and reported.
    pub max_subs_per_file: usize,
    /// Files fetched in one refresh, all levels together.
    pub max_files: usize,
    pub max_redirects: usize,
    /// Files of one server (scheme, host and port) that may fail to arrive in a row, with no answer from
    /// it in between, before its remaining files are no longer requested in this refresh. Any answer,
    /// even an error status, starts the count again: a server that answers is never given up. The same
    /// holds for the files of one member, whatever servers they are on (a member's services on as many
    /// slow names as it likes would otherwise take the whole refresh's time from the others).
    pub max_unanswered_per_server: u32,
    /// How long a whole refresh may take. Past it, no file is requested any more and the requests under
    /// way end: every file not read keeps its last good copy, and the report says why. Servers that all
    /// answer, each one slowly, cannot make a refresh last hours.
    pub time_limit: Duration,
}

impl Default for RefreshOptions {
    fn default() -> Self {
        RefreshOptions {
            source: DEFAULT_SOURCE.to_owned(),
            concurrency: 16,
            connect_timeout: Duration::from_secs(10),
            file_timeout: Duration::from_secs(30),
            max_body_bytes: 1024 * 1024,
            max_subs_per_file: 500,
            max_files: 5000,
            max_redirects: 5,
            max_unanswered_per_server: 8,
            time_limit: Duration::from_secs(5 * 60),
        }
    }
}

impl RefreshOptions {
    /// The defaults with another federation file.
    pub fn with_source(source: impl Into<String>) -> Self {
        RefreshOptions { source: source.into(), ..RefreshOptions::default() }
    }
}

/// Where a refresh stands, for a progress bar. `total` grows as links are discovered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RefreshProgress {
    pub done: u32,
    pub total: u32,
    /// The file just finished (empty at the start).
    pub url: String,
}

/// A progress callback; it must be quick (it runs on the crawl's task).
pub type ProgressFn<'a> = &'a (dyn Fn(&RefreshProgress) + Send + Sync);

/// What a file is to the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FileRole {
    Federation,
    Organization,
    Service,
}

impl FileRole {
    fn at_depth(depth: u8) -> FileRole {
        match depth {
            0 => FileRole::Federation,
            1 => FileRole::Organization,
            _ => FileRole::Service,
        }
    }
}

/// Why a file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FailureReason {
    /// The server answered with an error status.
    HttpStatus,
    /// The file did not arrive whole within the deadline.
    Timeout,
    /// No connection (refused, unknown host, TLS failure).
    Connect,
    /// The body is larger than the cap, or the directory text kept of it is (`text_fits`).
    TooLarge,
    /// Its host's files already fill their share of the saved directory (`keep_shares`).
    HostShare,
    TooManyRedirects,
    RedirectLoop,
    /// A redirect to something other than http(s).
    RedirectScheme,
    /// A redirect from the Internet into the local network.
    RedirectLocal,
    /// A name that resolves only to local-network addresses, in a refresh from the Internet.
    LocalName,
    /// `304 Not Modified` to a request that was not conditional.
    UnexpectedNotModified,
    /// Any other network failure.
    Network,
    /// Not requested: earlier files of the same server did not arrive in this refresh.
    ServerNotAnswering,
    /// Not requested: earlier files of the same member (on any of its servers) did not arrive in this
    /// refresh. One member's slow servers cannot use the whole refresh's time.
    HostNotAnswering,
    /// Not requested, or not arrived, before the refresh reached its time limit.
    OutOfTime,
}

/// Why a link was not followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SkipReason {
    /// Already fetched or queued in this refresh (a cycle, a file that lists itself, a repeated link).
    Duplicate,
    /// Not an http(s) URL.
    BadUrl,
    /// More `subs` in one file than the cap.
    SubsCap,
    /// `subs` in a service file: nothing is followed below services.
    Depth,
    /// The refresh reached its cap on files.
    FileCap,
    /// A link from the Internet into the local network.
    LocalAddress,
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
#[ts(export)]
pub enum FileOutcome {
    /// Received in full.
    Fetched {
        #[ts(type = "number")]
        bytes: u64,
        /// Not valid UTF-8: read as Latin-1 (see `properties::Encoding::Latin1`).
        latin1: bool,
    },
    /// `304 Not Modified`: the stored copy is current.
    Unchanged,
    /// Could not be read; `kept_previous` when the last good copy stands in.
    Failed { reason: FailureReason, message: String, kept_previous: bool },
    /// Not requested.
    Skipped { reason: SkipReason, detail: Option<String> },
}

/// One line of a refresh report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FileReport {
    /// The file (for `subs_cap` and `depth`, the file whose links were cut; for `bad_url`, the value).
    pub url: String,
    pub role: FileRole,
    pub outcome: FileOutcome,
}

/// Counts of a refresh report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RefreshCounts {
    pub fetched: u32,
    pub unchanged: u32,
    pub failed: u32,
    pub skipped: u32,
}

/// What the crawl produced: the files to keep and one report line per file.
#[derive(Debug)]
pub(crate) struct CrawlOutput {
    pub files: BTreeMap<String, StoredFile>,
    pub reports: Vec<FileReport>,
    pub counts: RefreshCounts,
    pub bytes_received: u64,
    /// Stopped before the end: `files` is incomplete and must not be kept.
    pub stopped: bool,
}

#[derive(Debug)]
struct Job {
    url: String,
    depth: u8,
    /// The member (organization file) this file belongs to: itself, or the one that listed it.
    member: Option<String>,
    /// Held back while every member that lists it had stopped answering, and asked once more at the
    /// end: now given up if they still have.
    last_call: bool,
}

#[derive(Debug)]
enum Fetched {
    Body {
        bytes: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
    NotModified,
    Failed {
        reason: FailureReason,
        message: String,
    },
    /// The refresh was stopped while this request was under way: it was dropped.
    Stopped,
    /// The refresh was stopped before this request was sent.
    NotSent,
    /// Not sent: the server had already failed too many files of this refresh
    /// ([`FailureReason::ServerNotAnswering`]), or the refresh was out of time
    /// ([`FailureReason::OutOfTime`]).
    GivenUp {
        reason: FailureReason,
        message: String,
    },
}

#[derive(Debug)]
struct Done {
    job: Job,
    fetched: Fetched,
    status: u16,
    bytes: u64,
    started_ms: u64,
    duration: Duration,
}

/// Why our redirect policy stopped a redirect; found again in the error chain to classify it.
#[derive(Debug, thiserror::Error)]
enum RedirectRefusal {
    #[error("redirect to a non-http(s) address")]
    Scheme,
    #[error("redirect loop")]
    Loop,
    #[error("too many redirects")]
    TooMany,
    #[error("redirect from the Internet into the local network")]
    Local,
}

/// Whether `url` names this computer or its local network: loopback, private, shared (carrier NAT),
/// link-local and unique-local addresses, the unspecified and broadcast addresses; `localhost`; names of
/// one label (`livebox`, which only a local resolver answers); and the endings kept for local networks
/// (`.local`, `.home.arpa`, `.internal`) or used by home routers (`.lan`, `.localdomain`). A public name
/// that resolves to a private address is caught when it is resolved (`PublicOnly`), not here.
pub(crate) fn is_local(url: &Url) -> bool {
    const LOCAL_ENDINGS: [&str; 6] =
        [".localhost", ".local", ".home.arpa", ".internal", ".lan", ".localdomain"];
    match url.host() {
        Some(Host::Ipv4(ip)) => is_local_ip(IpAddr::V4(ip)),
        Some(Host::Ipv6(ip)) => is_local_ip(IpAddr::V6(ip)),
        Some(Host::Domain(name)) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            name == "localhost" || !name.contains('.') || LOCAL_ENDINGS.iter().any(|end| name.ends_with(end))
        }
        None => false,
    }
}

/// Whether an address is this computer's or its local network's (see [`is_local`]).
fn is_local_ip(ip: IpAddr) -> bool {
    fn v4(ip: Ipv4Addr) -> bool {
        let shared = ip.octets()[0] == 100 && (ip.octets()[1] & 0xc0) == 64;
        ip.is_loopback()
            || ip.is_private()
            || ip.is_link_local()
            || ip.is_unspecified()
            || ip.is_broadcast()
            || shared
    }
    match ip {
        IpAddr::V4(ip) => v4(ip),
        IpAddr::V6(ip) => {
            let seg = ip.segments();
            let first = seg[0];
            // The IPv4 address some IPv6 forms carry in their last 32 bits, which a network that translates
            // (NAT64) or an old stack (IPv4-compatible) reaches.
            let [.., a, b, c, d] = ip.octets();
            let embedded = Ipv4Addr::new(a, b, c, d);
            let nat64 = (seg[..6] == [0x64, 0xff9b, 0, 0, 0, 0]) || seg[..3] == [0x64, 0xff9b, 1];
            let compatible = seg[..6] == [0; 6];
            ip.is_loopback()
                || ip.is_unspecified()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                // Site-local (deprecated, still routed inside some networks).
                || (first & 0xffc0) == 0xfec0
                || ip.to_ipv4_mapped().is_some_and(v4)
                || ((nat64 || compatible) && v4(embedded))
        }
    }
}

/// A name that resolves only to local-network addresses, met in a refresh from the Internet.
#[derive(Debug, thiserror::Error)]
#[error("{0} leads into the local network")]
struct LocalName(String);

/// Resolves names for a refresh from the Internet, keeping only the addresses outside the local network:
/// a public name that points at a router (or is made to, later) is refused like a written-out local
/// address.
struct PublicOnly;

impl reqwest::dns::Resolve for PublicOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let public: Vec<SocketAddr> = found.into_iter().filter(|a| !is_local_ip(a.ip())).collect();
            if public.is_empty() {
                return Err(Box::new(LocalName(host)) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(public.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// Why the redirect policy refuses to go from `previous` (the URLs so far, the first one requested first)
/// to `next`, if it does; `source_local`: the refresh started from the local network, so anything local
/// is fair.
fn redirect_refusal(source_local: bool, previous: &[Url], next: &Url, max: usize) -> Option<RedirectRefusal> {
    if !matches!(next.scheme(), "http" | "https") {
        Some(RedirectRefusal::Scheme)
    } else if previous.iter().any(|u| u == next) {
        Some(RedirectRefusal::Loop)
    } else if previous.len() > max {
        Some(RedirectRefusal::TooMany)
    } else if !source_local && is_local(next) {
        Some(RedirectRefusal::Local)
    } else {
        None
    }
}

/// The HTTP client with our redirect policy and timeouts.
pub(crate) fn client(options: &RefreshOptions) -> Result<reqwest::Client, DirectoryError> {
    // reqwest is built without a bundled crypto provider; ring is the light one. Installing twice is
    // harmless (the first one stays).
    let _ = rustls::crypto::ring::default_provider().install_default();
    let max = options.max_redirects;
    let source_local = Url::parse(options.source.trim()).is_ok_and(|u| is_local(&u));
    let policy = redirect::Policy::custom(move |attempt| {
        match redirect_refusal(source_local, attempt.previous(), attempt.url(), max) {
            Some(refusal) => attempt.error(refusal),
            None => attempt.follow(),
        }
    });
    // No proxy from the environment (HTTP_PROXY and the like): a proxy resolves names itself, out of reach
    // of the guard on the local network below, and would carry a hostile member's link to its own network.
    let builder = reqwest::Client::builder().no_proxy();
    let builder = if source_local { builder } else { builder.dns_resolver(PublicOnly) };
    builder
        .redirect(policy)
        .connect_timeout(options.connect_timeout)
        .read_timeout(options.file_timeout)
        .user_agent(concat!("premiers-pas/", env!("CARGO_PKG_VERSION")))
        .https_only(false)
        .build()
        .map_err(|e| DirectoryError::Client { source: e })
}

/// The least time left in a refresh for one more request to be sent (see [`RefreshOptions::time_limit`]).
const MIN_REQUEST_TIME: Duration = Duration::from_millis(250);

/// A time limit as people say it: "5 min", "90 s".
fn in_words(limit: Duration) -> String {
    let secs = limit.as_secs();
    if secs >= 60 && secs % 60 == 0 {
        format!("{} min", secs / 60)
    } else {
        format!("{} s", limit.as_secs_f32())
    }
}

/// What a stopped request says in the journal.
const STOPPED_MESSAGE: &str = "refresh stopped before the end of this request";

/// Crawls from `options.source`, using `previous` for conditional requests and as last good copies, until
/// done or until `cancel` is cancelled (then `stopped` is set and nothing more is requested).
pub(crate) async fn crawl(
    options: &RefreshOptions,
    previous: &BTreeMap<String, StoredFile>,
    journal: &Journal,
    progress: ProgressFn<'_>,
    cancel: &CancellationToken,
) -> Result<CrawlOutput, DirectoryError> {
    let source = match super::values::url(&options.source) {
        Ok(Some(u)) => normalize_url(&u),
        _ => return Err(DirectoryError::InvalidSource { source_url: shorten(&options.source) }),
    };
    let client = client(options)?;
    let concurrency = options.concurrency.max(1);
    let mut out = CrawlOutput {
        files: BTreeMap::new(),
        reports: Vec::new(),
        counts: RefreshCounts::default(),
        bytes_received: 0,
        stopped: false,
    };
    let source_local = Url::parse(&source).is_ok_and(|u| is_local(&u));
    let mut queue = VecDeque::from([Job { url: source.clone(), depth: 0, member: None, last_call: false }]);
    // The members that list each file, for their shares (see `keep_shares`).
    let mut listed_by: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut seen: HashSet<String> = HashSet::from([source.clone()]);
    let mut total: u32 = 1;
    let mut done: u32 = 0;
    let mut in_flight: JoinSet<Done> = JoinSet::new();
    // Files in a row that did not arrive, per server, since it last answered: past the budget, that
    // server's other files are not asked.
    let mut unanswered: HashMap<String, u32> = HashMap::new();
    // The same, per member, and the files held back while every member that lists them is silent.
    let mut unanswered_members: HashMap<String, u32> = HashMap::new();
    let mut deferred: Vec<Job> = Vec::new();
    let ends_at = Instant::now() + options.time_limit;
    let out_of_time = format!("the refresh reached its time limit ({})", in_words(options.time_limit));
    progress(&RefreshProgress { done, total, url: String::new() });

    loop {
        while in_flight.len() < concurrency && !cancel.is_cancelled() {
            let Some(job) = queue.pop_front() else { break };
            let server = server_of(&job.url);
            let silent = unanswered.get(&server).copied().unwrap_or(0);
            // A member's silence holds back a file only when every member that lists it is silent: a
            // service that another member happens to list first is not lost to that one's silence.
            let member_silent = |m: &String| unanswered_members.get(m).copied().unwrap_or(0);
            let listers: Vec<&String> =
                job.member.iter().chain(listed_by.get(&job.url).into_iter().flatten()).collect();
            let members_silent = listers
                .iter()
                .map(|m| member_silent(m))
                .min()
                .filter(|least| *least >= options.max_unanswered_per_server);
            let left = ends_at.saturating_duration_since(Instant::now());
            // A request needs a moment to be worth sending: one that could only time out at once would
            // be a request in the journal that never reached the server.
            let given_up = if left < options.file_timeout.min(MIN_REQUEST_TIME) {
                Some((FailureReason::OutOfTime, format!("not requested: {out_of_time}")))
            } else if silent >= options.max_unanswered_per_server {
                let message =
                    format!("not requested: the last {silent} files asked of {server} did not arrive");
                Some((FailureReason::ServerNotAnswering, message))
            } else if let Some(silent) = members_silent {
                if !job.last_call {
                    // Another member listing it may still answer, later in this refresh.
                    deferred.push(job);
                    continue;
                }
                let message = format!("not requested: the last {silent} files of this host did not arrive");
                Some((FailureReason::HostNotAnswering, message))
            } else {
                None
            };
            if let Some((reason, message)) = given_up {
                let fetched = Fetched::GivenUp { reason, message };
                let ready = Done {
                    job,
                    fetched,
                    status: 0,
                    bytes: 0,
                    started_ms: now_ms(),
                    duration: Duration::ZERO,
                };
                in_flight.spawn(async move { ready });
                continue;
            }
            let validators = previous.get(&job.url).map(|f| (f.etag.clone(), f.last_modified.clone()));
            let client = client.clone();
            let cancel = cancel.clone();
            // A request never outlasts the refresh's time limit.
            let (deadline, cap) = (options.file_timeout.min(left), options.max_body_bytes);
            let cut_short = (deadline < options.file_timeout).then(|| out_of_time.clone());
            in_flight.spawn(async move {
                let started_ms = now_ms();
                let start = Instant::now();
                let (mut fetched, status, bytes) =
                    fetch(&client, &job.url, validators, deadline, cap, &cancel).await;
                if let (Fetched::Failed { reason: FailureReason::Timeout, .. }, Some(why)) =
                    (&fetched, &cut_short)
                {
                    let message = format!("not complete when {why}");
                    fetched = Fetched::Failed { reason: FailureReason::OutOfTime, message };
                }
                Done { job, fetched, status, bytes, started_ms, duration: start.elapsed() }
            });
        }
        let Some(joined) = in_flight.join_next().await else {
            // Nothing left but the files held back for their members' silence: their last call.
            if deferred.is_empty() || cancel.is_cancelled() {
                break;
            }
            queue.extend(deferred.drain(..).map(|job| Job { last_call: true, ..job }));
            continue;
        };
        let Ok(d) = joined else {
            done += 1;
            continue;
        };
        if matches!(d.fetched, Fetched::NotSent) {
            continue;
        }
        // A file not asked for is no request: the journal lists only what was sent.
        let fetched = match d.fetched {
            Fetched::GivenUp { reason, message } => Fetched::Failed { reason, message },
            fetched => {
                record_request(journal, &d.job.url, &fetched, d.status, d.bytes, d.started_ms, d.duration);
                fetched
            }
        };
        let d = Done { fetched, ..d };
        match &d.fetched {
            // Nothing came back from the server.
            Fetched::Failed {
                reason: FailureReason::Timeout | FailureReason::Connect | FailureReason::Network,
                ..
            } => {
                *unanswered.entry(server_of(&d.job.url)).or_default() += 1;
                if let Some(member) = &d.job.member {
                    *unanswered_members.entry(member.clone()).or_default() += 1;
                }
            }
            // Not asked, stopped, or a name that leads into the local network: the server said nothing
            // either way.
            Fetched::Failed {
                reason:
                    FailureReason::ServerNotAnswering
                    | FailureReason::HostNotAnswering
                    | FailureReason::LocalName
                    | FailureReason::OutOfTime,
                ..
            }
            | Fetched::Stopped
            | Fetched::NotSent
            | Fetched::GivenUp { .. } => {}
            // It answered: a file, "not modified", an error status, a redirect, too much.
            Fetched::Body { .. } | Fetched::NotModified | Fetched::Failed { .. } => {
                unanswered.remove(&server_of(&d.job.url));
                // A member's silence ends with an answer from a file of its own only: a service another
                // member lists too (and answers) must not give a silent member new tries.
                if let Some(member) = &d.job.member {
                    let others = listed_by.get(&d.job.url).is_some_and(|l| l.iter().any(|m| m != member));
                    if !others {
                        unanswered_members.remove(member);
                    }
                }
            }
        }
        out.bytes_received += d.bytes;
        if matches!(d.fetched, Fetched::Stopped) {
            continue;
        }
        done += 1;
        if let Some(member) = &d.job.member {
            listed_by.entry(d.job.url.clone()).or_default().insert(member.clone());
        }
        let role = FileRole::at_depth(d.job.depth);
        // The last good copy, when it stands in, kept as a file received now would be (one saved by an
        // earlier version kept more).
        let last_good = || {
            previous.get(&d.job.url).map(|p| StoredFile {
                pairs: kept_pairs(&p.properties(), d.job.depth, options.max_subs_per_file).into_pairs(),
                ..p.clone()
            })
        };
        let (outcome, props) = match d.fetched {
            Fetched::Body { bytes, etag, last_modified } => {
                let (props, encoding) = Properties::parse_bytes(&bytes);
                let kept = kept_pairs(&props, d.job.depth, options.max_subs_per_file);
                match text_fits(&kept) {
                    Err(message) => {
                        failed(&mut out.files, &d.job.url, last_good(), FailureReason::TooLarge, message)
                    }
                    Ok(()) => {
                        out.files.insert(
                            d.job.url.clone(),
                            StoredFile {
                                url: d.job.url.clone(),
                                etag,
                                last_modified,
                                fetched_at_ms: now_ms(),
                                last_error: None,
                                pairs: kept.into_pairs(),
                            },
                        );
                        // Links are walked in the file as received, so that those not followed are
                        // reported.
                        (
                            FileOutcome::Fetched { bytes: d.bytes, latin1: encoding == Encoding::Latin1 },
                            Some(props),
                        )
                    }
                }
            }
            Fetched::NotModified => match last_good() {
                Some(p) => {
                    let props = p.properties();
                    out.files.insert(d.job.url.clone(), StoredFile { last_error: None, ..p });
                    (FileOutcome::Unchanged, Some(props))
                }
                None => (
                    FileOutcome::Failed {
                        reason: FailureReason::UnexpectedNotModified,
                        message: "304 Not Modified to an unconditional request".into(),
                        kept_previous: false,
                    },
                    None,
                ),
            },
            Fetched::Failed { reason, message } => {
                failed(&mut out.files, &d.job.url, last_good(), reason, message)
            }
            Fetched::Stopped | Fetched::NotSent | Fetched::GivenUp { .. } => continue,
        };
        count(&mut out.counts, &outcome);
        out.reports.push(FileReport { url: d.job.url.clone(), role, outcome });

        if let Some(props) = props {
            let child_depth = d.job.depth + 1;
            if child_depth > MAX_DEPTH {
                let n = props.section("subs").count();
                if n > 0 {
                    skip(
                        &mut out,
                        &d.job.url,
                        role,
                        SkipReason::Depth,
                        Some(format!("{n} links not followed")),
                    );
                }
            } else {
                let child_role = FileRole::at_depth(child_depth);
                let (found, issues) = links(&props, options.max_subs_per_file);
                for issue in issues {
                    match issue {
                        LinkIssue::BadUrl { key, value, reason } => skip(
                            &mut out,
                            &value,
                            child_role,
                            SkipReason::BadUrl,
                            Some(format!("subs.{key}: {reason}")),
                        ),
                        LinkIssue::Capped { ignored } => skip(
                            &mut out,
                            &d.job.url,
                            role,
                            SkipReason::SubsCap,
                            Some(format!("{ignored} links beyond the first {}", options.max_subs_per_file)),
                        ),
                    }
                }
                for link in found {
                    if !source_local && Url::parse(&link.url).is_ok_and(|u| is_local(&u)) {
                        skip(
                            &mut out,
                            &link.url,
                            child_role,
                            SkipReason::LocalAddress,
                            Some(format!("from {}", d.job.url)),
                        );
                    } else if seen.contains(&link.url) {
                        // Listed by one more member: its share may hold it too, and if the file was held
                        // back for the silence of the others, this one may ask it now.
                        if let Some(member) = &d.job.member {
                            listed_by.entry(link.url.clone()).or_default().insert(member.clone());
                            if let Some(i) = deferred.iter().position(|j| j.url == link.url) {
                                queue.push_back(deferred.swap_remove(i));
                            }
                        }
                        skip(
                            &mut out,
                            &link.url,
                            child_role,
                            SkipReason::Duplicate,
                            Some(format!("from {}", d.job.url)),
                        );
                    } else if seen.len() >= options.max_files {
                        skip(&mut out, &link.url, child_role, SkipReason::FileCap, None);
                    } else {
                        seen.insert(link.url.clone());
                        total += 1;
                        let member = d.job.member.clone().or_else(|| Some(link.url.clone()));
                        queue.push_back(Job { url: link.url, depth: child_depth, member, last_call: false });
                    }
                }
            }
        }
        progress(&RefreshProgress { done, total, url: d.job.url });
    }

    keep_shares(&mut out, &listed_by);
    // Stopped, even if the last file happened to arrive meanwhile: the person asked, and is told so.
    if cancel.is_cancelled() {
        out.stopped = true;
        return Ok(out);
    }
    if !out.files.contains_key(&source) {
        let reason = out
            .reports
            .iter()
            .find_map(|r| match &r.outcome {
                FileOutcome::Failed { message, .. } if r.url == source => Some(message.clone()),
                _ => None,
            })
            .unwrap_or_else(|| "not read".into());
        return Err(DirectoryError::SourceUnavailable { source_url: source, reason });
    }
    Ok(out)
}

/// One request sent, in the journal.
fn record_request(
    journal: &Journal,
    url: &str,
    fetched: &Fetched,
    status: u16,
    bytes: u64,
    started_ms: u64,
    duration: Duration,
) {
    journal.record(JournalEntry::Request {
        purpose: "directory".into(),
        target: url.to_owned(),
        status,
        bytes,
        error: match fetched {
            Fetched::Failed { message, .. } => Some(message.clone()),
            Fetched::Stopped => Some(STOPPED_MESSAGE.to_owned()),
            _ => None,
        },
        at_ms: started_ms,
        duration_ms: duration.as_millis() as u64,
    });
}

/// The server a file is on, as `https://host:port`: the unit a failure budget counts for.
fn server_of(url: &str) -> String {
    Url::parse(url).map(|u| u.origin().ascii_serialization()).unwrap_or_else(|_| url.to_owned())
}

/// What of a file the directory keeps: the pairs it is built from (`assemble::is_read`) and the links
/// that are followed — none from the last level, none past the cap or not a web address. Links not
/// followed are reported when the file is received, not kept.
fn kept_pairs(props: &Properties, depth: u8, max_subs: usize) -> Properties {
    let followed: HashSet<String> = if depth < MAX_DEPTH {
        links(props, max_subs).0.into_iter().map(|l| l.key).collect()
    } else {
        HashSet::new()
    };
    props.retain(|key| match key.strip_prefix("subs.") {
        Some(link) => followed.contains(link),
        None => is_read(key),
    })
}

/// Whether a received file's text fits [`MAX_KEPT_BYTES`], as saved (JSON escapes included).
fn text_fits(kept: &Properties) -> Result<(), String> {
    let text = saved_size(kept.iter().filter(|(k, _)| !k.starts_with("subs.")));
    if text > MAX_KEPT_BYTES {
        return Err(format!(
            "{text} bytes of directory text once the rest is set aside (at most {MAX_KEPT_BYTES})"
        ));
    }
    Ok(())
}

/// The size of pairs once saved in the snapshot.
fn saved_size<'p>(pairs: impl Iterator<Item = (&'p str, &'p str)>) -> usize {
    serde_json::to_vec(&pairs.collect::<Vec<_>>()).map_or(usize::MAX, |v| v.len())
}

/// Keeps each member's files within its share of the saved directory ([`MAX_MEMBER_BYTES`]), counted over
/// every file kept — received now, unchanged, or a last good copy — the members' own files first, then by
/// address, so that the same files are kept from one refresh to the next. A file is counted against a
/// member that lists it and still has room: a service two members list (its own, and a hostile member
/// listing it too) cannot be pushed out by the one that filled its share. Those with no room anywhere are
/// refused (`host_share`), and the counts follow.
fn keep_shares(out: &mut CrawlOutput, listed_by: &HashMap<String, BTreeSet<String>>) {
    let mut urls: Vec<(&str, &BTreeSet<String>)> = out
        .files
        .keys()
        .filter_map(|url| listed_by.get(url).map(|members| (url.as_str(), members)))
        .collect();
    urls.sort_by_key(|(url, members)| (!members.contains(*url), *url));
    let mut used: HashMap<&str, usize> = HashMap::new();
    let mut over: Vec<String> = Vec::new();
    for (url, members) in urls {
        let size = out
            .files
            .get(url)
            .map_or(0, |f| saved_size(f.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))));
        let room = members
            .iter()
            .find(|m| used.get(m.as_str()).copied().unwrap_or(0).saturating_add(size) <= MAX_MEMBER_BYTES);
        match room {
            Some(member) => *used.entry(member.as_str()).or_default() += size,
            None => over.push(url.to_owned()),
        }
    }
    if over.is_empty() {
        return;
    }
    let message = format!("this host's files take more than {MAX_MEMBER_BYTES} bytes of directory text");
    for url in &over {
        out.files.remove(url);
        for report in out.reports.iter_mut().filter(|r| &r.url == url) {
            report.outcome = FileOutcome::Failed {
                reason: FailureReason::HostShare,
                message: message.clone(),
                kept_previous: false,
            };
        }
    }
    out.counts = RefreshCounts::default();
    for report in &out.reports {
        count(&mut out.counts, &report.outcome);
    }
}

/// A file that could not be used this time: its last good copy stands in, marked with why.
fn failed(
    files: &mut BTreeMap<String, StoredFile>,
    url: &str,
    previous: Option<StoredFile>,
    reason: FailureReason,
    message: String,
) -> (FileOutcome, Option<Properties>) {
    match previous {
        Some(p) => {
            let props = p.properties();
            files.insert(url.to_owned(), StoredFile { last_error: Some(message.clone()), ..p });
            (FileOutcome::Failed { reason, message, kept_previous: true }, Some(props))
        }
        None => (FileOutcome::Failed { reason, message, kept_previous: false }, None),
    }
}

fn count(counts: &mut RefreshCounts, outcome: &FileOutcome) {
    match outcome {
        FileOutcome::Fetched { .. } => counts.fetched += 1,
        FileOutcome::Unchanged => counts.unchanged += 1,
        FileOutcome::Failed { .. } => counts.failed += 1,
        FileOutcome::Skipped { .. } => counts.skipped += 1,
    }
}

fn skip(out: &mut CrawlOutput, url: &str, role: FileRole, reason: SkipReason, detail: Option<String>) {
    let outcome = FileOutcome::Skipped { reason, detail };
    count(&mut out.counts, &outcome);
    out.reports.push(FileReport { url: url.to_owned(), role, outcome });
}

/// One GET, conditional when `validators` are given, with a deadline for the whole body and a size cap,
/// dropped as soon as `cancel` is cancelled. Returns the result, the HTTP status (0 when none) and the
/// body bytes received.
async fn fetch(
    client: &reqwest::Client,
    url: &str,
    validators: Option<(Option<String>, Option<String>)>,
    deadline: Duration,
    cap: u64,
    cancel: &CancellationToken,
) -> (Fetched, u16, u64) {
    if cancel.is_cancelled() {
        return (Fetched::NotSent, 0, 0);
    }
    let mut status = 0u16;
    let mut received = 0u64;
    let fetched = {
        let work = tokio::time::timeout(
            deadline,
            fetch_body(client, url, validators, cap, &mut status, &mut received),
        );
        tokio::select! {
            biased;
            () = cancel.cancelled() => Fetched::Stopped,
            result = work => match result {
                Ok(f) => f,
                Err(_) => Fetched::Failed {
                    reason: FailureReason::Timeout,
                    message: format!("not complete after {} s", deadline.as_secs_f32()),
                },
            },
        }
    };
    (fetched, status, received)
}

async fn fetch_body(
    client: &reqwest::Client,
    url: &str,
    validators: Option<(Option<String>, Option<String>)>,
    cap: u64,
    status_out: &mut u16,
    received: &mut u64,
) -> Fetched {
    let mut request = client.get(url);
    if let Some((etag, last_modified)) = validators {
        if let Some(etag) = etag {
            request = request.header(IF_NONE_MATCH, etag);
        }
        if let Some(lm) = last_modified {
            request = request.header(IF_MODIFIED_SINCE, lm);
        }
    }
    let mut response = match request.send().await {
        Ok(r) => r,
        Err(e) => return classify(&e),
    };
    let status = response.status();
    *status_out = status.as_u16();
    if status == StatusCode::NOT_MODIFIED {
        return Fetched::NotModified;
    }
    if status.is_redirection() {
        // reqwest hands back, unfollowed, a redirect whose target it cannot request (`file:`…).
        let target = response.headers().get(LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("");
        let scheme_ok = response.url().join(target).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
        let (reason, why) = if scheme_ok {
            (FailureReason::TooManyRedirects, "redirect not followed")
        } else {
            (FailureReason::RedirectScheme, "redirect to a non-http(s) address")
        };
        return Fetched::Failed { reason, message: format!("HTTP {status}: {why}") };
    }
    if !status.is_success() {
        return Fetched::Failed { reason: FailureReason::HttpStatus, message: format!("HTTP {status}") };
    }
    let too_large = || Fetched::Failed {
        reason: FailureReason::TooLarge,
        message: format!("larger than {} KiB", cap / 1024),
    };
    if response.content_length().is_some_and(|n| n > cap) {
        return too_large();
    }
    let header = |name| {
        response
            .headers()
            .get(name)
            .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
            .filter(|v| v.len() <= MAX_VALIDATOR_LEN)
            .map(str::to_owned)
    };
    let etag = header(ETAG);
    let last_modified = header(LAST_MODIFIED);
    let mut body = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                *received += chunk.len() as u64;
                if body.len() as u64 + chunk.len() as u64 > cap {
                    return too_large();
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => break,
            Err(e) => return classify(&e),
        }
    }
    Fetched::Body { bytes: body, etag, last_modified }
}

fn classify(err: &reqwest::Error) -> Fetched {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = source {
        if let Some(local) = e.downcast_ref::<LocalName>() {
            return Fetched::Failed { reason: FailureReason::LocalName, message: local.to_string() };
        }
        if let Some(r) = e.downcast_ref::<RedirectRefusal>() {
            let reason = match r {
                RedirectRefusal::Scheme => FailureReason::RedirectScheme,
                RedirectRefusal::Loop => FailureReason::RedirectLoop,
                RedirectRefusal::TooMany => FailureReason::TooManyRedirects,
                RedirectRefusal::Local => FailureReason::RedirectLocal,
            };
            return Fetched::Failed { reason, message: r.to_string() };
        }
        source = e.source();
    }
    let reason = if err.is_timeout() {
        FailureReason::Timeout
    } else if err.is_connect() {
        FailureReason::Connect
    } else if err.is_redirect() {
        FailureReason::TooManyRedirects
    } else {
        FailureReason::Network
    };
    Fetched::Failed { reason, message: error_chain(err) }
}

/// The error and its causes on one line.
fn error_chain(err: &reqwest::Error) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = std::error::Error::source(err);
    while let Some(e) = source {
        parts.push(e.to_string());
        source = e.source();
    }
    parts.dedup();
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn local_addresses_are_this_computer_and_its_network() {
        for local in [
            "http://127.0.0.1/f",
            "http://127.1.2.3:8080/f",
            "http://10.0.0.1/",
            "http://172.16.5.4/",
            "http://192.168.1.1/admin",
            "http://169.254.0.1/",
            "http://100.64.0.1/",
            "http://0.0.0.0/",
            "http://255.255.255.255/",
            "http://[::1]/",
            "http://[fd00::1]/",
            "http://[fe80::1]/",
            "http://[::ffff:192.168.0.1]/",
            "http://[64:ff9b::c0a8:101]/",
            "http://[64:ff9b:1::a00:1]/",
            "http://[::192.168.1.1]/",
            "http://[fec0::1]/",
            "http://localhost/",
            "http://LOCALHOST./",
            "http://printer.local/",
            "http://app.localhost:3000/",
            "http://livebox/",
            "http://router.home.arpa/",
            "http://gw.internal/",
            "http://nas.lan/",
            "http://box.localdomain/",
            "http://2130706433/",
        ] {
            assert!(is_local(&url(local)), "{local}");
        }
        for public in [
            "https://chatons.org/",
            "https://example.net:8443/f.properties",
            "http://93.184.216.34/",
            "http://100.128.0.1/",
            "http://172.32.0.1/",
            "http://[2001:db8::1]/",
            "http://[64:ff9b::5db8:d822]/",
            "http://localhost.example.org/",
            "http://lan.example.org/",
            "http://internal.example/",
        ] {
            assert!(!is_local(&url(public)), "{public}");
        }
    }

    #[tokio::test]
    async fn a_name_that_leads_only_into_the_local_network_is_refused() {
        use reqwest::dns::Resolve;
        let err = PublicOnly.resolve("localhost".parse().unwrap()).await.err().expect("refused");
        assert!(err.downcast_ref::<LocalName>().is_some(), "{err}");
        assert!(
            is_local_ip("192.168.1.1".parse().unwrap()) && !is_local_ip("93.184.216.34".parse().unwrap())
        );
    }

    /// With a proxy in the environment, requests would go to it, and it would resolve the names the guard
    /// on the local network never sees: a refresh connects by itself. The request is made by this test
    /// binary run again, with the proxy variables set from its start (changing this process's environment
    /// would reach the tests running beside it).
    #[test]
    fn a_proxy_in_the_environment_is_not_used() {
        let proxy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        proxy.set_nonblocking(true).unwrap();
        let proxy_url = format!("http://{}", proxy.local_addr().unwrap());
        let mut child = std::process::Command::new(std::env::current_exe().unwrap());
        child.args(["--exact", "directory::crawl::tests::proxied_request", "--ignored", "--test-threads=1"]);
        for var in ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"] {
            child.env(var, &proxy_url);
        }
        let out = child.env_remove("NO_PROXY").env_remove("no_proxy").env(PROXIED, "1").output().unwrap();
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && said.contains("1 passed"),
            "{said}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(proxy.accept().is_err(), "the request went through the proxy");
    }

    /// Set for [`proxied_request`] by the test that runs it.
    const PROXIED: &str = "PREMIERS_PAS_TEST_PROXIED";

    /// Half of [`a_proxy_in_the_environment_is_not_used`], run by it: a client made for a refresh from the
    /// Internet reaches a server on this computer by itself. Does nothing when run on its own.
    #[test]
    #[ignore = "run by a_proxy_in_the_environment_is_not_used, with the proxy variables set"]
    fn proxied_request() {
        use std::io::Read;
        if std::env::var_os(PROXIED).is_none() {
            return;
        }
        let server = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        server.set_nonblocking(true).unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let _inside = runtime.enter();
        let client = client(&RefreshOptions {
            connect_timeout: Duration::from_secs(2),
            file_timeout: Duration::from_secs(2),
            ..RefreshOptions::with_source("https://federation.example/f.properties")
        })
        .unwrap();
        let target = format!("http://{}/f.properties", server.local_addr().unwrap());
        // No answer comes (nothing answers): only where the request went matters.
        let _ = runtime.block_on(client.get(&target).timeout(Duration::from_millis(500)).send());
        let reached = server.accept().is_ok_and(|(mut c, _)| {
            let mut head = [0u8; 256];
            c.set_nonblocking(false).is_ok() && c.read(&mut head).is_ok_and(|n| n > 0)
        });
        assert!(reached, "the request did not reach the server by itself");
    }

    #[test]
    fn redirects_from_the_internet_never_go_into_the_local_network() {
        let first = [url("https://fed.example/f.properties")];
        let next = |s: &str| redirect_refusal(false, &first, &url(s), 5);
        assert!(matches!(next("http://192.168.1.1/"), Some(RedirectRefusal::Local)));
        assert!(matches!(next("http://localhost:631/"), Some(RedirectRefusal::Local)));
        assert!(next("https://other.example/f.properties").is_none());
        // From a source on the local network (a volunteer's own server), local is fair.
        assert!(redirect_refusal(true, &first, &url("http://192.168.1.1/"), 5).is_none());
        // The other rules still hold, and come first.
        assert!(matches!(next("file:///etc/passwd"), Some(RedirectRefusal::Scheme)));
        assert!(matches!(next("https://fed.example/f.properties"), Some(RedirectRefusal::Loop)));
        let many: Vec<Url> = (0..6).map(|i| url(&format!("https://r{i}.example/"))).collect();
        assert!(matches!(
            redirect_refusal(false, &many, &url("https://x.example/"), 5),
            Some(RedirectRefusal::TooMany)
        ));
    }
}
