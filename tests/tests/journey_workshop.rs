//! The workshop journey on the real app: the volunteer chooses a pack, opens the presentation view and
//! moves through it with the keys a presentation remote sends (arrows, PageUp/PageDown), then leaves it
//! with Escape. Screenshots in French and English go to `target/e2e-shots/workshop-*`.

use anyhow::Result;
use fantoccini::key::Key;
use premiers_pas_core::checklist::Library;
use premiers_pas_e2e::{t, App, Launch};

const PACK: &str = "atelier-navigateur";

async fn both_languages(app: &App, name: &str) -> Result<()> {
    app.screenshot(&format!("workshop-{name}-fr")).await?;
    app.switch_lang("en").await?;
    app.screenshot(&format!("workshop-{name}-en")).await?;
    app.switch_lang("fr").await
}

#[tokio::test(flavor = "multi_thread")]
async fn workshop_journey_through_the_presentation_with_remote_keys() -> Result<()> {
    let library = Library::builtin()?;
    let steps = library.pack(PACK)?.steps.len();
    assert!(steps >= 3, "the workshop pack has a few steps to move through");
    let data = tempfile::tempdir()?;
    // No pack on the command line: the volunteer chooses.
    let app = App::start(&Launch::french().data_dir(data.path()).mode("workshop")).await?;

    app.wait_text("main h1", &t("fr", "workshop.choose_title")?).await?;
    both_languages(&app, "packs").await?;
    let title = library.pack(PACK)?.title.get(premiers_pas_core::Lang::Fr).to_owned();
    app.click_text("main button", &title).await?;
    app.find("[data-step]").await?;
    app.wait_text("[data-testid=presenter-position]", &steps.to_string()).await?;
    both_languages(&app, "overview").await?;

    app.click_text(".presenter button", &t("fr", "workshop.presentation")?).await?;
    app.wait_attr("[data-slide]", "data-slide", "0").await?;
    both_languages(&app, "presentation-1").await?;

    // Forward with the keys remotes send, one slide each.
    app.press(Key::PageDown).await?;
    app.wait_attr("[data-slide]", "data-slide", "1").await?;
    app.press(Key::Right).await?;
    app.wait_attr("[data-slide]", "data-slide", "2").await?;
    both_languages(&app, "presentation-3").await?;
    // Back.
    app.press(Key::PageUp).await?;
    app.wait_attr("[data-slide]", "data-slide", "1").await?;
    app.press(Key::Left).await?;
    app.wait_attr("[data-slide]", "data-slide", "0").await?;
    // The first slide is the first: going back stays there.
    app.press(Key::PageUp).await?;
    app.wait_attr("[data-slide]", "data-slide", "0").await?;
    // To the last slide, and past it: it stays on the last.
    for _ in 0..steps {
        app.press(Key::PageDown).await?;
    }
    app.wait_attr("[data-slide]", "data-slide", &(steps - 1).to_string()).await?;
    both_languages(&app, "presentation-last").await?;

    // Escape leaves the presentation for that step's page.
    app.press(Key::Escape).await?;
    app.wait_gone("[data-slide]").await?;
    let last = &library.pack(PACK)?.steps[steps - 1].id;
    app.find(&format!("[data-step-page=\"{last}\"]")).await?;
    both_languages(&app, "step").await?;

    app.close().await?;
    Ok(())
}
