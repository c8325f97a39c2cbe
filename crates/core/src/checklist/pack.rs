//! Packs: ordered steps with their texts, links, QR targets and checks, read from TOML and validated
//! against the reference data.
//!
//! Loading collects every problem it can find, each with its position, rather than stopping at the first:
//! a volunteer fixes a whole file in one go. This module does not judge anything (that is `evaluate`).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::de::DeValue;
use toml::Spanned;
use ts_rs::TS;

use super::check::Check;
use super::own::OwnPack;
use super::source::{said, suggest, Date, Said, Source, TomlPath};
use super::{ChecklistError, Diagnostic};
use crate::i18n::{Lang, Text};
use crate::reference::{AppKind, ProviderKind, Reference, APPS_FILE, CATEGORIES_FILE, PROVIDERS_FILE};
use crate::system::OsFamily;

const BUILTIN_PACKS: [(&str, &str); 2] = [
    ("premiers-pas.toml", include_str!("../../../../checklists/packs/premiers-pas.toml")),
    ("atelier-navigateur.toml", include_str!("../../../../checklists/packs/atelier-navigateur.toml")),
];

/// The folder, inside a checklists folder, that holds the packs.
pub const PACKS_DIR: &str = "packs";

/// A checklist pack: a title, a description and ordered steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Pack {
    pub id: String,
    pub title: Text,
    pub description: Text,
    /// When a person last checked the whole pack.
    pub reviewed: Date,
    pub steps: Vec<Step>,
}

/// One step of a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Step {
    /// Stable id, unique in the pack (saved answers refer to it).
    pub id: String,
    pub title: Text,
    /// Why it matters, in two or three plain sentences.
    pub why: Text,
    /// How to do it, per platform.
    pub how: How,
    #[serde(default)]
    pub links: Vec<Link>,
    /// Pages to open on a phone, shown as QR codes.
    #[serde(default)]
    pub qr: Vec<QrTarget>,
    /// What the audit can say about this step; all must hold.
    pub checks: Vec<Check>,
    /// Sentences shown with the result when their condition holds.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Directory categories this step is about (the CHATONS search offers them first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// When a person last checked the facts of this step.
    pub reviewed: Date,
    /// Facts likely to change soon (the Manifest V2 situation, a fork), shown with the review date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub time_sensitive: Option<Text>,
}

/// Instructions per platform; `default` is used where no platform text is given.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct How {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub default: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub linux: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub macos: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub windows: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub android: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub ios: Option<Text>,
}

/// A platform `how` can speak of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Platform {
    Linux,
    Macos,
    Windows,
    Android,
    Ios,
}

impl Platform {
    /// Every platform, computers first.
    pub const ALL: [Platform; 5] =
        [Platform::Linux, Platform::Macos, Platform::Windows, Platform::Android, Platform::Ios];

    /// The key used in TOML.
    pub fn key(self) -> &'static str {
        match self {
            Platform::Linux => "linux",
            Platform::Macos => "macos",
            Platform::Windows => "windows",
            Platform::Android => "android",
            Platform::Ios => "ios",
        }
    }

    /// The computer platform of an operating-system family.
    pub fn of_os(os: OsFamily) -> Option<Platform> {
        match os {
            OsFamily::Linux => Some(Platform::Linux),
            OsFamily::Macos => Some(Platform::Macos),
            OsFamily::Windows => Some(Platform::Windows),
            OsFamily::Other => None,
        }
    }
}

impl How {
    /// The text written for exactly this platform.
    pub fn specific(&self, platform: Platform) -> Option<&Text> {
        match platform {
            Platform::Linux => self.linux.as_ref(),
            Platform::Macos => self.macos.as_ref(),
            Platform::Windows => self.windows.as_ref(),
            Platform::Android => self.android.as_ref(),
            Platform::Ios => self.ios.as_ref(),
        }
    }

    /// The text for a platform, falling back to `default`.
    pub fn for_platform(&self, platform: Platform) -> Option<&Text> {
        self.specific(platform).or(self.default.as_ref())
    }

    /// The text for a computer of this family (`default` when the family is not one we write for).
    pub fn for_os(&self, os: OsFamily) -> Option<&Text> {
        Platform::of_os(os).and_then(|p| self.for_platform(p)).or(self.default.as_ref())
    }

    fn entries(&self) -> impl Iterator<Item = (&'static str, &Text)> {
        std::iter::once(("default", self.default.as_ref()))
            .chain(Platform::ALL.into_iter().map(|p| (p.key(), self.specific(p))))
            .filter_map(|(k, t)| t.map(|t| (k, t)))
    }
}

/// What a link leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum LinkKind {
    /// A web page or service.
    Web,
    /// An app store page.
    Store,
    /// An F-Droid page.
    Fdroid,
    /// A guide or tutorial.
    Guide,
}

/// A link shown with a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Link {
    pub label: Text,
    /// http or https only.
    pub url: String,
    pub kind: LinkKind,
}

/// Which store a QR code opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum Store {
    /// Google Play.
    Play,
    /// F-Droid.
    Fdroid,
    /// Apple's App Store.
    AppStore,
    /// A web page (addons.mozilla.org, a project's site).
    Web,
}

impl Store {
    /// The phone a store's page opens on (`None` for a web page, which any phone opens).
    pub fn phone(self) -> Option<Platform> {
        match self {
            Store::Play | Store::Fdroid => Some(Platform::Android),
            Store::AppStore => Some(Platform::Ios),
            Store::Web => None,
        }
    }

    /// The store's name, as a volunteer would say it, in French and in English.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Store::Play => ("Google Play", "Google Play"),
            Store::Fdroid => ("F-Droid", "F-Droid"),
            Store::AppStore => ("l’App Store", "the App Store"),
            Store::Web => ("le web", "the web"),
        }
    }
}

/// A page to open on a phone, shown as a QR code with its label under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct QrTarget {
    pub label: Text,
    /// http or https only.
    pub url: String,
    /// The app (from `apps.toml`) this page installs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub app: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub store: Option<Store>,
}

/// A sentence added to a step's result when its condition is `done`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Note {
    pub when: Check,
    pub text: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    id: String,
    title: Text,
    description: Text,
    reviewed: Date,
}

impl Pack {
    /// The packs shipped in `checklists/packs/`, embedded at compile time, checked against `reference`.
    pub fn builtin_all(reference: &Reference) -> Result<Vec<Pack>, ChecklistError> {
        let mut diags = Vec::new();
        let mut packs = Vec::new();
        for (name, text) in BUILTIN_PACKS {
            let name = format!("builtin:{PACKS_DIR}/{name}");
            if let Some(pack) = load(&Source::new(name.as_str(), text), reference, &mut diags) {
                packs.push(Loaded { name, text: Cow::Borrowed(text), pack });
            }
        }
        check_unique_pack_ids(&packs, &mut diags);
        if diags.is_empty() {
            Ok(packs.into_iter().map(|l| l.pack).collect())
        } else {
            Err(ChecklistError::Invalid(diags))
        }
    }

    /// Parses and validates one pack from text; `name` is shown in error positions.
    pub fn from_text(name: &str, text: &str, reference: &Reference) -> Result<Pack, ChecklistError> {
        let mut diags = Vec::new();
        match load(&Source::new(name, text), reference, &mut diags) {
            Some(pack) if diags.is_empty() => Ok(pack),
            _ => Err(ChecklistError::Invalid(diags)),
        }
    }

    /// Reads and validates one pack file.
    pub fn load_file(path: &Path, reference: &Reference) -> Result<Pack, ChecklistError> {
        let text = read(path)?;
        Pack::from_text(&path.display().to_string(), &text, reference)
    }

    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }
}

/// The reference data and the packs of one checklists folder (or the built-in ones, and then perhaps the
/// volunteer's own: see `own`).
#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    pub reference: Reference,
    pub packs: Vec<Pack>,
    /// Which of `packs` are the volunteer's own, and their files (built-in ones first in `packs`).
    pub own: Vec<OwnPack>,
}

impl Library {
    /// The shipped checklists.
    pub fn builtin() -> Result<Library, ChecklistError> {
        let reference = Reference::builtin()?;
        let packs = Pack::builtin_all(&reference)?;
        Ok(Library { reference, packs, own: Vec::new() })
    }

    /// A checklists folder: `apps.toml`, `providers.toml`, `categories.toml` and `packs/*.toml`. All
    /// problems of all files are reported together.
    pub fn load_dir(dir: &Path) -> Result<Library, ChecklistError> {
        let reference = Reference::load_dir(dir)?;
        Library::with_packs_of(reference, &dir.join(PACKS_DIR))
    }

    /// A folder as `--from` names it, read as `checklist validate` reads it: a checklists folder (with
    /// `apps.toml`); the `packs/` of one, with that folder's reference data; or a folder of packs alone,
    /// with the built-in reference data.
    pub fn load_folder(dir: &Path) -> Result<Library, ChecklistError> {
        if let Err(source) = std::fs::read_dir(dir) {
            return Err(ChecklistError::Read { path: dir.display().to_string(), source });
        }
        if dir.join(APPS_FILE).is_file() {
            return Library::load_dir(dir);
        }
        // A checklists folder's `packs/` is read with that folder's reference data, as `validate` reads it.
        let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        match absolute.parent().filter(|p| p.join(APPS_FILE).is_file()) {
            Some(home) => Library::with_packs_of(Reference::load_dir(home)?, dir),
            None => Library::with_packs_of(Reference::builtin()?, dir),
        }
    }

    /// `reference` with the packs of `dir` (every problem of every file reported together).
    fn with_packs_of(reference: Reference, dir: &Path) -> Result<Library, ChecklistError> {
        let mut diags = Vec::new();
        let mut packs = Vec::new();
        for path in pack_files(dir)? {
            match Loaded::file(&path, &reference) {
                Ok(p) => packs.push(p),
                Err(ChecklistError::Invalid(d)) => diags.extend(d),
                Err(e) => return Err(e),
            }
        }
        check_unique_pack_ids(&packs, &mut diags);
        if diags.is_empty() {
            Ok(Library { reference, packs: packs.into_iter().map(|l| l.pack).collect(), own: Vec::new() })
        } else {
            Err(ChecklistError::Invalid(diags))
        }
    }

    /// The pack with this id.
    pub fn pack(&self, id: &str) -> Result<&Pack, ChecklistError> {
        self.packs.iter().find(|p| p.id == id).ok_or_else(|| ChecklistError::UnknownPack(id.to_owned()))
    }
}

/// Validates files and folders as a volunteer names them, returning every problem found (empty = valid).
///
/// A folder with an `apps.toml` is a checklists folder: its reference data and its `packs/`. Any other
/// folder holds packs (`*.toml`), checked against the reference data of the checklists folder it is the
/// `packs/` of, or else the built-in one. A file named like a reference file is checked with its
/// siblings; any other file is a pack, checked likewise (`…/packs/x.toml`). A pack outside a checklists
/// folder is one of the volunteer's own, and must not take a built-in pack's id.
pub fn validate_paths(paths: &[PathBuf]) -> Result<Vec<Diagnostic>, ChecklistError> {
    let mut diags = Vec::new();
    let builtin: Vec<String> = Library::builtin()?.packs.into_iter().map(|p| p.id).collect();
    // A problem of a file is said and the next path checked: one missing file hides nothing else.
    let collect = |r: Result<(), ChecklistError>, diags: &mut Vec<Diagnostic>| match r {
        Ok(()) => {}
        Err(ChecklistError::Invalid(d)) => diags.extend(d),
        Err(ChecklistError::Read { path, source }) => diags.push(Diagnostic::at_start(
            path,
            match source.kind() {
                std::io::ErrorKind::NotFound => {
                    said("ce fichier ou ce dossier n’existe pas", "no such file or folder")
                }
                std::io::ErrorKind::PermissionDenied => said(
                    "ne peut pas être lu : vous n’avez pas le droit de le lire",
                    format!("cannot be read ({source})"),
                ),
                // `files` refuses what is not an ordinary file (a FIFO would block the read forever).
                std::io::ErrorKind::InvalidInput => said(
                    "ne peut pas être lu : ce n’est pas un fichier ordinaire",
                    format!("cannot be read ({source})"),
                ),
                // The system's words are English: in French they are the detail, named as such.
                _ => said(
                    format!("ne peut pas être lu (message du système : {source})"),
                    format!("cannot be read ({source})"),
                ),
            },
        )),
        Err(e) => diags.push(Diagnostic::at_start(
            "",
            said(format!("problème inattendu (détail : {e})"), e.to_string()),
        )),
    };
    for path in paths {
        // Where a path sits is told by its parents, which `.` or `x.toml` named from inside `packs/` has
        // too once absolute; files are still named as the volunteer named them.
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.clone());
        if path.is_dir() {
            if path.join(APPS_FILE).is_file() {
                collect(Library::load_dir(path).map(|_| ()), &mut diags);
                continue;
            }
            // A checklists folder's `packs/` is checked against its reference data, as its files are one
            // by one; any other folder holds packs of one's own.
            let home = absolute.parent().filter(|p| p.join(APPS_FILE).is_file());
            let reference = match home.map(Reference::load_dir).unwrap_or_else(Reference::builtin) {
                Ok(reference) => reference,
                Err(e) => {
                    collect(Err(e), &mut diags);
                    continue;
                }
            };
            let files = match pack_files(path) {
                Ok(files) => files,
                Err(e) => {
                    collect(Err(e), &mut diags);
                    continue;
                }
            };
            if files.is_empty() {
                diags.push(Diagnostic::at_start(
                    path.display().to_string(),
                    said(
                        "aucun parcours ici : un parcours est un fichier dont le nom finit par `.toml`",
                        "no pack here: a pack is a file whose name ends in `.toml`",
                    ),
                ));
            }
            let mut packs = Vec::new();
            for file in files {
                match Loaded::file(&file, &reference) {
                    Ok(p) => {
                        if home.is_none() {
                            check_own_id(&p, &builtin, &mut diags);
                        }
                        packs.push(p);
                    }
                    Err(e) => collect(Err(e), &mut diags),
                }
            }
            check_unique_pack_ids(&packs, &mut diags);
            continue;
        }
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let parent = absolute.parent().unwrap_or(Path::new("."));
        if [APPS_FILE, PROVIDERS_FILE, CATEGORIES_FILE].contains(&name) {
            collect(Reference::load_dir(parent).map(|_| ()), &mut diags);
            continue;
        }
        let home = parent.parent().filter(|p| p.join(APPS_FILE).is_file());
        match home.map(Reference::load_dir).unwrap_or_else(Reference::builtin) {
            Ok(reference) => match Loaded::file(path, &reference) {
                // A pack of its own: the app adds it only under an id of its own.
                Ok(pack) if home.is_none() => check_own_id(&pack, &builtin, &mut diags),
                Ok(_) => {}
                Err(e) => collect(Err(e), &mut diags),
            },
            Err(e) => collect(Err(e), &mut diags),
        }
    }
    Ok(diags)
}

/// A pack with the file it was read from and that file's text, so that a problem between packs (an id
/// taken twice) is placed at the id, as every diagnostic is.
struct Loaded {
    name: String,
    /// The shipped packs' text is borrowed from the binary: nothing is copied at start-up.
    text: Cow<'static, str>,
    pack: Pack,
}

impl Loaded {
    fn file(path: &Path, reference: &Reference) -> Result<Loaded, ChecklistError> {
        let text = read(path)?;
        let name = path.display().to_string();
        let pack = Pack::from_text(&name, &text, reference)?;
        Ok(Loaded { name, text: Cow::Owned(text), pack })
    }

    /// A diagnostic at this pack's `id`.
    fn at_id(&self, message: Said) -> Diagnostic {
        let src = Source::new(self.name.as_str(), &self.text);
        // The file was read as a pack: it parses.
        let span = src.parse().map_or(0..0, |doc| {
            let root = toml::de::DeValue::Table(doc.get_ref().clone());
            Source::span_of(&toml::Spanned::new(doc.span(), root), &TomlPath::default().key("id"))
        });
        src.diag(span, message)
    }
}

fn read(path: &Path) -> Result<String, ChecklistError> {
    super::source::read_file(path, super::MAX_PACK_BYTES)
}

/// The `*.toml` files of a folder, sorted by name (a missing folder has none).
fn pack_files(dir: &Path) -> Result<Vec<PathBuf>, ChecklistError> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let entries = std::fs::read_dir(dir)
        .map_err(|source| ChecklistError::Read { path: dir.display().to_string(), source })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            ![APPS_FILE, PROVIDERS_FILE, CATEGORIES_FILE].contains(&name)
        })
        .collect();
    files.sort();
    Ok(files)
}

/// A pack of one's own under a built-in pack's id (a copy of it, not renamed yet) is valid as a pack, but
/// the app refuses to add it (`own_pack.builtin_id`): said here, at the id's line, so that the check
/// tells the whole truth.
fn check_own_id(loaded: &Loaded, builtin: &[String], diags: &mut Vec<Diagnostic>) {
    if builtin.contains(&loaded.pack.id) {
        let id = &loaded.pack.id;
        diags.push(loaded.at_id(said(
            format!(
                "`{id}` est l’identifiant d’un parcours fourni avec Premiers Pas : donnez au vôtre un identifiant \
                 à lui, sinon l’application ne l’ajoutera pas"
            ),
            format!(
                "`{id}` is the id of a pack that comes with Premiers Pas: give yours an id of its own, or the app \
                 will not add it"
            ),
        )));
    }
}

/// Each pack needs an id of its own: a second one is said at its id, with the file that has it first.
fn check_unique_pack_ids(packs: &[Loaded], diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for p in packs {
        if let Some(first) = seen.insert(&p.pack.id, &p.name) {
            seen.insert(&p.pack.id, first);
            let id = &p.pack.id;
            diags.push(p.at_id(said(
                format!(
                    "`{id}` est déjà l’identifiant du parcours de {first} : donnez à chaque parcours le sien"
                ),
                format!("`{id}` is already the id of the pack in {first}: give each pack an id of its own"),
            )));
        }
    }
}

fn load(src: &Source<'_>, reference: &Reference, diags: &mut Vec<Diagnostic>) -> Option<Pack> {
    let before = diags.len();
    let doc = src.load_list::<Header, Step>("step", diags)?;
    let v = Validator { src, root: &doc.root, reference, diags };
    v.run(doc.header.as_ref(), &doc.items);
    // Read top to bottom, like the file.
    if let Some(mine) = diags.get_mut(before..) {
        mine.sort_by_key(|d| (d.line, d.col));
    }
    let header = doc.header?;
    if diags.len() != before {
        return None;
    }
    let mut pack = Pack {
        id: header.id,
        title: header.title,
        description: header.description,
        reviewed: header.reviewed,
        steps: doc.items.into_iter().map(|(_, s)| s).collect(),
    };
    // Every address as the web reads it, not as typed: a typed `>` or `<` would end a Markdown link in a
    // report, and an author's stray character would reach a QR code. (The browser reads them so anyway.)
    for step in &mut pack.steps {
        let urls = step.links.iter_mut().map(|l| &mut l.url).chain(step.qr.iter_mut().map(|q| &mut q.url));
        for url in urls {
            if let Ok(parsed) = crate::weburl::web_url(url) {
                *url = parsed.to_string();
            }
        }
    }
    // A visitor who has done nothing leaves with every step: that list must still fit its QR code.
    for lang in Lang::ALL {
        // With its pages too long, the list keeps the titles (`takeaway`): those must fit.
        let bytes = crate::takeaway::titles_text(&pack, &[], lang).len();
        if bytes > crate::qr::MAX_BYTES {
            let span = Source::span_of(&doc.root, &TomlPath::default().key("title"));
            diags.push(src.diag(
                span,
                said(
                    format!(
                        "les titres de toutes les étapes font {bytes} octets en `{}`, plus que n’en tient le code QR \
                         de la liste à emporter ({}) : raccourcissez-les, ou faites deux parcours",
                        lang.code(),
                        crate::qr::MAX_BYTES
                    ),
                    format!(
                        "the titles of all the steps are {bytes} bytes in `{}`, more than the take-home list's QR \
                         code holds ({}): shorten them, or make two packs",
                        lang.code(),
                        crate::qr::MAX_BYTES
                    ),
                ),
            ));
        }
    }
    (diags.len() == before).then_some(pack)
}

struct Validator<'s, 'a, 'r> {
    src: &'s Source<'a>,
    root: &'s Spanned<DeValue<'a>>,
    reference: &'r Reference,
    diags: &'s mut Vec<Diagnostic>,
}

impl Validator<'_, '_, '_> {
    fn err(&mut self, at: &TomlPath, message: Said) {
        let span = Source::span_of(self.root, at);
        self.diags.push(self.src.diag(span, message));
    }

    fn run(mut self, header: Option<&Header>, steps: &[(usize, Step)]) {
        let top = TomlPath::default();
        if let Some(h) = header {
            if !crate::reference::is_valid_id(&h.id) {
                self.err(
                    &top.key("id"),
                    said(
                        format!(
                            "identifiant de parcours invalide `{}` — au plus 64 minuscules, chiffres et tirets",
                            h.id
                        ),
                        format!(
                            "invalid pack id `{}` — use at most 64 lowercase letters, digits and dashes",
                            h.id
                        ),
                    ),
                );
            }
            self.text(&top.key("title"), "title", &h.title);
            self.text(&top.key("description"), "description", &h.description);
        }
        let mut ids = HashSet::new();
        for (index, step) in steps {
            let at = top.key("step").index(*index);
            if !crate::reference::is_valid_id(&step.id) {
                self.err(
                    &at.key("id"),
                    said(
                        format!(
                            "identifiant d’étape invalide `{}` — au plus 64 minuscules, chiffres et tirets",
                            step.id
                        ),
                        format!(
                            "invalid step id `{}` — use at most 64 lowercase letters, digits and dashes",
                            step.id
                        ),
                    ),
                );
            } else if !ids.insert(step.id.clone()) {
                self.err(
                    &at.key("id"),
                    said(
                        format!("l’identifiant d’étape `{}` est déjà pris dans ce parcours", step.id),
                        format!("duplicate step id `{}`", step.id),
                    ),
                );
            }
            self.step(&at, step);
        }
    }

    fn step(&mut self, at: &TomlPath, step: &Step) {
        self.text(&at.key("title"), "title", &step.title);
        self.text(&at.key("why"), "why", &step.why);
        if let Some(t) = &step.time_sensitive {
            self.text(&at.key("time_sensitive"), "time_sensitive", t);
        }
        let how = at.key("how");
        for (key, text) in step.how.entries() {
            self.text(&how.key(key), &format!("how.{key}"), text);
        }
        if step.how.default.is_none() {
            let missing: Vec<&str> = Platform::ALL
                .into_iter()
                .filter(|p| step.how.specific(*p).is_none())
                .map(Platform::key)
                .collect();
            if !missing.is_empty() {
                let missing = missing.join(", ");
                self.err(
                    &how,
                    said(
                        format!("`how` n’a pas de texte `default`, ni de texte pour {missing}"),
                        format!("`how` has no `default` text and nothing for {missing}"),
                    ),
                );
            }
        }
        for (i, link) in step.links.iter().enumerate() {
            let here = at.key("links").index(i);
            self.text(&here.key("label"), "label", &link.label);
            self.url(&here.key("url"), &link.url);
        }
        for (i, qr) in step.qr.iter().enumerate() {
            let here = at.key("qr").index(i);
            self.text(&here.key("label"), "label", &qr.label);
            self.url(&here.key("url"), &qr.url);
            self.qr_app(&here, qr);
        }
        // A page listed twice shows twice, and the interface tells links and codes apart by their address.
        self.unique_urls(at, "links", step.links.iter().map(|l| l.url.as_str()));
        self.unique_urls(at, "qr", step.qr.iter().map(|q| q.url.as_str()));
        self.phone_how(&how, step);
        let checks = at.key("checks");
        if step.checks.is_empty() {
            self.err(
                &checks,
                said(
                    "une étape a besoin d’au moins une vérification — `\"manual\"` quand seule la personne peut le dire",
                    "a step needs at least one check — use `\"manual\"` when only the person can tell",
                ),
            );
        } else if step.checks.iter().all(|c| matches!(c, Check::Bonus(_))) {
            self.err(
                &checks,
                said(
                    "une étape a besoin d’au moins une vérification qui ne soit pas un `bonus`",
                    "a step needs at least one check that is not a `bonus`",
                ),
            );
        }
        for (i, check) in step.checks.iter().enumerate() {
            self.check(&checks.index(i), check);
        }
        for (i, note) in step.notes.iter().enumerate() {
            let here = at.key("notes").index(i);
            self.text(&here.key("text"), "text", &note.text);
            self.check(&here.key("when"), &note.when);
        }
        for (i, cat) in step.categories.iter().enumerate() {
            if self.reference.categories.get(cat).is_none() {
                let ids = self.reference.categories.all().iter().map(|c| c.id.as_str());
                let msg = match suggest(cat, ids) {
                    Some(best) => said(
                        format!("catégorie inconnue `{cat}` — vouliez-vous dire `{best}` ?"),
                        format!("unknown category `{cat}` — did you mean `{best}`?"),
                    ),
                    None => said(
                        format!("catégorie inconnue `{cat}` (voir categories.toml)"),
                        format!("unknown category `{cat}` (see categories.toml)"),
                    ),
                };
                self.err(&at.key("categories").index(i), msg);
            }
        }
    }

    /// A QR code for a phone's store needs that phone's own instructions: `how.default` is only ever
    /// shown for computers, so without them the phone's side of the step would say nothing (or phone
    /// instructions would land under the computer's heading).
    fn phone_how(&mut self, how: &TomlPath, step: &Step) {
        for phone in [Platform::Android, Platform::Ios] {
            if step.how.specific(phone).is_some() {
                continue;
            }
            let store = step.qr.iter().filter_map(|q| q.store).find(|s| s.phone() == Some(phone));
            if let Some(store) = store {
                let key = phone.key();
                let (fr_store, en_store) = store.names();
                self.err(
                    how,
                    said(
                        format!(
                            "`how.{key}` manque : un code QR de cette étape ouvre {}, dites donc quoi faire sur ce \
                             téléphone dans `how.{key}` (`how.default` ne sert jamais pour les téléphones)",
                            fr_store
                        ),
                        format!(
                            "`how.{key}` is missing: a QR code of this step opens {}, so say what to do on that \
                             phone in `how.{key}` (`how.default` is never used for phones)",
                            en_store
                        ),
                    ),
                );
            }
        }
    }

    fn text(&mut self, at: &TomlPath, what: &str, text: &Text) {
        for lang in text.missing() {
            self.err(
                at,
                said(
                    format!(
                        "`{what}` n’a pas de texte `{lang}` (le français et l’anglais sont obligatoires)"
                    ),
                    format!("`{what}` has no `{lang}` text (French and English are both required)"),
                ),
            );
        }
        for code in text.0.keys() {
            if !is_lang_code(code) {
                self.err(
                    &at.key(code),
                    said(
                        format!("`{code}` n’est pas un code de langue (`fr`, `en`, `de`…)"),
                        format!("`{code}` is not a language code (expected `fr`, `en`, `de`…)"),
                    ),
                );
            }
        }
    }

    fn unique_urls<'u>(&mut self, at: &TomlPath, list: &str, urls: impl Iterator<Item = &'u str>) {
        let mut seen = HashSet::new();
        for (i, url) in urls.enumerate() {
            // Compared as they are kept (see `load`): `HTTPS://Example.org:443/` is `https://example.org/`.
            let kept = crate::weburl::web_url(url).map_or_else(|_| url.to_owned(), |u| u.to_string());
            if !seen.insert(kept.trim_end_matches('/').to_owned()) {
                self.err(
                    &at.key(list).index(i).key("url"),
                    said(
                        format!("`{url}` est déjà dans les `{list}` de cette étape"),
                        format!("`{url}` is already in this step's `{list}`"),
                    ),
                );
            }
        }
    }

    fn url(&mut self, at: &TomlPath, url: &str) {
        if let Some((fr, en)) = url_problem(url) {
            self.err(
                at,
                said(format!("adresse invalide `{url}` : {fr}"), format!("invalid URL `{url}`: {en}")),
            );
        }
    }

    fn qr_app(&mut self, at: &TomlPath, qr: &QrTarget) {
        let Some(id) = &qr.app else {
            if qr.store.is_some_and(|s| s != Store::Web) {
                self.err(
                    &at.key("store"),
                    said(
                        "`store` a besoin de `app` : quelle application cette page installe-t-elle ?",
                        "`store` needs `app`: which app does this page install?",
                    ),
                );
            }
            return;
        };
        let Some(app) = self.reference.apps.get(id) else {
            let msg = self.unknown_app(id);
            self.err(&at.key("app"), msg);
            return;
        };
        let expected = match qr.store {
            Some(Store::Play) => app.android.as_ref().and_then(|a| a.play.as_deref()),
            Some(Store::Fdroid) => app.android.as_ref().and_then(|a| a.fdroid.as_deref()),
            Some(Store::AppStore) => app.ios.as_ref().and_then(|i| i.app_store.as_deref()),
            Some(Store::Web) | None => return,
        };
        match expected {
            None => self.err(
                &at.key("store"),
                said(
                    format!("`{id}` n’a pas d’identifiant pour cette boutique dans apps.toml"),
                    format!("`{id}` has no id for this store in apps.toml"),
                ),
            ),
            Some(store_id) if !qr.url.contains(store_id) => self.err(
                &at.key("url"),
                said(
                    format!("cette adresse ne contient pas `{store_id}`, l’identifiant de `{id}` dans cette boutique (apps.toml)"),
                    format!("this URL does not mention `{store_id}`, the store id of `{id}` in apps.toml"),
                ),
            ),
            Some(_) => {}
        }
    }

    fn unknown_app(&self, id: &str) -> Said {
        let ids = self.reference.apps.all().iter().map(|a| a.id.as_str());
        match suggest(id, ids) {
            Some(best) => said(
                format!("application inconnue `{id}` — vouliez-vous dire `{best}` ?"),
                format!("unknown app `{id}` — did you mean `{best}`?"),
            ),
            None => said(
                format!("application inconnue `{id}` (voir apps.toml)"),
                format!("unknown app `{id}` (see apps.toml)"),
            ),
        }
    }

    fn apps(&mut self, at: &TomlPath, apps: &[String], browsers_only: bool) {
        for (i, id) in apps.iter().enumerate() {
            match self.reference.apps.get(id) {
                None => {
                    let msg = self.unknown_app(id);
                    self.err(&at.index(i), msg);
                }
                Some(app) if browsers_only && app.kind != AppKind::Browser => {
                    self.err(
                        &at.index(i),
                        said(format!("`{id}` n’est pas un navigateur"), format!("`{id}` is not a browser")),
                    );
                }
                Some(_) => {}
            }
        }
    }

    fn check(&mut self, at: &TomlPath, check: &Check) {
        let inner = at.key(check.name());
        match check {
            Check::Manual => {}
            Check::AppInstalled { apps } => {
                if apps.is_empty() {
                    self.err(
                        &inner.key("apps"),
                        said(
                            "`apps` est vide : nommez au moins une application de apps.toml",
                            "`apps` is empty: name at least one app from apps.toml",
                        ),
                    );
                }
                self.apps(&inner.key("apps"), apps, false);
            }
            Check::BrowserInstalled { family, apps } | Check::DefaultBrowser { family, apps } => {
                if family.is_none() && apps.is_empty() {
                    let name = check.name();
                    self.err(
                        &inner,
                        said(
                            format!("`{name}` a besoin de `family` ou de `apps`"),
                            format!("`{name}` needs `family` or `apps`"),
                        ),
                    );
                }
                self.apps(&inner.key("apps"), apps, true);
            }
            Check::ExtensionEnabled { ids, weaker, .. } => {
                if ids.is_empty() {
                    self.err(
                        &inner.key("ids"),
                        said(
                            "`ids` est vide : nommez au moins un identifiant d’extension",
                            "`ids` is empty: name at least one extension id",
                        ),
                    );
                }
                for (key, list) in [("ids", ids), ("weaker", weaker)] {
                    if let Some(i) = list.iter().position(|s| s.trim().is_empty()) {
                        self.err(
                            &inner.key(key).index(i),
                            said("identifiant d’extension vide", "empty extension id"),
                        );
                    }
                }
            }
            Check::MailAllAt { kinds } | Check::MailAnyAt { kinds } => {
                if kinds.is_empty() {
                    self.err(
                        &inner.key("kinds"),
                        said(
                            "`kinds` est vide : nommez au moins une sorte de fournisseur",
                            "`kinds` is empty: name at least one provider kind",
                        ),
                    );
                }
                if let Some(i) = kinds.iter().position(|k| *k == ProviderKind::Unknown) {
                    self.err(
                        &inner.key("kinds").index(i),
                        said(
                            "`unknown` n’est pas une sorte de fournisseur que l’on puisse choisir",
                            "`unknown` is not a kind a provider can be chosen for",
                        ),
                    );
                }
            }
            Check::All(list) | Check::Any(list) => {
                if list.is_empty() {
                    let name = check.name();
                    self.err(
                        &inner,
                        said(
                            format!("`{name}` a besoin d’au moins une vérification"),
                            format!("`{name}` needs at least one check"),
                        ),
                    );
                }
                for (i, c) in list.iter().enumerate() {
                    self.check(&inner.index(i), c);
                }
            }
            Check::Bonus(c) => self.check(&inner, c),
        }
    }
}

/// `fr`, `en`, `pt-BR`: two or three lowercase letters, optionally a region.
fn is_lang_code(code: &str) -> bool {
    let (lang, region) = code.split_once('-').unwrap_or((code, ""));
    (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_lowercase())
        && (region.is_empty() || (region.len() <= 4 && region.chars().all(|c| c.is_ascii_alphanumeric())))
}

/// Why a URL is not acceptable in a pack, if it is not: the rule of [`crate::weburl`], and, for a
/// pack's author, a host name with a dot (or `localhost`) and no spaces as written.
fn url_problem(url: &str) -> Option<(&'static str, &'static str)> {
    let parsed = match crate::weburl::web_url(url) {
        Ok(parsed) => parsed,
        Err(problem) => return Some((problem.message_fr(), problem.message())),
    };
    let host = parsed.host_str().unwrap_or_default();
    if !host.contains('.') && !host.starts_with("localhost") && !host.starts_with('[') {
        let problem = crate::weburl::UrlProblem::NoHost;
        return Some((problem.message_fr(), problem.message()));
    }
    if url.chars().any(char::is_whitespace) {
        return Some(("elle contient des espaces", "it contains spaces"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_must_be_web_links() {
        assert_eq!(url_problem("https://f-droid.org/packages/app.comaps.fdroid/"), None);
        assert_eq!(url_problem("http://example.org"), None);
        assert!(url_problem("ftp://example.org").is_some());
        assert!(url_problem("javascript:alert(1)").is_some());
        assert!(url_problem("https://").is_some());
        assert!(url_problem("https://exa mple.org").is_some());
        assert!(url_problem("example.org").is_some());
        assert!(url_problem("https://fdroid/packages").is_some());
        assert!(url_problem("https://user:secret@example.org/").is_some());
        assert!(url_problem("https://user@example.org/").is_some());
        assert!(url_problem(" https://example.org").is_some());
    }

    #[test]
    fn language_codes() {
        for ok in ["fr", "en", "de", "pt-BR", "oc"] {
            assert!(is_lang_code(ok), "{ok}");
        }
        for bad in ["FR", "french", "f", "e n", ""] {
            assert!(!is_lang_code(bad), "{bad}");
        }
    }
}
