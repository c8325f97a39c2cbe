// Installs the pretend backend of ./fixtures in a browser page, for screenshots and end-to-end tests of the
// built UI without the Rust side. Bundle it (e.g. as an IIFE) and inject it before the app's script.
// Options come from `window.__PREMIERS_PAS_MOCK__` (BackendOptions); with
// `window.__PREMIERS_PAS_HANG_AUDIT__ = true` the audit never finishes, to show its screen.
import { mockIPC } from '@tauri-apps/api/mocks';
import { createBackend, type BackendOptions } from './fixtures';

type MockWindow = Window & {
  __PREMIERS_PAS_MOCK__?: BackendOptions;
  __PREMIERS_PAS_HANG_AUDIT__?: boolean;
  __PREMIERS_PAS_CALLS__?: ReturnType<typeof createBackend>['calls'];
};

const w = window as MockWindow;
const backend = createBackend(w.__PREMIERS_PAS_MOCK__ ?? {});
w.__PREMIERS_PAS_CALLS__ = backend.calls;
mockIPC((cmd, args) => {
  if (cmd === 'run_audit' && w.__PREMIERS_PAS_HANG_AUDIT__) return new Promise(() => {});
  return backend.handle(cmd, args);
});
