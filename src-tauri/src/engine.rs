//! How the webview's engine draws the page, where the shell has a say, and the windows opened that way.
//!
//! On Linux and the BSDs the page is drawn by WebKitGTK, which by default composites it through OpenGL:
//! the page is cut into tiles held as GL textures, and a compositor thread assembles each frame. That pays
//! for video, 3D and heavy animation, none of which Premiers Pas shows: its screens are text, cards and a
//! few small drawings. Drawn in software, WebKit paints the page straight into one shared image, and:
//! - the same screens take about 60 MiB less memory (no tiles, no compositor frames, no shaders compiled
//!   by the GL driver; `make bench` measures it);
//! - a graphics driver that WebKit's GL path does not get along with cannot leave the window blank or
//!   garbled, a known trouble of WebKitGTK windows on some machines, which a volunteer's laptop at a fair
//!   must not meet.
//!
//! Tauri has no hook between making a webview and loading its page, and a page that starts in the GL mode
//! and is switched over pays for both: the setting is given while the webview shows an empty page, and
//! the app's page is loaded after it ([`open_windows`]). Measured on a bare window, that launch is about
//! 5 MiB lighter and 30 ms faster than one switched over once its page is under way, and about as fast as
//! the GL mode. WebKit's own environment switch (`WEBKIT_DISABLE_COMPOSITING_MODE`) is not used: the
//! programs the app opens (the browser) would inherit it.
//!
//! Other systems draw with the platform's own webview, which has no such setting: their windows open as
//! configured.

use std::path::PathBuf;

use tauri::utils::config::{WebviewUrl, WindowConfig};
use tauri::{AppHandle, Runtime, Url, WebviewWindowBuilder};

/// Opens the configured windows (made with `create: false`, so that Tauri leaves them to this), with the
/// web data folder `data_dir` when given (a stand's throwaway one), each drawing in software from its
/// first page where the engine allows it.
pub fn open_windows<R: Runtime>(
    app: &AppHandle<R>,
    windows: &[WindowConfig],
    data_dir: Option<PathBuf>,
) -> tauri::Result<()> {
    for config in windows {
        // An empty page first, and the window's own page once the engine is set, where that is needed.
        let later = first_page(config)
            .zip(Url::parse("about:blank").ok())
            .map(|(page, blank)| (WindowConfig { url: WebviewUrl::External(blank), ..config.clone() }, page));
        let mut builder = WebviewWindowBuilder::from_config(app, later.as_ref().map_or(config, |(c, _)| c))?;
        if let Some(dir) = &data_dir {
            builder = builder.data_directory(dir.clone());
        }
        let window = builder.build()?;
        draw_in_software(&window)?;
        if let Some((_, page)) = later {
            window.navigate(page)?;
        }
    }
    Ok(())
}

/// The page a window shows, when it is to be loaded after the engine's settings: the bundled interface,
/// on the systems where WebKitGTK draws it and in a build that embeds it. `None`: the window loads its
/// page itself (other systems, `cargo tauri dev`'s server, and pages from elsewhere, which the app has none
/// of).
fn first_page(config: &WindowConfig) -> Option<Url> {
    if !WEBKIT_GTK || tauri::is_dev() {
        return None;
    }
    match &config.url {
        // The origin Tauri serves the bundled files from on WebKitGTK; `index.html` is its root.
        WebviewUrl::App(path) if path.as_os_str() == "index.html" => Url::parse(APP_ORIGIN).ok(),
        WebviewUrl::App(path) => Url::parse(APP_ORIGIN).ok()?.join(&path.to_string_lossy()).ok(),
        _ => None,
    }
}

/// Where WebKitGTK is the webview.
const WEBKIT_GTK: bool = cfg!(any(
    target_os = "linux",
    target_os = "dragonfly",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd"
));

/// The origin of the bundled interface under WebKitGTK (`navigation::is_app_url` accepts it).
const APP_ORIGIN: &str = "tauri://localhost";

/// Sets the window's webview to draw in software (see the module's documentation).
#[cfg(any(
    target_os = "linux",
    target_os = "dragonfly",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd"
))]
fn draw_in_software<R: Runtime>(window: &tauri::WebviewWindow<R>) -> tauri::Result<()> {
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
    window.with_webview(|webview| {
        if let Some(settings) = webview.inner().settings() {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    })
}

/// Other systems' webviews have no such choice: nothing to do.
#[cfg(not(any(
    target_os = "linux",
    target_os = "dragonfly",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd"
)))]
fn draw_in_software<R: Runtime>(_window: &tauri::WebviewWindow<R>) -> tauri::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn window(url: WebviewUrl) -> WindowConfig {
        WindowConfig { url, ..WindowConfig::default() }
    }

    #[test]
    fn the_bundled_page_is_loaded_after_the_setting_where_webkitgtk_draws_it() {
        let index = first_page(&window(WebviewUrl::App("index.html".into())));
        let other = first_page(&window(WebviewUrl::App("other.html".into())));
        if WEBKIT_GTK && !tauri::is_dev() {
            assert_eq!(index.unwrap().as_str(), "tauri://localhost");
            assert_eq!(other.unwrap().as_str(), "tauri://localhost/other.html");
            // Both are pages the navigation guard lets the webview show.
            assert!(crate::navigation::is_app_url(&first_page(&window(WebviewUrl::default())).unwrap()));
        } else {
            assert_eq!((index, other), (None, None));
        }
        // A page from elsewhere is never the app's to load.
        assert_eq!(first_page(&window(WebviewUrl::External("https://example.org/".parse().unwrap()))), None);
    }
}
