//! The smallest Tauri 2 app that answers one command: the yardstick `benches/launch.sh` measures the real app
//! against. Two binaries share it. `bare-tauri` shows a page with one heading and six lines of script;
//! `bare-svelte` shows the smallest Svelte 5 page that does the same. The second one tells the cost of the
//! stack the app is built on (a Svelte page in a Tauri window) from the cost of the app itself.

#[tauri::command]
fn ping() -> &'static str {
    "pong"
}

/// Runs the window until it is closed; exits with status 1 if Tauri cannot start.
///
/// With `--draw-in-software` (Linux), the window's webview draws the way the app's do, set up the way the
/// app sets it up (the app's `engine` module: an empty page, the setting, then the page): the benchmark
/// then compares the app with a bare window set up alike, too.
pub fn run(name: &str, mut context: tauri::Context) {
    let software = cfg!(target_os = "linux") && std::env::args().any(|arg| arg == "--draw-in-software");
    let windows = context.config().app.windows.clone();
    if software {
        for window in &mut context.config_mut().app.windows {
            window.create = false;
        }
    }
    let builder = tauri::Builder::default().invoke_handler(tauri::generate_handler![ping]).setup(move |app| {
        #[cfg(target_os = "linux")]
        if software {
            use tauri::utils::config::{WebviewUrl, WindowConfig};
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            for config in &windows {
                let blank = WindowConfig { url: WebviewUrl::External("about:blank".parse()?), ..config.clone() };
                let window = tauri::WebviewWindowBuilder::from_config(app.handle(), &blank)?.build()?;
                window.with_webview(|webview| {
                    if let Some(settings) = webview.inner().settings() {
                        settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
                    }
                })?;
                window.navigate("tauri://localhost".parse()?)?;
            }
        }
        #[cfg(not(target_os = "linux"))]
        let _ = (app, software, &windows);
        Ok(())
    });
    if let Err(err) = builder.run(context) {
        eprintln!("{name}: {err}");
        std::process::exit(1);
    }
}
