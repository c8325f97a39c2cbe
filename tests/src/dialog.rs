//! The app's native file dialogs, driven as a person drives them: the dialog is found as its own X window
//! by its title, given the keyboard focus, and a full path is typed into it with `xdotool` (XTEST key
//! presses, which GTK takes as real ones).
//!
//! On Linux the app's dialogs are GTK 3 file choosers opened inside the app's process (tauri-plugin-dialog's
//! default `gtk3` backend of rfd, a `GtkFileChooserNative` that GTK shows as a plain `GtkFileChooserDialog`
//! outside Flatpak and Snap unless `GTK_USE_PORTAL=1`): no desktop portal, no window manager needed. That is
//! what this module relies on, and it says so when it is not the case instead of waiting for a window that
//! will never come. It deliberately does not look inside the dialog (no accessibility tree, no
//! screenshots): typing the path where GTK accepts one and seeing the window go is all a journey needs.
//!
//! Every wait is bounded and its error names the window awaited. Without `xdotool` the tests that need it
//! are skipped with a message on the test's standard error ([`unavailable`]); `make setup` installs it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

/// How long a dialog may take to appear after the click that opens it, or to go after its answer.
pub const DIALOG_WAIT: Duration = Duration::from_secs(20);
/// How long one `xdotool` command may take (typing a long path included).
const XDOTOOL_TIMEOUT: Duration = Duration::from_secs(15);
/// Pause between polls of the window list.
const POLL: Duration = Duration::from_millis(100);
/// A moment for GTK to take in what it was just sent (see [`Dialog::open`]).
const SETTLE: Duration = Duration::from_millis(500);
/// How many times an open dialog is sent Return before the test gives up on it.
const RETURNS: u32 = 3;

/// `true` when `xdotool` is not installed, after saying on the test's standard error that the test is
/// skipped and why (written past the test harness's capture, so that a skip never passes unseen).
pub fn unavailable() -> bool {
    let found = Command::new("xdotool")
        .arg("version")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: xdotool is not installed, so the native file dialogs cannot be driven; \
             install it (`make setup` does: it is in scripts/setup.sh)"
        );
    }
    !found
}

/// Runs `xdotool` with these arguments and returns its standard output; a command that does not end
/// within [`XDOTOOL_TIMEOUT`] is killed and reported.
pub(crate) fn xdotool(args: &[&str]) -> Result<std::process::Output> {
    let mut child = Command::new("xdotool")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("could not run xdotool (install it: `make setup` does)")?;
    let deadline = Instant::now() + XDOTOOL_TIMEOUT;
    while child.try_wait()?.is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            bail!("`xdotool {}` did not end within {XDOTOOL_TIMEOUT:?}", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(child.wait_with_output()?)
}

/// Like [`xdotool`], but a failure is an error carrying what xdotool said.
pub(crate) fn xdotool_ok(args: &[&str]) -> Result<String> {
    let out = xdotool(args)?;
    if !out.status.success() {
        bail!(
            "`xdotool {}` failed ({}): {}",
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Gives an X window the keyboard focus, and checks that it has it. Xvfb runs no window manager, so
/// `windowactivate` (which asks the window manager) may be refused; `windowfocus` sets the X input focus
/// itself, which is all GTK needs. `what` names the window in errors.
pub(crate) async fn focus(window: &str, what: &str) -> Result<()> {
    let deadline = Instant::now() + DIALOG_WAIT;
    loop {
        let activated = xdotool(&["windowactivate", "--sync", window]).is_ok_and(|o| o.status.success());
        if !activated {
            xdotool_ok(&["windowfocus", "--sync", window]).with_context(|| format!("focusing {what}"))?;
        }
        let focused = xdotool_ok(&["getwindowfocus"])?;
        if focused.trim() == window {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!(
                "{what} (window {window}) did not get the keyboard focus within {DIALOG_WAIT:?} (window {} \
                 has it)",
                focused.trim()
            );
        }
        tokio::time::sleep(POLL).await;
    }
}

/// The visible windows whose title is exactly `title`.
pub(crate) fn windows_titled(title: &str) -> Result<Vec<String>> {
    let pattern = format!("^{}$", regex_escape(title));
    let out = xdotool(&["search", "--onlyvisible", "--name", &pattern])?;
    // Exit status 1 with no output: no such window (yet).
    Ok(String::from_utf8_lossy(&out.stdout).split_whitespace().map(str::to_owned).collect())
}

/// `xdotool search` takes a regular expression: the title is matched literally.
fn regex_escape(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let special = "\\.^$|?*+()[]{}".contains(c);
            special.then_some('\\').into_iter().chain(std::iter::once(c))
        })
        .collect()
}

/// Says why no dialog window can be expected, when something in the environment makes it so.
pub(crate) fn environment_problem() -> Option<String> {
    if std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty()) {
        return Some("no X display (DISPLAY is unset): xdotool drives X windows; run under Xvfb".to_owned());
    }
    if std::env::var("GTK_USE_PORTAL").is_ok_and(|v| v.starts_with('1')) {
        return Some(
            "GTK_USE_PORTAL=1 sends GTK's file chooser through the desktop portal, outside the app: \
             unset it for these tests"
                .to_owned(),
        );
    }
    None
}

/// A native file dialog of the app, open on the screen.
#[derive(Debug)]
pub struct Dialog {
    title: String,
    window: String,
}

impl Dialog {
    /// Waits (at most [`DIALOG_WAIT`]) for the dialog titled exactly `title` to be shown.
    pub async fn wait(title: &str) -> Result<Dialog> {
        if let Some(problem) = environment_problem() {
            bail!("waiting for the dialog “{title}”: {problem}");
        }
        let deadline = Instant::now() + DIALOG_WAIT;
        loop {
            if let Some(window) = windows_titled(title)?.pop() {
                return Ok(Dialog { title: title.to_owned(), window });
            }
            if Instant::now() > deadline {
                bail!(
                    "no window titled “{title}” appeared within {DIALOG_WAIT:?}: the app did not open its \
                     file dialog (did the click reach the button? is the dialog going through a portal?)"
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Gives the dialog the keyboard focus, and checks that it has it.
    async fn focus(&self) -> Result<()> {
        focus(&self.window, &format!("the dialog “{}”", self.title)).await
    }

    /// Presses keys (xdotool key names, e.g. `ctrl+a`, `Return`) in the focused dialog.
    async fn keys(&self, keys: &[&str]) -> Result<()> {
        self.focus().await?;
        let mut args = vec!["key", "--clearmodifiers"];
        args.extend_from_slice(keys);
        xdotool_ok(&args).with_context(|| format!("pressing {keys:?} in the dialog “{}”", self.title))?;
        Ok(())
    }

    /// Types text in the focused dialog.
    async fn type_text(&self, text: &str) -> Result<()> {
        self.focus().await?;
        xdotool_ok(&["type", "--clearmodifiers", "--delay", "20", "--", text])
            .with_context(|| format!("typing {text:?} in the dialog “{}”", self.title))?;
        Ok(())
    }

    /// Save dialog: replaces the proposed name with the full path `path` (GTK's name field takes one) and
    /// confirms once (a second Return could answer “replace the file?”), then waits for the dialog to close.
    pub async fn save_as(self, path: &Path) -> Result<()> {
        let path = path.to_str().context("the path to type is not UTF-8")?;
        // As in `open`: key presses that reach the name field before it is realized are dropped.
        tokio::time::sleep(SETTLE).await;
        self.keys(&["ctrl+a"]).await?;
        self.type_text(path).await?;
        tokio::time::sleep(SETTLE).await;
        self.keys(&["Return"]).await?;
        self.wait_closed(DIALOG_WAIT, &format!("after typing {path} and Return")).await
    }

    /// Open dialog: types the full path `path` in the location field (Ctrl+L shows it) and confirms, then
    /// waits for the dialog to close.
    pub async fn open(self, path: &Path) -> Result<()> {
        let path = path.to_str().context("the path to type is not UTF-8")?;
        self.keys(&["ctrl+l"]).await?;
        // GTK drops the key presses that reach the location field before it is realized, and nothing
        // outside the app's process tells when it is: give it a moment, then replace whatever it holds.
        tokio::time::sleep(SETTLE).await;
        self.keys(&["ctrl+a"]).await?;
        self.type_text(path).await?;
        // The field completes what is typed as it goes, and may swallow a Return that comes while it
        // does. Return again only while the dialog stays open: in an open dialog it cannot overwrite.
        for _ in 1..RETURNS {
            tokio::time::sleep(SETTLE).await;
            self.keys(&["Return"]).await?;
            if self.wait_closed(SETTLE * 4, "").await.is_ok() {
                return Ok(());
            }
            eprintln!("the dialog “{}” is still open after Return: pressing it again", self.title);
        }
        tokio::time::sleep(SETTLE).await;
        self.keys(&["Return"]).await?;
        self.wait_closed(DIALOG_WAIT, &format!("after typing {path} and Return ({RETURNS} times)")).await
    }

    /// The program that shows the dialog (`/proc/<pid>/exe` of the window's `_NET_WM_PID`): the app itself
    /// when GTK draws the dialog in-process, a portal's program when it does not.
    pub fn owner(&self) -> Result<PathBuf> {
        let pid = xdotool_ok(&["getwindowpid", &self.window])
            .with_context(|| format!("which process shows the dialog “{}”", self.title))?;
        let exe = format!("/proc/{}/exe", pid.trim());
        std::fs::read_link(&exe).with_context(|| format!("reading {exe}"))
    }

    /// Cancels the dialog with Escape, and waits for it to close.
    pub async fn cancel(self) -> Result<()> {
        self.keys(&["Escape"]).await?;
        self.wait_closed(DIALOG_WAIT, "after Escape").await
    }

    /// Waits (at most `wait`) until no window has the dialog's title any more.
    async fn wait_closed(&self, wait: Duration, after: &str) -> Result<()> {
        let deadline = Instant::now() + wait;
        while !windows_titled(&self.title)?.is_empty() {
            if Instant::now() > deadline {
                bail!(
                    "the dialog “{}” is still open {after}, {wait:?} later (a question from GTK, such as \
                     “replace the file?” or “no such folder”, would keep it open)",
                    self.title
                );
            }
            tokio::time::sleep(POLL).await;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::regex_escape;

    #[test]
    fn titles_are_matched_literally() {
        assert_eq!(regex_escape("Exporter l'annuaire"), "Exporter l'annuaire");
        assert_eq!(regex_escape("a.b (c)?"), "a\\.b \\(c\\)\\?");
    }
}
