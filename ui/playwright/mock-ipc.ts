// Stands in for the Rust side in a plain browser: installs `window.__TAURI_INTERNALS__` (what
// @tauri-apps/api/core talks to) before the app's scripts run, answering each command from the fixtures.
// Bundled to one classic script by run.mjs and given to `page.addInitScript`, after a line that sets
// `window.__PP_MOCK__` (the scenario: launch options and the system to pretend).
import { answer, type Scenario } from './backend';

type Callback = (payload: unknown) => void;

declare global {
  interface Window {
    __PP_MOCK__?: Scenario;
    __PP_CALLS__: { cmd: string; args: unknown }[];
    __TAURI_INTERNALS__: Record<string, unknown>;
  }
}

const scenario: Scenario = window.__PP_MOCK__ ?? {};
const callbacks = new Map<number, Callback>();
let nextId = 1;

function transformCallback(callback?: Callback, once = false): number {
  const id = nextId++;
  callbacks.set(id, (payload) => {
    if (once) callbacks.delete(id);
    callback?.(payload);
  });
  return id;
}

function runCallback(id: number, payload: unknown) {
  callbacks.get(id)?.(payload);
}

window.__PP_CALLS__ = [];
window.__TAURI_INTERNALS__ = {
  metadata: { currentWindow: { label: 'main' }, currentWebview: { windowLabel: 'main', label: 'main' } },
  transformCallback,
  unregisterCallback: (id: number) => callbacks.delete(id),
  runCallback,
  callbacks,
  convertFileSrc: (path: string, protocol = 'asset') => `${protocol}://localhost/${encodeURIComponent(path)}`,
  invoke: async (cmd: string, args: Record<string, unknown> = {}) => {
    window.__PP_CALLS__.push({ cmd, args });
    // A real round trip is asynchronous; so is this one.
    await Promise.resolve();
    return answer(scenario, cmd, args, runCallback);
  },
};
