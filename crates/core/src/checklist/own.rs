//! A volunteer's own packs: files they wrote (checklists/README.md says how), added to the app and kept in
//! the data folder so that a workshop can use them, at the next launch too.
//!
//! A pack is validated exactly as `premiers-pas checklist validate` does, against the built-in reference
//! data, before it is kept; the file's own text is kept, so its comments survive. What is already in the
//! folder may have been edited by hand since, or written for another version: a file that no longer reads
//! as a pack is left out with its reason, and never stops the built-in packs from loading.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::pack::{Library, Pack};
use super::source::{not_utf8, said};
use super::{diagnostics_in, ChecklistError, Diagnostic};
use crate::error::{ErrorCode, IpcError};
use crate::files::{read_regular, write_atomic, NewFile, ReadError};
use crate::i18n::Lang;

/// The folder, inside the data folder, that holds the volunteer's own packs.
pub const OWN_PACKS_DIR: &str = "packs";

/// The largest pack file accepted (and reference file, in a checklists folder). The built-in packs are a
/// few dozen KiB; anything much larger is not a pack someone wrote by hand, and is refused before it is
/// parsed.
pub const MAX_PACK_BYTES: u64 = 256 * 1024;

/// A pack of the library that is the volunteer's own, and the file it was loaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnPack {
    pub id: String,
    pub file: PathBuf,
}

/// A file of the own packs' folder that was left out of the library, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LeftOutPack {
    /// The file, as a path the volunteer can open.
    pub file: String,
    /// Why, in English; [`LeftOutPack::in_lang`] says it in the volunteer's language.
    pub error: IpcError,
    /// When the file is not a valid pack, its problems, kept so that they can be said in any language.
    #[serde(skip)]
    #[ts(skip)]
    pub problems: Vec<Diagnostic>,
}

impl LeftOutPack {
    /// The same, with the error in `lang`: for a file that is not a valid pack, its message and every
    /// problem, one a line, as [`OwnPackError::to_ipc`] gives them.
    pub fn in_lang(&self, lang: Lang) -> LeftOutPack {
        let error = match self.problems.as_slice() {
            [] => self.error.clone(),
            problems => invalid_ipc(problems, lang),
        };
        LeftOutPack { file: self.file.clone(), error, problems: self.problems.clone() }
    }
}

/// What adding a pack did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedPack {
    pub id: String,
    /// Where it is kept.
    pub file: PathBuf,
    /// It took the place of an own pack with the same id.
    pub replaced: bool,
}

/// What can go wrong with a volunteer's own pack.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OwnPackError {
    /// The file is not a valid pack; every problem, with its position.
    #[error("this file is not a valid checklist pack")]
    Invalid(Vec<Diagnostic>),
    /// The file is larger than any pack written by hand.
    #[error("this file is too large to be a checklist pack ({bytes} bytes, at most {MAX_PACK_BYTES})")]
    TooLarge { path: String, bytes: u64 },
    /// The file could not be read.
    #[error("could not read {path}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A built-in pack has this id.
    #[error("a built-in pack already has the id `{0}`")]
    BuiltinId(String),
    /// Another own pack, loaded earlier, has this id.
    #[error("the pack in {other} already has the id `{id}`")]
    DuplicateId { id: String, other: String },
    /// The pack could not be kept in the data folder.
    #[error("could not write {path}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The copy of an own pack could not be removed.
    #[error("could not remove {path}")]
    Remove {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// Only the volunteer's own packs can be removed.
    #[error("`{0}` is not one of your own packs")]
    NotOwn(String),
}

impl ErrorCode for OwnPackError {
    fn code(&self) -> &'static str {
        match self {
            OwnPackError::Invalid(_) => "own_pack.invalid",
            OwnPackError::TooLarge { .. } => "own_pack.too_large",
            OwnPackError::Read { .. } => "own_pack.unreadable",
            OwnPackError::BuiltinId(_) => "own_pack.builtin_id",
            OwnPackError::DuplicateId { .. } => "own_pack.duplicate_id",
            OwnPackError::Write { .. } => "own_pack.write_failed",
            OwnPackError::Remove { .. } => "own_pack.remove_failed",
            OwnPackError::NotOwn(_) => "own_pack.not_own",
        }
    }

    /// The validator's lines (`file:line:col: message`), or the path and the cause.
    fn detail(&self) -> Option<String> {
        match self {
            OwnPackError::Invalid(diags) => Some(diagnostics_in(diags, Lang::En)),
            OwnPackError::TooLarge { path, .. } => Some(path.clone()),
            OwnPackError::Read { path, source }
            | OwnPackError::Write { path, source }
            | OwnPackError::Remove { path, source } => Some(format!("{path}: {source}")),
            OwnPackError::BuiltinId(_) | OwnPackError::DuplicateId { .. } | OwnPackError::NotOwn(_) => None,
        }
    }
}

impl OwnPackError {
    /// The IPC shape of this error in `lang`. For a file that is not a valid pack the problems are the
    /// message a volunteer needs: the message and every problem, one a line, are in `lang` (the lines
    /// are `file:line:col: message`, as `premiers-pas checklist validate` prints them). Any other error
    /// is the usual shape, in English: its code carries the sentence.
    pub fn to_ipc(&self, lang: Lang) -> IpcError {
        match self {
            OwnPackError::Invalid(problems) => invalid_ipc(problems, lang),
            _ => IpcError::from_coded(self),
        }
    }
}

/// The error of a file that is not a valid pack, in `lang`.
fn invalid_ipc(problems: &[Diagnostic], lang: Lang) -> IpcError {
    let message = match lang {
        Lang::Fr => "ce fichier n’est pas un parcours valide",
        Lang::En => "this file is not a valid checklist pack",
    };
    IpcError {
        code: OwnPackError::Invalid(Vec::new()).code().to_owned(),
        message: message.to_owned(),
        detail: Some(diagnostics_in(problems, lang)),
    }
}

/// The own packs' folder of a data folder.
pub fn own_packs_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(OWN_PACKS_DIR)
}

impl Library {
    /// The built-in checklists and the volunteer's own packs kept in `<data_dir>/packs/`, with the files
    /// that were left out and why. Only invalid built-in checklists are an error.
    pub fn with_own_packs(data_dir: &Path) -> Result<(Library, Vec<LeftOutPack>), ChecklistError> {
        Ok(Library::builtin()?.into_reloaded_own(data_dir))
    }

    /// This library's built-in packs with the own packs read again from `<data_dir>/packs/`.
    pub fn reloaded_own(&self, data_dir: &Path) -> (Library, Vec<LeftOutPack>) {
        self.clone().into_reloaded_own(data_dir)
    }

    fn into_reloaded_own(mut self, data_dir: &Path) -> (Library, Vec<LeftOutPack>) {
        let own = std::mem::take(&mut self.own);
        self.packs.retain(|p| !own.iter().any(|o| o.id == p.id));
        let mut library = self;
        let dir = own_packs_dir(data_dir);
        let files = match own_files(&dir) {
            Ok(files) => files,
            Err(source) => {
                let error = OwnPackError::Read { path: dir.display().to_string(), source };
                return (library, vec![left_out(&dir, &error)]);
            }
        };
        let mut problems = Vec::new();
        for file in files {
            let loaded = read_pack(&file, &library).and_then(|(pack, _)| {
                if let Some(other) = library.own.iter().find(|o| o.id == pack.id) {
                    return Err(OwnPackError::DuplicateId {
                        id: pack.id,
                        other: other.file.display().to_string(),
                    });
                }
                Ok(pack)
            });
            match loaded {
                Ok(pack) => {
                    library.own.push(OwnPack { id: pack.id.clone(), file });
                    library.packs.push(pack);
                }
                Err(error) => problems.push(left_out(&file, &error)),
            }
        }
        (library, problems)
    }

    /// Is this pack one of the volunteer's own?
    pub fn is_own(&self, id: &str) -> bool {
        self.own.iter().any(|o| o.id == id)
    }

    /// Validates the pack file at `source` and keeps a copy of its text in `<data_dir>/packs/`, written
    /// atomically: `<id>.toml`, or the file of the own pack it replaces (same id). A pack with the id of a
    /// built-in one is refused; nothing is written unless the pack is valid. The library itself is not
    /// changed: read it again with [`Library::reloaded_own`].
    pub fn add_own_pack(&self, data_dir: &Path, source: &Path) -> Result<AddedPack, OwnPackError> {
        let (pack, text) = read_pack(source, self)?;
        let existing = self.own.iter().find(|o| o.id == pack.id);
        let file = match existing {
            Some(own) => own.file.clone(),
            None => self.free_file_name(&own_packs_dir(data_dir), &pack.id),
        };
        let write_error = |source| OwnPackError::Write { path: file.display().to_string(), source };
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(write_error)?;
        }
        write_atomic(&file, text.as_bytes(), NewFile::Default).map_err(write_error)?;
        Ok(AddedPack { id: pack.id, replaced: existing.is_some(), file })
    }

    /// Deletes the copy of an own pack (the file the volunteer added stays where it was). Built-in packs
    /// cannot be removed. The library itself is not changed: read it again with [`Library::reloaded_own`].
    ///
    /// A file left out for having the same id (a copy made by hand) goes too: otherwise it would be the
    /// one loaded next, and the pack the volunteer removed would still be listed.
    pub fn remove_own_pack(&self, data_dir: &Path, id: &str) -> Result<PathBuf, OwnPackError> {
        let own = self.own.iter().find(|o| o.id == id).ok_or_else(|| OwnPackError::NotOwn(id.to_owned()))?;
        let same_id = own_files(&own_packs_dir(data_dir))
            .unwrap_or_default()
            .into_iter()
            .filter(|f| *f != own.file && read_pack(f, self).is_ok_and(|(pack, _)| pack.id == id));
        for file in std::iter::once(own.file.clone()).chain(same_id) {
            match std::fs::remove_file(&file) {
                Ok(()) => {}
                // Gone already (removed by hand): what was asked is done.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(OwnPackError::Remove { path: file.display().to_string(), source }),
            }
        }
        Ok(own.file.clone())
    }

    /// `<id>.toml` in `dir`, unless another own pack was loaded from that file (renamed by hand). A file
    /// left out under that name is the app's own copy of this pack, damaged: the new one replaces it, which
    /// is how a volunteer repairs it.
    fn free_file_name(&self, dir: &Path, id: &str) -> PathBuf {
        let taken = |path: &Path| self.own.iter().any(|o| o.file == path);
        // Windows keeps these names for devices, whatever the extension: `con.toml` is the console.
        const DEVICES: [&str; 22] = [
            "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
            "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
        ];
        let base = if DEVICES.contains(&id) { format!("{id}-pack") } else { id.to_owned() };
        let mut file = dir.join(format!("{base}.toml"));
        let mut n = 2;
        while taken(&file) {
            file = dir.join(format!("{base}-{n}.toml"));
            n += 1;
        }
        file
    }
}

fn left_out(file: &Path, error: &OwnPackError) -> LeftOutPack {
    let problems = match error {
        OwnPackError::Invalid(problems) => problems.clone(),
        _ => Vec::new(),
    };
    LeftOutPack { file: file.display().to_string(), error: IpcError::from_coded(error), problems }
}

/// Reads a pack file no larger than [`MAX_PACK_BYTES`] and validates it against the library's reference
/// data; a pack whose id is a built-in one's is refused. The pack and the file's text.
fn read_pack(path: &Path, library: &Library) -> Result<(Pack, String), OwnPackError> {
    let name = path.display().to_string();
    // Only a regular file (opening a FIFO would wait for a writer, and hang the caller), never more than
    // the limit, even when it grows while it is read.
    let raw = match read_regular(path, MAX_PACK_BYTES) {
        Ok(raw) => raw,
        Err(ReadError::TooLarge { bytes }) => return Err(OwnPackError::TooLarge { path: name, bytes }),
        Err(e) => return Err(OwnPackError::Read { path: name, source: e.into_io() }),
    };
    let text = String::from_utf8(raw).map_err(|_| OwnPackError::Invalid(vec![not_utf8(&name)]))?;
    let pack = match Pack::from_text(&name, &text, &library.reference) {
        Ok(pack) => pack,
        Err(ChecklistError::Invalid(diags)) => return Err(OwnPackError::Invalid(diags)),
        Err(other) => {
            let message = said(
                format!("ce fichier n’a pas pu être lu comme un parcours (détail : {other})"),
                other.to_string(),
            );
            return Err(OwnPackError::Invalid(vec![Diagnostic::at_start(name, message)]));
        }
    };
    if library.packs.iter().any(|p| p.id == pack.id) && !library.is_own(&pack.id) {
        return Err(OwnPackError::BuiltinId(pack.id));
    }
    Ok((pack, text))
}

/// The `*.toml` files of the own packs' folder, by name (a missing folder has none).
fn own_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
