//! One person's journey through a pack: the mode, the pack, their answers, the last audit — and the few
//! things they do with them (audit, answer, check again, take the list home, keep a report).
//!
//! The desktop shell holds a [`Session`] and turns each of its methods into a command; the command line
//! can drive the same one. The mode decides persistence and nothing else: at home the answers and the last
//! audit's statuses are saved in the data folder (`progress`), so the next visit can say what changed; at a
//! stand and in a workshop nothing is written, ever — the store lives in memory and "next visitor" forgets
//! it. The engine (detection, evaluation) is the same at home and in a workshop; at a stand the computer is
//! the association's laptop, not the visitor's, so it is not looked at at all: every step is the visitor's
//! to tell, and their answers alone decide (see [`Mode::audits`]).
//!
//! It does not touch the CHATONS directory (it is long-running and async; the front-end holds that store
//! beside the session) and does not choose files to write (reports are returned as text).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::Audit;
use crate::checklist::{
    evaluate, evaluate_by_answers, Answer, Answers, ChecklistError, Date, LeftOutPack, Library, Pack, Status,
    StepResult,
};
use crate::detect::{self, Host};
use crate::error::ErrorCode;
use crate::i18n::Lang;
use crate::journal::{now_ms, Journal};
use crate::progress::{Change, Notice, Progress, ProgressError, ProgressStore};
use crate::qr::QrError;
use crate::report::{self, ReportError, ReportFormat, ReportInput};
use crate::system::OsFamily;
use crate::takeaway::{self, Takeaway};

/// The pack a session starts with when none is named.
pub const DEFAULT_PACK: &str = "premiers-pas";

/// The way the app is used today; it changes presentation and persistence, never the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Mode {
    /// Self-audit at home: progress is saved.
    Home,
    /// A stand at a fair: kiosk, nothing kept.
    Stand,
    /// A workshop: presentation view, chosen pack, handouts; nothing kept.
    Workshop,
}

impl Mode {
    /// Does this mode keep the person's progress on disk? Only at home.
    pub fn persists(self) -> bool {
        self == Mode::Home
    }

    /// Does this mode look at the computer? Not at a stand: the laptop there is the association's, and
    /// what it has says nothing of the visitor. There no file is read and every step waits for the
    /// visitor's own answer.
    pub fn audits(self) -> bool {
        self != Mode::Stand
    }

    /// How `--mode` is written, one entry a mode (no other spellings): its name is what [`Mode::as_str`]
    /// gives. See [`crate::i18n::spelled`].
    pub const SPELLINGS: &'static [(&'static str, &'static [&'static str], Mode)] =
        &[("home", &[], Mode::Home), ("stand", &[], Mode::Stand), ("workshop", &[], Mode::Workshop)];

    /// `home`, `stand` or `workshop`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Home => "home",
            Mode::Stand => "stand",
            Mode::Workshop => "workshop",
        }
    }
}

impl std::str::FromStr for Mode {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::i18n::spelled(s, Self::SPELLINGS)
            .ok_or_else(|| format!("unknown mode `{}` (expected home, stand or workshop)", s.trim()))
    }
}

/// Which computer an audit looks at: this one, or a home laid out as files (`--home DIR --os OS`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditTarget {
    /// A folder to audit as a home; `None` for the live machine.
    pub home: Option<PathBuf>,
    /// The OS of that home (default: this computer's).
    pub os: Option<OsFamily>,
}

impl AuditTarget {
    /// The live machine.
    pub fn live() -> AuditTarget {
        AuditTarget::default()
    }

    /// A home laid out as files.
    pub fn home(dir: impl Into<PathBuf>, os: Option<OsFamily>) -> AuditTarget {
        AuditTarget { home: Some(dir.into()), os }
    }

    /// The OS whose instructions apply.
    pub fn os(&self) -> OsFamily {
        match (&self.home, self.os) {
            (Some(_), Some(os)) => os,
            _ => OsFamily::current(),
        }
    }

    /// The host the detectors read. A home folder must exist; paths in the audit are made absolute.
    pub fn host(&self) -> Result<Host, SessionError> {
        match &self.home {
            None => Ok(Host::live()),
            Some(dir) => {
                let unreadable = |source| SessionError::Home { path: dir.display().to_string(), source };
                let home = std::fs::canonicalize(dir).map_err(unreadable)?;
                if !home.is_dir() {
                    return Err(unreadable(std::io::Error::other("not a folder")));
                }
                Ok(Host::for_home(home, self.os()))
            }
        }
    }
}

/// A pack as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PackSummary {
    pub id: String,
    pub title: String,
    pub description: String,
    pub steps: u32,
    pub reviewed: Date,
    /// A pack the volunteer added (which they may remove), not one shipped with the app.
    pub own: bool,
}

/// The packs to choose from, and the volunteer's own pack files that were left out (damaged, or not valid
/// for this version).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PackList {
    pub packs: Vec<PackSummary>,
    pub left_out: Vec<LeftOutPack>,
}

/// Every pack of a library, in its order, in `lang` (and its typography).
pub fn pack_summaries(library: &Library, lang: Lang) -> Vec<PackSummary> {
    library
        .packs
        .iter()
        .map(|p| PackSummary {
            id: p.id.clone(),
            title: p.title.render(lang).into_owned(),
            description: p.description.render(lang).into_owned(),
            steps: p.steps.len() as u32,
            reviewed: p.reviewed,
            own: library.is_own(&p.id),
        })
        .collect()
}

/// A directory category as a chip shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CategoryLabel {
    pub id: String,
    pub label: String,
}

/// The directory categories, in file order, in `lang` (and its typography).
pub fn category_labels(library: &Library, lang: Lang) -> Vec<CategoryLabel> {
    library
        .reference
        .categories
        .all()
        .iter()
        .map(|c| CategoryLabel { id: c.id.clone(), label: c.label.render(lang).into_owned() })
        .collect()
}

/// What starting a session tells the front-end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SessionView {
    pub mode: Mode,
    pub pack_id: String,
    /// Saved progress exists for this pack (home only): offer to continue.
    pub resume: bool,
    /// The saved progress had to be recovered; say so.
    pub notice: Option<Notice>,
    /// Answers are saved on disk (home); otherwise kept in memory until the next visitor.
    pub persistent: bool,
}

/// The result of an audit, judged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditView {
    /// What the audit found; `None` at a stand, where the computer is not looked at.
    pub audit: Option<Audit>,
    pub steps: Vec<StepResult>,
    /// Steps whose status moved since the previous audit of this pack (none on a first visit).
    pub changes: Vec<Change>,
    /// The step to suggest first: the first one not done, in pack order.
    pub first_todo: Option<String>,
    /// How long detection and evaluation took.
    #[ts(type = "number")]
    pub duration_ms: u64,
    /// At home, when the audit could not be saved: say so (the results are still right).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub notice: Option<Notice>,
}

/// What can go wrong in a session.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SessionError {
    #[error(transparent)]
    Checklist(#[from] ChecklistError),
    #[error(transparent)]
    Progress(#[from] ProgressError),
    #[error(transparent)]
    Report(#[from] ReportError),
    #[error(transparent)]
    Qr(#[from] QrError),
    /// The home folder given to audit cannot be opened.
    #[error("cannot audit {path} as a home folder")]
    Home {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The pack has no step with this id.
    #[error("the pack `{pack}` has no step `{step}`")]
    UnknownStep { pack: String, step: String },
    /// Something needs an audit and none ran yet.
    #[error("no audit has run yet in this session")]
    NoAudit,
    /// "Next visitor" forgets everything: refused where progress is saved.
    #[error("forgetting everything is only for a stand or a workshop, not at home")]
    NotEphemeral,
}

impl ErrorCode for SessionError {
    fn code(&self) -> &'static str {
        match self {
            SessionError::Checklist(e) => e.code(),
            SessionError::Progress(e) => e.code(),
            SessionError::Report(e) => e.code(),
            SessionError::Qr(e) => e.code(),
            SessionError::Home { .. } => "session.home_unreadable",
            SessionError::UnknownStep { .. } => "session.unknown_step",
            SessionError::NoAudit => "session.no_audit",
            SessionError::NotEphemeral => "session.not_ephemeral",
        }
    }

    fn detail(&self) -> Option<String> {
        match self {
            SessionError::Checklist(e) => e.detail(),
            SessionError::Progress(e) => e.detail(),
            SessionError::Report(e) => e.detail(),
            SessionError::Qr(e) => e.detail(),
            other => std::error::Error::source(other).map(ToString::to_string),
        }
    }
}

/// The step to suggest first: the first one not done, in pack order.
fn first_todo(steps: &[StepResult]) -> Option<String> {
    steps.iter().find(|s| s.status != Status::Done).map(|s| s.id.clone())
}

/// One person's journey: see the module documentation.
#[derive(Debug)]
pub struct Session {
    mode: Mode,
    library: Arc<Library>,
    pack_id: String,
    target: AuditTarget,
    store: ProgressStore,
    progress: Progress,
    last_audit: Option<Audit>,
    /// The home that audit looked at (the report writes its paths from `~`).
    last_home: Option<PathBuf>,
    journal: Journal,
}

impl Session {
    /// Starts a session: at home, loads the saved progress of `data_dir` (recovering a damaged file);
    /// elsewhere, starts empty and in memory only (the data folder is not even read).
    pub fn start(
        mode: Mode,
        pack_id: &str,
        library: Arc<Library>,
        target: AuditTarget,
        data_dir: &Path,
        journal: Journal,
    ) -> Result<(Session, SessionView), SessionError> {
        library.pack(pack_id)?;
        let (store, progress, notice) = if mode.persists() {
            let store = ProgressStore::open_exclusive(data_dir)?;
            let loaded = store.load()?;
            if let Some(path) = store.path().filter(|p| p.exists()) {
                let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                journal.file_read("premiers-pas", &path, bytes, None);
            }
            (store, loaded.progress, loaded.notice)
        } else {
            (ProgressStore::ephemeral(), Progress::default(), None)
        };
        let resume =
            progress.packs.get(pack_id).is_some_and(|p| !p.answers.0.is_empty() || p.last_summary.is_some());
        let session = Session {
            mode,
            library,
            pack_id: pack_id.to_owned(),
            target,
            store,
            progress,
            last_audit: None,
            last_home: None,
            journal,
        };
        let view =
            SessionView { mode, pack_id: pack_id.to_owned(), resume, notice, persistent: mode.persists() };
        Ok((session, view))
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The session's pack.
    pub fn pack(&self) -> Result<&Pack, SessionError> {
        Ok(self.library.pack(&self.pack_id)?)
    }

    /// The last audit, if one ran.
    pub fn audit(&self) -> Option<&Audit> {
        self.last_audit.as_ref()
    }

    /// The person's answers for the session's pack.
    pub fn answers(&self) -> Answers {
        self.progress.answers(&self.pack_id)
    }

    /// Audits the target, judges the pack with the person's answers, and records the statuses (saved at
    /// home) to tell what changed since the previous audit. A failed save is a notice in the view, not an
    /// error. At a stand nothing is read: the pack is judged by the visitor's answers alone.
    pub fn run_audit(&mut self, lang: Lang) -> Result<AuditView, SessionError> {
        let start = Instant::now();
        if !self.mode.audits() {
            let steps = self.results(lang)?;
            let first_todo = first_todo(&steps);
            let duration_ms = start.elapsed().as_millis() as u64;
            return Ok(AuditView {
                audit: None,
                steps,
                changes: Vec::new(),
                first_todo,
                duration_ms,
                notice: None,
            });
        }
        let host = self.target.host()?;
        let audit = detect::audit(&host, &self.library.reference, &self.journal);
        let steps = evaluate(self.pack()?, &audit, &self.library.reference, &self.answers(), lang);
        let mut progress = self.progress.clone();
        let changes = progress.record_summary(&self.pack_id, &steps, now_ms());
        // A save that fails must not hide the results: they are shown with a notice (unlike an answer,
        // which the person must know was not kept: see `set_answer`).
        let notice = self.store.save(&progress).err().map(|e| Notice::not_saved(&e));
        self.progress = progress;
        self.last_audit = Some(audit.clone());
        self.last_home = Some(host.home);
        let first_todo = first_todo(&steps);
        let duration_ms = start.elapsed().as_millis() as u64;
        Ok(AuditView { audit: Some(audit), steps, changes, first_todo, duration_ms, notice })
    }

    /// The pack judged against the last audit, with the current answers (at a stand: by the answers
    /// alone, with or without an audit).
    pub fn results(&self, lang: Lang) -> Result<Vec<StepResult>, SessionError> {
        if !self.mode.audits() {
            return Ok(evaluate_by_answers(self.pack()?, &self.answers(), lang));
        }
        let audit = self.last_audit.as_ref().ok_or(SessionError::NoAudit)?;
        Ok(evaluate(self.pack()?, audit, &self.library.reference, &self.answers(), lang))
    }

    /// Records (or with `None` forgets) the person's answer for a step, saves it (at home), and judges
    /// the pack again.
    pub fn set_answer(
        &mut self,
        step: &str,
        answer: Option<Answer>,
        lang: Lang,
    ) -> Result<Vec<StepResult>, SessionError> {
        if self.mode.audits() && self.last_audit.is_none() {
            return Err(SessionError::NoAudit);
        }
        if self.pack()?.step(step).is_none() {
            return Err(SessionError::UnknownStep { pack: self.pack_id.clone(), step: step.to_owned() });
        }
        let mut progress = self.progress.clone();
        progress.set_answer(&self.pack_id, step, answer);
        self.store.save(&progress)?;
        self.progress = progress;
        self.results(lang)
    }

    /// Forgets the visitor: answers, audit and the journal of what was read. Refused at home, where
    /// progress is the person's own.
    pub fn next_visitor(&mut self) -> Result<(), SessionError> {
        if self.store.is_persistent() {
            return Err(SessionError::NotEphemeral);
        }
        self.store = ProgressStore::ephemeral();
        self.progress = Progress::default();
        self.last_audit = None;
        self.last_home = None;
        self.journal.clear();
        Ok(())
    }

    /// The report of the last audit, in `format`.
    pub fn report(&self, format: ReportFormat, lang: Lang) -> Result<String, SessionError> {
        let steps = self.results(lang)?;
        let input = ReportInput {
            pack: self.pack()?,
            steps: &steps,
            audit: self.last_audit.as_ref(),
            os: self.target.os(),
            generated_at_ms: now_ms(),
            home: self.last_home.as_deref(),
        };
        Ok(report::render(&input, format, lang)?)
    }

    /// The take-home list of what is left, with its QR code.
    pub fn takeaway(&self, lang: Lang) -> Result<Takeaway, SessionError> {
        let steps = self.results(lang)?;
        Ok(takeaway::takeaway(self.pack()?, &steps, lang)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> Arc<Library> {
        Arc::new(Library::builtin().unwrap())
    }

    fn empty_home() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    #[test]
    fn home_saves_answers_and_reports_changes() {
        let (home, data) = (empty_home(), tempfile::tempdir().unwrap());
        let target = AuditTarget::home(home.path(), Some(OsFamily::Linux));
        let (mut s, view) =
            Session::start(Mode::Home, DEFAULT_PACK, library(), target.clone(), data.path(), Journal::new())
                .unwrap();
        assert!(!view.resume && view.persistent);
        assert_eq!(
            s.set_answer("private-maps", Some(Answer::Done), Lang::Fr).unwrap_err().code(),
            "session.no_audit"
        );
        let first = s.run_audit(Lang::Fr).unwrap();
        assert!(first.changes.is_empty());
        assert_eq!(first.first_todo.as_deref(), Some("private-maps"));
        let steps = s.set_answer("private-maps", Some(Answer::Done), Lang::Fr).unwrap();
        assert_eq!(steps[0].status, Status::Done);
        assert_eq!(s.next_visitor().unwrap_err().code(), "session.not_ephemeral");
        // While it runs, the progress is this session's alone.
        let busy =
            Session::start(Mode::Home, DEFAULT_PACK, library(), target.clone(), data.path(), Journal::new());
        assert_eq!(busy.unwrap_err().code(), "progress.in_use");
        drop(s);

        let (mut again, view) =
            Session::start(Mode::Home, DEFAULT_PACK, library(), target, data.path(), Journal::new()).unwrap();
        assert!(view.resume);
        assert_eq!(again.answers().get("private-maps"), Some(Answer::Done));
        let second = again.run_audit(Lang::Fr).unwrap();
        assert_eq!(second.changes.len(), 1, "{:?}", second.changes);
        assert_eq!(second.changes[0].step, "private-maps");
        assert_eq!(second.changes[0].before, Some(Status::Manual));
        assert_eq!(second.first_todo.as_deref(), Some("firefox"));
    }

    #[test]
    fn stand_never_touches_the_data_folder_and_forgets() {
        let (home, data) = (empty_home(), tempfile::tempdir().unwrap());
        let journal = Journal::new();
        let target = AuditTarget::home(home.path(), Some(OsFamily::Linux));
        let (mut s, view) =
            Session::start(Mode::Stand, DEFAULT_PACK, library(), target, data.path(), journal.clone())
                .unwrap();
        assert!(!view.persistent);
        s.run_audit(Lang::En).unwrap();
        s.set_answer("private-maps", Some(Answer::Done), Lang::En).unwrap();
        assert!(s.takeaway(Lang::En).unwrap().steps < 6);
        assert!(s.report(ReportFormat::Html, Lang::En).unwrap().contains("<html"));
        assert_eq!(std::fs::read_dir(data.path()).unwrap().count(), 0);
        s.next_visitor().unwrap();
        assert!(s.answers().0.is_empty() && s.audit().is_none());
        assert!(journal.entries().is_empty());
        let pack_len = s.pack().unwrap().steps.len() as u32;
        assert_eq!(s.takeaway(Lang::En).unwrap().steps, pack_len, "the next visitor starts from nothing");
    }

    /// A home where Firefox and uBlock Origin are installed and working.
    fn firefox_home() -> AuditTarget {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/homes/debian-firefox-ubo");
        AuditTarget::home(dir, Some(OsFamily::Linux))
    }

    fn status_of(steps: &[StepResult], id: &str) -> Status {
        steps.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("no step {id}")).status
    }

    #[test]
    fn the_report_in_every_format_after_an_audit() {
        let data = tempfile::tempdir().unwrap();
        let (mut s, _) =
            Session::start(Mode::Home, DEFAULT_PACK, library(), firefox_home(), data.path(), Journal::new())
                .unwrap();
        assert!(matches!(s.report(ReportFormat::Html, Lang::Fr), Err(SessionError::NoAudit)));
        s.run_audit(Lang::Fr).unwrap();

        let html = s.report(ReportFormat::Html, Lang::Fr).unwrap();
        assert!(html.starts_with("<!doctype html>") && html.contains("lang=\"fr\""));
        assert!(html.contains("Un navigateur qui travaille pour vous") && html.contains("Fait"));
        assert!(!html.contains("<script"));
        let md = s.report(ReportFormat::Markdown, Lang::En).unwrap();
        assert!(md.starts_with("# First steps"), "{md}");
        let doc: serde_json::Value =
            serde_json::from_str(&s.report(ReportFormat::Json, Lang::En).unwrap()).unwrap();
        assert_eq!(doc["schema"], "premiers-pas/report/1");
        assert_eq!(doc["counts"]["done"], 3);
        assert_eq!(doc["audit"]["schema"], "premiers-pas/audit/1");
    }

    #[test]
    fn a_stand_reads_nothing_and_every_step_is_the_visitors_call() {
        let data = tempfile::tempdir().unwrap();
        // Elsewhere, this laptop's Firefox and uBlock Origin count.
        let (mut workshop, _) = Session::start(
            Mode::Workshop,
            DEFAULT_PACK,
            library(),
            firefox_home(),
            data.path(),
            Journal::new(),
        )
        .unwrap();
        let audited = workshop.run_audit(Lang::Fr).unwrap();
        assert!(audited.audit.is_some());
        assert_eq!(status_of(&audited.steps, "firefox"), Status::Done);
        assert_eq!(status_of(&audited.steps, "ublock-origin"), Status::Done);

        // At a stand, they say nothing of the visitor.
        let journal = Journal::new();
        let (mut s, _) = Session::start(
            Mode::Stand,
            DEFAULT_PACK,
            library(),
            firefox_home(),
            data.path(),
            journal.clone(),
        )
        .unwrap();
        let view = s.run_audit(Lang::Fr).unwrap();
        assert!(view.audit.is_none() && s.audit().is_none(), "no audit at a stand");
        assert!(journal.entries().is_empty(), "no file read: {:?}", journal.entries());
        assert!(view.changes.is_empty());
        assert_eq!(view.first_todo.as_deref(), Some("private-maps"));
        for step in &view.steps {
            assert_eq!(step.status, Status::Manual, "{}", step.id);
            assert_eq!(step.reasons, ["Dites-nous si c’est déjà fait chez vous."], "{}", step.id);
            assert!(step.evidence.is_empty(), "{}", step.id);
        }
        let en = s.results(Lang::En).unwrap();
        assert!(en.iter().all(|r| r.reasons == ["Tell us if you already do this at home."]), "{en:?}");

        // Any step can be answered, even one the engine could check elsewhere.
        let steps = s.set_answer("firefox", Some(Answer::Done), Lang::En).unwrap();
        assert_eq!(status_of(&steps, "firefox"), Status::Done);
        assert_eq!(steps.iter().find(|r| r.id == "firefox").unwrap().reasons, ["You told us this is done."]);
        let steps = s.set_answer("ublock-origin", Some(Answer::NotYet), Lang::En).unwrap();
        assert_eq!(status_of(&steps, "ublock-origin"), Status::Todo);
        assert_eq!(status_of(&steps, "private-maps"), Status::Manual);
        assert!(journal.entries().is_empty(), "still no file read");
        assert_eq!(std::fs::read_dir(data.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_stand_takeaway_lists_every_step_the_visitor_has_not_done() {
        let data = tempfile::tempdir().unwrap();
        let (mut s, _) =
            Session::start(Mode::Stand, DEFAULT_PACK, library(), firefox_home(), data.path(), Journal::new())
                .unwrap();
        let pack = s.pack().unwrap().clone();
        let title = |id: &str| pack.step(id).unwrap().title.get(Lang::Fr).to_owned();
        s.run_audit(Lang::Fr).unwrap();
        let all = s.takeaway(Lang::Fr).unwrap();
        assert_eq!(all.steps, pack.steps.len() as u32);
        for step in &pack.steps {
            assert!(all.text.contains(step.title.get(Lang::Fr)), "{} missing from\n{}", step.id, all.text);
        }
        // Installed on the laptop, but the visitor's to do: in the list.
        assert!(all.text.contains(&title("firefox")) && all.text.contains(&title("ublock-origin")));

        s.set_answer("firefox", Some(Answer::Done), Lang::Fr).unwrap();
        s.set_answer("ublock-origin", Some(Answer::Done), Lang::Fr).unwrap();
        s.set_answer("private-maps", Some(Answer::NotYet), Lang::Fr).unwrap();
        let left = s.takeaway(Lang::Fr).unwrap();
        assert_eq!(left.steps, pack.steps.len() as u32 - 2);
        assert!(!left.text.contains(&title("firefox")), "{}", left.text);
        assert!(!left.text.contains(&title("ublock-origin")), "{}", left.text);
        assert!(left.text.contains(&title("private-maps")), "not yet is still to do: {}", left.text);

        s.next_visitor().unwrap();
        assert_eq!(s.takeaway(Lang::Fr).unwrap().steps, pack.steps.len() as u32, "answers forgotten");
    }

    #[test]
    fn bad_input_is_a_clear_error() {
        let data = tempfile::tempdir().unwrap();
        let start = |pack: &str, target: AuditTarget| {
            Session::start(Mode::Workshop, pack, library(), target, data.path(), Journal::new())
        };
        assert_eq!(start("nope", AuditTarget::live()).unwrap_err().code(), "checklist.unknown_pack");
        let (mut s, _) = start(DEFAULT_PACK, AuditTarget::home(data.path().join("missing"), None)).unwrap();
        assert_eq!(s.run_audit(Lang::Fr).unwrap_err().code(), "session.home_unreadable");
        let (mut s, _) =
            start(DEFAULT_PACK, AuditTarget::home(data.path(), Some(OsFamily::Windows))).unwrap();
        s.run_audit(Lang::Fr).unwrap();
        assert_eq!(s.set_answer("nope", None, Lang::Fr).unwrap_err().code(), "session.unknown_step");
    }

    #[test]
    fn a_failed_save_shows_the_audit_with_a_notice_but_refuses_an_answer() {
        let (home, data) = (empty_home(), tempfile::tempdir().unwrap());
        let target = AuditTarget::home(home.path(), Some(OsFamily::Linux));
        let (mut s, _) =
            Session::start(Mode::Home, DEFAULT_PACK, library(), target, data.path(), Journal::new()).unwrap();
        // A folder where the progress file goes: every save fails, also for root.
        std::fs::create_dir(data.path().join(crate::progress::PROGRESS_FILE)).unwrap();
        let view = s.run_audit(Lang::En).unwrap();
        assert!(!view.steps.is_empty());
        assert!(
            matches!(&view.notice, Some(Notice::NotSaved { reason }) if reason.contains("progress.json"))
        );
        let err = s.set_answer("private-maps", Some(Answer::Done), Lang::En).unwrap_err();
        assert_eq!(err.code(), "progress.io");
        assert_eq!(s.answers().get("private-maps"), None, "an answer that was not kept is not shown as kept");
        // Once saving works again, the audit has no notice.
        std::fs::remove_dir(data.path().join(crate::progress::PROGRESS_FILE)).unwrap();
        assert_eq!(s.run_audit(Lang::En).unwrap().notice, None);
    }

    #[test]
    fn modes_parse_and_only_home_persists() {
        for m in [Mode::Home, Mode::Stand, Mode::Workshop] {
            assert_eq!(m.as_str().parse::<Mode>().unwrap(), m);
            assert_eq!(format!(" {} ", m.as_str().to_uppercase()).parse::<Mode>().unwrap(), m);
            assert_eq!(m.persists(), m == Mode::Home);
        }
        let names: Vec<&str> = Mode::SPELLINGS
            .iter()
            .map(|(name, _, m)| {
                assert_eq!(*name, m.as_str());
                *name
            })
            .collect();
        assert_eq!(names, ["home", "stand", "workshop"]);
        assert!("party".parse::<Mode>().is_err());
    }
}
