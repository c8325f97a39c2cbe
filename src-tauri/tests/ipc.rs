//! The app's commands called through Tauri's real IPC layer (mock runtime, real capabilities and ACL).

// Helpers outside #[test] functions may panic too: a failed set-up is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestApp;
use premiers_pas_app::config::{AppConfig, Mode};
use premiers_pas_core::{Lang, SystemInfo};
use serde_json::json;

#[test]
fn system_info_answers_through_ipc() {
    let app = TestApp::new(AppConfig::default());
    let value = app.call("system_info", json!({})).unwrap();
    let info: SystemInfo = serde_json::from_value(value).unwrap();
    assert_eq!(info, premiers_pas_core::system_info());
    assert!(!info.os_name.is_empty());
}

#[test]
fn app_config_reports_launch_options() {
    let config = AppConfig { mode: Some(Mode::Workshop), lang: Some(Lang::En), ..AppConfig::default() };
    let app = TestApp::new(config);
    let value = app.call("app_config", json!({})).unwrap();
    assert_eq!(value["mode"], "workshop");
    assert_eq!(value["lang"], "en");
    // Launched without a data folder, a test app has one of its own, not the person's.
    assert!(app.state().data_dir.starts_with(std::env::temp_dir()), "{}", app.state().data_dir.display());
}

#[test]
fn unknown_commands_are_refused() {
    let app = TestApp::new(AppConfig::default());
    // Refused as a command the app does not have, not for another reason.
    let err = app.call("delete_everything", json!({})).unwrap_err();
    let err = err.as_str().unwrap_or_default();
    assert!(err.contains("delete_everything") && err.contains("Command not found"), "{err}");
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
