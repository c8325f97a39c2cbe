//! Builds the app on Tauri's mock runtime and calls its commands through the real IPC layer (capability
//! and ACL checks included), as the webview would.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

#[path = "../../../crates/core/tests/folder_tree/mod.rs"]
mod folder_tree;
#[allow(unused_imports)] // Not every test binary that includes this module compares folders.
pub use folder_tree::tree;

use std::path::{Path, PathBuf};

use premiers_pas_app::config::AppConfig;
use premiers_pas_app::AppState;
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

/// A running mock app and its main window.
pub struct TestApp {
    _app: App<MockRuntime>,
    pub webview: WebviewWindow<MockRuntime>,
    /// The data folder made for an app launched without one: never the person's own.
    _data: Option<tempfile::TempDir>,
}

impl Drop for TestApp {
    /// A real window's process ends and the system drops its progress lock; a mock app is never torn
    /// down (Tauri keeps its managed state), so closing one ends its journey by hand.
    fn drop(&mut self) {
        use tauri::Manager;
        let state = self._app.state::<AppState>();
        drop(state.session.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take());
    }
}

impl TestApp {
    /// The app launched with `config`; without a data folder, with an empty one of its own (a test never
    /// reads the packs and directory of the person running it, nor writes there).
    pub fn new(mut config: AppConfig) -> TestApp {
        let data = config.data_dir.is_none().then(|| tempfile::tempdir().unwrap());
        if let Some(data) = &data {
            config.data_dir = Some(data.path().to_path_buf());
        }
        let app = premiers_pas_app::builder(mock_builder(), AppState::new(config).unwrap())
            .build(tauri::generate_context!())
            .unwrap();
        let webview = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
        TestApp { _app: app, webview, _data: data }
    }

    /// The app's state, as its commands see it.
    pub fn state(&self) -> tauri::State<'_, AppState> {
        use tauri::Manager;
        self._app.state::<AppState>()
    }

    /// Calls a command with JSON arguments (camelCase keys, as `invoke` sends them).
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        call(&self.webview, cmd, args)
    }

    /// Calls a command that must succeed.
    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args).unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    /// Calls a command that must fail, and returns its error code.
    pub fn err_code(&self, cmd: &str, args: Value) -> String {
        match self.call(cmd, args) {
            Ok(v) => panic!("{cmd} should have failed, gave {v}"),
            Err(e) => e["code"].as_str().unwrap_or_else(|| panic!("{cmd}: no code in {e}")).to_owned(),
        }
    }
}

/// Calls a command of a window (from any thread) with JSON arguments; waits for its answer.
pub fn call(webview: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

/// A fixture home of the core's tests.
pub fn fixture_home(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/core/tests/fixtures/homes").join(name)
}

/// Launch options auditing a fixture home as Linux, with its own data folder.
pub fn config(mode: Option<&str>, home: &str, data_dir: &Path) -> AppConfig {
    AppConfig {
        mode: mode.map(|m| m.parse().unwrap()),
        home: Some(fixture_home(home)),
        os: Some(premiers_pas_core::OsFamily::Linux),
        data_dir: Some(data_dir.to_path_buf()),
        ..AppConfig::default()
    }
}

/// The status of a step in a list of step results.
pub fn status_of(steps: &Value, id: &str) -> String {
    steps.as_array().unwrap().iter().find(|s| s["id"] == id).unwrap_or_else(|| panic!("no step {id}"))
        ["status"]
        .as_str()
        .unwrap()
        .to_owned()
}
