//! Links and QR codes. A link opens in the person's own browser, never in the app's webview, and only
//! when it is a web address: `javascript:`, `file:`, `data:` and the like are refused here, in Rust,
//! whatever the page asked. At a stand nothing opens at all: the laptop's browser would keep the visitor's
//! pages, cookies and accounts for the next one, and hand them the laptop's files; links are QR codes there.

use premiers_pas_core::qr;
use premiers_pas_core::weburl::{self, Url};
use premiers_pas_core::IpcError;

use tauri::State;

use crate::error::{ipc, ShellError};
use crate::state::{blocking, AppState};

/// The address if it is one the app may hand to the browser: the core's rule for every web address
/// (http or https, with a host, without a user name or password in it), the same that packs and the
/// directory were checked with.
pub fn web_url(raw: &str) -> Result<Url, ShellError> {
    weburl::web_url(raw).map_err(|_| ShellError::UrlRefused { url: raw.to_owned() })
}

/// Opens a web page in the default browser (starting it may wait: on a blocking thread). Refused at a
/// stand (`stand.not_allowed`).
#[tauri::command]
pub async fn open_url(state: State<'_, AppState>, url: String) -> Result<(), IpcError> {
    state.refuse_at_stand().await?;
    let url = web_url(&url).map_err(ipc)?;
    blocking(move || webbrowser::open(url.as_str()).map_err(|e| ipc(ShellError::OpenFailed(e)))).await?
}

/// A QR code as SVG markup made by the core from numbers only: safe to insert with `{@html}`.
#[tauri::command]
pub fn qr_svg(text: String) -> Result<String, IpcError> {
    qr::svg(&text).map_err(ipc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use premiers_pas_core::ErrorCode;

    #[test]
    fn only_web_addresses_pass() {
        for ok in ["https://www.chatons.org/", "http://example.org/a?b=c#d", "  https://f-droid.org/  "] {
            assert!(web_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "ftp://example.org/",
            "mailto:contact@example.org",
            "tauri://localhost/",
            "https://user:secret@example.org/",
            "//example.org",
            "example.org",
            "",
            "http://",
        ] {
            let err = web_url(bad).unwrap_err();
            assert_eq!(err.code(), "url.refused", "{bad}");
        }
        assert!(web_url(&format!("https://example.org/{}", "a".repeat(weburl::MAX_URL_LEN))).is_err());
    }
}
