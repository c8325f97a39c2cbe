// The built interface (ui/dist) in Debian's Chromium, with the Rust side mocked: every screen in French and
// in English, a screenshot of each in target/ui-shots/, and axe-core on each in light and dark mode. Fails on
// any serious or critical axe violation, on a control reached with Tab that shows no focus, on an uncaught
// error, on a content-security-policy violation (the server sends the app's own CSP), and on a request to
// another host than the local server. Prints `N passed, N failed`; exits non-zero on any failure.
//
// Usage: node run.mjs [FILTER]   (only the scenarios whose name contains FILTER)
// Env: CHROMIUM (default /usr/bin/chromium).
import { readFile, mkdir, writeFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { screens } from './screens.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const dist = join(repo, 'ui', 'dist');
const shots = join(repo, 'target', 'ui-shots');
const require = createRequire(import.meta.url);

// Nothing here may hang: each scenario has a deadline, and so has the whole run.
const SCENARIO_TIMEOUT_MS = 30_000;
const RUN_TIMEOUT_MS = 10 * 60_000;
const watchdog = setTimeout(() => {
  console.error(`ui-browser: the whole run took more than ${RUN_TIMEOUT_MS / 60_000} minutes; giving up`);
  process.exit(2);
}, RUN_TIMEOUT_MS);
watchdog.unref();

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The CSP the desktop shell sends, from tauri.conf.json. */
async function appCsp() {
  const conf = JSON.parse(await readFile(join(repo, 'src-tauri', 'tauri.conf.json'), 'utf8'));
  const csp = conf.app?.security?.csp;
  if (!csp) return null;
  if (typeof csp === 'string') return csp;
  return Object.entries(csp)
    .map(([directive, sources]) => `${directive} ${Array.isArray(sources) ? sources.join(' ') : sources}`)
    .join('; ');
}

/** Serves ui/dist on 127.0.0.1 (a free port), every unknown path answered with index.html. */
async function serve(csp) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    let file = join(dist, path);
    if (!file.startsWith(dist + sep) && file !== dist) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) file = join(dist, 'index.html');
    } catch {
      file = join(dist, 'index.html');
    }
    const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
    if (csp) headers['Content-Security-Policy'] = csp;
    res.writeHead(200, headers).end(await readFile(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return server;
}

/** mock-ipc.ts and what it imports, bundled to one classic script for addInitScript. */
async function mockScript() {
  const { build } = await import('vite');
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: here,
    build: {
      write: false,
      minify: false,
      lib: { entry: join(here, 'mock-ipc.ts'), formats: ['iife'], name: 'PremiersPasMockIpc' },
    },
  });
  const chunk = (Array.isArray(out) ? out[0] : out).output.find((o) => o.type === 'chunk');
  return chunk.code;
}

function withDeadline(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Lets running transitions end and the page paint. The app's reduced-motion rule gives every element a
 * 0.01 ms transition, so right after a colour-scheme switch the computed colours are still the old ones
 * for a frame; measuring contrast then would compare light text with a dark background.
 */
async function settle(page) {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    const ended = Promise.all(finite.map((a) => a.finished.catch(() => {})));
    await Promise.race([ended, new Promise((ok) => setTimeout(ok, 1000))]);
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  });
}

async function axeViolations(page, axeSource) {
  await settle(page);
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'] }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.length} element${v.nodes.length > 1 ? 's' : ''}: ` +
        `${v.nodes
          .slice(0, 3)
          .map((n) => {
            // For contrast, say which colours were measured: a flaky measure shows up at once.
            const d = n.any?.[0]?.data;
            return d?.contrastRatio ? `${n.target.join(' ')} ${d.fgColor} on ${d.bgColor} = ${d.contrastRatio}` : n.target.join(' ');
          })
          .join(', ')})`,
    );
}

/**
 * Walks the page with Tab as a keyboard user does, and names every focused control without a visible focus
 * indicator (an outline or a box shadow). Stops when the focus comes back to a control it reached.
 */
async function focusProblems(page) {
  const problems = [];
  const seen = new Set();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const s = getComputedStyle(e);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
      const shadow = s.boxShadow !== 'none';
      const path = [];
      for (let n = e; n && n !== document.body && path.length < 4; n = n.parentElement) {
        path.unshift(n.tagName.toLowerCase() + (n.className && typeof n.className === 'string' ? '.' + n.className.trim().split(/\s+/)[0] : ''));
      }
      const name = (e.getAttribute('aria-label') || e.innerText || '').replace(/\s+/g, ' ').trim().slice(0, 40);
      // The element itself says whether the walk came round: two controls alike in path and name are two.
      const ids = (window.__ppFocusWalk ??= { of: new WeakMap(), next: 0 });
      if (!ids.of.has(e)) ids.of.set(e, ids.next++);
      return { id: ids.of.get(e), key: path.join(' > ') + ' ' + name, visible: outline || shadow };
    });
    if (!focused) continue;
    if (seen.has(focused.id)) break;
    seen.add(focused.id);
    if (!focused.visible) problems.push(`no visible focus on ${focused.key}`);
  }
  return problems;
}

async function runScenario(browser, base, bundle, axeSource, screen, lang) {
  const problems = [];
  const context = await browser.newContext({
    viewport: screen.viewport ?? { width: 1280, height: 800 },
    locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(10_000);
  try {
    const given = screen.scenario ?? {};
    const scenario = {
      ...given,
      backend: { ...given.backend, config: { mode: null, lang, ...given.backend?.config } },
    };
    await context.addInitScript(`window.__PP_MOCK__ = ${JSON.stringify(scenario)};\n${bundle}`);
    // CSP violations are reported in the page; collect them from there.
    await context.addInitScript(() => {
      window.__PP_CSP__ = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__PP_CSP__.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`),
      );
    });
    // Nothing leaves this computer: a request to another host than the local server is a failure, and
    // goes nowhere (the CSP blocks those it knows of; this does not depend on it).
    await context.route('**', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      problems.push(`request outside 127.0.0.1: ${url.href}`);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`uncaught error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    await page.goto(base);
    await screen.go(page, lang);
    const htmlLang = await page.evaluate(() => document.documentElement.lang);
    if (htmlLang !== lang) problems.push(`<html lang> is "${htmlLang}", not "${lang}"`);
    await page.evaluate(() => document.fonts.ready);
    await settle(page);
    await page.screenshot({ path: join(shots, `${screen.name}-${lang}.png`), fullPage: screen.fullPage ?? false });
    for (const v of await axeViolations(page, axeSource)) problems.push(`axe (light): ${v}`);
    for (const v of await focusProblems(page)) problems.push(`keyboard: ${v}`);
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const v of await axeViolations(page, axeSource)) problems.push(`axe (dark): ${v}`);
    if (screen.darkShot) await page.screenshot({ path: join(shots, `${screen.name}-${lang}-dark.png`) });
    if (screen.check) {
      await page.emulateMedia({ colorScheme: 'light' });
      for (const v of await screen.check(page, lang)) problems.push(v);
    }
    const csp = await page.evaluate(() => window.__PP_CSP__);
    for (const v of csp) problems.push(`CSP: ${v}`);
  } finally {
    await context.close();
  }
  return problems;
}

async function main() {
  const filter = process.argv[2] ?? '';
  try {
    await stat(join(dist, 'index.html'));
  } catch {
    throw new Error('ui/dist/index.html is missing: build the interface first (`make ui`)');
  }
  await mkdir(shots, { recursive: true });
  const [csp, bundle, axeSource] = await Promise.all([
    appCsp(),
    mockScript(),
    readFile(require.resolve('axe-core/axe.min.js'), 'utf8'),
  ]);
  const server = await serve(csp);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    timeout: 30_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let passed = 0;
  let failed = 0;
  const report = [];
  try {
    for (const screen of screens.filter((s) => s.name.includes(filter))) {
      for (const lang of ['fr', 'en']) {
        const name = `${screen.name} (${lang})`;
        let problems;
        try {
          problems = await withDeadline(
            runScenario(browser, base, bundle, axeSource, screen, lang),
            SCENARIO_TIMEOUT_MS,
            name,
          );
        } catch (err) {
          problems = [String(err?.message ?? err).split('\n')[0]];
        }
        if (problems.length === 0) {
          passed += 1;
          console.log(`ok   ${name}`);
        } else {
          failed += 1;
          console.log(`FAIL ${name}`);
          for (const p of problems) console.log(`       ${p}`);
          report.push({ name, problems });
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  await writeFile(join(shots, 'report.json'), JSON.stringify({ passed, failed, failures: report }, null, 2));
  console.log(`ui-browser: ${passed} passed, ${failed} failed (screenshots in target/ui-shots/)`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

main().catch((err) => {
  console.error(`ui-browser: ${err?.stack ?? err}`);
  process.exitCode = 1;
});
