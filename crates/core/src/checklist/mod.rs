//! Checklists as data: packs of steps written in TOML by volunteers, validated with positions, and judged
//! against the facts an audit gathered.
//!
//! The code holds no content: every title, explanation and link lives in `checklists/`. What the engine
//! writes itself are short, factual reasons ("Firefox is installed") rendered for a language. It never
//! reads the machine (that is `detect`) and never saves anything (that is `progress`).

mod check;
mod evaluate;
mod own;
mod pack;
mod reword;
pub(crate) mod source;

pub use check::{Check, Scope};
pub use evaluate::{evaluate, evaluate_by_answers, evaluate_step, Answer, Answers, Status, StepResult};
pub use own::{own_packs_dir, AddedPack, LeftOutPack, OwnPack, OwnPackError, MAX_PACK_BYTES, OWN_PACKS_DIR};
pub use pack::{
    validate_paths, How, Library, Link, LinkKind, Note, Pack, Platform, QrTarget, Step, Store, PACKS_DIR,
};
pub use source::{Date, Diagnostic, Said};

use crate::error::ErrorCode;
use crate::i18n::Lang;

/// What can go wrong with checklist files.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ChecklistError {
    /// One or more problems in the files, each with its position.
    #[error("{}", render_diagnostics(.0))]
    Invalid(Vec<Diagnostic>),
    /// A file or folder could not be read.
    #[error("could not read {path}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// No pack has this id.
    #[error("no checklist pack with id `{0}`")]
    UnknownPack(String),
}

impl ChecklistError {
    /// The positioned problems, when the error is about content.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            ChecklistError::Invalid(d) => d,
            _ => &[],
        }
    }
}

impl ErrorCode for ChecklistError {
    fn code(&self) -> &'static str {
        match self {
            ChecklistError::Invalid(_) => "checklist.invalid",
            ChecklistError::Read { .. } => "checklist.unreadable",
            ChecklistError::UnknownPack(_) => "checklist.unknown_pack",
        }
    }
}

fn render_diagnostics(diags: &[Diagnostic]) -> String {
    diagnostics_in(diags, Lang::En)
}

/// Problems one a line, each `file:line:col: message` in `lang` (see [`Diagnostic::in_lang`]).
pub fn diagnostics_in(diags: &[Diagnostic], lang: Lang) -> String {
    diags.iter().map(|d| d.in_lang(lang)).collect::<Vec<_>>().join("\n")
}
