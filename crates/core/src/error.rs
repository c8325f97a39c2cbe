//! The one error shape that crosses a boundary (IPC, `--json` output).
//!
//! Each domain of the engine has its own `thiserror` enum; each implements [`ErrorCode`] so that a stable,
//! machine-readable code travels with the human message. Front-ends branch and translate on the code,
//! never on the text, so a code, once published, never changes meaning.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A stable identifier for an error, e.g. `checklist.unknown_check` or `directory.import_corrupt`.
///
/// Codes are `domain.reason` in snake case. They are part of the public contract with the UI.
pub trait ErrorCode: std::error::Error {
    /// The stable code of this error.
    fn code(&self) -> &'static str;

    /// Extra detail for the curious (a path, an underlying cause), shown behind a "details" toggle.
    fn detail(&self) -> Option<String> {
        std::error::Error::source(self).map(|s| s.to_string())
    }
}

/// What a front-end receives when a command fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IpcError {
    /// Stable code, e.g. `system.unavailable`. The UI translates by this code.
    pub code: String,
    /// A readable message (English or the requested language), used when the UI has no translation.
    pub message: String,
    /// Optional detail: a path, the underlying cause.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub detail: Option<String>,
}

impl IpcError {
    /// Builds the IPC shape from any coded error.
    pub fn from_coded<E: ErrorCode + ?Sized>(err: &E) -> Self {
        Self { code: err.code().to_owned(), message: err.to_string(), detail: err.detail() }
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for IpcError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    enum Sample {
        #[error("could not read {path}")]
        Read {
            path: String,
            #[source]
            source: std::io::Error,
        },
    }

    impl ErrorCode for Sample {
        fn code(&self) -> &'static str {
            match self {
                Sample::Read { .. } => "sample.read",
            }
        }
    }

    #[test]
    fn coded_error_keeps_code_message_and_cause() {
        let err = Sample::Read {
            path: "/x".into(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "gone"),
        };
        let ipc = IpcError::from_coded(&err);
        assert_eq!(ipc.code, "sample.read");
        assert_eq!(ipc.message, "could not read /x");
        assert_eq!(ipc.detail.as_deref(), Some("gone"));
        let json = serde_json::to_value(&ipc).unwrap();
        assert_eq!(json["code"], "sample.read");
    }

    #[test]
    fn detail_is_omitted_from_json_when_absent() {
        let ipc = IpcError { code: "a.b".into(), message: "m".into(), detail: None };
        let json = serde_json::to_string(&ipc).unwrap();
        assert!(!json.contains("detail"), "{json}");
    }
}
