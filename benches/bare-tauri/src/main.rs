//! A bare Tauri 2 window whose page calls one command on load: the baseline of the launch benchmark.

#[tauri::command]
fn ping() -> &'static str {
    "pong"
}

fn main() {
    if let Err(err) = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ping])
        .run(tauri::generate_context!())
    {
        eprintln!("bare-tauri: {err}");
        std::process::exit(1);
    }
}
