//! The smallest Tauri 2 app that answers one command: the yardstick `benches/launch.sh` measures the real app
//! against. Two binaries share it. `bare-tauri` shows a page with one heading and six lines of script;
//! `bare-svelte` shows the smallest Svelte 5 page that does the same. The second one tells the cost of the
//! stack the app is built on (a Svelte page in a Tauri window) from the cost of the app itself.

#[tauri::command]
fn ping() -> &'static str {
    "pong"
}

/// Runs the window until it is closed; exits with status 1 if Tauri cannot start.
pub fn run(name: &str, context: tauri::Context) {
    if let Err(err) = tauri::Builder::default().invoke_handler(tauri::generate_handler![ping]).run(context) {
        eprintln!("{name}: {err}");
        std::process::exit(1);
    }
}
