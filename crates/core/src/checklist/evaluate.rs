//! Judging a pack against an audit: each step gets a status, the reasons for it in plain words, and the
//! evidence behind them (the files that said so).
//!
//! The engine's own sentences are short statements of fact ("uBlock Origin is active in Firefox"); any
//! advice belongs to the pack (its `how`, its `notes`). Nothing here reads the machine or saves anything.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::check::{Check, Scope};
use super::pack::{Pack, Step};
use crate::audit::{Audit, Browser, BrowserFamily, BrowserProfile, Extension, MailAccount, Problem};
use crate::i18n::{Lang, Text};
use crate::reference::{ProviderKind, Reference};

/// Where a step stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Status {
    Done,
    Todo,
    Partial,
    /// Only the person can tell.
    Manual,
    /// We could not check.
    Unknown,
}

impl Status {
    /// The word shown with the icon, never colour alone.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Done, Lang::Fr) => "Fait",
            (Status::Done, Lang::En) => "Done",
            (Status::Todo, Lang::Fr) => "À faire",
            (Status::Todo, Lang::En) => "To do",
            (Status::Partial, Lang::Fr) => "En partie",
            (Status::Partial, Lang::En) => "Partly",
            (Status::Manual, Lang::Fr) => "À vous de le dire",
            (Status::Manual, Lang::En) => "Your call",
            (Status::Unknown, Lang::Fr) => "Pas pu vérifier",
            (Status::Unknown, Lang::En) => "Couldn’t check",
        }
    }
}

/// The person's own answer for a step that only they can check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Answer {
    /// "C'est fait."
    Done,
    /// "Pas encore."
    NotYet,
}

/// The person's answers for one pack, by step id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Answers(pub BTreeMap<String, Answer>);

impl Answers {
    /// No answers.
    pub fn none() -> Answers {
        Answers::default()
    }

    /// The answer for a step.
    pub fn get(&self, step: &str) -> Option<Answer> {
        self.0.get(step).copied()
    }
}

/// A step's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StepResult {
    /// The step id.
    pub id: String,
    pub status: Status,
    /// What we found, in plain words, in the requested language (the step's notes included).
    pub reasons: Vec<String>,
    /// The files or facts behind the reasons (paths, registry keys, commands).
    pub evidence: Vec<String>,
    /// The person's answer, when they gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub answer: Option<Answer>,
}

/// Judges every step of `pack`, in order.
pub fn evaluate(
    pack: &Pack,
    audit: &Audit,
    reference: &Reference,
    answers: &Answers,
    lang: Lang,
) -> Vec<StepResult> {
    pack.steps.iter().map(|step| evaluate_step(step, audit, reference, answers, lang)).collect()
}

/// Judges one step. Its reasons are set in the typography of their language ([`Text::render`]).
pub fn evaluate_step(
    step: &Step,
    audit: &Audit,
    reference: &Reference,
    answers: &Answers,
    lang: Lang,
) -> StepResult {
    let answer = answers.get(&step.id);
    let ctx = Ctx { audit, reference, answer };
    let mut outcome = ctx.all(&step.checks);
    for note in &step.notes {
        if ctx.eval(&note.when).status == Some(Status::Done) {
            outcome.reasons.push(note.text.clone());
        }
    }
    let mut evidence = Vec::new();
    for e in outcome.evidence {
        if !evidence.contains(&e) {
            evidence.push(e);
        }
    }
    StepResult {
        id: step.id.clone(),
        status: outcome.status.unwrap_or(Status::Manual),
        reasons: outcome.reasons.iter().map(|t| t.render(lang).into_owned()).collect(),
        evidence,
        answer,
    }
}

/// Judges every step of `pack` by the person's word alone, reading no audit: at a stand the computer is
/// the association's, not the visitor's, so nothing on it can say what the visitor does at home. A step is
/// done when they say so, to do when they say "not yet", and theirs to tell until then.
pub fn evaluate_by_answers(pack: &Pack, answers: &Answers, lang: Lang) -> Vec<StepResult> {
    pack.steps
        .iter()
        .map(|step| {
            let answer = answers.get(&step.id);
            let outcome = answered(answer).unwrap_or_else(|| {
                Outcome::new(
                    Status::Manual,
                    t("Dites-nous si c’est déjà fait chez vous.", "Tell us if you already do this at home."),
                )
            });
            StepResult {
                id: step.id.clone(),
                status: outcome.status.unwrap_or(Status::Manual),
                reasons: outcome.reasons.iter().map(|t| t.get(lang).to_owned()).collect(),
                evidence: Vec::new(),
                answer,
            }
        })
        .collect()
}

/// What the person's answer says, when they gave one.
fn answered(answer: Option<Answer>) -> Option<Outcome> {
    match answer? {
        Answer::Done => Some(Outcome::new(
            Status::Done,
            t("Vous nous avez dit que c’est fait.", "You told us this is done."),
        )),
        Answer::NotYet => Some(Outcome::new(
            Status::Todo,
            t("Vous nous avez dit que ce n’est pas encore fait.", "You told us this is not done yet."),
        )),
    }
}

/// What one rule found. `status: None` is a bonus: it speaks but does not vote.
#[derive(Debug, Default)]
struct Outcome {
    status: Option<Status>,
    reasons: Vec<Text>,
    evidence: Vec<String>,
}

impl Outcome {
    fn new(status: Status, reason: Text) -> Outcome {
        Outcome { status: Some(status), reasons: vec![reason], evidence: Vec::new() }
    }

    fn with_evidence(mut self, evidence: impl IntoIterator<Item = String>) -> Outcome {
        self.evidence.extend(evidence);
        self
    }
}

fn t(fr: impl Into<String>, en: impl Into<String>) -> Text {
    Text::new(fr, en)
}

struct Ctx<'a> {
    audit: &'a Audit,
    reference: &'a Reference,
    answer: Option<Answer>,
}

impl Ctx<'_> {
    fn eval(&self, check: &Check) -> Outcome {
        match check {
            Check::Manual => self.manual(),
            Check::AppInstalled { apps } => self.app_installed(apps),
            Check::BrowserInstalled { family, apps } => self.browser_installed(*family, apps),
            Check::DefaultBrowser { family, apps } => self.default_browser(*family, apps),
            Check::ExtensionEnabled { ids, weaker, scope, family } => {
                self.extension_enabled(ids, weaker, *scope, *family)
            }
            Check::MailAllAt { kinds } => self.mail_all_at(kinds),
            Check::MailAnyAt { kinds } => self.mail_any_at(kinds),
            Check::All(list) => self.all(list),
            Check::Any(list) => self.any(list),
            Check::Bonus(inner) => {
                let found = self.eval(inner);
                if found.status == Some(Status::Done) {
                    Outcome { status: None, ..found }
                } else {
                    Outcome::default()
                }
            }
        }
    }

    fn manual(&self) -> Outcome {
        answered(self.answer).unwrap_or_else(|| {
            Outcome::new(
                Status::Manual,
                t(
                    "Cela ne se voit pas depuis cet ordinateur : dites-nous où vous en êtes.",
                    "This is not something this computer can see: tell us where you stand.",
                ),
            )
        })
    }

    /// Every rule holds. Neutral (bonus) outcomes only add their reasons.
    fn all(&self, list: &[Check]) -> Outcome {
        let outcomes: Vec<Outcome> = list.iter().map(|c| self.eval(c)).collect();
        let statuses: Vec<Status> = outcomes.iter().filter_map(|o| o.status).collect();
        let has = |s: Status| statuses.contains(&s);
        let status = if statuses.is_empty() {
            None
        } else if has(Status::Todo) && (has(Status::Done) || has(Status::Partial)) {
            Some(Status::Partial)
        } else if has(Status::Todo) {
            Some(Status::Todo)
        } else if has(Status::Partial) {
            Some(Status::Partial)
        } else if has(Status::Unknown) {
            Some(Status::Unknown)
        } else if has(Status::Manual) {
            Some(Status::Manual)
        } else {
            Some(Status::Done)
        };
        merge(status, outcomes)
    }

    /// One rule is enough: the best status wins and speaks (with the bonuses).
    fn any(&self, list: &[Check]) -> Outcome {
        let outcomes: Vec<Outcome> = list.iter().map(|c| self.eval(c)).collect();
        let rank = |s: Status| match s {
            Status::Done => 0,
            Status::Partial => 1,
            Status::Manual => 2,
            Status::Unknown => 3,
            Status::Todo => 4,
        };
        let best = outcomes.iter().filter_map(|o| o.status).min_by_key(|s| rank(*s));
        let keep: Vec<Outcome> = match best {
            Some(Status::Done) | Some(Status::Partial) => {
                outcomes.into_iter().filter(|o| o.status.is_none() || o.status == best).collect()
            }
            _ => outcomes,
        };
        merge(best, keep)
    }

    fn problems_for(&self, apps: &[&str]) -> Outcome {
        self.problems_where(|p| p.app.as_deref().is_some_and(|a| apps.contains(&a)))
    }

    fn problems_where(&self, keep: impl Fn(&Problem) -> bool) -> Outcome {
        let problems: Vec<_> = self.audit.problems.iter().filter(|p| keep(p)).collect();
        let mut out = Outcome::default();
        for p in problems {
            let name = p.app.as_deref().map(|a| self.app_name(a)).unwrap_or_default();
            out.reasons.push(match p.code.as_str() {
                "detect.too_many_entries" if p.app.as_deref() == Some("system") => t(
                    "Un dossier d’applications du système contient trop d’éléments pour être lu en entier.",
                    "A folder of the system's applications holds too many entries to be read whole.",
                ),
                "detect.too_many_entries" => t(
                    format!("Un dossier de {name} contient trop d’éléments pour être lu en entier."),
                    format!("A folder of {name} holds too many entries to be read whole."),
                ),
                // Said in words; the file is the evidence, and the code stays in the audit's problems.
                _ => t(
                    format!("Nous n’avons pas pu lire un fichier de {name} : {}.", p.why(Lang::Fr)),
                    format!("We could not read a file of {name}: {}.", p.why(Lang::En)),
                ),
            });
            out.evidence.push(p.path.clone());
        }
        out
    }

    fn app_name(&self, id: &str) -> String {
        self.reference
            .apps
            .get(id)
            .map(|a| a.name.clone())
            .or_else(|| self.audit.browsers.iter().find(|b| b.id == id).map(|b| b.name.clone()))
            .unwrap_or_else(|| id.to_owned())
    }

    fn names(&self, ids: &[&str]) -> (String, String) {
        let names: Vec<String> = ids.iter().map(|id| self.app_name(id)).collect();
        (join(&names, "ou"), join(&names, "or"))
    }

    fn app_installed(&self, apps: &[String]) -> Outcome {
        let mut found = Vec::new();
        let mut evidence = Vec::new();
        for a in self.audit.apps.iter().filter(|a| apps.contains(&a.id)) {
            if !found.contains(&a.name) {
                found.push(a.name.clone());
            }
            evidence.push(a.evidence.clone());
        }
        for b in self.audit.browsers.iter().filter(|b| apps.contains(&b.id)) {
            if !found.contains(&b.name) {
                found.push(b.name.clone());
            }
            evidence.push(b.root.clone());
        }
        if !found.is_empty() {
            return installed(&found).with_evidence(evidence);
        }
        let ids: Vec<&str> = apps.iter().map(String::as_str).collect();
        let (fr, en) = self.names(&ids);
        self.todo_unless_unreadable(
            &ids,
            t(
                format!("Nous n’avons trouvé {fr} sur cet ordinateur.", fr = negative_fr(&fr)),
                format!("We found no {en} on this computer."),
            ),
        )
    }

    /// "Not found" (`todo`), unless a file of those applications could not be read, or the system's
    /// folders of applications were listed only in part: then the application may be there after all.
    fn todo_unless_unreadable(&self, ids: &[&str], todo: Text) -> Outcome {
        let problems = self.problems_where(|p| {
            p.app.as_deref().is_some_and(|a| ids.contains(&a))
                || p.app.as_deref() == Some("system") && p.code == "detect.too_many_entries"
        });
        if problems.reasons.is_empty() {
            Outcome::new(Status::Todo, todo)
        } else {
            Outcome { status: Some(Status::Unknown), ..problems }
        }
    }

    fn browser_matches(&self, id: &str, family: Option<BrowserFamily>, apps: &[String]) -> bool {
        let app_family = self.reference.apps.get(id).and_then(|a| a.family);
        let family_ok = family.is_none_or(|f| app_family == Some(f));
        family_ok && (apps.is_empty() || apps.iter().any(|a| a == id))
    }

    fn family_words(family: Option<BrowserFamily>, apps_fr: &str, apps_en: &str) -> (String, String) {
        match family {
            Some(BrowserFamily::Gecko) => {
                ("navigateur de la famille de Firefox".into(), "browser of the Firefox family".into())
            }
            Some(BrowserFamily::Chromium) => {
                ("navigateur de la famille de Chrome".into(), "browser of the Chrome family".into())
            }
            None => (apps_fr.to_owned(), apps_en.to_owned()),
        }
    }

    fn browser_installed(&self, family: Option<BrowserFamily>, apps: &[String]) -> Outcome {
        let mut found: Vec<String> = Vec::new();
        let mut evidence = Vec::new();
        for b in self.audit.browsers.iter().filter(|b| self.browser_matches(&b.id, family, apps)) {
            if !found.contains(&b.name) {
                found.push(b.name.clone());
            }
            evidence.push(b.root.clone());
        }
        for a in self.audit.apps.iter().filter(|a| self.browser_matches(&a.id, family, apps)) {
            if self.reference.apps.get(&a.id).is_some_and(|r| r.is_browser()) {
                if !found.contains(&a.name) {
                    found.push(a.name.clone());
                }
                evidence.push(a.evidence.clone());
            }
        }
        if !found.is_empty() {
            return installed(&found).with_evidence(evidence);
        }
        let candidates: Vec<&str> = self
            .reference
            .apps
            .browsers()
            .filter(|a| self.browser_matches(&a.id, family, apps))
            .map(|a| a.id.as_str())
            .collect();
        let (names_fr, names_en) = self.names(if apps.is_empty() { &[] } else { &candidates });
        let (fr, en) = Self::family_words(family, &names_fr, &names_en);
        self.todo_unless_unreadable(
            &candidates,
            t(
                format!("Nous n’avons trouvé aucun {fr} sur cet ordinateur."),
                format!("We found no {en} on this computer."),
            ),
        )
    }

    fn default_browser(&self, family: Option<BrowserFamily>, apps: &[String]) -> Outcome {
        let evidence: Vec<String> = self
            .audit
            .default_browser_evidence
            .iter()
            .map(|e| format!("{}: {}", e.source, e.value))
            .collect();
        let Some(id) = self.audit.default_browser.as_deref() else {
            let reason = match &self.audit.default_browser_evidence {
                Some(e) => t(
                    format!("Le navigateur qui ouvre vos liens ({}) ne fait pas partie de ceux que nous connaissons.", e.value),
                    format!("The browser that opens your links ({}) is not one we know.", e.value),
                ),
                None => t(
                    "Nous n’avons pas pu savoir quel navigateur ouvre vos liens.",
                    "We could not tell which browser opens your links.",
                ),
            };
            return Outcome::new(Status::Unknown, reason).with_evidence(evidence);
        };
        let name = self.app_name(id);
        let status = if self.browser_matches(id, family, apps) { Status::Done } else { Status::Todo };
        Outcome::new(
            status,
            t(
                format!("Vos liens s’ouvrent dans {name}, votre navigateur par défaut."),
                format!("Your links open in {name}, your default browser."),
            ),
        )
        .with_evidence(evidence)
    }

    /// The browsers "actually used": the default one (all its installs), else the only one found.
    /// `None` when it cannot be told (several browsers, no known default).
    fn used_browsers(&self) -> Option<Vec<&Browser>> {
        if let Some(id) = self.audit.default_browser.as_deref() {
            return Some(self.audit.browsers.iter().filter(|b| b.id == id).collect());
        }
        let mut ids: Vec<&str> = self.audit.browsers.iter().map(|b| b.id.as_str()).collect();
        ids.dedup();
        (ids.len() == 1).then(|| self.audit.browsers.iter().collect())
    }

    fn extension_enabled(
        &self,
        ids: &[String],
        weaker: &[String],
        scope: Scope,
        family: Option<BrowserFamily>,
    ) -> Outcome {
        let in_family = |b: &&Browser| family.is_none_or(|f| b.family == f);
        let all: Vec<&Browser> = self.audit.browsers.iter().filter(in_family).collect();
        let used = self.used_browsers().map(|v| v.into_iter().filter(in_family).collect::<Vec<_>>());
        let default_profiles_only = scope == Scope::DefaultProfile;
        let targets: Vec<&Browser> = match (scope, &used) {
            (Scope::AnyBrowser, _) | (_, None) => all.clone(),
            (_, Some(used)) => used.clone(),
        };
        // Without a known browser "actually used", the best finding can only count as partial.
        let capped = scope != Scope::AnyBrowser && used.is_none() && all.len() > 1;

        if let (Some(used), Some(default_id)) = (&used, self.audit.default_browser.as_deref()) {
            if used.is_empty() && scope != Scope::AnyBrowser {
                let name = self.app_name(default_id);
                let in_family_ok = self.browser_matches(default_id, family, &[]);
                let reason = if in_family_ok {
                    t(
                        format!("Nous n’avons trouvé aucun profil de {name}, votre navigateur par défaut."),
                        format!("We found no profile of {name}, your default browser."),
                    )
                } else {
                    t(
                        format!("Votre navigateur par défaut, {name}, n’est pas concerné par cette étape."),
                        format!("Your default browser, {name}, is not one this step is about."),
                    )
                };
                let status = if in_family_ok { Status::Unknown } else { Status::Todo };
                let mut out = Outcome::new(status, reason);
                let others = self.find_ext(&all, ids, false);
                if let Some((b, p, e)) = others.iter().find(|(_, _, e)| e.enabled) {
                    out.status = Some(Status::Partial);
                    out.reasons.push(self.found_elsewhere(b, p, e));
                    out.evidence.push(e.evidence.clone());
                }
                return out;
            }
        }

        let here = self.find_ext(&targets, ids, default_profiles_only);
        if let Some((b, p, e)) = here.iter().find(|(_, _, e)| e.enabled) {
            let mut out = Outcome::new(
                if capped { Status::Partial } else { Status::Done },
                t(
                    format!("{} est actif dans {} (profil « {} »).", e.name, b.name, p.name),
                    format!("{} is active in {} (profile “{}”).", e.name, b.name, p.name),
                ),
            )
            .with_evidence([e.evidence.clone()]);
            if e.temporary {
                out.status = Some(Status::Partial);
                out.reasons.push(t(
                    "Il a été chargé temporairement : il disparaîtra au prochain redémarrage du navigateur.",
                    "It was loaded temporarily: it will be gone when the browser restarts.",
                ));
            }
            if capped {
                out.reasons.push(t(
                    "Nous n’avons pas pu savoir quel navigateur vous utilisez par défaut.",
                    "We could not tell which browser you use by default.",
                ));
            }
            return out;
        }
        let lesser = self.find_ext(&targets, weaker, default_profiles_only);
        if let Some((b, _, e)) = lesser.iter().find(|(_, _, e)| e.enabled) {
            return Outcome::new(
                Status::Partial,
                t(
                    format!("{} est actif dans {} : c’est mieux que rien.", e.name, b.name),
                    format!("{} is active in {}: better than nothing.", e.name, b.name),
                ),
            )
            .with_evidence([e.evidence.clone()]);
        }
        if let Some((b, _, e)) = here.first() {
            let mut out = Outcome::new(
                Status::Todo,
                t(
                    format!("{} est installé dans {} mais ne fonctionne pas.", e.name, b.name),
                    format!("{} is installed in {} but not working.", e.name, b.name),
                ),
            )
            .with_evidence([e.evidence.clone()]);
            out.reasons.extend(e.disabled_reasons.iter().filter_map(|r| disabled_reason(r, &b.name)));
            return out;
        }
        let elsewhere = self.find_ext(&all, ids, false);
        if let Some((b, p, e)) = elsewhere.iter().find(|(_, _, e)| e.enabled) {
            return Outcome::new(Status::Partial, self.found_elsewhere(b, p, e))
                .with_evidence([e.evidence.clone()]);
        }
        let where_ = match (&used, targets.as_slice()) {
            (Some(_), [b, ..]) => (
                format!("dans {}, votre navigateur par défaut", b.name),
                format!("in {}, your default browser", b.name),
            ),
            _ => (
                "dans les navigateurs de cet ordinateur".to_owned(),
                "in the browsers on this computer".to_owned(),
            ),
        };
        if targets.is_empty() {
            let browser_ids: Vec<&str> = self.reference.apps.browsers().map(|a| a.id.as_str()).collect();
            let problems = self.problems_for(&browser_ids);
            if !problems.reasons.is_empty() {
                return Outcome { status: Some(Status::Unknown), ..problems };
            }
            return Outcome::new(
                Status::Todo,
                t("Nous n’avons trouvé aucun navigateur où vérifier.", "We found no browser to look in."),
            );
        }
        let looked_in: Vec<&str> = targets
            .iter()
            .flat_map(|b| profiles(b, default_profiles_only))
            .map(|p| p.path.as_str())
            .collect();
        let mut out = Outcome::new(
            Status::Todo,
            t(
                format!("Nous ne l’avons pas trouvé {}.", where_.0),
                format!("We did not find it {}.", where_.1),
            ),
        );
        out.evidence.extend(looked_in.iter().map(|p| (*p).to_owned()));
        // A profile's file that could not be read (half written, damaged) may well list it: not found there
        // is not known to be missing.
        let unread = self.problems_where(|p| looked_in.iter().any(|dir| Path::new(&p.path).starts_with(dir)));
        if !unread.reasons.is_empty() {
            out.status = Some(Status::Unknown);
            out.reasons.extend(unread.reasons);
            out.evidence.extend(unread.evidence);
        }
        out
    }

    fn found_elsewhere(&self, b: &Browser, p: &BrowserProfile, e: &Extension) -> Text {
        let default = self.audit.default_browser.as_deref().map(|id| self.app_name(id));
        match default {
            Some(d) if d != b.name => t(
                format!("{} est actif dans {}, mais vos liens s’ouvrent dans {d}.", e.name, b.name),
                format!("{} is active in {}, but your links open in {d}.", e.name, b.name),
            ),
            _ => t(
                format!(
                    "{} est actif dans {}, mais dans un autre profil (« {} ») que celui ouvert par défaut.",
                    e.name, b.name, p.name
                ),
                format!(
                    "{} is active in {}, but in another profile (“{}”) than the one it opens by default.",
                    e.name, b.name, p.name
                ),
            ),
        }
    }

    fn find_ext<'b>(
        &self,
        browsers: &[&'b Browser],
        ids: &[String],
        default_profiles_only: bool,
    ) -> Vec<(&'b Browser, &'b BrowserProfile, &'b Extension)> {
        let mut found = Vec::new();
        for b in browsers {
            for p in profiles(b, default_profiles_only) {
                for e in p.extensions.iter().filter(|e| ids.iter().any(|id| id.eq_ignore_ascii_case(&e.id))) {
                    found.push((*b, p, e));
                }
            }
        }
        found
    }

    fn accounts(&self) -> Vec<&MailAccount> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for a in &self.audit.mail_accounts {
            let key = a.address.clone().unwrap_or_else(|| a.server.clone()).to_lowercase();
            if !seen.contains(&key) {
                seen.push(key);
                out.push(a);
            }
        }
        out
    }

    /// Where all the mail found lives. When that cannot be told from here (no account found: webmail; or
    /// hosts we do not know), the person's answer decides, as for a manual step; what was found still
    /// wins over an answer.
    fn mail_all_at(&self, kinds: &[ProviderKind]) -> Outcome {
        let accounts = self.accounts();
        if accounts.is_empty() {
            let found = t(
                "Nous n’avons trouvé aucun compte de courriel sur cet ordinateur : seul·e vous savez où vit votre courrier.",
                "We found no mail account on this computer: only you know where your mail lives.",
            );
            return match answered(self.answer) {
                Some(mut told) => {
                    told.reasons.insert(0, found);
                    told
                }
                None => Outcome::new(Status::Manual, found),
            };
        }
        let (mut good, mut bad, mut unknown) = (0, 0, 0);
        let mut out = Outcome::default();
        for a in &accounts {
            match a.provider.kind {
                ProviderKind::Unknown => unknown += 1,
                k if kinds.contains(&k) => good += 1,
                _ => bad += 1,
            }
            out.reasons.push(account_reason(a));
            out.evidence.push(a.evidence.clone());
        }
        out.status = Some(match (good, bad, unknown) {
            (_, 0, 0) => Status::Done,
            (0, _, _) if bad > 0 => Status::Todo,
            (0, 0, _) => match answered(self.answer) {
                Some(told) => {
                    out.reasons.extend(told.reasons);
                    told.status.unwrap_or(Status::Manual)
                }
                None => Status::Manual,
            },
            _ => Status::Partial,
        });
        out
    }

    fn mail_any_at(&self, kinds: &[ProviderKind]) -> Outcome {
        let accounts: Vec<&MailAccount> =
            self.accounts().into_iter().filter(|a| kinds.contains(&a.provider.kind)).collect();
        if accounts.is_empty() {
            return Outcome { status: Some(Status::Todo), ..Outcome::default() };
        }
        Outcome {
            status: Some(Status::Done),
            reasons: accounts.iter().map(|a| account_reason(a)).collect(),
            evidence: accounts.iter().map(|a| a.evidence.clone()).collect(),
        }
    }
}

fn merge(status: Option<Status>, outcomes: Vec<Outcome>) -> Outcome {
    let mut out = Outcome { status, ..Outcome::default() };
    for o in outcomes {
        for r in o.reasons {
            if !out.reasons.contains(&r) {
                out.reasons.push(r);
            }
        }
        out.evidence.extend(o.evidence);
    }
    out
}

/// The profiles a rule looks in: the default one (or the only one), or all.
fn profiles(b: &Browser, default_only: bool) -> Vec<&BrowserProfile> {
    if !default_only {
        return b.profiles.iter().collect();
    }
    let defaults: Vec<&BrowserProfile> = b.profiles.iter().filter(|p| p.default).collect();
    if defaults.is_empty() && b.profiles.len() == 1 {
        b.profiles.iter().collect()
    } else {
        defaults
    }
}

fn account_reason(a: &MailAccount) -> Text {
    let who = a.address.clone().unwrap_or_else(|| a.server.clone());
    let p = &a.provider;
    match p.kind {
        ProviderKind::BigTech => t(
            format!("{who} est chez {}, une grande entreprise du numérique.", p.name),
            format!("{who} is with {}, a big tech company.", p.name),
        ),
        ProviderKind::Isp => t(
            format!("{who} est chez {}, votre fournisseur d’accès à internet.", p.name),
            format!("{who} is with {}, your internet access provider.", p.name),
        ),
        ProviderKind::Ethical => t(
            format!("{who} est chez {}, un service qui respecte votre vie privée.", p.name),
            format!("{who} is with {}, a service that respects your privacy.", p.name),
        ),
        ProviderKind::Chatons => t(
            format!("{who} est chez {}, membre du collectif CHATONS.", p.name),
            format!("{who} is with {}, a member of the CHATONS collective.", p.name),
        ),
        ProviderKind::Unknown => {
            t(format!("Nous ne savons pas qui héberge {who}."), format!("We do not know who hosts {who}."))
        }
    }
}

/// Plain words for a browser's reason to turn an extension off; `None` for codes we cannot explain.
fn disabled_reason(code: &str, browser: &str) -> Option<Text> {
    Some(match code {
        "manifest-v2" => t(
            format!("{browser} l’a désactivé : il refuse désormais les extensions de l’ancien format (Manifest V2)."),
            format!("{browser} turned it off: it no longer accepts extensions in the old format (Manifest V2)."),
        ),
        // Installed, only switched off: the way back is one switch, not the installation "how" describes.
        "user-disabled" => t(
            format!(
                "Il a été désactivé dans les réglages des extensions : pour le réactiver, ouvrez la page des \
                 extensions de {browser} et rallumez-le."
            ),
            format!(
                "It was turned off in the extension settings: to turn it back on, open {browser}’s extensions \
                 page and switch it on."
            ),
        ),
        "app-disabled" | "soft-disabled" | "embedder-disabled" => t(
            format!("{browser} l’a désactivé (version incompatible ou bloquée)."),
            format!("{browser} turned it off (incompatible or blocked version)."),
        ),
        _ => return None,
    })
}

/// "Firefox est installé sur cet ordinateur." / "Firefox and LibreWolf are installed on this computer."
fn installed(names: &[String]) -> Outcome {
    let (fr, en) = if names.len() > 1 {
        ("sont installés", "are installed")
    } else {
        ("est installé", "is installed")
    };
    Outcome::new(
        Status::Done,
        t(
            format!("{} {fr} sur cet ordinateur.", join(names, "et")),
            format!("{} {en} on this computer.", join(names, "and")),
        ),
    )
}

fn join(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// "Nous n'avons trouvé X" reads "Nous n'avons trouvé ni A ni B" / "aucune trace de A".
fn negative_fr(names: &str) -> String {
    format!("aucune trace de {names}")
}
