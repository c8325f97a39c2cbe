// The session keeps the latest answer of each command: an answer given while older results are on their
// way is never overwritten by them, and a re-check's audit is kept even when an answer came meanwhile.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditView } from '../bindings/AuditView';
import type { StepResult } from '../bindings/StepResult';
import { audit as fixtureAudit } from '../mocks/fixtures';
import { Session } from './session.svelte';

afterEach(() => clearMocks());

const later = <T>(value: T, ms = 30) => new Promise<T>((ok) => setTimeout(() => ok(value), ms));

describe('session', () => {
  it('runs its commands in turn: an answer waits for the results asked before it', async () => {
    let answered = false;
    const results = (lang: string): StepResult[] => [
      { id: 'maps', status: answered ? 'done' : 'manual', reasons: [lang], evidence: [] },
    ];
    const events: string[] = [];
    mockIPC((cmd, args) => {
      const a = args as { lang: string };
      events.push(`${cmd} starts`);
      if (cmd === 'step_results') {
        // Judged when the call runs, arriving later.
        const now = results(a.lang);
        return later(now).then((r) => (events.push('step_results ends'), r));
      }
      if (cmd === 'set_answer') {
        answered = true;
        return results(a.lang);
      }
      throw new Error(`unexpected ${cmd}`);
    });
    const session = new Session();
    await Promise.all([session.translate('en'), session.answer('maps', 'done', 'en')]);
    expect(events).toEqual(['step_results starts', 'step_results ends', 'set_answer starts']);
    expect(session.results[0].status).toBe('done');
  });

  it('goes on after a command that failed', async () => {
    mockIPC((cmd) => {
      if (cmd === 'step_results') return Promise.reject({ code: 'session.no_audit', message: 'no audit' });
      if (cmd === 'set_answer') return [{ id: 'maps', status: 'done', reasons: [], evidence: [] }];
      throw new Error(`unexpected ${cmd}`);
    });
    const session = new Session();
    await expect(session.translate('fr')).rejects.toMatchObject({ code: 'session.no_audit' });
    await session.answer('maps', 'done', 'fr');
    expect(session.results[0].status).toBe('done');
  });

  it('keeps a re-check’s audit when an answer given meanwhile has newer results', async () => {
    const view = (status: StepResult['status']): AuditView => ({
      audit: fixtureAudit,
      steps: [{ id: 'maps', status, reasons: [], evidence: [] }],
      changes: [],
      first_todo: 'mail',
      duration_ms: 1,
    });
    mockIPC((cmd) => {
      if (cmd === 'run_audit') return later(view('manual'));
      if (cmd === 'set_answer') return [{ id: 'maps', status: 'done', reasons: [], evidence: [] }];
      throw new Error(`unexpected ${cmd}`);
    });
    const session = new Session();
    await Promise.all([session.runAudit('fr'), session.answer('maps', 'done', 'fr')]);
    expect(session.audit).toEqual(fixtureAudit);
    expect(session.audited).toBe(true);
    expect(session.results[0].status).toBe('done');
  });
});
