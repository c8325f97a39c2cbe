//! The report a person keeps: where they stand on a pack, step by step, with what we found and how to do
//! the rest — as a printable HTML page, as Markdown, or as JSON (schema `premiers-pas/report/1`,
//! documented in `docs/report-json.md`).
//!
//! The HTML page is self-contained: one file with its own stylesheet (screen and print), the take-home QR
//! code drawn inline, and nothing fetched — no font, no image, no script. Every piece of text is escaped,
//! whatever its origin (a pack written by a volunteer, a path from the audited home). Links are written out
//! in full, since paper has no hyperlinks.
//!
//! This module renders; it does not judge steps (`checklist`), read the machine (`detect`) or choose where
//! the file goes (the front-ends do).

use std::fmt::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::Audit;
use crate::checklist::{Answer, Pack, Status, StepResult};
use crate::error::ErrorCode;
use crate::i18n::{local_day, long_date, Lang};
use crate::system::OsFamily;
use crate::takeaway;

/// The schema id written in every JSON report.
pub const REPORT_SCHEMA: &str = "premiers-pas/report/1";

/// The formats a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ReportFormat {
    Html,
    Markdown,
    Json,
}

impl ReportFormat {
    /// Every format.
    pub const ALL: [ReportFormat; 3] = [ReportFormat::Html, ReportFormat::Markdown, ReportFormat::Json];

    /// The usual file extension (`html`, `md`, `json`).
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Html => "html",
            ReportFormat::Markdown => "md",
            ReportFormat::Json => "json",
        }
    }

    /// `html`, `markdown` or `json`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportFormat::Html => "html",
            ReportFormat::Markdown => "markdown",
            ReportFormat::Json => "json",
        }
    }
}

impl ReportFormat {
    /// The names a person may give, each with its other spellings: what `FromStr` reads, and what the
    /// command line lists.
    pub const SPELLINGS: &'static [(&'static str, &'static [&'static str], ReportFormat)] = &[
        ("html", &[], ReportFormat::Html),
        ("markdown", &["md"], ReportFormat::Markdown),
        ("json", &[], ReportFormat::Json),
    ];
}

impl std::str::FromStr for ReportFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::i18n::spelled(s, Self::SPELLINGS)
            .ok_or_else(|| format!("unknown report format `{}` (expected html, markdown or json)", s.trim()))
    }
}

/// What can go wrong when writing a report.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// The JSON could not be written (should not happen).
    #[error("could not encode the report")]
    Encode(#[source] serde_json::Error),
}

impl ErrorCode for ReportError {
    fn code(&self) -> &'static str {
        match self {
            ReportError::Encode(_) => "report.encode",
        }
    }
}

/// Everything a report is made of.
#[derive(Debug, Clone, Copy)]
pub struct ReportInput<'a> {
    pub pack: &'a Pack,
    /// The pack's steps as judged (with the person's answers).
    pub steps: &'a [StepResult],
    /// The facts behind them, when an audit ran.
    pub audit: Option<&'a Audit>,
    /// Which computer's instructions to give.
    pub os: OsFamily,
    /// Milliseconds since the Unix epoch.
    pub generated_at_ms: u64,
    /// The audited home, whose paths the report writes from `~`.
    pub home: Option<&'a Path>,
}

/// The JSON report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportDocument {
    /// Always [`REPORT_SCHEMA`].
    pub schema: String,
    #[ts(type = "number")]
    pub generated_at_ms: u64,
    pub lang: Lang,
    pub pack: ReportPack,
    pub counts: StatusCounts,
    pub steps: Vec<ReportStep>,
    /// The take-home text (what is left, with the pages that start it).
    pub takeaway: String,
    /// The audit's facts (schema `premiers-pas/audit/1`), when an audit ran.
    pub audit: Option<Audit>,
}

/// The pack, as the report names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportPack {
    pub id: String,
    pub title: String,
    pub reviewed: String,
}

/// How many steps are in each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatusCounts {
    pub done: u32,
    pub todo: u32,
    pub partial: u32,
    pub manual: u32,
    pub unknown: u32,
}

impl StatusCounts {
    /// Counts the statuses of `steps`.
    pub fn of(steps: &[StepResult]) -> StatusCounts {
        let mut c = StatusCounts::default();
        for s in steps {
            match s.status {
                Status::Done => c.done += 1,
                Status::Todo => c.todo += 1,
                Status::Partial => c.partial += 1,
                Status::Manual => c.manual += 1,
                Status::Unknown => c.unknown += 1,
            }
        }
        c
    }
}

/// One step of the report, in the report's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportStep {
    pub id: String,
    pub title: String,
    pub status: Status,
    /// The status word ("Fait", "To do"…).
    pub status_label: String,
    /// What we found.
    pub reasons: Vec<String>,
    /// The files or facts behind it; a path in the audited home is written from `~`.
    pub evidence: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub answer: Option<Answer>,
    /// Why it matters.
    pub why: String,
    /// How to do it on this computer (empty when the pack says nothing for it).
    pub how: String,
    /// How on a phone, when the pack says (Android, then iPhone).
    pub how_phone: Vec<PhoneHow>,
    pub links: Vec<ReportLink>,
    /// Pages to open on a phone.
    pub qr: Vec<ReportLink>,
}

/// The instructions for one kind of phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PhoneHow {
    /// "Android" or "iPhone".
    pub platform: String,
    pub text: String,
}

/// A labelled address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportLink {
    pub label: String,
    pub url: String,
}

/// Builds the report's content (the JSON document; HTML and Markdown are drawn from it).
pub fn document(input: &ReportInput<'_>, lang: Lang) -> ReportDocument {
    use crate::checklist::Platform;
    let steps = input
        .pack
        .steps
        .iter()
        .filter_map(|step| {
            let result = input.steps.iter().find(|r| r.id == step.id)?;
            let phone = [(Platform::Android, "Android"), (Platform::Ios, "iPhone")]
                .into_iter()
                .filter_map(|(p, name)| {
                    step.how.specific(p).map(|t| PhoneHow {
                        platform: name.to_owned(),
                        text: t.render(lang).trim().to_owned(),
                    })
                })
                .collect();
            Some(ReportStep {
                id: step.id.clone(),
                title: step.title.render(lang).into_owned(),
                status: result.status,
                status_label: result.status.label(lang).to_owned(),
                reasons: result.reasons.clone(),
                evidence: result.evidence.iter().map(|e| from_home(e, input.home)).collect(),
                answer: result.answer,
                why: step.why.render(lang).into_owned(),
                how: step.how.for_os(input.os).map(|t| t.render(lang).trim().to_owned()).unwrap_or_default(),
                how_phone: phone,
                links: step
                    .links
                    .iter()
                    .map(|l| ReportLink { label: l.label.render(lang).into_owned(), url: l.url.clone() })
                    .collect(),
                qr: step
                    .qr
                    .iter()
                    .map(|q| ReportLink { label: q.label.render(lang).into_owned(), url: q.url.clone() })
                    .collect(),
            })
        })
        .collect();
    ReportDocument {
        schema: REPORT_SCHEMA.to_owned(),
        generated_at_ms: input.generated_at_ms,
        lang,
        pack: ReportPack {
            id: input.pack.id.clone(),
            title: input.pack.title.render(lang).into_owned(),
            reviewed: input.pack.reviewed.to_string(),
        },
        counts: StatusCounts::of(input.steps),
        steps,
        takeaway: takeaway::text_that_fits(input.pack, input.steps, lang),
        audit: input.audit.cloned(),
    }
}

/// `evidence` written from `~` when it is the audited home or a path in it. A report is kept, printed and
/// shown to others, and a home folder is usually named after the person.
fn from_home(evidence: &str, home: Option<&Path>) -> String {
    let Some(home) = home.and_then(Path::to_str).map(|h| h.trim_end_matches(['/', '\\'])) else {
        return evidence.to_owned();
    };
    match evidence.strip_prefix(home) {
        Some(rest) if !home.is_empty() && (rest.is_empty() || rest.starts_with(['/', '\\'])) => {
            format!("~{rest}")
        }
        _ => evidence.to_owned(),
    }
}

/// Writes the report in `format`.
pub fn render(input: &ReportInput<'_>, format: ReportFormat, lang: Lang) -> Result<String, ReportError> {
    let doc = document(input, lang);
    match format {
        ReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(&doc).map_err(ReportError::Encode)?;
            s.push('\n');
            Ok(s)
        }
        ReportFormat::Markdown => Ok(markdown(&doc)),
        ReportFormat::Html => Ok(html(&doc)),
    }
}

/// The report's own words, per language.
struct Words {
    generated: &'static str,
    summary: &'static str,
    found: &'static str,
    evidence: &'static str,
    why: &'static str,
    how: &'static str,
    links: &'static str,
    phone_pages: &'static str,
    takeaway: &'static str,
    takeaway_hint: &'static str,
    footer: &'static str,
}

const FR: Words = Words {
    generated: "Rapport du",
    summary: "En bref",
    found: "Ce que nous avons trouvé",
    evidence: "D’où nous le savons",
    why: "Pourquoi",
    how: "Comment faire",
    links: "Liens",
    phone_pages: "Pour le téléphone",
    takeaway: "Ce qu’il reste à faire",
    takeaway_hint:
        "Scannez ce code avec l’appareil photo de votre téléphone\u{202F}: il contient cette liste.",
    footer: "Rapport établi sur cet ordinateur par Premiers Pas. Rien n’a été envoyé nulle part.",
};

const EN: Words = Words {
    generated: "Report made on",
    summary: "In short",
    found: "What we found",
    evidence: "How we know",
    why: "Why",
    how: "How to do it",
    links: "Links",
    phone_pages: "For the phone",
    takeaway: "What is left to do",
    takeaway_hint: "Scan this code with your phone’s camera: it holds this list.",
    footer: "Report made on this computer by Premiers Pas. Nothing was sent anywhere.",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// A mark that says the status without colour (with the word beside it, always).
fn status_mark(status: Status) -> &'static str {
    match status {
        Status::Done => "✔",
        Status::Todo => "○",
        Status::Partial => "◐",
        Status::Manual => "?",
        Status::Unknown => "–",
    }
}

fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{202F}: ",
        Lang::En => ": ",
    }
}

fn counts_line(doc: &ReportDocument) -> Vec<String> {
    let c = doc.counts;
    [
        (Status::Done, c.done),
        (Status::Partial, c.partial),
        (Status::Todo, c.todo),
        (Status::Manual, c.manual),
        (Status::Unknown, c.unknown),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(s, n)| format!("{}{}{n}", s.label(doc.lang), colon(doc.lang)))
    .collect()
}

/// A link in Markdown: its label, and its address on a line of its own (a label may end with an address
/// of its own: "Essayer sans compte : entraide.chatons.org").
fn markdown_link(out: &mut String, link: &ReportLink) {
    let _ = writeln!(out, "- {}  \n  <{}>", escape_markdown(&link.label), link.url);
}

/// Instructions as a quote. A line that follows a list item is set apart by an empty quote line, or
/// Markdown would join it to that item.
fn quote(out: &mut String, text: &str) {
    let mut in_list = false;
    for line in text.lines() {
        let item =
            line.starts_with("- ") || line.split_once(". ").is_some_and(|(n, _)| n.parse::<u32>().is_ok());
        if in_list && !item {
            out.push_str(">\n");
        }
        in_list = item;
        let _ = writeln!(out, "> {}", escape_markdown(line));
    }
    out.push('\n');
}

/// Escapes text for HTML content and double-quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes the characters Markdown would read as markup, so text stays text.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `text` as a Markdown code span, shown as it is: a path keeps its `~`, `_` and `\\` without escapes.
/// The fence is one backtick longer than any run inside, and line breaks become spaces (a span is one
/// line), so no text can close it early or start a block of its own.
fn code_span(text: &str) -> String {
    let text: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    // A space each side keeps a backtick at either end out of the fence (CommonMark takes one away).
    let pad = if text.starts_with('`') || text.ends_with('`') || text.trim().is_empty() { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Markdown: one section per step, the take-home list at the end.
fn markdown(doc: &ReportDocument) -> String {
    let w = words(doc.lang);
    let c = colon(doc.lang);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape_markdown(&doc.pack.title));
    let _ = writeln!(out, "{} {}\n", w.generated, long_date(local_day(doc.generated_at_ms), doc.lang));
    let _ = writeln!(out, "**{}** — {}\n", w.summary, counts_line(doc).join(" · "));
    for step in &doc.steps {
        let _ = writeln!(
            out,
            "## {} {} — {}\n",
            status_mark(step.status),
            escape_markdown(&step.title),
            step.status_label
        );
        if !step.reasons.is_empty() {
            let _ = writeln!(out, "**{}**\n", w.found);
            for r in &step.reasons {
                let _ = writeln!(out, "- {}", escape_markdown(r));
            }
            out.push('\n');
        }
        if step.status != Status::Done {
            let _ = writeln!(out, "**{}**{c}{}\n", w.why, escape_markdown(&step.why));
            if !step.how.is_empty() {
                let _ = writeln!(out, "**{}**\n", w.how);
                quote(&mut out, &step.how);
            }
            for phone in &step.how_phone {
                let _ = writeln!(out, "**{}**\n", phone.platform);
                quote(&mut out, &phone.text);
            }
            if !step.qr.is_empty() {
                let _ = writeln!(out, "**{}**\n", w.phone_pages);
                for q in &step.qr {
                    markdown_link(&mut out, q);
                }
                out.push('\n');
            }
        }
        if !step.links.is_empty() {
            let _ = writeln!(out, "**{}**\n", w.links);
            for l in &step.links {
                markdown_link(&mut out, l);
            }
            out.push('\n');
        }
        if !step.evidence.is_empty() {
            let _ = writeln!(out, "<details><summary>{}</summary>\n", w.evidence);
            for e in &step.evidence {
                let _ = writeln!(out, "- {}", code_span(e));
            }
            let _ = writeln!(out, "\n</details>\n");
        }
    }
    let _ = writeln!(out, "## {}\n", w.takeaway);
    let _ = writeln!(out, "```text\n{}\n```\n", doc.takeaway.replace("```", "'''"));
    let _ = writeln!(out, "---\n\n{}", w.footer);
    out
}

/// The HTML report's look, on screen and on paper. In print a step may run over two pages: only headings
/// are kept with what follows them, and lines and paragraphs whole, so that no half page is left blank.
const STYLE: &str = "\
:root{color-scheme:light;--ink:#1d1b19;--muted:#5b5550;--accent:#8a3b12;--line:#d9d2cb;--paper:#fffdf9}\
*{box-sizing:border-box}\
body{margin:0;background:var(--paper);color:var(--ink);font:1.05rem/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif}\
main{max-width:48rem;margin:0 auto;padding:2rem 1.25rem}\
h1{font-size:2rem;margin:0 0 .25rem;color:var(--accent)}\
h2{font-size:1.3rem;margin:0 0 .5rem}\
h3{font-size:1rem;margin:1rem 0 .25rem}\
.meta{color:var(--muted);margin:0 0 1.5rem}\
.step{border-top:1px solid var(--line);padding:1.25rem 0}\
h2,h3{break-after:avoid}li,p,figure{break-inside:avoid}\
.status{display:inline-block;border:1px solid currentColor;border-radius:1rem;padding:0 .6rem;font-size:.9rem;margin-left:.4rem;vertical-align:.15rem}\
.status-done{color:#1f6b33}.status-todo{color:#8a3b12}.status-partial{color:#6b5a00}.status-manual,.status-unknown{color:var(--muted)}\
.how{white-space:pre-line}\
.url{overflow-wrap:anywhere;font-size:.9rem;color:var(--muted)}\
a{color:var(--accent)}\
details{color:var(--muted);font-size:.9rem}\
.takeaway{display:flex;gap:1.5rem;align-items:flex-start;border-top:2px solid var(--accent);padding:1.25rem 0;break-inside:avoid}\
.codes{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}\
.codes figure{margin:0;width:9rem}.codes svg{width:7rem;height:7rem;display:block}\
.takeaway figure{margin:0;flex:0 0 12rem}\
.takeaway svg{width:12rem;height:12rem;display:block}\
.takeaway pre{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;font-size:.9rem;margin:0}\
footer{margin-top:2rem;color:var(--muted);font-size:.85rem}\
@media print{body{background:#fff;font-size:11pt}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}details{display:none}.step{padding:.6rem 0}}\
@page{size:A4;margin:15mm}";

/// A self-contained HTML page: inline stylesheet, inline QR, no script, nothing fetched.
fn html(doc: &ReportDocument) -> String {
    let w = words(doc.lang);
    let e = escape_html;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{} — Premiers Pas</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        doc.lang.code(),
        e(&doc.pack.title)
    );
    let _ = writeln!(out, "<h1>{}</h1>", e(&doc.pack.title));
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} {} · {} — {}</p>",
        w.generated,
        long_date(local_day(doc.generated_at_ms), doc.lang),
        w.summary,
        e(&counts_line(doc).join(" · "))
    );
    // What is left comes first, on the first page, with its code for the phone; the steps follow.
    if doc.counts.done < doc.steps.len() as u32 {
        let _ = writeln!(out, "<section class=\"takeaway\">");
        if let Ok(svg) = crate::qr::svg(&doc.takeaway) {
            let _ = writeln!(out, "<figure>{svg}<figcaption>{}</figcaption></figure>", w.takeaway_hint);
        }
        let _ =
            writeln!(out, "<div><h2>{}</h2>\n<pre>{}</pre></div>\n</section>", w.takeaway, e(&doc.takeaway));
    }
    for step in &doc.steps {
        let _ = writeln!(out, "<section class=\"step\" id=\"step-{}\">", e(&step.id));
        let _ = writeln!(
            out,
            "<h2>{} <span class=\"status status-{}\"><span aria-hidden=\"true\">{}</span> {}</span></h2>",
            e(&step.title),
            status_class(step.status),
            status_mark(step.status),
            e(&step.status_label)
        );
        if !step.reasons.is_empty() {
            let _ = writeln!(out, "<h3>{}</h3>\n<ul>", w.found);
            for r in &step.reasons {
                let _ = writeln!(out, "<li>{}</li>", e(r));
            }
            let _ = writeln!(out, "</ul>");
        }
        if step.status != Status::Done {
            let _ = writeln!(out, "<h3>{}</h3>\n<p>{}</p>", w.why, e(&step.why));
            if !step.how.is_empty() {
                let _ = writeln!(out, "<h3>{}</h3>\n<p class=\"how\">{}</p>", w.how, e(&step.how));
            }
            for phone in &step.how_phone {
                let _ =
                    writeln!(out, "<h3>{}</h3>\n<p class=\"how\">{}</p>", e(&phone.platform), e(&phone.text));
            }
            if !step.qr.is_empty() {
                // Drawn, as on the step's page: the instructions say "scannez le code…", on paper too.
                let _ = writeln!(out, "<h3>{}</h3>\n<ul class=\"codes\">", w.phone_pages);
                for q in &step.qr {
                    code_item(&mut out, q);
                }
                let _ = writeln!(out, "</ul>");
            }
        }
        if !step.links.is_empty() {
            let _ = writeln!(out, "<h3>{}</h3>\n<ul>", w.links);
            for l in &step.links {
                link_item(&mut out, l);
            }
            let _ = writeln!(out, "</ul>");
        }
        if !step.evidence.is_empty() {
            let _ = writeln!(out, "<details><summary>{}</summary><ul>", w.evidence);
            for ev in &step.evidence {
                let _ = writeln!(out, "<li><code>{}</code></li>", e(ev));
            }
            let _ = writeln!(out, "</ul></details>");
        }
        let _ = writeln!(out, "</section>");
    }
    let _ = write!(out, "<footer>{}</footer>\n</main>\n</body>\n</html>\n", w.footer);
    out
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Done => "done",
        Status::Todo => "todo",
        Status::Partial => "partial",
        Status::Manual => "manual",
        Status::Unknown => "unknown",
    }
}

/// A phone page: its QR code (our own SVG, made of numbers only) above its label and address. Without a
/// code (an address too long for one), the link alone.
fn code_item(out: &mut String, link: &ReportLink) {
    match crate::qr::svg(&link.url) {
        Ok(svg) => {
            let _ = writeln!(
                out,
                "<li><figure>{svg}<figcaption><a href=\"{url}\">{}</a><br><span class=\"url\">{url}</span></figcaption></figure></li>",
                escape_html(&link.label),
                url = escape_html(&link.url)
            );
        }
        Err(_) => link_item(out, link),
    }
}

fn link_item(out: &mut String, link: &ReportLink) {
    let _ = writeln!(
        out,
        "<li><a href=\"{url}\">{}</a><br><span class=\"url\">{url}</span></li>",
        escape_html(&link.label),
        url = escape_html(&link.url)
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{evaluate, Answers, Library};
    use crate::i18n::Text;

    fn input_parts() -> (Library, Audit) {
        (Library::builtin().unwrap(), Audit::empty(OsFamily::Linux))
    }

    /// A report of a Linux computer's audit, made at a fixed time.
    fn linux_input<'a>(
        pack: &'a Pack,
        steps: &'a [StepResult],
        audit: &'a Audit,
        home: Option<&'a Path>,
    ) -> ReportInput<'a> {
        ReportInput {
            pack,
            steps,
            audit: Some(audit),
            os: OsFamily::Linux,
            generated_at_ms: 1_790_000_000_000,
            home,
        }
    }

    fn render_all(
        pack: &Pack,
        steps: &[StepResult],
        audit: &Audit,
        lang: Lang,
    ) -> Vec<(ReportFormat, String)> {
        let input = linux_input(pack, steps, audit, None);
        ReportFormat::ALL.into_iter().map(|f| (f, render(&input, f, lang).unwrap())).collect()
    }

    /// A volunteer's long pack: its list keeps the titles, as on screen, and the printed code is there.
    #[test]
    fn a_long_pack_keeps_its_take_home_code_with_the_titles() {
        let (lib, audit) = input_parts();
        let long = crate::takeaway::tests::long_pack(18, "Une étape");
        let pack = Pack::from_text("long.toml", &long, &lib.reference).unwrap();
        let steps = evaluate(&pack, &audit, &lib.reference, &Answers::none(), Lang::Fr);
        let html = render(&linux_input(&pack, &steps, &audit, None), ReportFormat::Html, Lang::Fr).unwrap();
        let takeaway = html.split("<section class=\"takeaway\">").nth(1).unwrap();
        assert!(takeaway.starts_with("\n<figure><svg"), "{takeaway}");
        assert!(!takeaway.split("</section>").next().unwrap().contains("https://"), "{takeaway}");
    }

    #[test]
    fn every_format_names_every_step_with_its_status_word() {
        let (lib, audit) = input_parts();
        let pack = lib.pack("premiers-pas").unwrap();
        for lang in Lang::ALL {
            let steps = evaluate(pack, &audit, &lib.reference, &Answers::none(), lang);
            for (format, text) in render_all(pack, &steps, &audit, lang) {
                for (step, result) in pack.steps.iter().zip(&steps) {
                    let title = step.title.get(lang);
                    let shown = match format {
                        ReportFormat::Html => escape_html(title),
                        ReportFormat::Markdown => escape_markdown(title),
                        ReportFormat::Json => title.to_owned(),
                    };
                    assert!(text.contains(&shown), "{format:?} {lang}: {title}");
                    let label = result.status.label(lang);
                    let label =
                        if format == ReportFormat::Html { escape_html(label) } else { label.to_owned() };
                    assert!(text.contains(&label), "{format:?} {lang}: {}", result.id);
                }
            }
        }
    }

    #[test]
    fn json_follows_the_schema_and_round_trips() {
        let (lib, audit) = input_parts();
        let pack = lib.pack("premiers-pas").unwrap();
        let mut answers = Answers::none();
        answers.0.insert("private-maps".into(), Answer::Done);
        let steps = evaluate(pack, &audit, &lib.reference, &answers, Lang::En);
        let input = linux_input(pack, &steps, &audit, None);
        let json = render(&input, ReportFormat::Json, Lang::En).unwrap();
        let doc: ReportDocument = serde_json::from_str(&json).unwrap();
        assert_eq!(doc, document(&input, Lang::En));
        assert_eq!(doc.schema, REPORT_SCHEMA);
        assert_eq!(doc.steps.len(), pack.steps.len());
        assert_eq!(doc.steps[0].answer, Some(Answer::Done));
        assert_eq!(doc.counts.done, steps.iter().filter(|s| s.status == Status::Done).count() as u32);
        assert_eq!(doc.audit.as_ref().map(|a| a.schema.as_str()), Some(crate::audit::AUDIT_SCHEMA));
        assert!(!doc.takeaway.contains(pack.steps[0].title.get(Lang::En)));
        // The Linux text of a step that has one, not the default.
        let firefox = doc.steps.iter().find(|s| s.id == "firefox").unwrap();
        let linux = pack.step("firefox").unwrap().how.linux.as_ref().unwrap().get(Lang::En).trim();
        assert_eq!(firefox.how, linux);
    }

    /// A pack whose texts try every trick: none may become markup.
    #[test]
    fn hostile_text_stays_text() {
        let (lib, audit) = input_parts();
        let mut pack = lib.pack("premiers-pas").unwrap().clone();
        let evil = "<script>alert(1)</script><img src=x onerror=alert(1)> \"quoted\" & 'single' [x](javascript:alert(1))";
        pack.title = Text::new(evil, evil);
        pack.steps[0].title = Text::new(evil, evil);
        let mut steps = evaluate(&pack, &audit, &lib.reference, &Answers::none(), Lang::Fr);
        steps[0].reasons.push(evil.to_owned());
        steps[0].evidence.push("/home/<b>/.mozilla".to_owned());
        let rendered = render_all(&pack, &steps, &audit, Lang::Fr);
        let html = &rendered[0].1;
        assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&quot;quoted&quot; &amp; &#39;single&#39;"));
        let md = &rendered[1].1;
        // Outside the take-home list's code block (where text is shown verbatim), nothing is unescaped.
        let (prose, code) = md.split_once("```text\n").unwrap();
        assert!(code.starts_with(evil));
        let unescaped = prose.replace("\\<", "").replace("\\[", "");
        assert!(!unescaped.contains("<script") && !unescaped.contains("[x]"), "{md}");
        assert!(md.contains("\\<script\\>") && md.contains("\\[x\\](javascript"));
    }

    #[test]
    fn paths_in_the_home_are_written_from_the_tilde_in_every_format() {
        let (lib, audit) = input_parts();
        let pack = lib.pack("premiers-pas").unwrap();
        let mut steps = evaluate(pack, &audit, &lib.reference, &Answers::none(), Lang::Fr);
        steps[0].evidence = vec![
            "/home/alice/.mozilla/firefox".to_owned(),
            "/home/alice".to_owned(),
            "/home/alicia/.thunderbird".to_owned(),
            "/usr/share/applications/firefox.desktop".to_owned(),
            "xdg-settings: firefox.desktop".to_owned(),
        ];
        let home = Path::new("/home/alice/");
        let input = linux_input(pack, &steps, &audit, Some(home));
        let doc = document(&input, Lang::Fr);
        assert_eq!(
            doc.steps[0].evidence,
            [
                "~/.mozilla/firefox",
                "~",
                "/home/alicia/.thunderbird",
                "/usr/share/applications/firefox.desktop",
                "xdg-settings: firefox.desktop"
            ]
        );
        for format in [ReportFormat::Html, ReportFormat::Markdown] {
            let text = render(&input, format, Lang::Fr).unwrap();
            assert!(text.contains("~/.mozilla/firefox"), "{format:?}");
            assert!(!text.contains("/home/alice/"), "{format:?}");
        }
        // A Windows home, with its own separator.
        let windows = Path::new(r"C:\Users\Alice");
        assert_eq!(
            from_home(r"C:\Users\Alice\AppData\Roaming\Mozilla", Some(windows)),
            r"~\AppData\Roaming\Mozilla"
        );
        assert_eq!(from_home("/anything", None), "/anything");
    }

    #[test]
    fn a_code_span_holds_any_text_whole() {
        assert_eq!(code_span("~/.mozilla/firefox"), "`~/.mozilla/firefox`");
        assert_eq!(code_span(r"C:\Users\a_b"), r"`C:\Users\a_b`");
        assert_eq!(code_span("a`b``c"), "```a`b``c```");
        assert_eq!(code_span("`x`"), "`` `x` ``");
        assert_eq!(code_span("a\n# b\r\n</details>"), "`a # b  </details>`");
    }

    #[test]
    fn html_is_self_contained_and_printable() {
        let (lib, audit) = input_parts();
        let pack = lib.pack("premiers-pas").unwrap();
        let steps = evaluate(pack, &audit, &lib.reference, &Answers::none(), Lang::Fr);
        let html = &render_all(pack, &steps, &audit, Lang::Fr)[0].1;
        assert!(html.starts_with("<!doctype html>\n<html lang=\"fr\">"));
        for fetched in ["<script", "<link", "<img", "src=", "@import", "url(", "<iframe", "<object"] {
            assert!(!html.contains(fetched), "{fetched}");
        }
        assert!(html.contains("@media print") && html.contains("@page"));
        // The take-home QR is drawn inline, and so is every phone page of a step left to do: its
        // instructions say "scannez le code…".
        let codes: usize = steps
            .iter()
            .filter(|r| r.status != Status::Done)
            .map(|r| pack.step(&r.id).unwrap().qr.len())
            .sum();
        assert!(codes > 0);
        assert_eq!(html.matches("<svg").count(), 1 + codes);
        assert!(html.ends_with("</html>\n"));
    }

    #[test]
    fn formats_parse_from_their_names() {
        for f in ReportFormat::ALL {
            assert_eq!(f.as_str().parse::<ReportFormat>().unwrap(), f);
        }
        assert_eq!("md".parse::<ReportFormat>().unwrap(), ReportFormat::Markdown);
        assert!("pdf".parse::<ReportFormat>().is_err());
    }

    #[test]
    fn markdown_keeps_a_sentence_after_a_list_out_of_its_last_item_and_links_on_their_own_line() {
        let mut out = String::new();
        quote(&mut out, "1. Ouvrez la page.\n2. Cliquez.\nQuand c’est fait, dites-le.");
        assert_eq!(out, "> 1. Ouvrez la page.\n> 2. Cliquez.\n>\n> Quand c’est fait, dites-le.\n\n");
        let mut out = String::new();
        let link = ReportLink {
            label: "Essayer : entraide.chatons.org".into(),
            url: "https://entraide.chatons.org/".into(),
        };
        markdown_link(&mut out, &link);
        assert_eq!(out, "- Essayer : entraide.chatons.org  \n  <https://entraide.chatons.org/>\n");
    }

    #[test]
    fn html_puts_what_is_left_first_and_leaves_it_out_when_all_is_done() {
        let (lib, audit) = input_parts();
        let pack = lib.pack("premiers-pas").unwrap();
        let mut steps = evaluate(pack, &audit, &lib.reference, &Answers::none(), Lang::Fr);
        let html = &render_all(pack, &steps, &audit, Lang::Fr)[0].1;
        let left = html.find("class=\"takeaway\"").expect("what is left");
        assert!(left < html.find("class=\"step\"").unwrap(), "before the steps");
        for step in &mut steps {
            step.status = Status::Done;
        }
        let html = &render_all(pack, &steps, &audit, Lang::Fr)[0].1;
        assert!(!html.contains("class=\"takeaway\""), "nothing left: no list, no code");
        assert_eq!(html.matches("<svg").count(), 0);
    }
}
