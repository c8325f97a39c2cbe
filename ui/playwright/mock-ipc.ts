// Stands in for the Rust side in a plain browser. Bundled to one classic script by run.mjs and given to
// `page.addInitScript` after a line that sets `window.__PP_MOCK__` (the scenario), so that it runs before
// the app's own scripts. The answers come from the fixture backends the views' unit tests use: the app's
// (src/mocks/fixtures.ts) and the CHATONS directory's (src/views/chatons/fixtures.ts).
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { commandNotFound, createBackend, type BackendOptions } from '../src/mocks/fixtures';
import { EMPTY_STATUS, installBackend, type Backend } from '../src/views/chatons/fixtures';

/** What a browser scenario pretends: the app backend's options and the state of the directory. */
export type Scenario = {
  backend?: BackendOptions;
  /** `empty`: no directory on this computer yet. */
  directory?: 'sample' | 'empty';
  /** The first audit never finishes, to show its screen. */
  hangAudit?: boolean;
};

type Invoke = (cmd: string, args?: unknown) => Promise<unknown>;

declare global {
  interface Window {
    __PP_MOCK__?: Scenario;
    __PP_CALLS__: { cmd: string; args: unknown }[];
    /** The pretend directory, for a screen to send a refresh's progress. */
    __PP_DIRECTORY__: Backend;
    __TAURI_INTERNALS__: { invoke: Invoke };
  }
}

const scenario: Scenario = window.__PP_MOCK__ ?? {};
mockWindows('main');

// The directory's backend installs itself as the IPC mock; keep its handler, then put ours in front.
window.__PP_DIRECTORY__ = installBackend({ status: scenario.directory === 'empty' ? EMPTY_STATUS : undefined });
const directory = window.__TAURI_INTERNALS__.invoke;
const app = createBackend(scenario.backend);

window.__PP_CALLS__ = [];
mockIPC((cmd, args) => {
  window.__PP_CALLS__.push({ cmd, args });
  const audits = cmd === 'run_audit' || (cmd === 'start_session' && (args as { audit?: unknown })?.audit);
  if (scenario.hangAudit && audits) return new Promise(() => {});
  try {
    return app.handle(cmd, args);
  } catch (err) {
    // Not one of the app backend's commands: the directory's backend answers it. (The app backend throws
    // a scenario's `failing` error for any command, the directory's included.)
    if (err === commandNotFound(cmd)) return directory(cmd, args);
    throw err;
  }
});
