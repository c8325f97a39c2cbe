//! The shell's own errors: what can go wrong between the webview and the core (no session yet, a refused
//! link, a file dialog). Everything else is the core's error, passed through with its code.

use premiers_pas_core::{ErrorCode, IpcError};

/// What the shell itself refuses or fails to do.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ShellError {
    /// A command needs a session and none has started.
    #[error("no session has started yet: choose how the app is used first")]
    NotStarted,
    /// The app was launched for a stand; it stays one, so nothing can be kept by mistake.
    #[error("this app was started for a stand and stays in stand mode")]
    ModeLocked,
    /// At a stand the visitor holds the mouse: nothing that opens the laptop's files (a file dialog to
    /// import, export or save) is offered to them.
    #[error("not at a stand: this would open the computer's files")]
    NotAtStand,
    /// Only http(s) addresses are opened.
    #[error("only web addresses (http or https) can be opened")]
    UrlRefused { url: String },
    /// The default browser could not be started.
    #[error("the web browser could not be opened")]
    OpenFailed(#[source] std::io::Error),
    /// A file the person chose could not be written.
    #[error("could not write {path}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The system file dialog failed.
    #[error("the file dialog could not be shown ({0})")]
    Dialog(String),
    /// The window could not be changed (full screen).
    #[error("the window could not be changed ({0})")]
    Window(String),
    /// The webview could not print.
    #[error("the page could not be printed ({0})")]
    Print(String),
    /// A directory refresh is already running (a second one would fetch every file twice).
    #[error("the directory is already being refreshed")]
    RefreshRunning,
    /// Work handed to a blocking thread did not finish (it panicked).
    #[error("the task stopped unexpectedly ({0})")]
    Task(String),
}

impl ErrorCode for ShellError {
    fn code(&self) -> &'static str {
        match self {
            ShellError::NotStarted => "session.not_started",
            ShellError::ModeLocked => "session.mode_locked",
            ShellError::NotAtStand => "stand.not_allowed",
            ShellError::UrlRefused { .. } => "url.refused",
            ShellError::OpenFailed(_) => "url.open_failed",
            ShellError::Write { .. } => "file.write_failed",
            ShellError::Dialog(_) => "dialog.failed",
            ShellError::Window(_) => "window.failed",
            ShellError::Print(_) => "print.failed",
            ShellError::RefreshRunning => "directory.refresh_running",
            ShellError::Task(_) => "task.failed",
        }
    }

    fn detail(&self) -> Option<String> {
        match self {
            ShellError::UrlRefused { url } => Some(url.chars().take(200).collect()),
            other => std::error::Error::source(other).map(ToString::to_string),
        }
    }
}

/// Any coded error as what the webview receives.
pub fn ipc<E: ErrorCode>(err: E) -> IpcError {
    IpcError::from_coded(&err)
}
