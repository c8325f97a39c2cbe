//! The welcome screen of the real app, in French and in English.

use premiers_pas_e2e::{App, Launch};

#[tokio::test(flavor = "multi_thread")]
async fn welcome_screen_in_french_then_english() -> anyhow::Result<()> {
    let app = App::start(&Launch::french()).await?;
    let expected_os = premiers_pas_core::system_info().os_name;

    app.wait_text("h1", "Premiers Pas").await?;
    app.wait_text(".tagline", "Vos premiers pas").await?;
    let os_line = app.wait_text("[data-testid=os-line]", "Votre ordinateur").await?;
    assert!(os_line.contains(&expected_os), "{os_line:?} should name {expected_os:?}");
    assert_eq!(app.attr("html", "lang").await?.as_deref(), Some("fr"));
    app.find("button[data-mode=home]").await?;
    app.screenshot("welcome-fr").await?;

    // The page was given the launch options and this computer's description with its first script, and
    // they are what the commands answer: the first screen did not have to ask.
    let given = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const invoke = window.__TAURI_INTERNALS__.invoke;
             Promise.all([invoke('system_info'), invoke('app_config')])
               .then(([system, config]) => done({ given: window.__PREMIERS_PAS_LAUNCH__ ?? null,
                                                  frozen: Object.isFrozen(window.__PREMIERS_PAS_LAUNCH__),
                                                  system, config }))
               .catch((e) => done({ error: String(e) }));",
            vec![],
        )
        .await?;
    assert_eq!(given["given"]["system"], given["system"], "{given}");
    assert_eq!(given["given"]["config"], given["config"], "{given}");
    assert_eq!(
        (given["given"]["config"]["lang"].as_str(), given["frozen"].as_bool()),
        (Some("fr"), Some(true))
    );

    app.click("button[lang=en]").await?;
    app.wait_text(".tagline", "Your first steps").await?;
    let os_line = app.wait_text("[data-testid=os-line]", "Your computer").await?;
    assert!(os_line.contains(&expected_os), "{os_line:?} should name {expected_os:?}");
    assert_eq!(app.attr("html", "lang").await?.as_deref(), Some("en"));
    app.screenshot("welcome-en").await?;
    // The app runs as a user of its own: what WebKit keeps lands in that empty home, not in the home of
    // the person running the tests (whose saved visit would change this screen).
    let web_data = app.user_home().join(".local/share/org.premiers-pas.app");
    assert!(
        web_data.join("storage").is_dir(),
        "WebKit keeps its data in the test's home, {}",
        web_data.display()
    );

    app.close().await
}

#[tokio::test]
async fn without_a_display_the_harness_says_so() {
    // Run the launch in a child process with no display, so this test means the same under xvfb-run.
    if std::env::var_os("PREMIERS_PAS_E2E_NO_DISPLAY_CHILD").is_some() {
        let err = App::launch(&[]).await.expect_err("launch must fail without a display");
        assert!(err.to_string().contains("no display"), "{err}");
        return;
    }
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new(exe)
        .args(["--exact", "without_a_display_the_harness_says_so", "--nocapture"])
        .env("PREMIERS_PAS_E2E_NO_DISPLAY_CHILD", "1")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}
