//! Links and QR codes through the real IPC layer: anything but http(s) is refused before any browser is
//! started, and QR codes come back as our own SVG.

#![allow(clippy::unwrap_used)]

mod common;

use common::TestApp;
use premiers_pas_app::config::AppConfig;
use serde_json::json;

#[test]
fn open_url_refuses_everything_but_the_web() {
    let app = TestApp::new(AppConfig::default());
    for url in [
        "javascript:alert(document.cookie)",
        "file:///etc/passwd",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "tauri://localhost/index.html",
        "mailto:a@example.org",
        "https://user:pw@example.org/",
        "not a url",
    ] {
        assert_eq!(app.err_code("open_url", json!({ "url": url })), "url.refused", "{url}");
    }
}

#[test]
fn qr_codes_are_our_own_svg() {
    let app = TestApp::new(AppConfig::default());
    let svg = app.ok("qr_svg", json!({ "text": "<script>alert(1)</script>" }));
    let svg = svg.as_str().unwrap();
    assert!(svg.starts_with("<svg ") && !svg.contains("script"), "{svg}");
    assert_eq!(app.err_code("qr_svg", json!({ "text": "" })), "qr.empty");
    assert_eq!(app.err_code("qr_svg", json!({ "text": "x".repeat(5000) })), "qr.too_long");
}

#[test]
fn print_and_full_screen_reach_the_window() {
    let app = TestApp::new(AppConfig::default());
    app.ok("print_page", json!({}));
    app.ok("set_fullscreen", json!({ "on": true }));
    app.ok("set_fullscreen", json!({ "on": false }));
    // Refused because `on` is required, not for another reason.
    let err = app.call("set_fullscreen", json!({})).unwrap_err();
    let err = err.as_str().unwrap_or_default();
    assert!(err.contains("set_fullscreen missing required key on"), "{err}");
    // The zoom is kept between half and three times the page; what is not a number is 100 %.
    assert_eq!(app.ok("set_zoom", json!({ "scale": 1.5 })), json!(1.5));
    assert_eq!(app.ok("set_zoom", json!({ "scale": 10 })), json!(3.0));
    assert_eq!(app.ok("set_zoom", json!({ "scale": 0.1 })), json!(0.5));
    let err = app.call("set_zoom", json!({ "scale": "big" })).unwrap_err();
    assert!(err.as_str().unwrap_or_default().contains("scale"), "{err}");
}
