//! The CHATONS directory: who hosts what, where, on which terms — read from the federation's
//! ChatonsInfos files, kept offline, searched by category, registration and distance.
//!
//! The pipeline is one way: [`properties`] reads `.properties` text, [`crawl`] fetches the federation
//! file and the files it links to, [`assemble`] builds the [`model`] from them, [`store`] keeps a snapshot
//! on disk (and exports / imports it), [`search`] ranks hosts near a place resolved by the offline
//! [`gazetteer`]. The network is touched only by a refresh the person asked for.
//!
//! What it deliberately does not do: interpret markup in the files (text stays text), follow anything but
//! http(s), guess a service's category (that is reference data), or decide how results look.

pub mod assemble;
pub mod crawl;
pub mod gazetteer;
pub mod model;
pub mod properties;
pub mod refresh;
pub mod search;
pub mod store;
pub mod values;

pub use assemble::{ContentNote, RejectedValue};
pub use crawl::{
    FailureReason, FileOutcome, FileReport, FileRole, ProgressFn, RefreshCounts, RefreshOptions,
    RefreshProgress, SkipReason,
};
pub use gazetteer::{Place, PlaceResolution, GAZETTEER_CREDIT};
pub use model::{Directory, Organization, Service};
pub use refresh::{refresh_snapshot, RefreshReport, RefreshSummary, Refreshed};
pub use search::{CategoryMap, RegistrationFilter, SearchHit, SearchQuery, SearchResults};
pub use store::{DirectoryStatus, DirectoryStore, Snapshot};
/// How a refresh is stopped: cancel the token handed to it.
pub use tokio_util::sync::CancellationToken;

use crate::error::ErrorCode;

/// The CHATONS federation file (ChatonsInfos), the default source of a refresh.
pub const DEFAULT_SOURCE: &str =
    "https://framagit.org/chatons/chatonsinfos/-/raw/master/StatoolInfos/chatons.properties";

/// What can go wrong with the directory.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DirectoryError {
    #[error("the directory source `{source_url}` is not an http(s) address")]
    InvalidSource { source_url: String },
    #[error(
        "the federation file {source_url} could not be read ({reason}), and no earlier copy of it is kept: the \
         directory in use is unchanged"
    )]
    SourceUnavailable { source_url: String, reason: String },
    #[error("no file of the directory could be read ({reason}): the directory in use is unchanged")]
    NothingAnswered { source_url: String, reason: String },
    #[error(
        "{source_url} is not a ChatonsInfos federation file (file.class = Federation): nothing was replaced"
    )]
    NotAFederation { source_url: String },
    #[error("could not start the network client")]
    Client {
        #[source]
        source: reqwest::Error,
    },
    #[error("there is no directory yet: refresh it or import one")]
    Empty,
    /// The saved directory is there but cannot be used (damaged, another version): `problem` says why.
    #[error("the saved directory cannot be used ({}): refresh it or import one", problem.message)]
    Unusable { problem: crate::error::IpcError },
    #[error("no organization has the id `{id}`")]
    UnknownOrganization { id: String },
    #[error("could not read {path}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("could not write {path}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("could not encode the directory")]
    Encode {
        #[source]
        source: serde_json::Error,
    },
    #[error("{path} is not a Premiers Pas directory file")]
    ImportForeign { path: String },
    #[error("{path} is a directory file of another version ({found}); this version reads premiers-pas/directory/1")]
    ImportVersion { path: String, found: String },
    #[error("{path} is damaged or incomplete")]
    ImportCorrupt { path: String, detail: String },
    #[error("{path} is too large for a directory file")]
    ImportTooLarge { path: String },
    #[error("the directory is too large to keep ({size} bytes, at most {max}): nothing was replaced")]
    TooLarge { size: u64, max: u64 },
    #[error("the directory could not be rebuilt")]
    InvalidSnapshot { detail: String },
}

impl ErrorCode for DirectoryError {
    fn code(&self) -> &'static str {
        match self {
            DirectoryError::InvalidSource { .. } => "directory.invalid_source",
            DirectoryError::SourceUnavailable { .. } => "directory.source_unavailable",
            DirectoryError::NothingAnswered { .. } => "directory.nothing_answered",
            DirectoryError::NotAFederation { .. } => "directory.not_a_federation",
            DirectoryError::Client { .. } => "directory.client",
            DirectoryError::Empty => "directory.empty",
            DirectoryError::Unusable { .. } => "directory.unusable",
            DirectoryError::UnknownOrganization { .. } => "directory.unknown_organization",
            DirectoryError::Read { .. } => "directory.read_failed",
            DirectoryError::Write { .. } => "directory.write_failed",
            DirectoryError::Encode { .. } => "directory.encode_failed",
            DirectoryError::ImportForeign { .. } => "directory.import_foreign",
            DirectoryError::ImportVersion { .. } => "directory.import_version",
            DirectoryError::ImportCorrupt { .. } => "directory.import_corrupt",
            DirectoryError::ImportTooLarge { .. } => "directory.import_too_large",
            DirectoryError::TooLarge { .. } => "directory.too_large",
            DirectoryError::InvalidSnapshot { .. } => "directory.invalid_snapshot",
        }
    }

    fn detail(&self) -> Option<String> {
        match self {
            DirectoryError::ImportCorrupt { detail, .. } | DirectoryError::InvalidSnapshot { detail } => {
                Some(detail.clone())
            }
            other => std::error::Error::source(other).map(ToString::to_string),
        }
    }
}
