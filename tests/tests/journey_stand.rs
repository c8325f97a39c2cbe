//! The stand journey on the real app: the laptop is not looked at (every step is the visitor's to tell,
//! though the laptop has Firefox and uBlock Origin), a visitor goes through the steps, ticks two, refreshes
//! the CHATONS directory (no file to import or export), takes their list home — and the data folder is
//! exactly as it was before (a directory and saved progress from earlier are there, read, never written).
//! "Next visitor" forgets everything.
//! Screenshots in French and English go to `target/e2e-shots/stand-*`.

use std::path::Path;
use std::sync::Arc;

use anyhow::{ensure, Result};
use premiers_pas_core::checklist::{Answer, Library};
use premiers_pas_core::directory::{CancellationToken, DirectoryStore, RefreshOptions};
use premiers_pas_core::journal::Journal;
use premiers_pas_core::session::{AuditTarget, Mode, Session};
use premiers_pas_core::{Lang, OsFamily};
use premiers_pas_e2e::{t, tree, workspace_root, App, AppWindow, Federation, Launch, User};

/// A data folder as a volunteer's laptop has it: a CHATONS directory fetched earlier, and someone's
/// saved progress from a home session.
async fn lived_in_data_folder(dir: &Path, federation: &Federation, home: &Path) -> Result<()> {
    let journal = Journal::default();
    let mut store = DirectoryStore::open(dir, &Journal::new());
    let options = RefreshOptions { source: federation.url(), ..RefreshOptions::default() };
    store.refresh(&options, &journal, &|_| {}, &CancellationToken::new()).await?;
    let library = Arc::new(Library::builtin()?);
    let target = AuditTarget::home(home, Some(OsFamily::Linux));
    let (mut session, _) = Session::start(Mode::Home, "premiers-pas", library, target, dir, journal)?;
    session.run_audit(Lang::Fr)?;
    session.set_answer("chatons-host", Some(Answer::Done), Lang::Fr)?;
    Ok(())
}

/// Waits until `done` says so, for at most 30 s (a launch on a loaded machine): what was waited for is
/// asserted after.
async fn until(mut done: impl FnMut() -> Result<bool>) -> Result<()> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        if done()? || std::time::Instant::now() > deadline {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn both_languages(app: &App, name: &str) -> Result<()> {
    app.screenshot(&format!("stand-{name}-fr")).await?;
    app.switch_lang("en").await?;
    app.screenshot(&format!("stand-{name}-en")).await?;
    app.switch_lang("fr").await
}

#[tokio::test(flavor = "multi_thread")]
async fn stand_journey_writes_nothing_and_next_visitor_forgets() -> Result<()> {
    let home = workspace_root().join("crates/core/tests/fixtures/homes/debian-firefox-ubo");
    let data = tempfile::tempdir()?;
    let federation = Federation::serve("clean")?;
    lived_in_data_folder(data.path(), &federation, &home).await?;
    let before = tree(data.path())?;
    ensure!(before.len() >= 2, "the data folder holds a directory and progress: {before:?}");

    // Stand mode chosen on the welcome screen, as a volunteer setting up does. (`--mode stand` opens the
    // webview in incognito, whose WebKit context refuses WebDriver automation: it cannot be driven.)
    let launch = Launch::new(&home, data.path()).source(&federation.url()).option("--idle-seconds", "600");
    let app = App::start(&launch).await?;
    app.click("ul button[data-mode=stand]").await?;
    let first = app.statuses().await?;
    // Neither the laptop's Firefox and uBlock Origin nor the home session's saved answer are the
    // visitor's: every step waits for their word.
    assert_eq!(first.len(), 6, "{first:?}");
    assert!(
        first.iter().all(|(_, status)| status == "manual"),
        "every step is the visitor's call: {first:?}"
    );
    assert!(!app.page_text().await?.contains("Firefox est installé"), "nothing said of the laptop");
    both_languages(&app, "overview").await?;

    // The visitor ticks a step the laptop could have answered, and a manual one.
    app.click("[data-step=firefox] button").await?;
    app.find("[data-step-page=firefox]").await?;
    ensure!(app.count("#found").await? == 0, "no \"what we found\" about the laptop at a stand");
    both_languages(&app, "step").await?;
    app.click_text(".answer button", &t("fr", "step.answer_done")?).await?;
    app.wait_attr(".answer button[aria-checked=true]", "aria-checked", "true").await?;
    app.click_text("nav button", &t("fr", "nav.steps")?).await?;
    app.wait_attr("[data-step=firefox]", "data-status", "done").await?;
    app.click("[data-step=private-maps] button").await?;
    app.click_text(".answer button", &t("fr", "step.answer_done")?).await?;
    app.wait_attr(".answer button[aria-checked=true]", "aria-checked", "true").await?;
    app.click_text("nav button", &t("fr", "nav.steps")?).await?;
    app.wait_attr("[data-step=private-maps]", "data-status", "done").await?;

    // The CHATONS search, on the directory found in the data folder, then a refresh.
    app.click("[data-step=chatons-host] button").await?;
    app.click_text("button", &t("fr", "step.find_host")?).await?;
    app.find(".chatons .layout").await?;
    ensure!(
        app.count(".chatons .panel .file").await? == 0,
        "no directory file to import or export at a stand"
    );
    let requests = federation.requests();
    app.click("button.refresh").await?;
    app.wait_text(".chatons", &t("fr", "chatons.directory.report_title")?).await?;
    assert!(federation.requests() > requests, "the refresh asked the federation");
    both_languages(&app, "chatons").await?;
    // A host's card: their website is a code for the visitor's phone; nothing opens on the laptop.
    app.click(".chatons .layout li button").await?;
    app.find(".host-card .code [role=img]").await?;
    ensure!(
        app.count(".host-card button.primary, .host-card button.link").await? == 0,
        "no button that opens the laptop's browser at a stand"
    );
    both_languages(&app, "host-card").await?;

    // The take-home list: every step but the two the visitor said done, the laptop's Firefox or not.
    app.click_text("nav button", &t("fr", "nav.takeaway")?).await?;
    app.find("[data-testid=takeaway-qr]").await?;
    let list = app.wait_text(".takeaway .list", "—").await?;
    let pack = Library::builtin()?.pack("premiers-pas")?.clone();
    for step in &pack.steps {
        let listed = list.contains(step.title.get(Lang::Fr));
        let said_done = step.id == "firefox" || step.id == "private-maps";
        assert_eq!(listed, !said_done, "{} in the take-home list: {list}", step.id);
    }
    both_languages(&app, "takeaway").await?;

    assert_eq!(tree(data.path())?, before, "nothing written to the data folder during the visit");

    // Next visitor: back to the stand's welcome (one big button), and nothing of the previous visit left.
    // The bar's button asks first: a visitor who reads it as "next step" loses nothing.
    app.click("button.next-visitor").await?;
    app.click("button.next-visitor-confirm").await?;
    app.find("button.start[data-mode=stand]").await?;
    both_languages(&app, "welcome").await?;
    app.click("button.start[data-mode=stand]").await?;
    let again = app.statuses().await?;
    assert_eq!(again, first, "the next visitor starts where the first one did");
    app.click_text("nav button", &t("fr", "nav.transparency")?).await?;
    app.find("main h1").await?;
    let looked_at = app.page_text().await?;
    assert!(!looked_at.contains("127.0.0.1"), "the previous visit's requests are forgotten: {looked_at}");
    assert!(!looked_at.contains(".mozilla"), "the laptop's browsers are not read at a stand: {looked_at}");
    both_languages(&app, "transparency").await?;
    app.close().await?;

    assert_eq!(tree(data.path())?, before, "nothing written to the data folder, ever");
    Ok(())
}

/// `--mode stand` opens an incognito webview, which WebDriver cannot drive; started on its own, it still
/// must come up, stay up, and write nothing: not to the data folder, and not to the user's folders either
/// (WebKit's own website data, and the caches of the libraries under it such as compiled GPU shaders, go
/// to a throwaway folder in the runtime folder, swept once the stand is gone).
#[tokio::test(flavor = "multi_thread")]
async fn a_stand_launch_writes_nothing_while_it_runs() -> Result<()> {
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        // The harness's own test already says what a missing display means.
        return Ok(());
    }
    let home = workspace_root().join("crates/core/tests/fixtures/homes/debian-firefox-ubo");
    let data = tempfile::tempdir()?;
    let user = User::new()?;
    let runtime = tempfile::tempdir()?;
    let federation = Federation::serve("clean")?;
    lived_in_data_folder(data.path(), &federation, &home).await?;
    let before = tree(data.path())?;
    let _turn = premiers_pas_e2e::app_turn().await;
    let args = Launch::new(&home, data.path()).mode("stand").source(&federation.url()).args();
    let launch = || -> Result<std::process::Child> {
        Ok(user
            .apply(&mut std::process::Command::new(premiers_pas_e2e::app_binary()?))
            .args(&args)
            .env("XDG_RUNTIME_DIR", runtime.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()?)
    };
    let throwaway = |pid: u32| runtime.path().join(format!("premiers-pas-stand-{pid}"));

    let salted = |pid: u32| tree(&throwaway(pid)).is_ok_and(|files| files.keys().any(|k| k.contains("salt")));

    let mut first = launch()?;
    // Until WebKit has written its website data, or the app has ended.
    until(|| Ok(salted(first.id()) || first.try_wait()?.is_some())).await?;
    let running = first.try_wait()?.is_none();
    let webkit_files = tree(&throwaway(first.id()));
    let _ = first.kill();
    let _ = first.wait();
    assert!(running, "the app in stand mode stays up");
    assert!(salted(first.id()), "WebKit's website data went to the throwaway folder: {webkit_files:?}");

    // Killed, it could not clean up: the next start sweeps what it left.
    let mut second = launch()?;
    let swept = || !throwaway(first.id()).exists();
    let own = |second: &std::process::Child| throwaway(second.id()).is_dir();
    until(|| Ok((swept() && own(&second)) || second.try_wait()?.is_some())).await?;
    let (swept, own) = (swept(), own(&second));
    let _ = second.kill();
    let _ = second.wait();
    assert!(swept, "the killed stand's throwaway folder is swept at the next start");
    assert!(own, "the new stand has its own throwaway folder");

    assert_eq!(tree(data.path())?, before, "nothing written to the data folder");
    // Files only: toolkits may create an empty cache folder, which holds nothing of anyone.
    let files: Vec<String> =
        tree(user.home())?.into_iter().filter(|(_, kind)| kind != "dir").map(|(path, _)| path).collect();
    assert!(files.is_empty(), "nothing written to the user's folders: {files:?}");
    Ok(())
}

/// A stand launched as one holds a request to close its window (the close button, Alt+F4) once its page
/// listens: the visitor stays in the app, and the page asks. "Non, rester" (which has the focus) keeps the
/// stand, and the next request is held again; the volunteer's "Fermer l'application" closes it, cleanly
/// (its throwaway folder goes with it). Driven with the keyboard, as WebDriver cannot drive a launched
/// stand.
#[tokio::test(flavor = "multi_thread")]
async fn a_stand_launch_asks_before_it_closes() -> Result<()> {
    use std::io::BufRead;
    use std::time::{Duration, Instant};

    if std::env::var_os("DISPLAY").is_none() || premiers_pas_e2e::dialog::unavailable() {
        // The harness's own test already says what a missing display means; `unavailable` said the rest.
        return Ok(());
    }
    let home = workspace_root().join("crates/core/tests/fixtures/homes/debian-firefox-ubo");
    let data = tempfile::tempdir()?;
    let user = User::new()?;
    let runtime = tempfile::tempdir()?;
    let _turn = premiers_pas_e2e::app_turn().await;
    let args = Launch::new(&home, data.path()).mode("stand").args();
    let mut stand = user
        .apply(&mut std::process::Command::new(premiers_pas_e2e::app_binary()?))
        .args(&args)
        .env("XDG_RUNTIME_DIR", runtime.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()?;
    // The shell says when its page listens: from then on a request to close is held.
    let (ready_tx, ready) = std::sync::mpsc::channel();
    let stderr = stand.stderr.take().ok_or_else(|| anyhow::anyhow!("no standard error to read"))?;
    // And when its page has asked, the question on screen with the focus on "Non, rester": from then on
    // a key answers it.
    let (asked_tx, asked) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.contains("stand ready") {
                let _ = ready_tx.send(());
            }
            if line.contains("the page asks whether to close") {
                let _ = asked_tx.send(());
            }
        }
    });
    let result = async {
        let window = AppWindow::of(stand.id()).await?;
        ready
            .recv_timeout(Duration::from_secs(30))
            .map_err(|_| anyhow::anyhow!("the stand never said it was ready"))?;
        let asks = || {
            asked.recv_timeout(Duration::from_secs(30)).map_err(|_| anyhow::anyhow!("the page never asked"))
        };
        let exited =
            |stand: &mut std::process::Child, within: Duration| -> Result<Option<std::process::ExitStatus>> {
                let deadline = Instant::now() + within;
                loop {
                    if let Some(status) = stand.try_wait()? {
                        return Ok(Some(status));
                    }
                    if Instant::now() > deadline {
                        return Ok(None);
                    }
                    std::thread::sleep(Duration::from_millis(100));
                }
            };

        window.ask_to_close()?;
        asks()?;
        ensure!(
            exited(&mut stand, Duration::from_secs(2))?.is_none(),
            "a request to close the stand is held"
        );
        window.keys(&["Return"]).await?;
        ensure!(exited(&mut stand, Duration::from_secs(1))?.is_none(), "\"Non, rester\" keeps the stand");

        window.ask_to_close()?;
        asks()?;
        ensure!(exited(&mut stand, Duration::from_secs(2))?.is_none(), "the next request is held too");
        window.keys(&["Tab", "Return"]).await?;
        let status = exited(&mut stand, Duration::from_secs(15))?;
        let status =
            status.ok_or_else(|| anyhow::anyhow!("\"Fermer l'application\" did not close the stand"))?;
        ensure!(status.success(), "the stand closed cleanly: {status}");
        let throwaway = runtime.path().join(format!("premiers-pas-stand-{}", stand.id()));
        ensure!(!throwaway.exists(), "a stand closed by the volunteer takes its throwaway folder with it");
        Ok(())
    }
    .await;
    let _ = stand.kill();
    let _ = stand.wait();
    result
}
