//! The app's own window, as a window manager and a keyboard reach it: asked to close (the
//! `WM_DELETE_WINDOW` message a window manager sends for the close button or Alt+F4), given the focus,
//! sent keys. Xvfb runs no window manager, so the test plays its part; used where WebDriver cannot drive
//! the page (a stand launched as one is incognito, which WebKit's automation refuses).

use std::time::Instant;

use anyhow::{bail, Context, Result};
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt as _, EventMask};
use x11rb::CURRENT_TIME;

use crate::dialog::{environment_problem, focus, xdotool, xdotool_ok, DIALOG_WAIT};

/// The app's window title (`tauri.conf.json`).
const TITLE: &str = "^Premiers Pas$";

/// A running app's main window.
#[derive(Debug)]
pub struct AppWindow {
    id: String,
}

impl AppWindow {
    /// Waits (at most [`DIALOG_WAIT`]) for the window of the process `pid` to be shown.
    pub async fn of(pid: u32) -> Result<AppWindow> {
        if let Some(problem) = environment_problem() {
            bail!("waiting for the app's window: {problem}");
        }
        let pid = pid.to_string();
        let deadline = Instant::now() + DIALOG_WAIT;
        loop {
            let out = xdotool(&["search", "--onlyvisible", "--pid", &pid, "--name", TITLE])?;
            if let Some(id) = String::from_utf8_lossy(&out.stdout).split_whitespace().last() {
                return Ok(AppWindow { id: id.to_owned() });
            }
            if Instant::now() > deadline {
                bail!("the app (process {pid}) showed no window within {DIALOG_WAIT:?}");
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }

    /// Asks the window to close, as a window manager does.
    pub fn ask_to_close(&self) -> Result<()> {
        let window: u32 = self.id.parse().with_context(|| format!("window id {}", self.id))?;
        let (conn, _) = x11rb::connect(None).context("connecting to the X display")?;
        let atom = |name: &[u8]| -> Result<u32> { Ok(conn.intern_atom(false, name)?.reply()?.atom) };
        let (protocols, delete) = (atom(b"WM_PROTOCOLS")?, atom(b"WM_DELETE_WINDOW")?);
        let event = ClientMessageEvent::new(32, window, protocols, [delete, CURRENT_TIME, 0, 0, 0]);
        conn.send_event(false, window, EventMask::NO_EVENT, event)?.check()?;
        conn.flush()?;
        Ok(())
    }

    /// Presses keys (xdotool key names, e.g. `Tab`, `Return`) in the window.
    pub async fn keys(&self, keys: &[&str]) -> Result<()> {
        focus(&self.id, "the app's window").await?;
        let mut args = vec!["key", "--clearmodifiers"];
        args.extend_from_slice(keys);
        xdotool_ok(&args).with_context(|| format!("pressing {keys:?} in the app's window"))?;
        Ok(())
    }
}
