//! # Premiers Pas — the engine
//!
//! Everything Premiers Pas knows and decides lives here, so that the command line (`crates/cli`) and the
//! desktop shell (`src-tauri`) are thin adapters that show the same truth. Data flows one way: files on
//! disk and the network come in through detection and the directory, become plain serde structs, are
//! judged by the checklist engine, and are shown by a front-end.
//!
//! What this crate deliberately does not do: draw anything, depend on Tauri, read the real environment
//! behind a caller's back (detectors take a `Host`), or touch the network unless a caller asks it to.

pub mod audit;
pub mod checklist;
pub mod detect;
pub mod directory;
pub mod error;
pub mod files;
pub mod i18n;
pub mod journal;
pub mod paths;
pub mod progress;
pub mod qr;
pub mod reference;
pub mod report;
pub mod session;
pub mod system;
pub mod takeaway;
pub mod weburl;

pub use error::{ErrorCode, IpcError};
pub use i18n::Lang;
pub use system::{system_info, system_lang, OsFamily, SystemInfo};
