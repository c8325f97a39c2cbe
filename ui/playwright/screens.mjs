// Every screen the browser suite visits: the pretend backend's scenario, how a person gets there (clicks on
// what they would click, found by the words they would read), and what proves the screen is there. One
// entry per screen; run.mjs runs each in French and in English.
import { readFileSync } from 'node:fs';

const catalogs = Object.fromEntries(
  ['fr', 'en'].map((lang) => [
    lang,
    JSON.parse(readFileSync(new URL(`../src/i18n/${lang}.json`, import.meta.url), 'utf8')),
  ]),
);

/** French spaces, as the interface sets them (src/lib/typography.ts): narrow no-break before : ; ? ! ». */
function typeset(text, lang) {
  if (lang !== 'fr') return text;
  return text.replace(/[ \u00a0]([:;?!»])/g, '\u202f$1').replace(/«[ \u00a0]/g, '«\u202f');
}

/** The interface string `key` in `lang` as a person reads it, with `{name}` placeholders filled in. */
export function t(lang, key, params = {}) {
  const text = key.split('.').reduce((node, part) => node?.[part], catalogs[lang]);
  if (typeof text !== 'string') throw new Error(`no string ${key} in ${lang}.json`);
  return typeset(text, lang).replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** @typedef {import('playwright-core').Page} Page */

const home = { backend: { config: { mode: 'home' } } };
const stand = { backend: { config: { mode: 'stand' } } };
const workshop = { backend: { config: { mode: 'workshop' } } };

/** Waits for the overview with a status on every step. */
async function overview(page) {
  await page.locator('[data-step][data-status]').first().waitFor();
}

/** A place in the top navigation bar. */
async function nav(page, lang, key) {
  await page.getByRole('navigation').getByRole('button', { name: t(lang, key) }).click();
}

async function heading(page, text) {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
}

/** A step's page, opened from the overview. */
async function openStep(page, id) {
  await overview(page);
  await page.locator(`[data-step="${id}"] button`).click();
  await page.locator(`[data-step-page="${id}"]`).waitFor();
}

/** The CHATONS search, opened from its step as a person does. */
async function openChatons(page, lang) {
  await openStep(page, 'chatons-host');
  await page.getByRole('button', { name: t(lang, 'step.find_host') }).click();
  await heading(page, t(lang, 'chatons.title'));
}

/** Opens the first workshop pack in the presentation view, on its first slide. */
async function present(page, lang) {
  await page.locator('main .btn.primary').first().click();
  await page.locator('[data-step]').first().waitFor();
  await page.getByRole('button', { name: t(lang, 'workshop.presentation') }).click();
  await page.locator('[data-slide="0"]').waitFor();
}

/**
 * The text size chosen in the settings ("Grande", "Très grande"): what Settings.apply() writes on <html>,
 * written before the screen is reached (a stand has no settings page in its bar).
 */
async function textSize(page, size) {
  await page.locator('html[data-text-size]').waitFor({ state: 'attached' });
  await page.evaluate((size) => {
    const scale = { normal: 1, large: 1.2, larger: 1.45 }[size];
    document.documentElement.style.setProperty('--text-scale', String(scale));
    document.documentElement.dataset.textSize = size;
  }, size);
}

/**
 * What a projected slide promises (ux.md): a title of 48 px or more, QR codes at least 30 % of the screen
 * high, and everything on the screen — nothing cut off at the bottom, nothing to scroll. Every slide of the
 * pack is checked, from the first to the last.
 *
 * With larger text on a smaller screen (`larger`), the codes get the room the text leaves them (never under
 * 150 px, which a phone still reads) and, when even the smallest text does not fit, the text scrolls rather
 * than lose its end: what scrolls is reached with Tab. In every case the title stays under a twelfth of the
 * screen, the codes and their names stay clear of the slide's buttons, and the presenter bar is one row.
 */
async function slidesFitTheScreen(page, _lang, { larger = false } = {}) {
  const problems = [];
  // From the first slide (the screenshot was of another).
  while ((await page.locator('main[data-slide]').getAttribute('data-slide')) !== '0') {
    const before = await page.locator('main[data-slide]').getAttribute('data-slide');
    await page.keyboard.press('PageUp');
    await page.locator(`main[data-slide="${Number(before) - 1}"]`).waitFor();
  }
  for (;;) {
    const slide = await page.evaluate(() => {
      const main = document.querySelector('main[data-slide]');
      const title = main?.querySelector('h1');
      const text = main?.querySelector('.text');
      const codes = [...(main?.querySelectorAll('.codes .qr-svg') ?? [])];
      const root = document.documentElement;
      return {
        index: Number(main?.dataset.slide),
        title: title ? parseFloat(getComputedStyle(title).fontSize) : 0,
        codes: codes.map((c) => c.getBoundingClientRect().height / innerHeight),
        // The text's own box against its column's (a last margin may overflow; it shows nothing).
        textCut: text?.firstElementChild
          ? text.firstElementChild.getBoundingClientRect().bottom > text.getBoundingClientRect().bottom + 1
          : false,
        // What scrolls instead, if anything, and whether Tab reaches it.
        scroller: (() => {
          const box = main?.querySelector('.text, .layout') && [...main.querySelectorAll('.text, .layout')].find(
            (el) => /auto|scroll/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1,
          );
          return box ? { focusable: box.tabIndex >= 0, contains: box.contains(text) } : null;
        })(),
        codePixels: codes.map((c) => c.getBoundingClientRect().height),
        titleShare: title ? parseFloat(getComputedStyle(title).fontSize) / innerHeight : 0,
        // The codes with their names, where they are drawn (not clipped by a scrolling body) against the
        // buttons under them.
        codesOverControls: (() => {
          const controls = main?.querySelector('.controls')?.getBoundingClientRect();
          const layout = main?.querySelector('.layout')?.getBoundingClientRect();
          if (!controls) return false;
          return [...(main?.querySelectorAll('.codes figure') ?? [])].some((f) => {
            const r = f.getBoundingClientRect();
            const bottom = layout ? Math.min(r.bottom, layout.bottom) : r.bottom;
            return bottom > controls.top + 1 && r.top < controls.bottom;
          });
        })(),
        barRows: (() => {
          const tops = [...document.querySelectorAll('.presenter > *')]
            .filter((el) => el.getBoundingClientRect().height > 0)
            .map((el) => el.getBoundingClientRect());
          const rows = [];
          for (const r of tops) if (!rows.some((row) => r.top < row.bottom && r.bottom > row.top)) rows.push(r);
          return rows.length;
        })(),
        pageScrolls: root.scrollHeight > root.clientHeight + 1,
        controlsBelow: (main?.querySelector('.controls')?.getBoundingClientRect().bottom ?? 0) > innerHeight + 1,
        last: main?.querySelector('.controls button:last-of-type')?.disabled ?? true,
      };
    });
    const where = `slide ${slide.index + 1}`;
    if (slide.title < 48) problems.push(`${where}: the title is ${slide.title} px, under 48`);
    if (!larger) {
      for (const h of slide.codes) {
        if (h < 0.3) problems.push(`${where}: a QR code is ${Math.round(h * 100)} % of the screen high, under 30 %`);
      }
      if (slide.textCut) problems.push(`${where}: the text does not fit its column`);
    } else {
      for (const px of slide.codePixels) {
        if (px < 150) problems.push(`${where}: a QR code is ${Math.round(px)} px high, under 150`);
      }
      if (slide.textCut && !slide.scroller?.contains) problems.push(`${where}: the text is cut and does not scroll`);
      if (slide.scroller && !slide.scroller.focusable) problems.push(`${where}: the text scrolls but Tab does not reach it`);
      if (slide.titleShare > 0.085 && slide.title > 48) problems.push(`${where}: the title is ${slide.title} px, over a twelfth of the screen`);
      if (slide.barRows > 1) problems.push(`${where}: the presenter bar takes ${slide.barRows} rows`);
    }
    if (slide.codesOverControls) problems.push(`${where}: a code or its name lies over the slide's buttons`);
    if (slide.pageScrolls) problems.push(`${where}: the page scrolls`);
    if (slide.controlsBelow) problems.push(`${where}: the slide controls are below the screen`);
    if (slide.last) return problems;
    await page.keyboard.press('PageDown');
    await page.locator(`[data-slide="${slide.index + 1}"]`).waitFor();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
}

/** Nothing scrolls sideways (reflow, WCAG 1.4.10): the page is no wider than the window. */
async function noSidewaysScroll(page) {
  const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  return over > 0 ? [`the page scrolls sideways by ${over} px`] : [];
}

/** The language switch whole and in view: both languages inside the pill, the pill inside the window. */
async function languageSwitchInView(page) {
  const boxes = await page.evaluate(() => {
    const pill = document.querySelector('header [role=group][lang], header .switch')?.getBoundingClientRect();
    const buttons = [...document.querySelectorAll('header button[aria-pressed]')].map((b) => b.getBoundingClientRect());
    return { pill: pill && { left: pill.left, right: pill.right }, buttons: buttons.map((b) => ({ left: b.left, right: b.right })), width: innerWidth };
  });
  const problems = [];
  if (!boxes.pill || boxes.buttons.length !== 2) return ['no language switch in the bar'];
  if (boxes.pill.left < 0 || boxes.pill.right > boxes.width + 1) problems.push('the language switch is past the window’s edge');
  for (const b of boxes.buttons) {
    if (b.left < boxes.pill.left - 1 || b.right > boxes.pill.right + 1) problems.push('a language is cut off by its pill');
  }
  return problems;
}

/**
 * The pages of the PDF the print dialog would make of this page (A4, as the print stylesheet asks). This is
 * Chromium's layout of the printed page, not WebKit's, which the app prints with: close, not the same.
 */
async function printedPages(page) {
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  await page.emulateMedia({ media: 'screen' });
  return (pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

/**
 * "Imprimer les fiches" gives one A4 page per participant, for every built-in pack: each pack is chosen in
 * turn and printed.
 */
async function handoutsAreOnePage(page, lang) {
  const problems = [];
  for (let i = 0; ; i++) {
    await page.getByRole('button', { name: t(lang, 'workshop.change_pack') }).click();
    const choices = page.locator('main .btn.primary');
    await choices.first().waitFor();
    const count = await choices.count();
    if (i >= count) return problems;
    await choices.nth(i).click();
    await page.locator('[data-testid=presenter-position]').waitFor();
    const title = await page.locator('.handout h1').textContent();
    const pages = await printedPages(page);
    if (pages !== 1) problems.push(`the handout of "${title}" prints on ${pages} pages, not one`);
  }
}

/**
 * The summary printed: the take-home code on paper is the one made for paper (more error correction), drawn
 * full size, and the screen's code is not printed under it.
 */
async function paperGetsItsOwnCode(page) {
  await page.emulateMedia({ media: 'print' });
  try {
    // One reading of the printed layout, once it has settled (two frames), for both boxes.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const { code, paper, screenShown } = await page.evaluate(() => {
      const box = (selector) => {
        const r = document.querySelector(selector)?.getBoundingClientRect();
        return r && { x: r.x, y: r.y, width: r.width, height: r.height };
      };
      const screen = document.querySelector('[data-testid=takeaway-qr-screen]');
      return {
        code: box('[data-testid=takeaway-qr]'),
        paper: box('[data-testid=takeaway-qr-paper] svg'),
        screenShown: !!screen && getComputedStyle(screen).display !== 'none',
      };
    });
    const problems = [];
    if (screenShown) problems.push('the screen’s take-home code is printed');
    const inside =
      code &&
      paper &&
      paper.x >= code.x - 1 &&
      paper.y >= code.y - 1 &&
      paper.x + paper.width <= code.x + code.width + 1 &&
      paper.y + paper.height <= code.y + code.height + 1;
    if (!inside || paper.width < code.width * 0.8 || Math.abs(paper.width - paper.height) > 1) {
      problems.push(`the paper take-home code is not drawn full size: ${JSON.stringify({ code, paper })}`);
    }
    return problems;
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

/**
 * @type {{ name: string, scenario?: object, go: (page: Page, lang: string) => Promise<void>,
 *          fullPage?: boolean, darkShot?: boolean, viewport?: { width: number, height: number },
 *          check?: (page: Page, lang: string) => Promise<string[]> }[]}
 */
export const screens = [
  {
    name: 'welcome',
    darkShot: true,
    go: async (page) => {
      await page.locator('[data-testid=os-line]').waitFor();
      await page.locator('button[data-mode=home]').waitFor();
    },
  },
  {
    name: 'home-audit',
    scenario: { ...home, hangAudit: true },
    go: async (page, lang) => heading(page, t(lang, 'audit.title')),
  },
  {
    name: 'home-overview',
    scenario: { ...home, backend: { ...home.backend, changes: [] } },
    darkShot: true,
    fullPage: true,
    go: overview,
  },
  {
    name: 'home-overview-since-last-time',
    scenario: {
      backend: {
        ...home.backend,
        resume: true,
        changes: [
          { step: 'ublock-origin', before: 'todo', after: 'partial' },
          { step: 'firefox', before: 'todo', after: 'done' },
        ],
      },
    },
    go: async (page, lang) => {
      await overview(page);
      await page.getByText(t(lang, 'overview.since_title')).waitFor();
    },
  },
  {
    name: 'step-ublock-origin',
    scenario: home,
    fullPage: true,
    go: (page) => openStep(page, 'ublock-origin'),
  },
  {
    name: 'step-private-maps-manual',
    scenario: home,
    fullPage: true,
    go: async (page, lang) => {
      await openStep(page, 'private-maps');
      await page.getByRole('radio', { name: t(lang, 'step.answer_done') }).click();
      await page.getByText(t(lang, 'step.answer_saved')).first().waitFor();
    },
  },
  {
    // Codes the Rust side could not draw: said in their place, each name still written under it.
    name: 'step-qr-failed',
    scenario: { backend: { ...home.backend, failing: { qr_svg: { code: 'qr.too_long', message: 'data too long' } } } },
    fullPage: true,
    go: async (page, lang) => {
      await openStep(page, 'private-maps');
      await page.getByText(t(lang, 'step.qr_failed')).first().waitFor();
    },
  },
  {
    name: 'chatons',
    scenario: home,
    fullPage: true,
    go: async (page, lang) => {
      await openChatons(page, lang);
      await page.locator('.chatons .layout').waitFor();
    },
  },
  {
    name: 'chatons-host-card',
    scenario: home,
    fullPage: true,
    go: async (page, lang) => {
      await openChatons(page, lang);
      const firstHost = page.locator('.chatons .layout li button').first();
      await firstHost.click();
      await page.getByRole('button', { name: t(lang, 'chatons.back') }).first().waitFor();
    },
  },
  {
    name: 'chatons-ambiguous-town',
    scenario: home,
    fullPage: true,
    go: async (page, lang) => {
      await openChatons(page, lang);
      const town = page.getByRole('combobox');
      await town.fill('Saint-Denis');
      await town.press('Escape');
      await town.press('Enter');
      await page.locator('.chatons .which li button').nth(1).waitFor();
    },
  },
  {
    // A town chosen: the hosts nearest first, and the town's name on the map, under the markers.
    name: 'chatons-town',
    scenario: home,
    fullPage: true,
    go: async (page, lang) => {
      await openChatons(page, lang);
      await page.getByRole('combobox').fill('Compiègne');
      await page.getByRole('option', { name: /Compiègne/ }).first().click();
      await page.locator('.chatons .town-name').waitFor();
    },
  },
  {
    // A need no host of the sample directory offers: a hint, and no order claimed for an empty list.
    name: 'chatons-no-host',
    scenario: home,
    fullPage: true,
    go: async (page, lang) => {
      await openChatons(page, lang);
      await page.locator('.chip input').last().check();
      await page.getByText(t(lang, 'chatons.results.none_any')).waitFor();
    },
  },
  {
    name: 'chatons-no-directory',
    scenario: { ...home, directory: 'empty' },
    go: async (page, lang) => {
      await openChatons(page, lang);
    },
  },
  {
    // The directory's state could not be read: said, with a button to try again.
    name: 'chatons-status-failed',
    scenario: { backend: { ...home.backend, failing: { directory_status: { code: 'directory.read_failed', message: 'snapshot.json: permission denied' } } } },
    go: async (page, lang) => {
      await openChatons(page, lang);
      await page.getByRole('button', { name: t(lang, 'chatons.directory.status_retry') }).waitFor();
    },
  },
  {
    // The needs could not be listed: said where they would be; the search works over every host. (The
    // command itself cannot fail: the call can, and Tauri rejects it with a plain string.)
    name: 'chatons-needs-failed',
    scenario: { backend: { ...home.backend, failing: { categories: 'invalid args `lang` for command `categories`: command categories missing required key lang' } } },
    go: async (page, lang) => {
      await openChatons(page, lang);
      await page.getByText(t(lang, 'chatons.need.failed')).waitFor();
      await page.locator('.chatons .hosts li').first().waitFor();
    },
  },
  {
    // A refresh that could not reach the server: the plain sentence, the raw error under "Détails".
    name: 'chatons-refresh-failed',
    scenario: {
      backend: {
        ...home.backend,
        failing: {
          directory_refresh: {
            code: 'directory.source_unavailable',
            message:
              'the federation file https://framagit.org/chatons/chatonsinfos/-/raw/master/StatoolInfos/chatons.properties could not be read (error sending request for url (https://framagit.org/chatons/chatonsinfos/-/raw/master/StatoolInfos/chatons.properties): tcp connect error: Connection refused (os error 111)), and no earlier copy of it is kept: the directory in use is unchanged',
          },
        },
      },
    },
    go: async (page, lang) => {
      await openChatons(page, lang);
      await page.getByRole('button', { name: t(lang, 'chatons.directory.refresh') }).click();
      await page.getByText(t(lang, 'errors.directory.source_unavailable')).waitFor();
      await page.getByText(t(lang, 'errors.details'), { exact: true }).click();
      await page.getByText(/os error 111/).waitFor();
      // The Rust side's English, said as English inside a French page.
      if ((await page.locator('details pre[lang=en]').count()) !== 1) throw new Error('the raw error is not marked English');
    },
  },
  {
    // A refresh under way, 37 files of 140 read, its "Stop" button reached with Tab.
    name: 'chatons-refresh-running',
    scenario: home,
    go: async (page, lang) => {
      await openChatons(page, lang);
      await page.getByRole('button', { name: t(lang, 'chatons.directory.refresh') }).click();
      const stop = page.getByRole('button', { name: t(lang, 'chatons.directory.stop_label') });
      await stop.waitFor();
      await page.evaluate(() =>
        window.__PP_DIRECTORY__.progress?.({ done: 37, total: 140, url: 'https://example.org/a.properties' }),
      );
      await page.getByText(t(lang, 'chatons.directory.progress', { done: 37, total: 140 })).waitFor();
      for (let i = 0; i < 10 && !(await stop.evaluate((el) => el === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
    },
  },
  {
    // The same refresh stopped: the directory in use is still the one kept, and no error is shown.
    name: 'chatons-refresh-stopped',
    scenario: home,
    go: async (page, lang) => {
      await openChatons(page, lang);
      await page.getByRole('button', { name: t(lang, 'chatons.directory.refresh') }).click();
      await page.getByRole('button', { name: t(lang, 'chatons.directory.stop_label') }).click();
      await page.getByText(t(lang, 'chatons.directory.stopped_title')).waitFor();
    },
  },
  {
    name: 'summary',
    scenario: home,
    fullPage: true,
    go: async (page, lang) => {
      await overview(page);
      await nav(page, lang, 'nav.summary');
      await heading(page, t(lang, 'summary.title'));
      await page.locator('[data-testid=takeaway-qr]').waitFor();
    },
    check: paperGetsItsOwnCode,
  },
  {
    name: 'transparency',
    scenario: home,
    fullPage: true,
    go: async (page, lang) => {
      await overview(page);
      await nav(page, lang, 'nav.transparency');
      await page.locator('main h1').waitFor();
    },
  },
  {
    // A directory request that got no answer and a saved directory that could not be read.
    name: 'transparency-failures',
    scenario: {
      backend: {
        ...home.backend,
        requests: [
          {
            kind: 'request',
            purpose: 'directory',
            target: 'https://framagit.org/chatons/chatonsinfos/-/raw/master/StatoolInfos/chatons.properties',
            status: 0,
            bytes: 0,
            error:
              'error sending request for url (https://framagit.org/chatons/chatonsinfos/-/raw/master/StatoolInfos/chatons.properties): tcp connect error: Connection refused (os error 111)',
            at_ms: Date.UTC(2026, 10, 26, 9, 30),
            duration_ms: 4,
          },
          {
            kind: 'file_read',
            app: 'premiers-pas',
            path: '/home/lucas/.local/share/premiers-pas/directory/snapshot.json',
            bytes: 0,
            error: 'the directory could not be rebuilt',
            at_ms: Date.UTC(2026, 10, 26, 9, 29),
          },
        ],
      },
    },
    fullPage: true,
    go: async (page, lang) => {
      await overview(page);
      await nav(page, lang, 'nav.transparency');
      await page.getByText(t(lang, 'transparency.no_answer')).waitFor();
      await page.locator('table details summary').click();
      await page.getByText(/os error 111/).waitFor();
      if ((await page.locator('table details pre:not([lang=en])').count()) !== 0) {
        throw new Error('a raw error is not marked English');
      }
    },
  },
  {
    name: 'privacy',
    scenario: home,
    fullPage: true,
    go: async (page, lang) => {
      await overview(page);
      await nav(page, lang, 'nav.privacy');
      await page.locator('main h1').waitFor();
    },
  },
  {
    name: 'settings',
    scenario: home,
    go: async (page, lang) => {
      await overview(page);
      await nav(page, lang, 'nav.settings');
      await page.locator('main h1').waitFor();
    },
  },
  {
    name: 'stand-welcome',
    scenario: stand,
    go: async (page) => {
      await page.locator('button[data-mode=stand]').waitFor();
      // The laptop is the association's: not a word about it to the visitor.
      if (await page.locator('[data-testid=os-line]').count()) throw new Error('the stand welcome describes the laptop');
    },
  },
  {
    name: 'stand-overview',
    scenario: stand,
    go: async (page, lang) => {
      await page.locator('button[data-mode=stand]').click();
      await overview(page);
      await page.getByRole('button', { name: t(lang, 'stand.next_visitor') }).waitFor();
    },
  },
  {
    // "Visiteur suivant" in the bar asks before it forgets the visit.
    name: 'stand-next-visitor-ask',
    scenario: stand,
    go: async (page, lang) => {
      await page.locator('button[data-mode=stand]').click();
      await overview(page);
      await page.getByRole('button', { name: t(lang, 'stand.next_visitor') }).click();
      await page.getByRole('button', { name: t(lang, 'stand.next_visitor_keep') }).waitFor();
    },
  },
  {
    // The shell held a request to close the window: the page asks the volunteer.
    name: 'stand-close-ask',
    scenario: stand,
    go: async (page, lang) => {
      await page.locator('button[data-mode=stand]').waitFor();
      await page.evaluate(() => window.dispatchEvent(new Event('premiers-pas:close-requested')));
      await page.getByRole('button', { name: t(lang, 'stand.close_confirm') }).waitFor();
    },
  },
  {
    name: 'stand-step',
    scenario: stand,
    fullPage: true,
    go: async (page, lang) => {
      await page.locator('button[data-mode=stand]').click();
      await openStep(page, 'firefox');
      await page.getByRole('radio', { name: t(lang, 'step.answer_done') }).waitFor();
      if (await page.getByRole('heading', { name: t(lang, 'step.found') }).count()) {
        throw new Error('the stand step page shows what was found on the laptop');
      }
      // Links are codes for the visitor's phone: nothing opens in the laptop's browser.
      if ((await page.locator('section[aria-labelledby=links] [role=img]').count()) === 0) {
        throw new Error('the stand step page has no code for its links');
      }
    },
  },
  {
    name: 'stand-host-card',
    scenario: stand,
    fullPage: true,
    go: async (page, lang) => {
      await page.locator('button[data-mode=stand]').click();
      await openChatons(page, lang);
      await page.locator('.chatons .layout li button').first().click();
      await page.getByRole('img', { name: t(lang, 'chatons.card.website_code') }).waitFor();
      if (await page.getByRole('button', { name: t(lang, 'chatons.card.website') }).count()) {
        throw new Error('the stand host card opens the website on the laptop');
      }
    },
  },
  {
    // The list cannot be made: the reason, and the next visitor's button all the same.
    name: 'stand-takeaway-failed',
    scenario: { backend: { config: { mode: 'stand' }, failing: { takeaway: { code: 'qr.too_long', message: 'too long' } } } },
    go: async (page, lang) => {
      await page.locator('button[data-mode=stand]').click();
      await overview(page);
      await nav(page, lang, 'nav.takeaway');
      await page.locator('main [role=alert]').waitFor();
      await page.locator('main').getByRole('button', { name: t(lang, 'stand.next_visitor') }).waitFor();
    },
  },
  {
    // A long pack: the code keeps the steps' titles without their pages, and says so.
    name: 'stand-takeaway-long',
    scenario: { backend: { ...stand.backend, takeawayWithoutPages: true } },
    go: async (page, lang) => {
      await page.locator('button[data-mode=stand]').click();
      await overview(page);
      await nav(page, lang, 'nav.takeaway');
      await page.getByText(t(lang, 'takeaway.without_pages')).waitFor();
      if ((await page.locator('.takeaway .list').innerText()).includes('https://')) {
        throw new Error('the list without pages still has addresses');
      }
    },
  },
  {
    name: 'stand-takeaway',
    scenario: stand,
    go: async (page, lang) => {
      await page.locator('button[data-mode=stand]').click();
      await overview(page);
      await nav(page, lang, 'nav.takeaway');
      const code = page.locator('[data-testid=takeaway-qr]');
      await code.waitFor();
      // On the stand's 1280×800 screen, the code with its white margin and the button under the list
      // are in view without scrolling.
      const next = page.locator('main').getByRole('button', { name: t(lang, 'stand.next_visitor') });
      const height = page.viewportSize()?.height ?? 800;
      for (const [what, box] of [['code', await code.boundingBox()], ['next visitor', await next.boundingBox()]]) {
        if (!box || box.y < 0 || box.y + box.height > height) {
          throw new Error(`the take-home ${what} does not fit the screen: ${JSON.stringify(box)}`);
        }
      }
      // The list cut to the code's height scrolls, and the keyboard reaches it, by its heading's name.
      const list = page.locator('.takeaway .list');
      if (await list.evaluate((e) => e.scrollHeight > e.clientHeight + 1)) {
        const region = page.getByRole('region', { name: t(lang, 'takeaway.what_it_says') });
        if ((await region.count()) !== 1 || (await list.getAttribute('tabindex')) !== '0') {
          throw new Error('the cut take-home list is not a region the keyboard reaches');
        }
      }
    },
  },
  {
    name: 'workshop-packs',
    scenario: workshop,
    go: async (page, lang) => {
      await heading(page, t(lang, 'workshop.choose_title'));
    },
  },
  {
    // The volunteer's own pack among the built-in ones, and an own pack file left out at launch.
    name: 'workshop-packs-own',
    scenario: {
      backend: {
        config: { mode: 'workshop' },
        ownPack: true,
        leftOut: true,
      },
    },
    fullPage: true,
    go: async (page, lang) => {
      await heading(page, t(lang, 'workshop.choose_title'));
      const own = page.locator('[data-pack=atelier-courriel]');
      await own.getByText(t(lang, 'workshop.own_pack')).waitFor();
      await own.getByRole('button', { name: t(lang, 'workshop.remove_pack') }).waitFor();
      if ((await page.getByRole('button', { name: t(lang, 'workshop.remove_pack') }).count()) !== 1) {
        throw new Error('only the own pack can be removed');
      }
      const left = page.locator('[data-left-out]');
      await left.getByText(t(lang, 'errors.own_pack.invalid')).waitFor();
      await left.locator('summary').click();
      await left.locator('pre').getByText('vieil-atelier.toml:8:3', { exact: false }).waitFor();
      // The checker's lines in the page's language, with nothing of the other.
      const details = await left.locator('pre').innerText();
      if (details.includes(lang === 'fr' ? 'unknown key' : 'clé inconnue')) {
        throw new Error(`the details mix languages: ${details}`);
      }
      if (await left.locator('pre[lang]').count()) throw new Error('the checker’s lines are marked as another language');
    },
  },
  {
    // A file that is not a valid pack: why, and the validator's lines under "Détails".
    name: 'workshop-packs-import-error',
    scenario: { backend: { config: { mode: 'workshop' }, addPack: 'invalid' } },
    fullPage: true,
    go: async (page, lang) => {
      await heading(page, t(lang, 'workshop.choose_title'));
      await page.getByRole('button', { name: t(lang, 'workshop.add_pack') }).click();
      const alert = page.locator('main [role=alert]');
      await alert.getByText(t(lang, 'workshop.add_failed')).waitFor();
      await alert.getByText(t(lang, 'errors.own_pack.invalid')).waitFor();
      await alert.locator('summary').click();
      await alert.locator('pre').getByText('atelier-courriel.toml:5:1', { exact: false }).waitFor();
    },
  },
  {
    name: 'workshop-overview',
    scenario: workshop,
    go: async (page) => {
      await page.locator('main .btn.primary').first().click();
      await page.locator('[data-step]').first().waitFor();
      await page.locator('[data-testid=presenter-position]').waitFor();
    },
    check: handoutsAreOnePage,
  },
  {
    name: 'workshop-presentation',
    scenario: workshop,
    darkShot: true,
    go: async (page, lang) => {
      await present(page, lang);
      await page.keyboard.press('PageDown');
      await page.locator('[data-slide="1"]').waitFor();
    },
    check: slidesFitTheScreen,
  },
  // The same slides with the settings' larger text, on the 1280×800 screen and on an 800×600 one.
  ...['large', 'larger'].flatMap((size) =>
    [
      { width: 1280, height: 800 },
      { width: 800, height: 600 },
    ].map((viewport) => ({
      name: `workshop-presentation-${size}-${viewport.width}x${viewport.height}`,
      scenario: workshop,
      viewport,
      go: async (page, lang) => {
        await textSize(page, size);
        await present(page, lang);
      },
      check: (page, lang) => slidesFitTheScreen(page, lang, { larger: true }),
    })),
  ),
  {
    // The stand's question at "Très grande" on a small screen: the bar wraps, the languages stay whole.
    name: 'stand-next-visitor-ask-larger-800x600',
    scenario: stand,
    viewport: { width: 800, height: 600 },
    go: async (page, lang) => {
      await textSize(page, 'larger');
      await screens.find((s) => s.name === 'stand-next-visitor-ask').go(page, lang);
    },
    check: async (page) => [...(await languageSwitchInView(page)), ...(await noSidewaysScroll(page))],
  },
  {
    // The take-home code at "Très grande" on the stand's 1280×800 screen: the whole code in view.
    name: 'stand-takeaway-larger',
    scenario: stand,
    go: async (page, lang) => {
      await textSize(page, 'larger');
      await page.locator('button[data-mode=stand]').click();
      await overview(page);
      await nav(page, lang, 'nav.takeaway');
      const box = await page.locator('[data-testid=takeaway-qr]').boundingBox();
      if (!box || box.y < 0 || box.y + box.height > (page.viewportSize()?.height ?? 800)) {
        throw new Error(`the take-home code does not fit the screen: ${JSON.stringify(box)}`);
      }
    },
    check: noSidewaysScroll,
  },
  {
    // The long list at "Très grande" in a small window: the text goes under the code, nothing sideways.
    name: 'stand-takeaway-long-larger-800x600',
    scenario: { backend: { ...stand.backend, takeawayWithoutPages: true } },
    viewport: { width: 800, height: 600 },
    go: async (page, lang) => {
      await textSize(page, 'larger');
      await screens.find((s) => s.name === 'stand-takeaway-long').go(page, lang);
    },
    check: noSidewaysScroll,
  },
  {
    // The same slides on a projector.
    name: 'workshop-presentation-projector',
    scenario: workshop,
    viewport: { width: 1920, height: 1080 },
    go: async (page, lang) => {
      await present(page, lang);
      await page.keyboard.press('PageDown');
      await page.locator('[data-slide="1"]').waitFor();
    },
    check: slidesFitTheScreen,
  },
];

// Reflow: a few main screens 320 px wide (a 1280 px window at 400 %), nothing to scroll sideways.
screens.push(
  ...['home-overview', 'step-private-maps-manual', 'workshop-packs', 'stand-welcome', 'stand-overview'].map((name) => {
    const screen = screens.find((s) => s.name === name);
    return {
      name: `reflow-320-${name}`,
      scenario: screen.scenario,
      viewport: { width: 320, height: 256 },
      go: screen.go,
      check: noSidewaysScroll,
    };
  }),
);
