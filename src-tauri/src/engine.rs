//! How the webview's engine draws the page, where the shell has a say.
//!
//! On Linux and the BSDs the page is drawn by WebKitGTK, which by default composites it through OpenGL:
//! the page is cut into tiles held as GL textures, and a compositor thread assembles each frame. That pays
//! for video, 3D and heavy animation, none of which Premiers Pas shows: its screens are text, cards and a
//! few small drawings. Drawn in software, WebKit paints the page straight into one shared image, and:
//! - the same screens take about 80 MiB less memory (no tiles, no compositor frames, no shaders compiled
//!   by the GL driver; `make bench` measures it);
//! - a graphics driver that WebKit's GL path does not get along with cannot leave the window blank or
//!   garbled, a known trouble of WebKitGTK windows on some machines, which a volunteer's laptop at a fair
//!   must not meet.
//!
//! Other systems draw with the platform's own webview, which has no such setting.

use tauri::{Runtime, WebviewWindow};

/// Sets the window's webview to draw in software (see the module's documentation). Tauri has no hook before
/// the webview starts loading, so this is called once the window exists; a page already under way switches
/// over, which is why the app measures a few MiB above a launch with WebKit's own switch
/// (`WEBKIT_DISABLE_COMPOSITING_MODE`), an environment variable the programs it opens would inherit.
#[cfg(any(
    target_os = "linux",
    target_os = "dragonfly",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd"
))]
pub fn draw_in_software<R: Runtime>(window: &WebviewWindow<R>) -> tauri::Result<()> {
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
pub fn draw_in_software<R: Runtime>(_window: &WebviewWindow<R>) -> tauri::Result<()> {
    Ok(())
}
