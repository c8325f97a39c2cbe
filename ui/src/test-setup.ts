import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/svelte';
import { afterEach } from 'vitest';
import { i18n } from './lib/i18n.svelte';
import { directoryActivity } from './views/chatons/activity.svelte';

// Each test starts from a blank page in French, as the app does before it hears from the system, with
// none of the settings a previous test wrote on <html>.
afterEach(() => {
  cleanup();
  i18n.set('fr');
  // The directory activity lives for the app's run: each test starts a run of its own.
  directoryActivity.forget();
  directoryActivity.running = directoryActivity.importing = directoryActivity.exporting = false;
  directoryActivity.stopping = false;
  const root = document.documentElement;
  root.removeAttribute('style');
  for (const key of Object.keys(root.dataset)) delete root.dataset[key];
});

// jsdom lays nothing out, so it has no ResizeObserver; Svelte's bind:clientHeight asks for one.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
