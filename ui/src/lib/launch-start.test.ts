// A launch straight into the journey at home asks for it as the page's script starts (ipc.ts), and the
// page's first start takes that answer: one audit, not two, and started before the first screen is built.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';

type Launch = { system: { lang: 'fr' | 'en' }; config: { mode: string | null; lang: 'fr' | 'en' | null } };
const global = globalThis as { __PREMIERS_PAS_LAUNCH__?: Launch };

afterEach(() => {
  clearMocks();
  delete global.__PREMIERS_PAS_LAUNCH__;
  vi.resetModules();
});

const later = <T>(value: T, ms = 20) => new Promise<T>((ok) => setTimeout(() => ok(value), ms));

/** The interface's IPC module as a page launched with `launch` loads it; each start answers its own args. */
async function launched(launch: Launch | undefined, fail = false) {
  const starts: unknown[] = [];
  const events: string[] = [];
  mockIPC((cmd, args) => {
    if (cmd !== 'start_session') throw new Error(`unexpected ${cmd}`);
    const n = starts.push(args);
    events.push(`start ${n}`);
    if (fail && n === 1) return later(null).then(() => Promise.reject({ code: 'progress.in_use', message: 'x' }));
    return later({ asked: args, n }).then((answer) => (events.push(`end ${n}`), answer));
  });
  global.__PREMIERS_PAS_LAUNCH__ = launch;
  vi.resetModules();
  const { api } = await import('./ipc');
  return { api, starts, events };
}

const atHome: Launch = { system: { lang: 'en' }, config: { mode: 'home', lang: 'fr' } };

describe('a launch at home', () => {
  it('asks for its journey as the page starts, and answers the first start with it', async () => {
    const { api, starts } = await launched(atHome);
    expect(starts).toEqual([{ mode: 'home', pack: null, audit: 'fr' }]);
    expect(await api.startSession('home', null, 'fr')).toMatchObject({ n: 1 });
    expect(starts).toHaveLength(1);
    // Later starts ("check again", another journey) are asked for as usual.
    expect(await api.startSession('home', null, 'fr')).toMatchObject({ n: 2 });
  });

  it('takes the system language when the launch names none', async () => {
    const { starts } = await launched({ system: { lang: 'en' }, config: { mode: 'home', lang: null } });
    expect(starts).toEqual([{ mode: 'home', pack: null, audit: 'en' }]);
  });

  it('serves a first start that asks otherwise after the launch one, with its own answer', async () => {
    const { api, events } = await launched(atHome);
    expect(await api.startSession('home', null, 'en')).toMatchObject({ n: 2, asked: { audit: 'en' } });
    // One start at a time: the launch's has ended when the page's is asked for.
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it("gives the launch start's failure to the page that takes it", async () => {
    const { api } = await launched(atHome, true);
    await expect(api.startSession('home', null, 'fr')).rejects.toMatchObject({ code: 'progress.in_use' });
  });

  it('asks for nothing before the page does in the other journeys, or without launch options', async () => {
    const others = [
      { ...atHome, config: { mode: 'stand', lang: null } },
      { ...atHome, config: { mode: null, lang: null } },
      undefined,
    ];
    for (const launch of others) {
      const { starts } = await launched(launch);
      expect(starts).toEqual([]);
      clearMocks();
    }
  });
});
