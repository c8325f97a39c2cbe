//! The launch options and this computer's description, handed to the page before its first script runs.
//!
//! The first screen depends on both (which journey, in which language), and asking for them is a round
//! trip through IPC that the page would wait on before it could even start the journey. Given with the
//! page, they let it start the journey at once. The `system_info` and `app_config` commands stay: the
//! page asks them when it runs without this script (its tests, the browser suite).

use premiers_pas_core::SystemInfo;
use serde::Serialize;
use tauri::plugin::TauriPlugin;
use tauri::Runtime;

use crate::AppConfig;

/// The global the page reads (`ui/src/lib/ipc.ts`).
pub const GLOBAL: &str = "__PREMIERS_PAS_LAUNCH__";

#[derive(Serialize)]
struct Launch<'a> {
    system: &'a SystemInfo,
    config: &'a AppConfig,
}

/// A plugin whose only work is the script that defines [`GLOBAL`] in the app's page: the main frame only
/// (`js_init_script`, not its `_on_all_frames` sibling), so no frame could read the launch options.
pub fn plugin<R: Runtime>(config: &AppConfig, system: &SystemInfo) -> TauriPlugin<R> {
    tauri::plugin::Builder::new("launch").js_init_script(script(config, system)).build()
}

/// `window.__PREMIERS_PAS_LAUNCH__`, frozen and not writable: the page reads it and cannot change it. The
/// value is JSON, which is a JavaScript literal; if it could not be written, the page asks through IPC.
fn script(config: &AppConfig, system: &SystemInfo) -> String {
    let json = serde_json::to_string(&Launch { system, config }).unwrap_or_else(|_| "null".to_owned());
    format!("Object.defineProperty(window, '{GLOBAL}', {{ value: Object.freeze({json}) }});")
}

#[cfg(test)]
mod tests {
    use super::*;
    use premiers_pas_core::{Lang, OsFamily};

    #[test]
    fn the_script_carries_what_the_commands_answer_as_a_literal() {
        let config = AppConfig {
            mode: Some(crate::config::Mode::Home),
            home: Some("/tmp/un dossier « à part »/\u{2028}'\"</script>".into()),
            ..AppConfig::default()
        };
        let system = SystemInfo {
            os_family: OsFamily::Linux,
            os_name: "Debian GNU/Linux".into(),
            os_version: "12".into(),
            kernel_version: None,
            desktop: None,
            locale: "fr-FR".into(),
            lang: Lang::Fr,
        };
        let script = script(&config, &system);
        let prefix = format!("Object.defineProperty(window, '{GLOBAL}', {{ value: Object.freeze(");
        let json = script.strip_prefix(&prefix).and_then(|s| s.strip_suffix(") });")).unwrap();
        // The literal is the JSON of what `system_info` and `app_config` answer, quotes and all escaped.
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["system"], serde_json::to_value(&system).unwrap());
        assert_eq!(value["config"], serde_json::to_value(&config).unwrap());
        assert_eq!(value["config"]["mode"], "home");
    }
}
