//! Drives the app with the keyboard alone, as a person without a mouse would: keys go to whatever has the
//! focus (WebDriver key actions), and the focus is read, never set, so a control that cannot be reached
//! with Tab, or a screen change that drops the focus on `<body>`, fails the test.
//!
//! Scripts here only read the page (`document.activeElement` and its computed style); they never click,
//! focus or dispatch events, which would hide exactly the faults these tests look for.

use std::fmt;
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Result};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;

use crate::{bounded, App, WAIT};

/// How many Tab presses `tab_to` tries before it gives up: more than any screen of the app has controls.
pub const MAX_TABS: usize = 80;

/// What has the focus, as the page reports it.
#[derive(Debug, Clone)]
pub struct Focus {
    /// Nothing has the focus: it is on `<body>` (or the document itself).
    pub body: bool,
    /// A short description: tag, id, classes, a few attributes and the start of its text.
    pub what: String,
    /// Some of it lies inside the window and it is not hidden.
    pub in_view: bool,
    /// Its focus ring, if it draws one (a non-`none` outline of some width, or a box shadow).
    pub indicator: Option<String>,
    /// It is a heading the app moved the focus to after a screen change (`h1` with `tabindex=-1`): a
    /// starting point for the next Tab, not a control.
    pub landing_heading: bool,
}

impl fmt::Display for Focus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.body {
            return f.write_str("<body> (no focus)");
        }
        f.write_str(&self.what)
    }
}

/// Reads `document.activeElement`; `arguments[0]` is a CSS selector and `arguments[1]` a text (or
/// null) that the element is matched against, giving `matches`.
const READ_FOCUS: &str = r#"
const e = document.activeElement;
const [css, text] = [arguments[0], arguments[1]];
if (!e || e === document.body || e === document.documentElement)
  return { body: true, what: '<body>', in_view: false, indicator: null, landing_heading: false, matches: false };
const s = getComputedStyle(e);
const r = e.getBoundingClientRect();
const in_view = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
  r.top < innerHeight && r.left < innerWidth && s.visibility !== 'hidden' && s.display !== 'none';
// The ring is the element's own, or, for a control drawn by its label or card (a transparent checkbox
// in a chip), the nearest such ancestor's; a ring on something transparent does not count.
const seen = (n) => { for (let a = n; a; a = a.parentElement) if (parseFloat(getComputedStyle(a).opacity) === 0) return false; return true; };
const ring = (n) => {
  const c = getComputedStyle(n);
  if (c.outlineStyle !== 'none' && parseFloat(c.outlineWidth) > 0) return `outline ${c.outlineWidth} ${c.outlineStyle} ${c.outlineColor}`;
  if (c.boxShadow && c.boxShadow !== 'none') return `box-shadow ${c.boxShadow}`;
  return null;
};
let indicator = null;
for (let n = e, depth = 0; n && n !== document.body && depth < 3 && indicator === null; n = n.parentElement, depth++)
  if (seen(n) && ring(n)) indicator = (n === e ? '' : `on its ${n.tagName.toLowerCase()}: `) + ring(n);
let what = e.tagName.toLowerCase();
if (e.id) what += '#' + e.id;
for (const c of e.classList) what += '.' + c;
for (const a of ['type', 'lang', 'data-mode', 'aria-pressed', 'href'])
  if (e.hasAttribute(a)) what += `[${a}=${e.getAttribute(a)}]`;
const named = (e.type === 'checkbox' || e.type === 'radio') && e.labels && e.labels[0];
const words = ((named ? named.innerText : e.innerText) || e.value || '').replace(/\s+/g, ' ').trim();
if (words) what += ` “${words.slice(0, 50)}”`;
const landing_heading = /^H[1-6]$/.test(e.tagName) && e.getAttribute('tabindex') === '-1';
const matches = css !== null && e.matches(css) && (text === null || words.includes(text));
return { body: false, what, in_view, indicator, landing_heading, matches };
"#;

struct Read {
    focus: Focus,
    matches: bool,
}

impl Read {
    fn from_json(value: &serde_json::Value) -> Read {
        let flag = |k: &str| value.get(k).and_then(serde_json::Value::as_bool).unwrap_or(false);
        let text = |k: &str| value.get(k).and_then(serde_json::Value::as_str).map(str::to_owned);
        Read {
            focus: Focus {
                body: flag("body"),
                what: text("what").unwrap_or_default(),
                in_view: flag("in_view"),
                indicator: text("indicator"),
                landing_heading: flag("landing_heading"),
            },
            matches: flag("matches"),
        }
    }
}

impl App {
    async fn read_focus(&self, css: Option<&str>, text: Option<&str>) -> Result<Read> {
        let args = vec![css.into(), text.into()];
        let value = bounded("reading the focus", self.client.execute(READ_FOCUS, args)).await?;
        Ok(Read::from_json(&value))
    }

    /// What has the focus now.
    pub async fn focused(&self) -> Result<Focus> {
        Ok(self.read_focus(None, None).await?.focus)
    }

    /// Presses keys together (modifiers first) and lets them go in reverse order, on whatever has the focus.
    pub async fn chord(&self, keys: &[Key]) -> Result<()> {
        let mut actions = KeyActions::new("keyboard".to_owned());
        for key in keys {
            actions = actions.then(KeyAction::Down { value: char::from(*key) });
        }
        for key in keys.iter().rev() {
            actions = actions.then(KeyAction::Up { value: char::from(*key) });
        }
        bounded(&format!("pressing {keys:?}"), self.client.perform_actions(actions)).await
    }

    /// Presses Ctrl and a character together (Ctrl + `=`), on whatever has the focus.
    pub async fn ctrl(&self, value: char) -> Result<()> {
        let control = char::from(Key::Control);
        let actions = KeyActions::new("keyboard".to_owned())
            .then(KeyAction::Down { value: control })
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value })
            .then(KeyAction::Up { value: control });
        bounded(&format!("pressing Ctrl+{value}"), self.client.perform_actions(actions)).await
    }

    /// The page's width in CSS pixels: it narrows as the page is zoomed in.
    pub async fn page_width(&self) -> Result<f64> {
        let value =
            bounded("reading the page width", self.client.execute("return window.innerWidth", vec![]))
                .await?;
        value.as_f64().ok_or_else(|| anyhow::anyhow!("the page width is not a number: {value}"))
    }

    /// Waits until the page's width in CSS pixels, rounded, is `width` (the zoom applied).
    pub async fn wait_page_width(&self, width: f64) -> Result<()> {
        let deadline = Instant::now() + WAIT;
        loop {
            let now = self.page_width().await?;
            if (now - width).abs() <= 2.0 {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!("the page is {now} px wide, not {width}, after {WAIT:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Types text into whatever has the focus, one key press per character.
    pub async fn type_text(&self, text: &str) -> Result<()> {
        let mut actions = KeyActions::new("keyboard".to_owned());
        for value in text.chars() {
            actions = actions.then(KeyAction::Down { value }).then(KeyAction::Up { value });
        }
        bounded(&format!("typing {text:?}"), self.client.perform_actions(actions)).await
    }

    /// Presses Tab until the focused element matches `css`, at most [`MAX_TABS`] times; the error lists
    /// every element that got the focus on the way.
    pub async fn tab_to(&self, css: &str) -> Result<Focus> {
        self.tab_until(css, None, false).await
    }

    /// Like [`App::tab_to`], for the element matching `css` whose visible text contains `text`.
    pub async fn tab_to_text(&self, css: &str, text: &str) -> Result<Focus> {
        self.tab_until(css, Some(text), false).await
    }

    /// Like [`App::tab_to`], backwards (Shift+Tab).
    pub async fn shift_tab_to(&self, css: &str) -> Result<Focus> {
        self.tab_until(css, None, true).await
    }

    async fn tab_until(&self, css: &str, text: Option<&str>, back: bool) -> Result<Focus> {
        let mut path = Vec::new();
        for _ in 0..MAX_TABS {
            if back {
                self.chord(&[Key::Shift, Key::Tab]).await?;
            } else {
                self.press(Key::Tab).await?;
            }
            let read = self.read_focus(Some(css), text).await?;
            if read.matches {
                return Ok(read.focus);
            }
            path.push(read.focus.to_string());
        }
        let key = if back { "Shift+Tab" } else { "Tab" };
        let target = text.map_or_else(|| format!("`{css}`"), |t| format!("`{css}` saying {t:?}"));
        bail!(
            "{target} never got the focus after {MAX_TABS} × {key}; the focus went to:\n  {}",
            path.join("\n  ")
        )
    }

    /// Fails unless the focus is on a control the person can see, drawing a focus ring: what a keyboard
    /// user needs to know where the next key goes. `stop` names the place in the journey for the message.
    pub async fn assert_focus_visible(&self, stop: &str) -> Result<Focus> {
        let focus = self.focused().await?;
        ensure!(!focus.body, "{stop}: the focus is lost on <body>");
        ensure!(focus.in_view, "{stop}: the focused {focus} is outside the window or hidden");
        ensure!(focus.indicator.is_some(), "{stop}: the focused {focus} shows no focus ring");
        eprintln!("{stop}: focus on {focus}");
        Ok(focus)
    }

    /// Waits until a screen change has put the focus somewhere visible, not left it on `<body>`: either
    /// on the new screen's heading (the app's landing point) or on a control with a focus ring.
    pub async fn assert_focus_landed(&self, stop: &str) -> Result<Focus> {
        let deadline = Instant::now() + WAIT;
        loop {
            let focus = self.focused().await?;
            if !focus.body && focus.in_view && (focus.landing_heading || focus.indicator.is_some()) {
                eprintln!("{stop}: focus on {focus}");
                return Ok(focus);
            }
            if Instant::now() > deadline {
                bail!("{stop}: after the screen change the focus is on {focus} ({focus:?}), not on a visible heading or control");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}
