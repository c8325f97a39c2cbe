//! The journeys on the real app with the keyboard alone: Tab, Shift+Tab, Enter, Space, arrows, PageUp,
//! PageDown and Escape, sent to whatever has the focus — no click, and no script that clicks or focuses.
//! At each stop the focus must be somewhere a person can see: on a control drawing its focus ring, or,
//! right after a screen change, on the new screen's heading; never lost on `<body>`.
//! Screenshots of the stops go to `target/e2e-shots/keyboard-*`.

use std::net::{Ipv4Addr, TcpListener};

use anyhow::{ensure, Result};
use fantoccini::key::Key;
use premiers_pas_core::checklist::Library;
use premiers_pas_core::Lang;
use premiers_pas_e2e::{t, workspace_root, App, Federation, Launch};

/// A directory source nobody answers: a loopback port that was free a moment ago. The home journey must
/// not need the network, and this one never reaches it.
fn closed_source() -> Result<String> {
    let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?.local_addr()?.port();
    Ok(format!("http://127.0.0.1:{port}/federation.properties"))
}

#[tokio::test(flavor = "multi_thread")]
async fn home_journey_with_the_keyboard_alone() -> Result<()> {
    let home = workspace_root().join("crates/core/tests/fixtures/homes/debian-firefox-ubo");
    let data = tempfile::tempdir()?;
    // No --mode: the person starts from the welcome screen and chooses.
    let launch = Launch::new(&home, data.path()).source(&closed_source()?);
    let library = Library::builtin()?;
    let pack = library.pack("premiers-pas")?;
    // A step only the person can tell, not done in this home.
    let manual = "private-maps";
    ensure!(pack.steps.iter().any(|s| s.id == manual), "the pack has the step {manual}");

    let app = App::start(&launch).await?;
    app.wait_text("h1", "Premiers Pas").await?;

    // Welcome: Tab to "Chez moi", Enter.
    app.tab_to("button[data-mode=home]").await?;
    app.assert_focus_visible("welcome, on the home choice").await?;
    app.screenshot("keyboard-welcome-home-focused").await?;
    app.press(Key::Enter).await?;

    // The overview, once the audit is done: the focus is on its heading.
    app.find("[data-step][data-status]").await?;
    let landed = app.assert_focus_landed("overview after the audit").await?;
    ensure!(landed.what.starts_with("h1"), "the overview's heading has the focus, not {landed}");

    // Ctrl + zooms the whole page as a browser does (its width in CSS pixels narrows), Ctrl 0 goes back.
    let width = app.page_width().await?;
    app.ctrl('=').await?;
    app.ctrl('=').await?;
    app.wait_page_width((width / 1.25).round()).await?;
    app.screenshot("keyboard-overview-zoomed").await?;
    app.ctrl('0').await?;
    app.wait_page_width(width).await?;
    app.assert_focus_landed("overview after zooming").await?;

    // Tab to the manual step, open it with Enter.
    let status_before = app.attr(&format!("[data-step={manual}]"), "data-status").await?;
    ensure!(status_before.as_deref() != Some("done"), "{manual} is not done yet: {status_before:?}");
    app.tab_to(&format!("[data-step={manual}] button")).await?;
    app.assert_focus_visible("overview, on a step").await?;
    app.screenshot("keyboard-overview-step-focused").await?;
    app.press(Key::Enter).await?;
    app.find(&format!("[data-step-page={manual}]")).await?;
    app.assert_focus_landed("step page").await?;

    // "C'est fait" with Space, as a button takes it.
    let done = t("fr", "step.answer_done")?;
    app.tab_to_text(".answer button", &done).await?;
    app.assert_focus_visible("step page, on « C'est fait »").await?;
    app.press(Key::Space).await?;
    app.wait_attr(".answer button[aria-checked=true]", "aria-checked", "true").await?;
    app.assert_focus_visible("step page, after answering").await?;
    app.screenshot("keyboard-step-answered").await?;

    // "Vérifier à nouveau": the audit runs again; the focus stays on the button, not lost meanwhile.
    app.tab_to_text("main button", &t("fr", "step.check_again")?).await?;
    app.press(Key::Enter).await?;
    app.wait_text("main .checked[role=status]", &t("fr", "step.checked_again")?).await?;
    app.assert_focus_visible("step page, after checking again").await?;

    // Back to the overview with the step's own back button (before the heading: Shift+Tab), Enter.
    app.shift_tab_to("main button.back").await?;
    app.assert_focus_visible("step page, on the back button").await?;
    app.press(Key::Enter).await?;
    app.wait_attr(&format!("[data-step={manual}]"), "data-status", "done").await?;
    app.assert_focus_landed("overview after the step").await?;

    // English, with the switch in the top bar (before the page's heading).
    app.shift_tab_to("button[lang=en]").await?;
    app.assert_focus_visible("overview, on the language switch").await?;
    app.press(Key::Enter).await?;
    app.wait_attr("html", "lang", "en").await?;
    app.wait_text("main h1", pack.title.get(Lang::En)).await?;
    app.assert_focus_visible("overview, after switching language").await?;
    app.screenshot("keyboard-overview-en").await?;

    // The CHATONS step, its directory screen, and a refresh that fails (nobody answers): the person
    // keeps their place.
    app.tab_to("[data-step=chatons-host] button").await?;
    app.press(Key::Enter).await?;
    app.find("[data-step-page=chatons-host]").await?;
    app.assert_focus_landed("CHATONS step page").await?;
    app.tab_to_text("main button", &t("en", "step.find_host")?).await?;
    app.assert_focus_visible("CHATONS step, on « find a host »").await?;
    app.press(Key::Enter).await?;
    app.wait_text("main h1", &t("en", "chatons.title")?).await?;
    app.assert_focus_landed("CHATONS screen").await?;
    app.tab_to("button.refresh").await?;
    app.assert_focus_visible("CHATONS screen, on the refresh").await?;
    app.press(Key::Enter).await?;
    // Nobody answers: the outcome says so, whether as a failed refresh or a report of failed files.
    app.find(".outcome p").await?;
    app.wait_gone(".progress").await?;
    app.assert_focus_visible("CHATONS screen, after the refresh").await?;
    app.screenshot("keyboard-chatons-refreshed").await?;

    // Zoomed, then the page loaded again (as after a web process that crashed): the new page and its view
    // start at 100 %.
    app.ctrl('=').await?;
    app.wait_page_width((width / 1.1).round()).await?;
    app.client.refresh().await?;
    app.wait_text("h1", "Premiers Pas").await?;
    app.wait_page_width(width).await?;

    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn workshop_presentation_with_the_keyboard_alone() -> Result<()> {
    const PACK: &str = "atelier-navigateur";
    let library = Library::builtin()?;
    let pack = library.pack(PACK)?;
    let steps = pack.steps.len();
    ensure!(steps >= 3, "the workshop pack has a few steps to move through");
    let data = tempfile::tempdir()?;
    let app = App::start(&Launch::french().data_dir(data.path()).mode("workshop")).await?;

    // The pack chooser: Tab to the pack, Enter.
    app.wait_text("main h1", &t("fr", "workshop.choose_title")?).await?;
    app.assert_focus_landed("pack chooser").await?;
    app.tab_to_text("main button", pack.title.get(Lang::Fr)).await?;
    app.assert_focus_visible("pack chooser, on the pack").await?;
    app.press(Key::Enter).await?;
    app.find("[data-step]").await?;
    app.assert_focus_landed("workshop overview").await?;

    // The presenter bar's "Présentation" is above the page: Shift+Tab to it, Enter.
    app.shift_tab_to(".presenter button[aria-pressed]").await?;
    app.assert_focus_visible("presenter bar, on « Présentation »").await?;
    app.press(Key::Enter).await?;
    app.wait_attr("[data-slide]", "data-slide", "0").await?;
    app.assert_focus_landed("first slide").await?;
    app.screenshot("keyboard-slide-1").await?;

    // The keys a presentation remote sends, wherever the focus is.
    app.press(Key::Right).await?;
    app.wait_attr("[data-slide]", "data-slide", "1").await?;
    app.assert_focus_landed("second slide").await?;
    app.press(Key::PageDown).await?;
    app.wait_attr("[data-slide]", "data-slide", "2").await?;
    app.assert_focus_landed("third slide").await?;
    app.press(Key::PageUp).await?;
    app.wait_attr("[data-slide]", "data-slide", "1").await?;
    app.assert_focus_landed("back to the second slide").await?;
    app.screenshot("keyboard-slide-2").await?;

    // The slide's own "next" button, by Tab and Enter, moves on too.
    app.tab_to_text(".controls button", &t("fr", "workshop.next_slide")?).await?;
    app.assert_focus_visible("slide, on « Suivante »").await?;
    app.press(Key::Enter).await?;
    app.wait_attr("[data-slide]", "data-slide", "2").await?;
    app.assert_focus_landed("third slide, from the button").await?;

    // Escape leaves for that step's page.
    app.press(Key::Escape).await?;
    app.wait_gone("[data-slide]").await?;
    app.find(&format!("[data-step-page=\"{}\"]", pack.steps[2].id)).await?;
    app.assert_focus_landed("step page after the presentation").await?;
    app.screenshot("keyboard-step-after-presentation").await?;

    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn chatons_search_with_the_keyboard_alone() -> Result<()> {
    let home = workspace_root().join("crates/core/tests/fixtures/homes/debian-firefox-ubo");
    let data = tempfile::tempdir()?;
    let federation = Federation::serve("clean")?;
    let app = App::start(&Launch::new(&home, data.path()).mode("home").source(&federation.url())).await?;
    app.find("[data-step][data-status]").await?;
    app.assert_focus_landed("overview").await?;

    app.tab_to("[data-step=chatons-host] button").await?;
    app.press(Key::Enter).await?;
    app.find("[data-step-page=chatons-host]").await?;
    app.tab_to_text("main button", &t("fr", "step.find_host")?).await?;
    app.press(Key::Enter).await?;
    app.wait_text("main h1", &t("fr", "chatons.title")?).await?;

    // The first directory: the panel moves beside the search, and the focus goes with it.
    app.tab_to("button.refresh").await?;
    app.press(Key::Enter).await?;
    app.find(".chatons .layout li[data-org]").await?;
    ensure!(federation.requests() > 0, "the refresh read the federation");
    let after = app.assert_focus_visible("CHATONS, after the first directory").await?;
    ensure!(
        after.what.starts_with("button.refresh"),
        "the focus is on the moved refresh button, not {after}"
    );
    app.screenshot("keyboard-chatons-first-directory").await?;

    // A host's card, and back to the same host in the list.
    let host = app.shift_tab_to("li[data-org] button").await?;
    app.assert_focus_visible("CHATONS, on a host").await?;
    app.press(Key::Enter).await?;
    let card = app.assert_focus_landed("CHATONS, a host's card").await?;
    ensure!(card.landing_heading, "the card's heading has the focus, not {card}");
    app.screenshot("keyboard-chatons-card").await?;
    app.shift_tab_to("button.back").await?;
    app.press(Key::Enter).await?;
    let back = app.assert_focus_landed("CHATONS, back from the card").await?;
    ensure!(back.what == host.what, "back on the host that was opened ({host}), not {back}");

    // A need ticked with Space: the chip draws the ring for its transparent checkbox.
    app.shift_tab_to(".chip input").await?;
    let chip = app.assert_focus_visible("CHATONS, on a need").await?;
    ensure!(
        chip.indicator.as_deref().is_some_and(|r| r.starts_with("on its label")),
        "the chip draws the ring: {chip:?}"
    );
    app.press(Key::Space).await?;
    app.find(".chip.on").await?;
    app.assert_focus_visible("CHATONS, after ticking a need").await?;
    // No host of the test federation offers that one: untick it, to see every host near the town.
    app.press(Key::Space).await?;
    app.wait_gone(".chip.on").await?;

    // A town from the suggestions, with the arrows and Enter.
    app.tab_to("input[role=combobox]").await?;
    app.type_text("Paris").await?;
    app.find("[role=option]").await?;
    app.press(Key::Down).await?;
    app.press(Key::Enter).await?;
    app.wait_text(".results [role=status]", "Paris").await?;
    app.assert_focus_visible("CHATONS, after choosing a town").await?;
    app.screenshot("keyboard-chatons-town").await?;

    app.close().await
}
