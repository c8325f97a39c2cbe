// The session keeps the latest answer of each command: an answer given while older results are on their
// way is never overwritten by them.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { StepResult } from '../bindings/StepResult';
import { Session } from './session.svelte';

afterEach(() => clearMocks());

describe('session', () => {
  it('an answer given while results come in another language is not undone by them', async () => {
    let answered = false;
    const results = (lang: string): StepResult[] => [
      { id: 'maps', status: answered ? 'done' : 'manual', reasons: [lang], evidence: [] },
    ];
    const order: string[] = [];
    mockIPC((cmd, args) => {
      const a = args as { lang: string };
      order.push(cmd);
      if (cmd === 'step_results') {
        // Judged now, arriving later: the person answers in the meantime.
        const now = results(a.lang);
        return new Promise((ok) => setTimeout(() => ok(now), 30));
      }
      if (cmd === 'set_answer') {
        answered = true;
        return results(a.lang);
      }
      throw new Error(`unexpected ${cmd}`);
    });
    const session = new Session();
    const translating = session.translate('en');
    const answering = session.answer('maps', 'done', 'en');
    await Promise.all([translating, answering]);
    expect(order).toEqual(['step_results', 'set_answer']);
    expect(session.results[0].status).toBe('done');
  });
});
