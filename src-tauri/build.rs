//! Generates the Tauri context and the permissions of the app's own commands.
//!
//! Every command the UI may call is listed here; `tauri-build` turns each into an `allow-<name>`
//! permission, and `capabilities/default.json` grants exactly those. A command missing from this list
//! cannot be invoked from the webview.

const COMMANDS: &[&str] = &[
    "system_info",
    "app_config",
    "set_fullscreen",
    "set_zoom",
    "list_packs",
    "add_pack",
    "remove_pack",
    "start_session",
    "run_audit",
    "step_results",
    "set_answer",
    "next_visitor",
    "qr_svg",
    "takeaway",
    "save_report",
    "print_page",
    "open_url",
    "journal",
    "directory_status",
    "directory_refresh",
    "cancel_refresh",
    "directory_search",
    "directory_org",
    "directory_import",
    "directory_export",
    "place_suggest",
    "categories",
    "close_guard_ready",
    "close_asked",
    "close_app",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .unwrap_or_else(|err| panic!("tauri-build failed: {err:#}"));
}
