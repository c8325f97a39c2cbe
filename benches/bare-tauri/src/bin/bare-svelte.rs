//! The bare window with the smallest Svelte 5 page (`svelte-page/`, built by `benches/launch.sh`).

fn main() {
    bare_tauri::run("bare-svelte", tauri::generate_context!("tauri.svelte.conf.json"));
}
