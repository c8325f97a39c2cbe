//! The bare window: one heading, and a script that calls `ping` on load.

fn main() {
    bare_tauri::run("bare-tauri", tauri::generate_context!());
}
