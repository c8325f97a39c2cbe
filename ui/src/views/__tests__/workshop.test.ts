// The workshop: choosing a pack, the presenter bar, the presentation keys, the printed handout.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { createBackend } from '../../mocks/fixtures';

afterEach(() => clearMocks());

async function startWorkshop() {
  const backend = createBackend({ config: { mode: 'workshop', lang: null } });
  mockIPC(backend.handle);
  render(App);
  expect(await screen.findByRole('heading', { level: 1, name: 'Quel parcours présenter\u202f?' })).toBeInTheDocument();
  await userEvent.click(await screen.findByRole('button', { name: 'Présenter «\u202fAtelier navigateur\u202f»' }));
  await screen.findByRole('heading', { level: 1, name: 'Atelier navigateur' });
  return backend;
}

const position = () => screen.getByTestId('presenter-position').textContent?.trim();
const slideTitle = () => screen.getByRole('heading', { level: 1 }).textContent;
const press = (key: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(document.body, { key, ...init });

describe('workshop', () => {
  it('starts a session with the chosen pack, without auditing the presenter’s computer', async () => {
    const backend = await startWorkshop();
    expect(backend.calls.find((c) => c.cmd === 'start_session')?.args).toEqual({
      mode: 'workshop',
      pack: 'atelier-navigateur',
      audit: null,
    });
    expect(backend.calls.map((c) => c.cmd)).not.toContain('run_audit');
    expect(position()).toBe('4\u00a0étapes');
    expect(document.querySelectorAll('[data-step]')).toHaveLength(4);
  });

  it('presents one step per screen, moved by the keys presentation remotes send', async () => {
    const backend = await startWorkshop();
    const fullScreen = () => backend.calls.filter((c) => c.cmd === 'set_fullscreen').map((c) => c.args.on);
    expect(fullScreen()).toEqual([]);
    const toggle = screen.getByRole('button', { name: 'Présentation' });
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(slideTitle()).toBe('Installer Firefox'));
    expect(fullScreen()).toEqual([true]);
    expect(position()).toBe('Étape 1 sur 4');

    await press('ArrowRight');
    expect(position()).toBe('Étape 2 sur 4');
    await press('PageDown');
    expect(position()).toBe('Étape 3 sur 4');
    await press('PageUp');
    expect(position()).toBe('Étape 2 sur 4');
    await press(' ');
    expect(position()).toBe('Étape 3 sur 4');
    await press('ArrowLeft');
    await press('ArrowLeft');
    await press('ArrowLeft');
    expect(position()).toBe('Étape 1 sur 4');
    await press('ArrowRight');
    expect(slideTitle()).toBe('Ajouter uBlock Origin');

    expect(fullScreen()).toEqual([true]);
    await press('Escape');
    expect(screen.getByRole('button', { name: 'Présentation' })).toHaveAttribute('aria-pressed', 'false');
    expect(position()).toBe('Étape 2 sur 4');
    await waitFor(() => expect(fullScreen()).toEqual([true, false]));
    expect(screen.getByRole('heading', { name: 'Pourquoi' })).toBeInTheDocument();
  });

  it('shows a step’s QR codes large on its slide', async () => {
    await startWorkshop();
    await userEvent.click(screen.getByRole('button', { name: 'Présentation' }));
    await waitFor(() => expect(slideTitle()).toBe('Installer Firefox'));
    for (let i = 0; i < 3; i++) await press('ArrowRight');
    expect(position()).toBe('Étape 4 sur 4');
    expect(screen.getAllByRole('img', { name: /Firefox|uBlock/ }).length).toBeGreaterThan(0);
    // The codes do not push the instructions off the slide: each phone keeps its own, warning included.
    const slide = document.querySelector('.slide')!;
    expect(slide.querySelector('[data-how="android"]')).toHaveTextContent('Scannez le premier code');
    expect(slide.querySelector('[data-how="ios"]')).toHaveTextContent('uBlock Origin n’y existe pas');
  });

  it('writes the step’s links on its slide as addresses to type', async () => {
    await startWorkshop();
    await userEvent.click(screen.getByRole('button', { name: 'Présentation' }));
    await waitFor(() => expect(slideTitle()).toBe('Installer Firefox'));
    await press('ArrowRight');
    expect(slideTitle()).toBe('Ajouter uBlock Origin');
    const links = screen.getByRole('list', { name: 'Liens utiles' });
    expect(links).toHaveTextContent('uBlock Origin pour Firefox');
    expect(links).toHaveTextContent('addons.mozilla.org/firefox/addon/ublock-origin');
    expect(links.querySelector('a')).toBeNull();
    expect(document.querySelector('.slide [data-how="default"]')).toHaveTextContent('la page d’uBlock Origin');
  });

  it('prints a handout with every step, its codes and lines for notes', async () => {
    const backend = await startWorkshop();
    await userEvent.click(screen.getByRole('button', { name: 'Imprimer les fiches' }));
    expect(backend.calls.map((c) => c.cmd)).toContain('print_page');
    const handout = document.querySelector('.handout')!;
    expect(handout.querySelectorAll('ol > li')).toHaveLength(4);
    expect(handout).toHaveTextContent('Mes notes');
    // A step without codes of its own has its first link written out, to type.
    expect(handout.querySelector('.address')).toHaveTextContent(/^Télécharger Firefox\s:\smozilla\.org\/firefox\/new$/);
    expect(handout).toHaveTextContent('mozilla.org/firefox/new');
    expect(handout.querySelectorAll('.line').length).toBeGreaterThan(3);
  });

  it('waits for the print dialog before opening another; a failure stays with its screen', async () => {
    const backend = createBackend({ config: { mode: 'workshop', lang: null } });
    let close: ((fail: boolean) => void) | null = null;
    mockIPC((cmd, args) =>
      cmd === 'print_page'
        ? (backend.calls.push({ cmd, args: {} }),
          new Promise((done, reject) => (close = (fail) => (fail ? reject({ code: 'window.failed', message: 'no printer' }) : done(null)))))
        : backend.handle(cmd, args),
    );
    render(App);
    await userEvent.click(await screen.findByRole('button', { name: 'Présenter «\u202fAtelier navigateur\u202f»' }));
    await screen.findByRole('heading', { level: 1, name: 'Atelier navigateur' });
    const print = screen.getByRole('button', { name: 'Imprimer les fiches' });
    await userEvent.click(print);
    // On Linux the dialog is a window of its own: a second click must not open a second one.
    expect(print).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(print);
    expect(backend.calls.filter((c) => c.cmd === 'print_page')).toHaveLength(1);
    close!(true);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    await waitFor(() => expect(print).toHaveAttribute('aria-disabled', 'false'));
    // The failure is said where it happened, and not carried onto the projected slides.
    await userEvent.click(screen.getByRole('button', { name: 'Présentation' }));
    await screen.findByRole('heading', { level: 1, name: 'Installer Firefox' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('the settings name the packs in the language shown', async () => {
    await startWorkshop();
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const select = await screen.findByLabelText('Journey presented');
    await waitFor(() =>
      expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['First steps', 'Browser workshop']),
    );
  });

  it('a pack that cannot start from the settings leaves the one presented shown as chosen', async () => {
    const backend = createBackend({ config: { mode: 'workshop', lang: null } });
    mockIPC((cmd, args) => {
      if (cmd === 'start_session' && (args as { pack: string }).pack === 'premiers-pas')
        throw { code: 'checklist.unreadable', message: 'cannot read the pack' };
      return backend.handle(cmd, args);
    });
    render(App);
    await userEvent.click(await screen.findByRole('button', { name: 'Présenter «\u202fAtelier navigateur\u202f»' }));
    await screen.findByRole('heading', { level: 1, name: 'Atelier navigateur' });
    await userEvent.click(screen.getByRole('button', { name: 'Réglages' }));
    const select = await screen.findByLabelText<HTMLSelectElement>('Parcours présenté');
    await waitFor(() => expect(select.options).toHaveLength(2));
    await userEvent.selectOptions(select, 'premiers-pas');
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Réglages');
    await waitFor(() => expect(select.value).toBe('atelier-navigateur'));
  });

  it('the volunteer can change the pack from the settings', async () => {
    const backend = await startWorkshop();
    await userEvent.click(screen.getByRole('button', { name: 'Réglages' }));
    await userEvent.selectOptions(await screen.findByLabelText('Parcours présenté'), 'premiers-pas');
    expect(await screen.findByRole('heading', { level: 1, name: 'Premiers pas' })).toBeInTheDocument();
    expect(backend.calls.filter((c) => c.cmd === 'start_session').map((c) => c.args.pack)).toEqual([
      'atelier-navigateur',
      'premiers-pas',
    ]);
  });
});
