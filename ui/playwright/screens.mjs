// Every screen the browser suite visits: how to reach it with the mocked Rust side, and what proves it is
// there. One entry per screen; run.mjs runs each in French and in English.

/** @typedef {{ name: string, scenario?: object, go: (page: import('playwright-core').Page, lang: string) => Promise<void>, fullPage?: boolean, darkShot?: boolean }} Screen */

/** @type {Screen[]} */
export const screens = [
  {
    name: 'welcome',
    darkShot: true,
    go: async (page) => {
      await page.locator('[data-testid=os-line]').waitFor();
      await page.locator('button[data-mode=home]').waitFor();
    },
  },
];
