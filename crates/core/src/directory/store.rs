//! The directory kept offline: one snapshot file in `<data dir>/directory/`, written atomically, that can
//! also be exported to and imported from a file a volunteer carries on a USB stick.
//!
//! A snapshot holds the source URL, the fetch date and the useful pairs of every file read (with their
//! ETag / Last-Modified), not the assembled model: the model is rebuilt from the files on load, so an
//! imported file can carry nothing the crawler would not have accepted (no `javascript:` URL, no
//! coordinates out of range), and a better reader improves an old snapshot. An import that is damaged,
//! foreign or of another version fails with a clear error and leaves the current directory alone. An
//! ephemeral store (stand mode) keeps everything in memory and writes nothing.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tokio_util::sync::CancellationToken;
use ts_rs::TS;
use url::Url;

use super::assemble::{assemble, Assembly, StoredFile};
use super::crawl::{is_local, ProgressFn, RefreshOptions};
use super::model::{Directory, Organization};
use super::refresh::{refresh_snapshot, RefreshReport, RefreshSummary, Refreshed};
use super::search::{search, CategoryMap, SearchQuery, SearchResults};
use super::{values, DirectoryError, DEFAULT_SOURCE};
use crate::error::IpcError;
use crate::files::{read_regular, write_atomic, NewFile, ReadError};
use crate::journal::Journal;

/// The format id of a snapshot (on disk and in exports).
pub const SNAPSHOT_SCHEMA: &str = "premiers-pas/directory/1";

/// Largest file `import` reads.
pub const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

/// Most files a snapshot may hold.
const MAX_SNAPSHOT_FILES: usize = 20_000;

/// Hard ceiling for the `subs` cap recorded in a snapshot.
const MAX_SUBS_CEILING: usize = 10_000;

/// Everything needed to rebuild the directory and to refresh it politely.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Always [`SNAPSHOT_SCHEMA`].
    pub schema: String,
    /// The federation file.
    pub source: String,
    pub fetched_at_ms: u64,
    /// The `subs` cap the files were read with (the same is used to rebuild).
    pub max_subs_per_file: usize,
    pub last_refresh: Option<RefreshSummary>,
    pub files: Vec<StoredFile>,
    /// Made the directory by an import: its source was chosen where the file was written, not here.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub imported: bool,
}

impl Snapshot {
    /// Checks the snapshot and rebuilds its directory.
    fn validate(&self) -> Result<Assembly, String> {
        if self.schema != SNAPSHOT_SCHEMA {
            return Err(format!("schema `{}`", values::unquote(&self.schema)));
        }
        if !matches!(values::url(&self.source), Ok(Some(_))) {
            return Err("the source is not an http(s) address".into());
        }
        if self.files.len() > MAX_SNAPSHOT_FILES {
            return Err(format!("{} files (at most {MAX_SNAPSHOT_FILES})", self.files.len()));
        }
        if self.max_subs_per_file == 0 || self.max_subs_per_file > MAX_SUBS_CEILING {
            return Err("invalid `max_subs_per_file`".into());
        }
        if let Some(bad) = self.files.iter().find(|f| !matches!(values::url(&f.url), Ok(Some(_)))) {
            return Err(format!("a file has a non-http(s) address: {}", super::assemble::shorten(&bad.url)));
        }
        let files: BTreeMap<String, StoredFile> =
            self.files.iter().map(|f| (f.url.clone(), f.clone())).collect();
        assemble(&self.source, self.fetched_at_ms, &files, self.max_subs_per_file)
            .ok_or_else(|| "the federation file is missing".to_owned())
    }
}

/// Where a store keeps its snapshot, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DirectoryStatus {
    /// A directory is available for search.
    pub available: bool,
    pub source: Option<String>,
    /// When the directory was fetched (ms since the epoch).
    #[ts(type = "number | null")]
    pub fetched_at_ms: Option<u64>,
    pub organizations: u32,
    pub services: u32,
    pub last_refresh: Option<RefreshSummary>,
    /// The snapshot file; `None` for a store kept in memory only (stand mode).
    pub path: Option<String>,
    /// Why the saved directory could not be loaded, if it could not: its code says whether it is
    /// damaged, from another version or too large.
    pub problem: Option<IpcError>,
}

#[derive(Debug, Clone)]
struct Loaded {
    snapshot: Snapshot,
    directory: Directory,
}

/// The directory store: the current snapshot and its assembled directory.
#[derive(Debug)]
pub struct DirectoryStore {
    file: Option<PathBuf>,
    loaded: Option<Loaded>,
    problem: Option<IpcError>,
}

impl DirectoryStore {
    /// The store of a data folder (`<data_dir>/directory/snapshot.json`), its reading in `journal`. Never
    /// fails: a missing file is an empty store, a damaged one is reported in [`DirectoryStore::status`]
    /// and replaced at the next refresh or import.
    pub fn open(data_dir: &Path, journal: &Journal) -> DirectoryStore {
        DirectoryStore { file: Some(snapshot_file(data_dir)), ..DirectoryStore::saved_in(data_dir, journal) }
    }

    /// A store in memory only: refreshes and imports are kept until it is dropped, nothing is written.
    pub fn ephemeral() -> DirectoryStore {
        DirectoryStore { file: None, loaded: None, problem: None }
    }

    /// A store in memory only that starts with the directory saved in `data_dir`, if there is one (read,
    /// never written): a stand searches the directory a volunteer prepared, and a refresh or an import
    /// there lasts until the store is dropped.
    pub fn ephemeral_from(data_dir: &Path, journal: &Journal) -> DirectoryStore {
        DirectoryStore::saved_in(data_dir, journal)
    }

    /// A store in memory holding the directory saved in `data_dir`, its reading in `journal`: nothing when
    /// there is none, its problem when it cannot be used.
    fn saved_in(data_dir: &Path, journal: &Journal) -> DirectoryStore {
        let mut store = DirectoryStore::ephemeral();
        let file = snapshot_file(data_dir);
        if file.exists() {
            match read_snapshot_logged(&file, journal) {
                Ok(loaded) => store.loaded = Some(loaded),
                Err(e) => store.problem = Some(IpcError::from_coded(&e)),
            }
        }
        store
    }

    /// Kept in memory only.
    pub fn is_ephemeral(&self) -> bool {
        self.file.is_none()
    }

    /// The current directory, if any.
    pub fn directory(&self) -> Option<&Directory> {
        self.loaded.as_ref().map(|l| &l.directory)
    }

    /// The current snapshot, if any (to refresh without holding the store: see [`refresh_snapshot`]).
    pub fn snapshot(&self) -> Option<&Snapshot> {
        self.loaded.as_ref().map(|l| &l.snapshot)
    }

    /// What the store holds.
    pub fn status(&self) -> DirectoryStatus {
        let d = self.directory();
        DirectoryStatus {
            available: d.is_some(),
            source: d.map(|d| d.source.clone()),
            fetched_at_ms: d.map(|d| d.fetched_at_ms),
            organizations: d.map_or(0, |d| d.organizations.len() as u32),
            services: d.map_or(0, |d| d.service_count() as u32),
            last_refresh: self.snapshot().and_then(|s| s.last_refresh.clone()),
            path: self.file.as_ref().map(|p| p.display().to_string()),
            problem: self.problem.clone(),
        }
    }

    /// Refreshes from the network and keeps the result (on disk unless ephemeral). On error, or when
    /// `cancel` stops it (the report says `stopped`), the current directory is kept as it was.
    pub async fn refresh(
        &mut self,
        options: &RefreshOptions,
        journal: &Journal,
        progress: ProgressFn<'_>,
        cancel: &CancellationToken,
    ) -> Result<RefreshReport, DirectoryError> {
        match refresh_snapshot(self.snapshot(), options, journal, progress, cancel)
            .await?
            .unless_stopped(cancel)
        {
            Refreshed::Complete { snapshot, report } => {
                self.replace(snapshot)?;
                Ok(report)
            }
            Refreshed::Stopped { report } => Ok(report),
        }
    }

    /// Installs a snapshot (from [`refresh_snapshot`]), validated, and saves it unless ephemeral.
    pub fn replace(&mut self, snapshot: Snapshot) -> Result<(), DirectoryError> {
        let assembly = snapshot.validate().map_err(|detail| DirectoryError::InvalidSnapshot { detail })?;
        if let Some(file) = &self.file {
            let bytes = serde_json::to_vec(&snapshot).map_err(|e| DirectoryError::Encode { source: e })?;
            // What could not be read back is not written: the directory in use stays.
            fits(&bytes)?;
            let dir = file.parent().unwrap_or(Path::new("."));
            fs::create_dir_all(dir)
                .map_err(|e| DirectoryError::Write { path: dir.display().to_string(), source: e })?;
            write_file(file, &bytes, NewFile::Private)?;
        }
        self.loaded = Some(Loaded { snapshot, directory: assembly.directory });
        self.problem = None;
        Ok(())
    }

    /// The directory in use; else why there is none: not yet, or the saved one cannot be used.
    pub fn in_use(&self) -> Result<&Directory, DirectoryError> {
        match (self.directory(), &self.problem) {
            (Some(d), _) => Ok(d),
            (None, Some(problem)) => Err(DirectoryError::Unusable { problem: problem.clone() }),
            (None, None) => Err(DirectoryError::Empty),
        }
    }

    /// Searches the current directory.
    pub fn search(
        &self,
        query: &SearchQuery,
        categories: &dyn CategoryMap,
    ) -> Result<SearchResults, DirectoryError> {
        Ok(search(self.in_use()?, query, categories))
    }

    /// One organization by id.
    pub fn organization(&self, id: &str) -> Result<&Organization, DirectoryError> {
        self.in_use()?
            .organization(id)
            .ok_or_else(|| DirectoryError::UnknownOrganization { id: super::assemble::shorten(id) })
    }

    /// Writes the current snapshot to `path` (atomically), for carrying to a room without network.
    /// Writes only where asked, also in an ephemeral store.
    pub fn export(&self, path: &Path) -> Result<u64, DirectoryError> {
        self.in_use()?;
        let snapshot = self.snapshot().ok_or(DirectoryError::Empty)?;
        // Pretty for the curious, unless only the compact form fits what an import reads.
        let mut bytes =
            serde_json::to_vec_pretty(snapshot).map_err(|e| DirectoryError::Encode { source: e })?;
        if fits(&bytes).is_err() {
            bytes = serde_json::to_vec(snapshot).map_err(|e| DirectoryError::Encode { source: e })?;
            fits(&bytes)?;
        }
        write_file(path, &bytes, NewFile::Default)?;
        Ok(bytes.len() as u64)
    }

    /// Reads a snapshot exported elsewhere and makes it the current directory. A damaged, foreign or
    /// too-large file fails and the current directory stays.
    pub fn import(&mut self, path: &Path, journal: &Journal) -> Result<DirectoryStatus, DirectoryError> {
        let mut snapshot = read_snapshot_logged(path, journal)?.snapshot;
        snapshot.imported = true;
        self.replace(snapshot)?;
        Ok(self.status())
    }

    /// Where a refresh reads the federation from: the source chosen (`--source`, a launch option), else
    /// the current directory's, else the CHATONS federation's. An imported directory's source was its
    /// author's choice: it is followed on the Internet, but never into this computer's local network,
    /// where only a source the person names is read.
    pub fn refresh_source(&self, chosen: Option<String>) -> String {
        chosen
            .or_else(|| {
                let snapshot = self.snapshot()?;
                let local = Url::parse(snapshot.source.trim()).is_ok_and(|u| is_local(&u));
                (!(snapshot.imported && local)).then(|| snapshot.source.clone())
            })
            .unwrap_or_else(|| DEFAULT_SOURCE.to_owned())
    }
}

/// A snapshot is only written when it can be read back: no larger than an import reads.
fn fits(bytes: &[u8]) -> Result<(), DirectoryError> {
    let size = bytes.len() as u64;
    if size > MAX_IMPORT_BYTES {
        return Err(DirectoryError::TooLarge { size, max: MAX_IMPORT_BYTES });
    }
    Ok(())
}

/// Where a data folder keeps its snapshot.
pub fn snapshot_file(data_dir: &Path) -> PathBuf {
    data_dir.join("directory").join("snapshot.json")
}

fn read_snapshot_logged(path: &Path, journal: &Journal) -> Result<Loaded, DirectoryError> {
    let result = read_snapshot(path);
    let bytes = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    journal.file_read("premiers-pas", path, bytes, result.as_ref().err().map(ToString::to_string));
    result
}

fn read_snapshot(path: &Path) -> Result<Loaded, DirectoryError> {
    let shown = path.display().to_string();
    let bytes = match read_regular(path, MAX_IMPORT_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadError::TooLarge { .. }) => return Err(DirectoryError::ImportTooLarge { path: shown }),
        Err(e) => return Err(DirectoryError::Read { path: shown, source: e.into_io() }),
    };
    let value: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| DirectoryError::ImportCorrupt { path: shown.clone(), detail: e.to_string() })?;
    match value.get("schema").and_then(|s| s.as_str()) {
        Some(SNAPSHOT_SCHEMA) => {}
        Some(other) if other.starts_with("premiers-pas/directory/") => {
            return Err(DirectoryError::ImportVersion { path: shown, found: super::assemble::shorten(other) })
        }
        _ => return Err(DirectoryError::ImportForeign { path: shown }),
    }
    let snapshot: Snapshot = serde_json::from_value(value)
        .map_err(|e| DirectoryError::ImportCorrupt { path: shown.clone(), detail: e.to_string() })?;
    let assembly =
        snapshot.validate().map_err(|detail| DirectoryError::ImportCorrupt { path: shown, detail })?;
    Ok(Loaded { snapshot, directory: assembly.directory })
}

/// Writes through [`write_atomic`]: a crash leaves the old file or the new one, never half of one.
fn write_file(path: &Path, bytes: &[u8], new_file: NewFile) -> Result<(), DirectoryError> {
    write_atomic(path, bytes, new_file)
        .map_err(|source| DirectoryError::Write { path: path.display().to_string(), source })
}
