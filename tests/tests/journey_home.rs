//! The home journey on the real app: a fixture home audited, the statuses the engine gives shown on the
//! overview, a manual step ticked, the CHATONS directory fetched from a loopback federation, the summary
//! and the side screens — and after a restart, the progress still there; a second window on the same
//! progress is told the first one has it. Screenshots of each screen in
//! French and English go to `target/e2e-shots/home-*`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{ensure, Result};
use premiers_pas_core::checklist::Library;
use premiers_pas_core::journal::Journal;
use premiers_pas_core::progress::{ProgressStore, PROGRESS_FILE};
use premiers_pas_core::session::{AuditTarget, Mode, Session};
use premiers_pas_core::{Lang, OsFamily};
use premiers_pas_e2e::{t, workspace_root, App, Federation, Launch};

const PACK: &str = "premiers-pas";

fn fixture_home(case: &str) -> PathBuf {
    workspace_root().join("crates/core/tests/fixtures/homes").join(case)
}

/// What the engine says of this home, step by step: the statuses the overview must show.
fn engine_statuses(home: &Path) -> Result<Vec<(String, String)>> {
    let scratch = tempfile::tempdir()?;
    let library = Arc::new(Library::builtin()?);
    let target = AuditTarget::home(home, Some(OsFamily::Linux));
    // A workshop session: the engine's verdict without writing anything anywhere.
    let (mut session, _) =
        Session::start(Mode::Workshop, PACK, library, target, scratch.path(), Journal::default())?;
    let view = session.run_audit(Lang::Fr)?;
    view.steps
        .iter()
        .map(|step| {
            // The status as the UI receives it (and writes in `data-status`): its JSON form.
            let status = serde_json::to_value(step.status)?;
            Ok((step.id.clone(), status.as_str().unwrap_or_default().to_owned()))
        })
        .collect()
}

/// Takes a screenshot in French, switches to English for another, and back.
async fn both_languages(app: &App, name: &str) -> Result<()> {
    app.screenshot(&format!("home-{name}-fr")).await?;
    app.switch_lang("en").await?;
    app.screenshot(&format!("home-{name}-en")).await?;
    app.switch_lang("fr").await
}

fn status_of<'a>(statuses: &'a [(String, String)], step: &str) -> Option<&'a str> {
    statuses.iter().find(|(id, _)| id == step).map(|(_, s)| s.as_str())
}

#[tokio::test(flavor = "multi_thread")]
async fn home_journey_statuses_manual_step_directory_and_progress_after_restart() -> Result<()> {
    let home = fixture_home("debian-firefox-ubo");
    let data = tempfile::tempdir()?;
    let federation = Federation::serve("clean")?;
    let launch = Launch::new(&home, data.path()).mode("home").pack(PACK).source(&federation.url());

    let expected = engine_statuses(&home)?;
    // The fixture is known: Firefox with uBlock Origin, and Firefox the default browser. If the engine
    // said otherwise, the comparison below would prove little.
    ensure!(status_of(&expected, "firefox") == Some("done"), "engine: {expected:?}");
    ensure!(status_of(&expected, "ublock-origin") == Some("done"), "engine: {expected:?}");
    ensure!(status_of(&expected, "private-maps") != Some("done"), "engine: {expected:?}");

    let app = App::start(&launch).await?;
    let shown = app.statuses().await?;
    assert_eq!(shown, expected, "the overview shows what the engine found, in the pack's order");
    let evidence = app.page_text().await?;
    assert!(evidence.contains("uBlock Origin"), "the overview gives the evidence in words: {evidence}");
    both_languages(&app, "overview").await?;

    // A step the machine can check: its page says what was found.
    app.click("[data-step=ublock-origin] button").await?;
    app.find("[data-step-page=ublock-origin]").await?;
    both_languages(&app, "step-ublock-origin").await?;

    // A step only the person can tell: "I did it", then back to the overview.
    app.click_text("nav button", &t("fr", "nav.steps")?).await?;
    app.click("[data-step=private-maps] button").await?;
    app.find("[data-step-page=private-maps]").await?;
    app.click_text(".answer button", &t("fr", "step.answer_done")?).await?;
    app.wait_attr(".answer button[aria-checked=true]", "aria-checked", "true").await?;
    both_languages(&app, "step-manual-done").await?;
    app.click_text("nav button", &t("fr", "nav.steps")?).await?;
    app.wait_attr("[data-step=private-maps]", "data-status", "done").await?;

    // The CHATONS step: no directory yet; fetch it from the loopback federation.
    app.click("[data-step=chatons-host] button").await?;
    app.click_text("button", &t("fr", "step.find_host")?).await?;
    app.click("button.refresh").await?;
    app.find(".chatons .layout").await?;
    assert!(federation.requests() > 0, "the refresh read the federation");
    both_languages(&app, "chatons").await?;

    // The summary, what the app looked at, privacy, settings.
    for (place, name) in [
        ("nav.summary", "summary"),
        ("nav.transparency", "transparency"),
        ("nav.privacy", "privacy"),
        ("nav.settings", "settings"),
    ] {
        app.click_text("nav button", &t("fr", place)?).await?;
        app.find("main h1").await?;
        if name == "summary" {
            app.find("[data-testid=takeaway-qr]").await?;
        }
        both_languages(&app, name).await?;
    }
    let looked_at = {
        app.click_text("nav button", &t("fr", "nav.transparency")?).await?;
        app.find("main h1").await?;
        // A refresh is one line; its requests are behind it.
        app.click("[data-purpose=directory] summary").await?;
        app.page_text().await?
    };
    assert!(looked_at.contains(".mozilla"), "the transparency panel lists the files read: {looked_at}");
    assert!(looked_at.contains("127.0.0.1"), "and the requests made: {looked_at}");
    app.close().await?;

    // Saved progress: the next launch offers to continue, with the ticked step still done.
    ensure!(std::fs::read_dir(data.path())?.next().is_some(), "progress was saved in the data folder");
    let app = App::start(&launch).await?;
    app.wait_attr("[data-step=private-maps]", "data-status", "done").await?;
    app.wait_text("main", &t("fr", "overview.resume_title")?).await?;
    let again = app.statuses().await?;
    for (step, status) in &expected {
        let now = status_of(&again, step);
        if step == "private-maps" {
            assert_eq!(now, Some("done"), "the ticked step stays done");
        } else {
            assert_eq!(now, Some(status.as_str()), "{step} after a restart");
        }
    }
    both_languages(&app, "overview-resumed").await?;
    app.close().await
}

/// A second window on the same data folder (a double click on the icon while the app is open): it says
/// the progress is open in the first one and saves nothing; once the first one is closed, "Chez moi"
/// carries on with the saved progress.
#[tokio::test(flavor = "multi_thread")]
async fn a_second_window_is_told_the_progress_is_open_in_the_first() -> Result<()> {
    let home = fixture_home("debian-firefox-ubo");
    let data = tempfile::tempdir()?;
    // The first window's hold on the folder, taken as the app takes it.
    let first = ProgressStore::open_exclusive(data.path())?;

    let app = App::start(&Launch::new(&home, data.path()).mode("home").pack(PACK)).await?;
    app.wait_text(".error", &t("fr", "errors.progress.in_use")?).await?;
    ensure!(app.count("[data-step]").await? == 0, "no journey starts in the second window");
    app.screenshot("home-already-open-fr").await?;
    app.switch_lang("en").await?;
    app.wait_text(".error", &t("en", "errors.progress.in_use")?).await?;
    app.screenshot("home-already-open-en").await?;
    ensure!(!data.path().join(PROGRESS_FILE).exists(), "the second window wrote no progress");

    drop(first);
    app.click("button[data-mode=home]").await?;
    app.find("[data-step][data-status]").await?;
    ensure!(app.count(".error").await? == 0, "the message goes once the journey starts");
    app.close().await
}
