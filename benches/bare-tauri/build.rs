//! Generates the Tauri context, with the one command granted like the app grants its own.

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(&["ping"])),
    )
    .unwrap_or_else(|err| panic!("tauri-build failed: {err:#}"));
}
