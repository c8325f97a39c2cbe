//! # Premiers Pas — the desktop shell
//!
//! A thin adapter between the webview and `premiers_pas_core`: it parses the launch options, holds the
//! app's services in [`tauri::State`], and exposes one small command per action in `commands/`. It makes
//! no decision of its own: whatever the UI can do, the core does, and the CLI can show.
//!
//! Security posture: a strict CSP (see `tauri.conf.json`), a capability that grants only the app's own
//! commands, and a navigation guard that keeps the webview on the bundled UI.

pub mod commands;
pub mod config;
mod dialogs;
mod engine;
pub mod error;
pub mod kiosk;
mod launch;
mod navigation;
pub mod state;
mod throwaway;
pub mod usage;

use tauri::{RunEvent, Runtime};

pub use config::AppConfig;
pub use state::AppState;

/// The app's builder, shared by [`run`] and the tests (which pass `tauri::test::mock_builder()`).
pub fn builder<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    let guard = kiosk::CloseGuard::new(state.config.mode == Some(config::Mode::Stand));
    builder
        .plugin(navigation::guard())
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(guard)
        .on_page_load(|webview, payload| {
            kiosk::on_page_load(webview, payload);
            commands::system::page_starts_unzoomed(webview, payload);
        })
        .invoke_handler(tauri::generate_handler![
            commands::system::system_info,
            commands::system::app_config,
            commands::system::set_fullscreen,
            commands::system::set_zoom,
            commands::checklist::list_packs,
            commands::checklist::add_pack,
            commands::checklist::remove_pack,
            commands::progress::start_session,
            commands::audit::run_audit,
            commands::audit::step_results,
            commands::progress::set_answer,
            commands::progress::next_visitor,
            commands::links::qr_svg,
            commands::report::takeaway,
            commands::report::save_report,
            commands::report::print_page,
            commands::links::open_url,
            commands::journal::journal,
            commands::directory::directory_status,
            commands::directory::directory_refresh,
            commands::directory::cancel_refresh,
            commands::directory::directory_search,
            commands::directory::directory_org,
            commands::directory::directory_import,
            commands::directory::directory_export,
            commands::directory::place_suggest,
            commands::directory::categories,
            kiosk::close_guard_ready,
            kiosk::close_asked,
            kiosk::close_app,
        ])
}

/// Runs the app until its window closes.
pub fn run(config: AppConfig) -> Result<(), Box<dyn std::error::Error>> {
    let mut context = tauri::generate_context!();
    // A stand is a kiosk, and keeps nothing: the webview's own storage (local storage, cache) included.
    // Its windows get a throwaway data folder for WebKit (`engine::open_windows`).
    let throwaway = match config.mode {
        Some(config::Mode::Stand) => {
            let throwaway = throwaway::Throwaway::create()?;
            throwaway.hold_caches()?;
            Some(throwaway)
        }
        _ => None,
    };
    // The windows are opened here rather than by Tauri: they draw in software from their first page
    // (`engine`), and a stand's get a throwaway data folder and full screen.
    for window in &mut context.config_mut().app.windows {
        window.create = false;
        if throwaway.is_some() {
            window.incognito = true;
            window.fullscreen = true;
        }
    }
    let windows = context.config().app.windows.clone();
    let web_data = throwaway.as_ref().map(|t| t.path().to_owned());
    let launch = launch::plugin(&config, &premiers_pas_core::system_info());
    let state = AppState::new(config)?;
    // A kiosk's menu on macOS has no Quit, which would end the stand without a close request (`kiosk`).
    let kiosk = throwaway.is_some();
    let shell = builder(tauri::Builder::default(), state).enable_macos_default_menu(!kiosk);
    #[cfg(target_os = "macos")]
    let shell = if kiosk { shell.menu(kiosk::kiosk_menu) } else { shell };
    let app = shell
        .plugin(launch)
        .setup(move |app| {
            engine::open_windows(app.handle(), &windows, web_data)?;
            Ok(())
        })
        .build(context)?;
    app.run(move |app, event| {
        kiosk::on_run_event(app, &event);
        if let (RunEvent::Exit, Some(throwaway)) = (event, &throwaway) {
            if let Err(err) = throwaway.remove() {
                eprintln!("premiers-pas-app: {}: {err}", throwaway.path().display());
            }
        }
    });
    Ok(())
}
