//! One refresh, start to end: crawl with the previous snapshot's files at hand, assemble the new
//! directory, and say what happened.
//!
//! It produces a new [`Snapshot`] and a [`RefreshReport`] and changes nothing else: the store decides to
//! keep it (and where). So a front-end can run a refresh without holding the store locked, and a stand can
//! refresh into memory only.
//!
//! A refresh the person stopped produces no snapshot at all, only its report: what was read before the
//! stop is an unknown part of the federation, and keeping it would drop every member not yet read. The
//! directory in use stays the previous one, untouched.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tokio_util::sync::CancellationToken;
use ts_rs::TS;

use super::assemble::{assemble, ContentNote, RejectedValue, StoredFile};
use super::crawl::{crawl, FileOutcome, FileReport, ProgressFn, RefreshCounts, RefreshOptions};
use super::store::{Snapshot, SNAPSHOT_SCHEMA};
use super::DirectoryError;
use crate::journal::{now_ms, Journal};

/// What a refresh did, file by file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RefreshReport {
    pub source: String,
    #[ts(type = "number")]
    pub started_at_ms: u64,
    #[ts(type = "number")]
    pub duration_ms: u64,
    pub counts: RefreshCounts,
    /// Body bytes received over the network.
    #[ts(type = "number")]
    pub bytes_received: u64,
    /// The refresh was stopped before the end, or another directory took its place meanwhile: nothing was
    /// kept, the directory in use is the previous one.
    /// `files` and `counts` are what was settled before the stop; `organizations` and `services` are 0.
    pub stopped: bool,
    pub organizations: u32,
    pub services: u32,
    /// One line per file fetched, unchanged, failed or skipped, in the order they were settled.
    pub files: Vec<FileReport>,
    /// Files whose content was (partly) ignored.
    pub notes: Vec<ContentNote>,
    /// Values dropped: non-http(s) URLs, invalid dates, coordinates out of range…
    pub rejected_values: Vec<RejectedValue>,
}

/// The short form of a report, kept with the snapshot for `status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RefreshSummary {
    #[ts(type = "number")]
    pub started_at_ms: u64,
    #[ts(type = "number")]
    pub duration_ms: u64,
    pub counts: RefreshCounts,
    #[ts(type = "number")]
    pub bytes_received: u64,
}

impl RefreshReport {
    /// The report of a refresh whose result is not kept (stopped, or overtaken by another directory):
    /// what was read, and nothing more.
    pub fn nothing_kept(self) -> RefreshReport {
        RefreshReport {
            stopped: true,
            organizations: 0,
            services: 0,
            notes: Vec::new(),
            rejected_values: Vec::new(),
            ..self
        }
    }

    /// The short form.
    pub fn summary(&self) -> RefreshSummary {
        RefreshSummary {
            started_at_ms: self.started_at_ms,
            duration_ms: self.duration_ms,
            counts: self.counts,
            bytes_received: self.bytes_received,
        }
    }
}

/// How a refresh ended.
#[derive(Debug)]
pub enum Refreshed {
    /// It ran to the end: the new snapshot, to keep, and what the refresh did.
    Complete { snapshot: Snapshot, report: RefreshReport },
    /// It was stopped: nothing to keep. The report (`stopped` set) says what was settled before.
    Stopped { report: RefreshReport },
}

impl Refreshed {
    /// The refresh as it must be kept now: a stop that came after the last file, while the result waited
    /// to be kept, still holds, and nothing is kept. Call it at the last moment before keeping.
    pub fn unless_stopped(self, cancel: &CancellationToken) -> Refreshed {
        match self {
            Refreshed::Complete { report, .. } if cancel.is_cancelled() => {
                Refreshed::Stopped { report: report.nothing_kept() }
            }
            other => other,
        }
    }

    /// The report, however the refresh ended.
    pub fn report(&self) -> &RefreshReport {
        match self {
            Refreshed::Complete { report, .. } | Refreshed::Stopped { report } => report,
        }
    }
}

/// Crawls `options.source` and assembles a new snapshot, using `previous` (if any) for conditional
/// requests and last good copies. Fails only when the federation file can be had neither from the
/// network nor from `previous`. Cancelling `cancel` stops it promptly (requests in flight are dropped)
/// with [`Refreshed::Stopped`], even before the federation file arrived.
pub async fn refresh_snapshot(
    previous: Option<&Snapshot>,
    options: &RefreshOptions,
    journal: &Journal,
    progress: ProgressFn<'_>,
    cancel: &CancellationToken,
) -> Result<Refreshed, DirectoryError> {
    let started_at_ms = now_ms();
    let start = std::time::Instant::now();
    let empty = BTreeMap::new();
    let previous_files: BTreeMap<String, StoredFile> =
        previous.map(|s| s.files.iter().map(|f| (f.url.clone(), f.clone())).collect()).unwrap_or_default();
    let prev = if previous.is_some() { &previous_files } else { &empty };
    let out = crawl(options, prev, journal, progress, cancel).await?;
    let source = super::assemble::normalize_url(&options.source);
    if out.stopped {
        let report = RefreshReport {
            source,
            started_at_ms,
            duration_ms: start.elapsed().as_millis() as u64,
            counts: out.counts,
            bytes_received: out.bytes_received,
            stopped: true,
            organizations: 0,
            services: 0,
            files: out.reports,
            notes: Vec::new(),
            rejected_values: Vec::new(),
        };
        return Ok(Refreshed::Stopped { report });
    }
    // Nothing answered (offline, or every server down): every file is its last good copy, and saying the
    // directory was brought up to date, with today's date, would make old data look fresh.
    if out.counts.fetched == 0 && out.counts.unchanged == 0 {
        let failure = |r: &FileReport| match &r.outcome {
            FileOutcome::Failed { message, .. } => Some(message.clone()),
            _ => None,
        };
        let reason = out
            .reports
            .iter()
            .filter(|r| r.url == source)
            .chain(&out.reports)
            .find_map(failure)
            .unwrap_or_else(|| "not read".into());
        return Err(DirectoryError::NothingAnswered { source_url: source, reason });
    }
    // A web page or a member's file given as the source reads as a federation of no one: it must not
    // replace the directory.
    if !out.files.get(&source).is_some_and(super::assemble::is_federation) {
        return Err(DirectoryError::NotAFederation { source_url: source });
    }
    let fetched_at_ms = now_ms();
    let assembly =
        assemble(&source, fetched_at_ms, &out.files, options.max_subs_per_file).ok_or_else(|| {
            DirectoryError::SourceUnavailable { source_url: source.clone(), reason: "not read".into() }
        })?;
    let report = RefreshReport {
        source: source.clone(),
        started_at_ms,
        duration_ms: start.elapsed().as_millis() as u64,
        counts: out.counts,
        bytes_received: out.bytes_received,
        stopped: false,
        organizations: assembly.directory.organizations.len() as u32,
        services: assembly.directory.service_count() as u32,
        files: out.reports,
        notes: assembly.notes,
        rejected_values: assembly.rejected,
    };
    let snapshot = Snapshot {
        schema: SNAPSHOT_SCHEMA.to_owned(),
        source,
        fetched_at_ms,
        max_subs_per_file: options.max_subs_per_file,
        last_refresh: Some(report.summary()),
        files: out.files.into_values().collect(),
        imported: false,
    };
    Ok(Refreshed::Complete { snapshot, report })
}
