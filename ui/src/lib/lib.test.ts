// The views' small rules: instruction text, next step, QR phones, presentation keys, journal, formats.
import { describe, expect, it } from 'vitest';
import type { StepResult } from '../bindings/StepResult';
import { packs } from '../mocks/fixtures';
import { byteSize, formatDate, monthYear, readableUrl } from './format';
import { firstAction, howBlocks } from './howText';
import { groupFiles, looked, requestRuns } from './journal';
import { slideMove } from './presentation';
import { asksThePerson, computerLooks, computerVariants, howForComputer, howForThisOs, nextStep, qrPhone } from './steps';

const result = (id: string, status: StepResult['status']): StepResult => ({ id, status, reasons: [], evidence: [] });

describe('instruction text', () => {
  it('turns numbered lines into a list and keeps other lines as paragraphs', () => {
    expect(howBlocks('1. Open Firefox.\n2. Click "Add".\n\nThat is all.\n')).toEqual([
      { kind: 'steps', items: ['Open Firefox.', 'Click "Add".'] },
      { kind: 'para', text: 'That is all.' },
    ]);
  });

  it('never interprets markup', () => {
    expect(howBlocks('<b>bold</b>')).toEqual([{ kind: 'para', text: '<b>bold</b>' }]);
  });

  it('finds the first action: the first numbered item, else the first sentence', () => {
    expect(firstAction('Intro line\n1. First.\n2. Second.')).toBe('First.');
    expect(firstAction('Scan a code. Then install it.')).toBe('Scan a code.');
    expect(firstAction('')).toBe('');
  });
});

describe('steps', () => {
  const firefox = packs[0].steps.find((s) => s.id === 'firefox')!;

  it('picks the instructions of this computer, else the default', () => {
    expect(howForComputer(firefox.how, 'windows')).toBe(firefox.how.windows);
    expect(howForComputer(firefox.how, 'other')).toBe(firefox.how.default);
    expect(howForComputer({ default: { fr: 'd', en: 'd' } }, 'macos')).toEqual({ fr: 'd', en: 'd' });
  });

  it('tells a text written for this system from the default one', () => {
    expect(howForThisOs(firefox.how, 'linux')).toBe(firefox.how.linux);
    expect(howForThisOs(firefox.how, 'other')).toBeUndefined();
    expect(howForThisOs(firefox.how, null)).toBeUndefined();
    expect(howForThisOs({ default: { fr: 'd', en: 'd' } }, 'macos')).toBeUndefined();
  });

  it('gives a stand every computer’s text, and "another computer" only where a system has none', () => {
    expect(computerVariants(firefox.how).map((v) => v.platform)).toEqual(['windows', 'macos', 'linux']);
    const linuxOnly = { default: { fr: 'd', en: 'd' }, linux: { fr: 'l', en: 'l' } };
    expect(computerVariants(linuxOnly).map((v) => v.platform)).toEqual(['linux', 'other']);
    expect(computerVariants({ default: { fr: 'd', en: 'd' } })).toEqual([]);
  });

  it('knows which steps this computer can check again, bonus rules included', () => {
    expect(packs[0].steps.filter((s) => !computerLooks(s))).toEqual([]);
    expect(computerLooks({ ...firefox, checks: ['manual'] })).toBe(false);
    expect(computerLooks({ ...firefox, checks: [{ all: ['manual', { any: ['manual'] }] }] })).toBe(false);
    expect(computerLooks({ ...firefox, checks: ['manual', { bonus: { app_installed: { apps: ['comaps'] } } }] })).toBe(
      true,
    );
  });

  it('knows which steps ask the person, bonus checks aside', () => {
    const ids = packs[0].steps.filter((s) => asksThePerson(s)).map((s) => s.id);
    expect(ids).toEqual(['private-maps', 'chatons-host']);
    expect(asksThePerson({ ...firefox, checks: [{ bonus: 'manual' }] })).toBe(false);
    expect(asksThePerson({ ...firefox, checks: [{ any: ['manual'] }] })).toBe(true);
    // A step this computer could not judge takes the person's word (mail in a webmail), and keeps the
    // answer given; one it judged does not ask.
    const mail = packs[0].steps.find((s) => s.id === 'ethical-mail')!;
    expect(asksThePerson(mail, result('ethical-mail', 'todo'))).toBe(false);
    expect(asksThePerson(mail, result('ethical-mail', 'manual'))).toBe(true);
    expect(asksThePerson(mail, { ...result('ethical-mail', 'done'), answer: 'done' })).toBe(true);
    // A Gmail account found after the answer: what was found decides, no buttons that would do nothing.
    expect(asksThePerson(mail, { ...result('ethical-mail', 'todo'), answer: 'done' })).toBe(false);
  });

  it('tells which phone a QR code is for', () => {
    expect(qrPhone({ label: {}, url: 'https://f-droid.org/x', store: 'fdroid', app: 'comaps' })).toBe('android');
    expect(qrPhone({ label: {}, url: 'https://apps.apple.com/x', store: 'app-store', app: 'comaps' })).toBe('ios');
    expect(qrPhone({ label: {}, url: 'https://addons.mozilla.org/android/addon/ublock-origin/', store: 'web' })).toBe(
      'android',
    );
    expect(qrPhone({ label: {}, url: 'https://example.org/' })).toBeNull();
  });

  it('suggests the core’s first step while it is open, then the next open one', () => {
    const results = [result('a', 'done'), result('b', 'todo'), result('c', 'manual'), result('d', 'done')];
    expect(nextStep(results, 'b')).toBe('b');
    expect(nextStep(results, 'd')).toBe('b');
    expect(nextStep([result('a', 'done'), result('b', 'done'), result('c', 'todo')], 'b')).toBe('c');
    expect(nextStep([result('a', 'done')], 'a')).toBeNull();
    expect(nextStep([result('a', 'todo')], null)).toBe('a');
  });
});

describe('presentation keys', () => {
  it('moves one slide per key a remote sends, Escape leaves', () => {
    const moves = ['ArrowRight', 'PageDown', ' ', 'ArrowLeft', 'PageUp', 'Escape', 'a'].map((key) =>
      slideMove({ key, shiftKey: false }),
    );
    expect(moves).toEqual([1, 1, 1, -1, -1, 'leave', null]);
    expect(slideMove({ key: ' ', shiftKey: true })).toBe(-1);
  });
});

describe('journal', () => {
  it('groups requests in runs of the same purpose, in order, with their totals', () => {
    const req = (purpose: string, at: number, bytes: number, error: string | null = null) => ({
      kind: 'request' as const,
      purpose,
      target: `https://x.example/${at}`,
      status: error ? 0 : 200,
      bytes,
      error,
      at_ms: at,
      duration_ms: 1,
    });
    const runs = requestRuns([req('directory', 10, 5), req('directory', 30, 7, 'down'), req('dns', 40, 1), req('directory', 50, 2)]);
    expect(runs.map((r) => [r.purpose, r.requests.length, r.bytes, r.failed, r.firstMs, r.lastMs])).toEqual([
      ['directory', 2, 12, 1, 10, 30],
      ['dns', 1, 1, 0, 40, 40],
      ['directory', 1, 2, 0, 50, 50],
    ]);
  });

  it('groups file reads by application in order of first appearance, each path once', () => {
    const read = (app: string, path: string, bytes = 10) =>
      ({ kind: 'file_read', app, path, bytes, error: null, at_ms: 0 }) as const;
    const groups = groupFiles([read('firefox', '/a'), read('system', '/m'), read('firefox', '/a', 12), read('firefox', '/b')]);
    expect(groups).toEqual([
      {
        app: 'firefox',
        files: [
          { path: '/a', reads: 2, bytes: 12, error: null },
          { path: '/b', reads: 1, bytes: 10, error: null },
        ],
      },
      { app: 'system', files: [{ path: '/m', reads: 1, bytes: 10, error: null }] },
    ]);
  });

  it('lists each question asked besides files once, in the order first asked, with its last answer', () => {
    const ask = (source: 'program' | 'processes', target: string, answer: string | null, at_ms: number) =>
      ({ kind: 'looked', source, target, answer, at_ms }) as const;
    const asked = looked([
      ask('program', 'xdg-settings get default-web-browser', 'chromium.desktop', 1),
      ask('processes', 'open', '', 2),
      ask('program', 'xdg-settings get default-web-browser', 'firefox.desktop', 3),
      ask('processes', 'open', null, 4),
    ]);
    expect(asked.map((a) => [a.source, a.answer, a.at_ms])).toEqual([
      ['program', 'firefox.desktop', 3],
      ['processes', null, 4],
    ]);
  });
});

describe('formats', () => {
  it('writes review dates as month and year', () => {
    expect(monthYear('2026-11-01', 'fr')).toBe('novembre 2026');
    expect(monthYear('2026-11-01', 'en')).toBe('November 2026');
    expect(monthYear('soon', 'en')).toBe('soon');
  });

  it('writes sizes for people', () => {
    expect(byteSize(512, 'en')).toBe('512 B');
    expect(byteSize(18_432, 'en')).toBe('18.4 kB');
    expect(byteSize(18_432, 'fr')).toMatch(/^18,4\s?ko$/);
    expect(byteSize(2_500_000, 'fr')).toMatch(/^2,5\s?Mo$/);
  });
});

describe('days written out', () => {
  it('as each language writes them, the first of the month in French as an ordinal', () => {
    expect(formatDate(Date.UTC(2026, 11, 1, 12), 'fr')).toBe('1er\u00a0décembre 2026');
    expect(formatDate(Date.UTC(2026, 10, 26, 12), 'fr')).toBe('26\u00a0novembre 2026');
    expect(formatDate(Date.UTC(2026, 10, 26, 12), 'en')).toBe('26\u00a0November 2026');
  });
});

describe('addresses written out', () => {
  it('are written as a person types them: no scheme, no www., no trailing slash', () => {
    expect(readableUrl('https://www.mozilla.org/firefox/new/')).toBe('mozilla.org/firefox/new');
    expect(readableUrl('https://addons.mozilla.org/firefox/addon/ublock-origin/')).toBe(
      'addons.mozilla.org/firefox/addon/ublock-origin',
    );
    expect(readableUrl('http://entraide.chatons.org')).toBe('entraide.chatons.org');
    expect(readableUrl('https://play.google.com/store/apps/details?id=app.comaps.google')).toBe(
      'play.google.com/store/apps/details?id=app.comaps.google',
    );
  });
});
