//! Drives the real Premiers Pas app for end-to-end tests.
//!
//! Each test starts its own `tauri-driver` (which starts WebKitWebDriver, which starts the app) on free
//! loopback ports, in its own process group so that nothing lingers after the test, and talks to it with
//! fantoccini. Failure modes are made loud and bounded: no display, no driver, no app binary, or an app
//! that never answers each end in a clear error within seconds, never a hang.
//!
//! Beside the app, the journeys need a few honest props: a CHATONS federation served on 127.0.0.1
//! ([`Federation`]), a fresh data folder, a fingerprint of a folder tree ([`tree`]) to prove that a stand
//! wrote nothing, and an empty home for every app a test starts ([`User`]), so that no test reads or
//! leaves anything in the home of the person running it. Each test says how it launches the app (mode,
//! pack, directory source) with [`Launch`].

pub mod dialog;
mod federation;
mod folder;
pub mod keyboard;
mod launch;
mod user;
mod window;

use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};

pub use federation::Federation;
pub use folder::tree;
pub use launch::Launch;
pub use user::User;
pub use window::AppWindow;

/// How long the app may take to show its first page.
const SESSION_TIMEOUT: Duration = Duration::from_secs(60);
/// How long to wait for an element to appear.
pub const WAIT: Duration = Duration::from_secs(15);

/// How long any single WebDriver command may take before the test fails instead of hanging.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(30);

/// Runs one WebDriver exchange with a deadline: a stuck driver fails the test, it never hangs it.
async fn bounded<T, E>(what: &str, fut: impl std::future::Future<Output = Result<T, E>>) -> Result<T>
where
    E: std::error::Error + Send + Sync + 'static,
{
    tokio::time::timeout(COMMAND_TIMEOUT, fut)
        .await
        .with_context(|| format!("{what}: no answer from the driver within {COMMAND_TIMEOUT:?}"))?
        .with_context(|| format!("{what} failed"))
}

/// An interface string from `ui/src/i18n/<lang>.json` (a dotted key), placeholders left as they are: the
/// journeys find buttons by the words a person reads, in either language — so in its typography, as the
/// interface shows it (French spaces before `:` and the like are narrow no-break ones).
pub fn t(lang: &str, key: &str) -> Result<String> {
    let path = workspace_root().join("ui/src/i18n").join(format!("{lang}.json"));
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let catalog: serde_json::Value = serde_json::from_str(&text)?;
    let found = key.split('.').try_fold(&catalog, |node, part| node.get(part));
    let template = found
        .and_then(serde_json::Value::as_str)
        .with_context(|| format!("no string `{key}` in {}", path.display()))?;
    let lang = premiers_pas_core::Lang::parse(lang).unwrap_or_default();
    Ok(premiers_pas_core::i18n::typeset(template, lang).into_owned())
}

/// The workspace root (this crate lives in `tests/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// The cargo target folder.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| workspace_root().join("target"))
}

/// The app binary under test: `PREMIERS_PAS_APP`, else the debug build.
pub fn app_binary() -> Result<PathBuf> {
    let path = std::env::var_os("PREMIERS_PAS_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug").join("premiers-pas-app"));
    if !path.is_file() {
        bail!("the app binary {} does not exist: build it first (`make e2e` does)", path.display());
    }
    Ok(path)
}

fn require_display() -> Result<()> {
    let has = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
    if !has("DISPLAY") && !has("WAYLAND_DISPLAY") {
        bail!(
            "no display: end-to-end tests open a real window. Run them under a display server, \
             e.g. `xvfb-run -a cargo test -p premiers-pas-e2e` (`make test` does this)"
        );
    }
    Ok(())
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?.local_addr()?.port())
}

/// A running `tauri-driver`, stopped with its whole process group when dropped.
#[derive(Debug)]
pub struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    /// Starts the driver, and so the app it starts, as `user`.
    fn start(user: &User) -> Result<Self> {
        let port = free_port()?;
        let native_port = free_port()?;
        let mut cmd = Command::new("tauri-driver");
        user.apply(&mut cmd);
        cmd.args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            // WebKit's DMA-BUF renderer switch would save memory, but with it WebKitWebDriver's
            // screenshots never return under Xvfb: keep the default renderer.
            .env_remove("WEBKIT_DISABLE_DMABUF_RENDERER")
            .stdin(Stdio::null())
            .stdout(Stdio::null());
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let child = cmd.spawn().context(
            "could not start tauri-driver: install it with `cargo install tauri-driver --version ^2 --locked` \
             (`make setup` does)",
        )?;
        let mut driver = Driver { child, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            if let Some(status) = driver.child.try_wait()? {
                bail!(
                    "tauri-driver exited early ({status}); is WebKitWebDriver installed (webkit2gtk-driver)?"
                );
            }
            if Instant::now() > deadline {
                bail!("tauri-driver did not listen on port {port} within 20 s");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(driver)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // SIGTERM to the group: tauri-driver, WebKitWebDriver and the app all go.
        let _ = Command::new("kill").args(["-TERM", "--", &format!("-{}", self.child.id())]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", self.child.id())]).status();
        let _ = self.child.wait();
    }
}

/// One app at a time: tests of a binary run on parallel threads, but each app with its WebKit processes
/// is heavy, and a volunteer's laptop runs one app too.
static ONE_APP_AT_A_TIME: std::sync::LazyLock<Arc<tokio::sync::Mutex<()>>> =
    std::sync::LazyLock::new(Arc::default);

/// Waits for this test's turn to run an app; a test that starts the app on its own (without WebDriver)
/// holds the turn while it runs.
pub async fn app_turn() -> tokio::sync::OwnedMutexGuard<()> {
    ONE_APP_AT_A_TIME.clone().lock_owned().await
}

/// The app, running, with a WebDriver session on its window.
#[derive(Debug)]
pub struct App {
    pub client: Client,
    // Fields drop in order: the session closes, then the driver stops, then its home goes, then the next
    // test may start.
    _driver: Driver,
    user: User,
    _turn: tokio::sync::OwnedMutexGuard<()>,
}

impl App {
    /// Starts the app as this test says.
    pub async fn start(launch: &Launch) -> Result<App> {
        let args = launch.args();
        // WebDriver passes the arguments as JSON strings: a path that is not UTF-8 cannot go through.
        let args = args
            .iter()
            .map(|a| a.to_str().with_context(|| format!("{a:?} is not UTF-8: WebDriver cannot pass it")))
            .collect::<Result<Vec<&str>>>()?;
        App::launch(&args).await
    }

    /// Starts the app with these raw command-line arguments (for a test of the options themselves;
    /// journeys say theirs with [`Launch`] and [`App::start`]).
    pub async fn launch(args: &[&str]) -> Result<App> {
        require_display()?;
        let binary = app_binary()?;
        let turn = app_turn().await;
        let user = User::new()?;
        let driver = Driver::start(&user)?;
        let mut caps = serde_json::Map::new();
        caps.insert("tauri:options".into(), serde_json::json!({ "application": binary, "args": args }));
        caps.insert("browserName".into(), "wry".into());
        let url = format!("http://127.0.0.1:{}", driver.port);
        // Two TLS back-ends meet in this crate (the core's ring, the WebDriver client's aws-lc-rs): rustls
        // then needs to be told which one to use. An error only means one is already installed.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client =
            tokio::time::timeout(SESSION_TIMEOUT, ClientBuilder::rustls()?.capabilities(caps).connect(&url))
                .await
                .context("the app did not open a WebDriver session within 60 s (did it crash at start?)")?
                .context("could not open a WebDriver session on the app")?;
        Ok(App { client, _driver: driver, user, _turn: turn })
    }

    /// The home folder the app runs in, its own and empty at launch ([`User`]).
    pub fn user_home(&self) -> &Path {
        self.user.home()
    }

    /// Waits for an element matching a CSS selector.
    pub async fn find(&self, css: &str) -> Result<fantoccini::elements::Element> {
        bounded(
            &format!("waiting for `{css}`"),
            self.client.wait().at_most(WAIT).for_element(Locator::Css(css)),
        )
        .await
    }

    /// Waits until the element's text contains `needle`, and returns the text.
    pub async fn wait_text(&self, css: &str, needle: &str) -> Result<String> {
        let deadline = Instant::now() + WAIT;
        loop {
            // One script reads the element and its text: a re-render between the two cannot go stale.
            let text = self
                .read("const e = document.querySelector(arguments[0]); return e ? e.innerText : null", &[css])
                .await?;
            let text = text.as_str().map(str::to_owned);
            if let Some(text) = &text {
                if text.contains(needle) {
                    return Ok(text.clone());
                }
            }
            if Instant::now() > deadline {
                bail!("`{css}` says {text:?}, which does not contain {needle:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the element matching a CSS selector (again if the page re-rendered it meanwhile).
    pub async fn click(&self, css: &str) -> Result<()> {
        let deadline = Instant::now() + WAIT;
        loop {
            let element = self.find(css).await?;
            match bounded(&format!("clicking `{css}`"), element.click()).await {
                Ok(()) => return Ok(()),
                Err(err) if Instant::now() > deadline => return Err(err),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    /// An attribute of the element matching a CSS selector (waiting for the element).
    pub async fn attr(&self, css: &str, name: &str) -> Result<Option<String>> {
        self.find(css).await?;
        let value = self
            .read(
                "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null",
                &[css, name],
            )
            .await?;
        Ok(value.as_str().map(str::to_owned))
    }

    /// Runs a script that reads the page (string arguments), and returns what it returns.
    async fn read(&self, script: &str, args: &[&str]) -> Result<serde_json::Value> {
        let args = args.iter().map(|a| serde_json::Value::from(*a)).collect();
        bounded("reading the page", self.client.execute(script, args)).await
    }

    /// Saves a screenshot of the window to `target/e2e-shots/<name>.png`.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        // Let the page paint what the test just waited for: WebKit's snapshot is of the last painted frame.
        // And give it something to paint meanwhile: WebKit answers a screenshot after the page's next frame,
        // and a page drawn in software (the app's `engine`) that has nothing new to draw sends none, so the
        // request would wait forever. A one-pixel dot, invisible (alpha 0.001 rounds to nothing), changes
        // for two seconds and then goes.
        let settle = "const done = arguments[arguments.length - 1]; \
                      const dot = document.createElement('div'); \
                      dot.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none'; \
                      document.documentElement.append(dot); let n = 0; \
                      const pulse = setInterval(() => { \
                        dot.style.background = n++ % 2 ? 'rgba(0,0,0,0)' : 'rgba(0,0,0,0.001)'; \
                        if (n > 40) { clearInterval(pulse); dot.remove(); } }, 50); \
                      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)));";
        bounded("waiting for the page to paint", self.client.execute_async(settle, vec![])).await?;
        let png = bounded("taking a screenshot", self.client.screenshot()).await?;
        let dir = target_dir().join("e2e-shots");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        Ok(path)
    }

    /// Waits until an element matching `css` has the attribute `name` equal to `value`.
    pub async fn wait_attr(&self, css: &str, name: &str, value: &str) -> Result<()> {
        let deadline = Instant::now() + WAIT;
        loop {
            let got = self.attr(css, name).await?;
            if got.as_deref() == Some(value) {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!("`{css}` has {name}={got:?}, not {value:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until nothing matches `css`.
    pub async fn wait_gone(&self, css: &str) -> Result<()> {
        let deadline = Instant::now() + WAIT;
        while self.count(css).await? > 0 {
            if Instant::now() > deadline {
                bail!("`{css}` is still there after {WAIT:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(())
    }

    /// How many elements match `css` right now (no waiting).
    pub async fn count(&self, css: &str) -> Result<usize> {
        Ok(bounded(&format!("counting `{css}`"), self.client.find_all(Locator::Css(css))).await?.len())
    }

    /// The value of attribute `name` on every element matching `css` right now, in document order.
    pub async fn attrs(&self, css: &str, name: &str) -> Result<Vec<String>> {
        let script = "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.getAttribute(arguments[1]) ?? '')";
        let value = bounded(
            &format!("reading `{name}` of every `{css}`"),
            self.client.execute(script, vec![css.into(), name.into()]),
        )
        .await?;
        Ok(serde_json::from_value(value)?)
    }

    /// The visible text of the whole page.
    pub async fn page_text(&self) -> Result<String> {
        let value =
            bounded("reading the page text", self.client.execute("return document.body.innerText", vec![]))
                .await?;
        Ok(value.as_str().unwrap_or_default().to_owned())
    }

    /// Clicks the first element matching `css` whose visible text contains `text` (what a person reads
    /// on the button), waiting for it to appear.
    pub async fn click_text(&self, css: &str, text: &str) -> Result<()> {
        let deadline = Instant::now() + WAIT;
        let script = "return Array.from(document.querySelectorAll(arguments[0])).findIndex(e => e.innerText.includes(arguments[1]))";
        loop {
            let index = self.read(script, &[css, text]).await?.as_i64().unwrap_or(-1);
            if let Ok(index) = usize::try_from(index) {
                let elements =
                    bounded(&format!("finding `{css}`"), self.client.find_all(Locator::Css(css))).await?;
                if let Some(element) = elements.get(index) {
                    let clicked = bounded(&format!("clicking `{css}` “{text}”"), element.click()).await;
                    if clicked.is_ok() || Instant::now() > deadline {
                        return clicked;
                    }
                }
            }
            if Instant::now() > deadline {
                bail!("no `{css}` says {text:?} after {WAIT:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Every overview step and its status (`data-step`, `data-status`), once all have one.
    pub async fn statuses(&self) -> Result<Vec<(String, String)>> {
        self.find("[data-step][data-status]").await?;
        let steps = self.attrs("[data-step][data-status]", "data-step").await?;
        let statuses = self.attrs("[data-step][data-status]", "data-status").await?;
        Ok(steps.into_iter().zip(statuses).collect())
    }

    /// Switches the interface language with the switch in the page, and waits for `<html lang>` and for
    /// the screen's text to change: a catalog that did not apply would leave the words as they were.
    pub async fn switch_lang(&self, lang: &str) -> Result<()> {
        const SCREEN_TEXT: &str = "return (document.querySelector('main') ?? document.body).innerText";
        let before = self.read(SCREEN_TEXT, &[]).await?;
        self.click(&format!("button[lang={lang}]")).await?;
        self.wait_attr("html", "lang", lang).await?;
        let deadline = Instant::now() + WAIT;
        while self.read(SCREEN_TEXT, &[]).await? == before {
            if Instant::now() > deadline {
                bail!("the screen says the same in {lang} as before: {before}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(())
    }

    /// Presses a key on whatever has the focus, as a keyboard or a presentation remote would (WebDriver
    /// actions: the key goes where the focus is, like a real key press).
    pub async fn press(&self, key: Key) -> Result<()> {
        let value = char::from(key);
        let keys = KeyActions::new("keyboard".to_owned())
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
        bounded(&format!("pressing {key:?}"), self.client.perform_actions(keys)).await
    }

    /// Ends the session and stops the app.
    pub async fn close(self) -> Result<()> {
        bounded("closing the WebDriver session", self.client.close()).await
    }
}
