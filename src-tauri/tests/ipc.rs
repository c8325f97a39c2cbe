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
