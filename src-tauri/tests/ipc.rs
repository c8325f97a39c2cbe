//! The app's commands called through Tauri's real IPC layer (mock runtime, real capabilities and ACL).

// Helpers outside #[test] functions may panic too: a failed set-up is a failed test.
#![allow(clippy::unwrap_used)]

use premiers_pas_app::config::{AppConfig, Mode};
use premiers_pas_app::AppState;
use premiers_pas_core::{Lang, SystemInfo};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

fn app(config: AppConfig) -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = premiers_pas_app::builder(mock_builder(), AppState::new(config).unwrap())
        .build(tauri::generate_context!())
        .unwrap();
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    (app, webview)
}

fn invoke(webview: &WebviewWindow<MockRuntime>, cmd: &str) -> Result<serde_json::Value, serde_json::Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::default(),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<serde_json::Value>().unwrap())
}

#[test]
fn system_info_answers_through_ipc() {
    let (_app, webview) = app(AppConfig::default());
    let value = invoke(&webview, "system_info").unwrap();
    let info: SystemInfo = serde_json::from_value(value).unwrap();
    assert_eq!(info, premiers_pas_core::system_info());
    assert!(!info.os_name.is_empty());
}

#[test]
fn app_config_reports_launch_options() {
    let config = AppConfig { mode: Some(Mode::Workshop), lang: Some(Lang::En), ..AppConfig::default() };
    let (_app, webview) = app(config);
    let value = invoke(&webview, "app_config").unwrap();
    assert_eq!(value["mode"], "workshop");
    assert_eq!(value["lang"], "en");
}

#[test]
fn unknown_commands_are_refused() {
    let (_app, webview) = app(AppConfig::default());
    assert!(invoke(&webview, "delete_everything").is_err());
}

/// The capability grants exactly the app's own commands (those `build.rs` lists), nothing of Tauri's core
/// or of a plugin: no window, event, dialog, file or opener permission for the webview.
#[test]
fn capability_grants_only_the_apps_own_commands() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let build = std::fs::read_to_string(root.join("build.rs")).unwrap();
    let list = build.split("const COMMANDS: &[&str] = &[").nth(1).unwrap().split("];").next().unwrap();
    let mut commands: Vec<String> =
        list.split('"').skip(1).step_by(2).map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
    let capability: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("capabilities/default.json")).unwrap())
            .unwrap();
    let mut granted: Vec<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    commands.sort();
    granted.sort();
    assert_eq!(granted, commands);
    assert!(commands.len() > 20);
}
