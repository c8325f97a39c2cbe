//! Keeps the webview on the bundled interface.
//!
//! Links to the outside world are opened in the person's own browser by a command that accepts only
//! http(s) URLs; the webview itself must never navigate away, whatever a page or a directory entry holds.

use tauri::plugin::TauriPlugin;
use tauri::{Runtime, Url};

/// Whether the webview may show this URL: only the app's own origin (and the Vite server in development).
pub fn is_app_url(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => {
            url.host_str() == Some("tauri.localhost")
                || (cfg!(debug_assertions) && url.host_str() == Some("localhost") && url.port() == Some(5173))
        }
        _ => false,
    }
}

pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard").on_navigation(|_webview, url| is_app_url(url)).build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_app_origin_is_allowed() {
        for ok in ["tauri://localhost/", "http://tauri.localhost/index.html"] {
            assert!(is_app_url(&Url::parse(ok).unwrap()), "{ok}");
        }
        for bad in [
            "https://example.org/",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "http://tauri.localhost.evil.org/",
            "tauri://evil/",
        ] {
            assert!(!is_app_url(&Url::parse(bad).unwrap()), "{bad}");
        }
    }
}
