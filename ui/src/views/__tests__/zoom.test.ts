// The page's zoom: Ctrl + , Ctrl − and Ctrl 0 on every screen, the settings' buttons, and a stand's next
// visitor starting back at 100 %.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { zoomKey } from '../../lib/settings.svelte';
import { createBackend } from '../../mocks/fixtures';

afterEach(() => clearMocks());

async function start(mode: 'home' | 'stand') {
  const backend = createBackend({ config: { mode, lang: null, idle_seconds: 60 } });
  mockIPC(backend.handle);
  render(App);
  if (mode === 'stand') await userEvent.click(await screen.findByRole('button', { name: /Commencer/ }));
  await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
  const zooms = () => backend.calls.filter((c) => c.cmd === 'set_zoom').map((c) => c.args.scale);
  return { backend, zooms };
}

const ctrl = (init: KeyboardEventInit) => fireEvent.keyDown(document.body, { ctrlKey: true, ...init });

describe('page zoom', () => {
  it('reads the keys of every keyboard, and nothing else', () => {
    const key = (init: KeyboardEventInit, mac = false) => zoomKey(new KeyboardEvent('keydown', init), mac);
    expect(key({ key: '+', ctrlKey: true })).toBe('in');
    expect(key({ key: '=', ctrlKey: true })).toBe('in');
    expect(key({ key: '+', code: 'NumpadAdd', ctrlKey: true })).toBe('in');
    // ⌘ on a Mac, and only there (elsewhere that key and + are the system's magnifier).
    expect(key({ key: '+', metaKey: true }, true)).toBe('in');
    expect(key({ key: '+', ctrlKey: true }, true)).toBeNull();
    expect(key({ key: '+', metaKey: true })).toBeNull();
    expect(key({ key: '-', ctrlKey: true })).toBe('out');
    expect(key({ key: '0', ctrlKey: true })).toBe('reset');
    // A French keyboard's 0 is "à" without Shift: its place counts.
    expect(key({ key: 'à', code: 'Digit0', ctrlKey: true })).toBe('reset');
    expect(key({ key: '+' })).toBeNull();
    expect(key({ key: '-', ctrlKey: true, altKey: true })).toBeNull();
    expect(key({ key: 'p', ctrlKey: true })).toBeNull();
  });

  it('Ctrl + and Ctrl − go a step at a time, within ×0.5 and ×3, and Ctrl 0 goes back to 100 %', async () => {
    const { zooms } = await start('home');
    await ctrl({ key: '+' });
    await ctrl({ key: '=' });
    await waitFor(() => expect(zooms()).toEqual([1.1, 1.25]));
    await ctrl({ key: '0' });
    await waitFor(() => expect(zooms()).toEqual([1.1, 1.25, 1]));
    for (let i = 0; i < 20; i++) await ctrl({ key: '-' });
    await waitFor(() => expect(zooms().at(-1)).toBe(0.5));
    expect(zooms().filter((z) => z === 0.5)).toHaveLength(1);
  });

  it('the settings zoom with buttons and say by how much', async () => {
    const { zooms } = await start('home');
    await userEvent.click(screen.getByRole('button', { name: 'Réglages' }));
    const zoomIn = await screen.findByRole('button', { name: 'Agrandir la page' });
    expect(screen.getByTestId('zoom')).toHaveTextContent(/^100\s%$/);
    await userEvent.click(zoomIn);
    await userEvent.click(zoomIn);
    expect(screen.getByTestId('zoom')).toHaveTextContent(/^125\s%$/);
    await userEvent.click(screen.getByRole('button', { name: 'Revenir à 100\u202f%' }));
    expect(screen.getByTestId('zoom')).toHaveTextContent(/^100\s%$/);
    expect(screen.queryByRole('button', { name: 'Revenir à 100\u202f%' })).not.toBeInTheDocument();
    expect(zooms()).toEqual([1.1, 1.25, 1]);
  });

  it('a stand’s next visitor starts back at 100 %', async () => {
    const { zooms } = await start('stand');
    await ctrl({ key: '+' });
    await waitFor(() => expect(zooms()).toEqual([1.1]));
    await userEvent.click(screen.getByRole('button', { name: 'Visiteur suivant' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Oui, tout effacer' }));
    await screen.findByRole('button', { name: /Commencer/ });
    await waitFor(() => expect(zooms()).toEqual([1.1, 1]));
  });
});
