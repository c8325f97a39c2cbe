//! Drives the real Premiers Pas app for end-to-end tests.
//!
//! Each test starts its own `tauri-driver` (which starts WebKitWebDriver, which starts the app) on free
//! loopback ports, in its own process group so that nothing lingers after the test, and talks to it with
//! fantoccini. Failure modes are made loud and bounded: no display, no driver, no app binary, or an app
//! that never answers each end in a clear error within seconds, never a hang.

use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use fantoccini::{Client, ClientBuilder, Locator};

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
    fn start() -> Result<Self> {
        let port = free_port()?;
        let native_port = free_port()?;
        let mut cmd = Command::new("tauri-driver");
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

/// The app, running, with a WebDriver session on its window.
#[derive(Debug)]
pub struct App {
    pub client: Client,
    // Fields drop in order: the session closes, then the driver stops, then the next test may start.
    _driver: Driver,
    _turn: tokio::sync::OwnedMutexGuard<()>,
}

impl App {
    /// Starts the app with these command-line arguments.
    pub async fn launch(args: &[&str]) -> Result<App> {
        require_display()?;
        let binary = app_binary()?;
        let turn = ONE_APP_AT_A_TIME.clone().lock_owned().await;
        let driver = Driver::start()?;
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
        Ok(App { client, _driver: driver, _turn: turn })
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
            let element = self.find(css).await?;
            let text = bounded(&format!("reading the text of `{css}`"), element.text()).await?;
            if text.contains(needle) {
                return Ok(text);
            }
            if Instant::now() > deadline {
                bail!("`{css}` says {text:?}, which does not contain {needle:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the element matching a CSS selector.
    pub async fn click(&self, css: &str) -> Result<()> {
        let element = self.find(css).await?;
        bounded(&format!("clicking `{css}`"), element.click()).await
    }

    /// An attribute of the element matching a CSS selector.
    pub async fn attr(&self, css: &str, name: &str) -> Result<Option<String>> {
        let element = self.find(css).await?;
        bounded(&format!("reading `{name}` of `{css}`"), element.attr(name)).await
    }

    /// Saves a screenshot of the window to `target/e2e-shots/<name>.png`.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let png = bounded("taking a screenshot", self.client.screenshot()).await?;
        let dir = target_dir().join("e2e-shots");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        Ok(path)
    }

    /// Ends the session and stops the app.
    pub async fn close(self) -> Result<()> {
        bounded("closing the WebDriver session", self.client.close()).await
    }
}
