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

/**
 * @type {{ name: string, scenario?: object, go: (page: Page, lang: string) => Promise<void>,
 *          fullPage?: boolean, darkShot?: boolean }[]}
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
      await page.getByRole('button', { name: t(lang, 'step.answer_done') }).click();
      await page.getByText(t(lang, 'step.answer_saved')).first().waitFor();
    },
  },
  {
    name: 'chatons',
    scenario: home,
    fullPage: true,
    go: async (page, lang) => {
      await openStep(page, 'chatons-host');
      await page.getByRole('button', { name: t(lang, 'step.find_host') }).click();
      await heading(page, t(lang, 'chatons.title'));
      await page.locator('.chatons .layout').waitFor();
    },
  },
  {
    name: 'chatons-host-card',
    scenario: home,
    fullPage: true,
    go: async (page, lang) => {
      await openStep(page, 'chatons-host');
      await page.getByRole('button', { name: t(lang, 'step.find_host') }).click();
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
      await openStep(page, 'chatons-host');
      await page.getByRole('button', { name: t(lang, 'step.find_host') }).click();
      const town = page.getByRole('combobox');
      await town.fill('Saint-Denis');
      await town.press('Escape');
      await town.press('Enter');
      await page.locator('.chatons .which li button').nth(1).waitFor();
    },
  },
  {
    name: 'chatons-no-directory',
    scenario: { ...home, directory: 'empty' },
    go: async (page, lang) => {
      await openStep(page, 'chatons-host');
      await page.getByRole('button', { name: t(lang, 'step.find_host') }).click();
      await heading(page, t(lang, 'chatons.title'));
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
    name: 'stand-takeaway',
    scenario: stand,
    go: async (page, lang) => {
      await page.locator('button[data-mode=stand]').click();
      await overview(page);
      await nav(page, lang, 'nav.takeaway');
      await page.locator('[data-testid=takeaway-qr]').waitFor();
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
    name: 'workshop-overview',
    scenario: workshop,
    go: async (page) => {
      await page.locator('main .btn.primary').first().click();
      await page.locator('[data-step]').first().waitFor();
      await page.locator('[data-testid=presenter-position]').waitFor();
    },
  },
  {
    name: 'workshop-presentation',
    scenario: workshop,
    darkShot: true,
    go: async (page, lang) => {
      await page.locator('main .btn.primary').first().click();
      await page.locator('[data-step]').first().waitFor();
      await page.getByRole('button', { name: t(lang, 'workshop.presentation') }).click();
      await page.locator('[data-slide="0"]').waitFor();
      await page.keyboard.press('PageDown');
      await page.locator('[data-slide="1"]').waitFor();
    },
  },
];
