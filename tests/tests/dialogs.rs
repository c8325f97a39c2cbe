//! The native file dialogs on the real app, end to end: the report saved as HTML, Markdown and JSON
//! through the system's save dialog (and a save cancelled with Escape), and the CHATONS directory exported
//! through the save dialog and imported into another app through the open dialog, and a volunteer's own
//! pack added to the workshop through the open dialog, presented, and there again at the next launch. The
//! dialogs are driven
//! with xdotool (`premiers_pas_e2e::dialog`); what they wrote is read back and checked against what the
//! engine says of the same home.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{ensure, Context, Result};
use premiers_pas_core::checklist::Library;
use premiers_pas_core::directory::DirectoryStore;
use premiers_pas_core::journal::Journal;
use premiers_pas_core::report::{escape_html, escape_markdown, ReportDocument, ReportFormat};
use premiers_pas_core::session::{AuditTarget, Mode, Session};
use premiers_pas_core::{Lang, OsFamily};
use premiers_pas_e2e::dialog::{self, Dialog};
use premiers_pas_e2e::{app_binary, t, tree, workspace_root, App, Federation, Launch};

const PACK: &str = "premiers-pas";

/// The dialogs' titles, set by the app's Rust side (src-tauri/src/commands), in French.
const SAVE_REPORT: &str = "Enregistrer le rapport";
const EXPORT_DIRECTORY: &str = "Exporter l’annuaire";
const IMPORT_DIRECTORY: &str = "Importer un annuaire";
const ADD_PACK: &str = "Ajouter un parcours";

/// Where the report's save buttons say what happened, and where they report an error.
const REPORT_STATUS: &str = ".report-actions ~ p[role=status]";
const REPORT_ALERT: &str = ".report-actions ~ div [role=alert]";

fn fixture_home(case: &str) -> PathBuf {
    workspace_root().join("crates/core/tests/fixtures/homes").join(case)
}

/// The report the engine makes of this home with no answer given, as a document: what the saved files
/// must say (but for the time they were made).
fn engine_report(home: &Path) -> Result<ReportDocument> {
    let scratch = tempfile::tempdir()?;
    let library = Arc::new(Library::builtin()?);
    let target = AuditTarget::home(home, Some(OsFamily::Linux));
    // A workshop session: the engine's verdict without writing anything anywhere.
    let (mut session, _) =
        Session::start(Mode::Workshop, PACK, library, target, scratch.path(), Journal::default())?;
    session.run_audit(Lang::Fr)?;
    Ok(serde_json::from_str(&session.report(ReportFormat::Json, Lang::Fr)?)?)
}

/// Waits for the dialog titled `title`, and checks that the app shows it itself (GTK in-process, not
/// through a desktop portal).
async fn app_dialog(title: &str) -> Result<Dialog> {
    let dialog = Dialog::wait(title).await?;
    let app = app_binary()?.canonicalize()?;
    ensure!(dialog.owner()? == app, "the dialog “{title}” is shown by {:?}, not by the app", dialog.owner()?);
    Ok(dialog)
}

/// Clicks a "save as" button of the summary, and answers the save dialog with `path` (or cancels it).
async fn save_report(app: &App, format: &str, path: Option<&Path>) -> Result<()> {
    app.click_text(".report-actions button", &t("fr", &format!("summary.format_{format}"))?).await?;
    let dialog = app_dialog(SAVE_REPORT).await?;
    // The dialog is a window of its own: while it is open the buttons wait, or a second click would open
    // a second dialog.
    let buttons = app.count(".report-actions button").await?;
    ensure!(buttons >= 4, "print and three formats: {buttons} buttons");
    ensure!(
        app.count(".report-actions button[aria-disabled='true']").await? == buttons,
        "every report button waits while the save dialog is open"
    );
    match path {
        Some(path) => dialog.save_as(path).await?,
        None => dialog.cancel().await?,
    }
    app.wait_gone(".report-actions button[aria-disabled='true']").await
}

/// Waits for the summary to say that the report went to `path`, with no error shown.
async fn says_saved(app: &App, path: &Path) -> Result<()> {
    let message = t("fr", "summary.saved")?.replace("{path}", &path.display().to_string());
    app.wait_text(REPORT_STATUS, &message).await?;
    ensure!(app.count(REPORT_ALERT).await? == 0, "no error after saving {}", path.display());
    Ok(())
}

fn check_html(html: &str, expected: &ReportDocument) -> Result<()> {
    ensure!(html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"), "an HTML page");
    ensure!(html.contains(&escape_html(&expected.pack.title)), "the HTML names the pack");
    for step in &expected.steps {
        ensure!(html.contains(&escape_html(&step.title)), "the HTML has the step {}", step.id);
        ensure!(html.contains(&escape_html(&step.status_label)), "the HTML says {}", step.status_label);
    }
    Ok(())
}

fn check_markdown(md: &str, expected: &ReportDocument) -> Result<()> {
    ensure!(md.starts_with(&format!("# {}\n", escape_markdown(&expected.pack.title))), "titled: {md}");
    // One heading per step, in the pack's order, with its status in words (then the take-home list's).
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    ensure!(headings.len() == expected.steps.len() + 1, "one heading per step, and one more: {headings:?}");
    for (heading, step) in headings.iter().zip(&expected.steps) {
        let tail = format!("{} — {}", escape_markdown(&step.title), step.status_label);
        ensure!(heading.ends_with(&tail), "{heading:?} should end with {tail:?}");
    }
    ensure!(md.contains(&expected.takeaway), "the take-home list is in the Markdown");
    Ok(())
}

fn check_json(text: &str, expected: &ReportDocument) -> Result<()> {
    // The documented shape (docs/report-json.md): these fields, and no other.
    let value: serde_json::Value = serde_json::from_str(text).context("the JSON report parses")?;
    let mut keys: Vec<&str> = value.as_object().context("an object")?.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["audit", "counts", "generated_at_ms", "lang", "pack", "schema", "steps", "takeaway"]);
    assert_eq!(value["schema"], "premiers-pas/report/1");
    let doc: ReportDocument = serde_json::from_value(value)?;
    assert_eq!(doc.lang, Lang::Fr);
    assert_eq!(doc.pack, expected.pack);
    assert_eq!(doc.counts, expected.counts);
    assert!(doc.audit.is_some(), "the facts of the audit are in the report");
    let brief = |d: &ReportDocument| {
        d.steps.iter().map(|s| (s.id.clone(), s.status, s.status_label.clone())).collect::<Vec<_>>()
    };
    assert_eq!(brief(&doc), brief(expected), "the steps and their statuses, as the engine found them");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn report_saved_as_html_markdown_json_through_the_save_dialog_and_a_cancel_writes_nothing() -> Result<()>
{
    if dialog::unavailable() {
        return Ok(());
    }
    let home = fixture_home("debian-firefox-ubo");
    let expected = engine_report(&home)?;
    ensure!(!expected.steps.is_empty() && expected.counts.done > 0, "a report worth checking: {expected:?}");
    let data = tempfile::tempdir()?;
    let out = tempfile::tempdir()?;
    let app = App::start(&Launch::new(&home, data.path()).mode("home").pack(PACK)).await?;
    app.statuses().await?;
    app.click_text("nav button", &t("fr", "nav.summary")?).await?;
    app.find(".report-actions").await?;

    // Escape: nothing written, and the page says it was cancelled, not that it failed.
    save_report(&app, "html", None).await?;
    app.wait_text(REPORT_STATUS, &t("fr", "summary.save_cancelled")?).await?;
    assert_eq!(app.count(REPORT_ALERT).await?, 0, "a cancelled save is not an error");
    assert!(tree(out.path())?.is_empty(), "a cancelled save writes nothing");

    let html = out.path().join("rapport.html");
    save_report(&app, "html", Some(&html)).await?;
    says_saved(&app, &html).await?;
    check_html(&std::fs::read_to_string(&html)?, &expected)?;

    let md = out.path().join("rapport.md");
    save_report(&app, "markdown", Some(&md)).await?;
    says_saved(&app, &md).await?;
    check_markdown(&std::fs::read_to_string(&md)?, &expected)?;

    let json = out.path().join("rapport.json");
    save_report(&app, "json", Some(&json)).await?;
    says_saved(&app, &json).await?;
    check_json(&std::fs::read_to_string(&json)?, &expected)?;

    let written: Vec<String> = tree(out.path())?.into_keys().collect();
    assert_eq!(written, ["rapport.html", "rapport.json", "rapport.md"], "exactly the files asked for");
    app.close().await
}

/// A French plural message for `n`, as the interface writes it: French puts 0 and 1 in the singular, and a
/// no-break space joins the count to its noun.
fn counted_fr(key: &str, n: u32) -> Result<String> {
    let form = if n <= 1 { "one" } else { "other" };
    Ok(t("fr", &format!("{key}_{form}"))?.replace("{count} ", &format!("{n}\u{a0}")))
}

/// The directory's one-line state, once it has one ("… : N hébergeurs, M services.").
async fn directory_line(app: &App, orgs: u32, services: u32) -> Result<String> {
    let count = |key: &str, n: u32| counted_fr(&format!("chatons.directory.{key}"), n);
    let template = t("fr", "chatons.directory.updated")?;
    let (_, rest) = template.split_once("{orgs}").context("the directory line names the organizations")?;
    let tail = rest.replace("{services}", &count("services", services)?);
    app.wait_text(".chatons .age", &format!("{}{tail}", count("hosts", orgs)?)).await
}

/// Opens the CHATONS directory from the CHATONS step of the overview.
async fn open_directory(app: &App) -> Result<()> {
    app.click("[data-step=chatons-host] button").await?;
    app.click_text("button", &t("fr", "step.find_host")?).await
}

#[tokio::test(flavor = "multi_thread")]
async fn directory_exported_through_the_save_dialog_and_imported_through_the_open_dialog() -> Result<()> {
    if dialog::unavailable() {
        return Ok(());
    }
    let home = fixture_home("debian-firefox-ubo");
    let federation = Federation::serve("clean")?;
    let source = federation.url();
    let out = tempfile::tempdir()?;
    let file = out.path().join("annuaire.json");

    let first = tempfile::tempdir()?;
    let app = App::start(&Launch::new(&home, first.path()).mode("home").pack(PACK).source(&source)).await?;
    open_directory(&app).await?;
    app.click("button.refresh").await?;
    app.find(".chatons .layout").await?;
    ensure!(federation.requests() > 0, "the refresh read the loopback federation");

    app.click_text(".chatons .file button", &t("fr", "chatons.directory.export_short")?).await?;
    let dialog = app_dialog(EXPORT_DIRECTORY).await?;
    ensure!(
        app.count(".chatons .panel-actions button[aria-disabled='true']").await? >= 3,
        "the directory waits for the dialog"
    );
    dialog.save_as(&file).await?;
    app.wait_text(".chatons .outcome", &file.display().to_string()).await?;
    app.wait_text(".chatons .outcome", &t("fr", "chatons.directory.exported")?).await?;

    // What the file holds, read by the engine itself: a directory, with organizations.
    let mut store = DirectoryStore::ephemeral();
    let status = store.import(&file, &Journal::default()).context("the exported file is a directory")?;
    ensure!(status.available && status.organizations > 0, "the exported directory has hosts: {status:?}");
    directory_line(&app, status.organizations, status.services).await?;
    app.close().await?;

    // Another computer: a fresh data folder, no network source, the file carried over.
    let second = tempfile::tempdir()?;
    let app = App::start(&Launch::new(&home, second.path()).mode("home").pack(PACK)).await?;
    open_directory(&app).await?;
    let requests = federation.requests();
    app.click_text(".chatons button", &t("fr", "chatons.directory.import")?).await?;
    app_dialog(IMPORT_DIRECTORY).await?.open(&file).await?;
    let imported = counted_fr("chatons.directory.imported", status.organizations)?;
    app.wait_text(".chatons .outcome", &imported).await?;
    directory_line(&app, status.organizations, status.services).await?;
    assert_eq!(federation.requests(), requests, "the import read the file, not the network");
    app.close().await
}

/// A volunteer's own pack, as checklists/README.md teaches to write one (with comments).
fn own_pack_text() -> Result<String> {
    let path = workspace_root().join("crates/core/tests/fixtures/packs/own/atelier-courriel.toml");
    Ok(std::fs::read_to_string(path)?)
}

#[tokio::test(flavor = "multi_thread")]
async fn own_pack_added_through_the_open_dialog_presented_and_there_at_the_next_launch() -> Result<()> {
    if dialog::unavailable() {
        return Ok(());
    }
    let own = "atelier-courriel";
    let text = own_pack_text()?;
    let out = tempfile::tempdir()?;
    let file = out.path().join("mon-atelier.toml");
    std::fs::write(&file, &text)?;
    let data = tempfile::tempdir()?;
    let launch = Launch::french().data_dir(data.path()).mode("workshop");
    let card = format!("[data-pack={own}]");

    let app = App::start(&launch).await?;
    app.wait_text("main h1", &t("fr", "workshop.choose_title")?).await?;
    ensure!(app.count(&card).await? == 0, "no own pack yet");
    app.click_text("main button", &t("fr", "workshop.add_pack")?).await?;
    app_dialog(ADD_PACK).await?.open(&file).await?;
    let added = t("fr", "workshop.added")?.replace("{pack}", "Atelier courriel");
    app.wait_text(".own [role=status]", &added).await?;
    app.wait_text(&card, &t("fr", "workshop.own_pack")?).await?;
    ensure!(app.count("main [role=alert]").await? == 0, "no error after adding a valid pack");
    // Kept in the data folder, the volunteer's comments included.
    let kept = data.path().join("packs").join(format!("{own}.toml"));
    assert_eq!(std::fs::read_to_string(&kept)?, text);
    app.screenshot("workshop-own-pack-fr").await?;
    app.switch_lang("en").await?;
    app.wait_text(&card, "Mail workshop").await?;
    app.screenshot("workshop-own-pack-en").await?;
    app.switch_lang("fr").await?;

    // Presented like any pack.
    app.click_text(&format!("{card} button"), "Atelier courriel").await?;
    app.wait_text("[data-testid=presenter-position]", "2").await?;
    app.click_text(".presenter button", &t("fr", "workshop.presentation")?).await?;
    app.wait_attr("[data-slide]", "data-slide", "0").await?;
    app.wait_text("main[data-slide] h1", "Une adresse chez un hébergeur éthique").await?;
    app.screenshot("workshop-own-pack-presentation-fr").await?;
    app.close().await?;

    // The next launch: still there, still the volunteer's own.
    let app = App::start(&launch).await?;
    app.wait_text("main h1", &t("fr", "workshop.choose_title")?).await?;
    app.wait_text(&card, &t("fr", "workshop.own_pack")?).await?;
    app.screenshot("workshop-own-pack-relaunched-fr").await?;
    app.close().await
}
