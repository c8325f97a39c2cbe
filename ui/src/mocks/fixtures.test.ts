// The pretend backends refuse what the shell and the core refuse, with the same codes: a view tested
// against them meets the rules the real app applies (src-tauri/src/commands, crates/core/src/session.rs,
// crates/core/src/weburl.rs), not a kinder backend.
import { describe, expect, it } from 'vitest';
import { createDirectoryBackend } from '../views/chatons/fixtures';
import { createBackend, isWebUrl } from './fixtures';

/** The code `call` fails with, or `'ok'`. */
function outcome(call: () => unknown): string {
  try {
    call();
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

describe('the pretend backend, as the shell', () => {
  it('launched for a stand, starts no other journey', () => {
    const backend = createBackend({ config: { mode: 'stand' } });
    for (const mode of ['home', 'workshop']) {
      expect(outcome(() => backend.handle('start_session', { mode, pack: null, audit: 'fr' })), mode).toBe('session.mode_locked');
    }
    expect(backend.state.mode).toBeNull();
    expect(outcome(() => backend.handle('start_session', { mode: 'stand', pack: null, audit: 'fr' }))).toBe('ok');
    // Chosen on the welcome screen rather than launched, a stand may be left for another journey.
    const chosen = createBackend();
    chosen.handle('start_session', { mode: 'stand', pack: null, audit: 'fr' });
    expect(outcome(() => chosen.handle('start_session', { mode: 'home', pack: null, audit: 'fr' }))).toBe('ok');
  });

  it('needs a session for what belongs to one', () => {
    const backend = createBackend();
    for (const [cmd, args] of [
      ['run_audit', { lang: 'fr' }],
      ['step_results', { lang: 'fr' }],
      ['set_answer', { step: 'firefox', answer: 'done', lang: 'fr' }],
      ['takeaway', { lang: 'fr' }],
      ['next_visitor', {}],
      ['save_report', { format: 'html', lang: 'fr' }],
    ] as const) {
      expect(outcome(() => backend.handle(cmd, args)), cmd).toBe('session.not_started');
    }
  });

  it('takes no answer before an audit where the computer is audited, nor for a step the pack does not have', () => {
    const answer = (backend: ReturnType<typeof createBackend>, step: string) =>
      outcome(() => backend.handle('set_answer', { step, answer: 'done', lang: 'fr' }));
    for (const mode of ['home', 'workshop']) {
      const backend = createBackend();
      backend.handle('start_session', { mode, pack: null, audit: null });
      expect(answer(backend, 'private-maps'), mode).toBe('session.no_audit');
      expect(outcome(() => backend.handle('takeaway', { lang: 'fr' })), mode).toBe('session.no_audit');
      backend.handle('run_audit', { lang: 'fr' });
      expect(answer(backend, 'private-maps'), mode).toBe('ok');
      expect(answer(backend, 'no-such-step'), mode).toBe('session.unknown_step');
    }
    // At a stand the visitor's answers alone decide: no audit to wait for, the same steps.
    const stand = createBackend();
    stand.handle('start_session', { mode: 'stand', pack: null, audit: null });
    expect(answer(stand, 'private-maps')).toBe('ok');
    expect(answer(stand, 'no-such-step')).toBe('session.unknown_step');
    expect(stand.state.answers).toEqual({ 'private-maps': 'done' });
  });

  it('keeps the session it had when a new one fails to start', () => {
    const backend = createBackend();
    backend.handle('start_session', { mode: 'workshop', pack: 'atelier-navigateur', audit: 'fr' });
    expect(outcome(() => backend.handle('start_session', { mode: 'home', pack: 'no-such-pack', audit: 'fr' }))).toBe('checklist.unknown_pack');
    expect(backend.state).toMatchObject({ mode: 'workshop', packId: 'atelier-navigateur', audits: 1 });
  });

  it('at a stand, opens no file dialog, no print dialog and no browser', () => {
    for (const backend of [createBackend({ config: { mode: 'stand' } }), createBackend()]) {
      backend.handle('start_session', { mode: 'stand', pack: null, audit: 'fr' });
      for (const [cmd, args] of [
        ['save_report', { format: 'html', lang: 'fr' }],
        ['print_page', {}],
        ['add_pack', { lang: 'fr' }],
        ['remove_pack', { id: 'atelier-courriel' }],
        ['open_url', { url: 'https://www.chatons.org/' }],
      ] as const) {
        expect(outcome(() => backend.handle(cmd, args)), cmd).toBe('stand.not_allowed');
      }
    }
    const directory = createDirectoryBackend({ stand: true });
    for (const cmd of ['directory_import', 'directory_export', 'open_url']) {
      expect(outcome(() => directory.handle(cmd, { lang: 'fr', url: 'https://www.chatons.org/' })), cmd).toBe('stand.not_allowed');
    }
  });

  it('opens web addresses only, by the core’s rule', () => {
    const backend = createBackend();
    backend.handle('start_session', { mode: 'home', pack: null, audit: 'fr' });
    const directory = createDirectoryBackend();
    for (const url of ['https://www.chatons.org/', 'http://example.org/a?b=c#d', '  https://f-droid.org/  ', 'https://example.org/@someone']) {
      expect(isWebUrl(url), url).toBe(true);
      expect(outcome(() => backend.handle('open_url', { url })), url).toBe('ok');
      expect(outcome(() => directory.handle('open_url', { url })), url).toBe('ok');
    }
    for (const url of [
      'https://user:secret@example.org/',
      'https://user@example.org/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'ftp://example.org/',
      'mailto:contact@example.org',
      'example.org',
      '//example.org',
      'http://',
      '',
      `https://example.org/${'a'.repeat(2048)}`,
    ]) {
      expect(isWebUrl(url), url).toBe(false);
      expect(outcome(() => backend.handle('open_url', { url })), url).toBe('url.refused');
      expect(outcome(() => directory.handle('open_url', { url })), url).toBe('url.refused');
    }
  });
});
