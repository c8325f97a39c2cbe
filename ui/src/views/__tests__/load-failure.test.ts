// A screen whose script cannot be loaded (a damaged installation) says so, with a way back: never a blank
// window.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../../App.svelte';
import { createBackend } from '../../mocks/fixtures';

vi.mock('../lazy', async (original) => {
  const { lazy } = await original<typeof import('../lazy')>();
  return {
    lazy: {
      ...lazy,
      privacy: () => Promise.reject(new TypeError('Importing a module script failed.')),
      chatons: () => Promise.reject(new TypeError('Importing a module script failed.')),
      handout: () => Promise.reject(new TypeError('Importing a module script failed.')),
    },
  };
});

afterEach(() => clearMocks());

const FIND_HOST = /Trouver un hébergeur/;

describe('a screen that cannot be loaded', () => {
  it('is said, with the technical text under "Détails", and the way back works', async () => {
    mockIPC(createBackend().handle);
    render(App);
    await userEvent.click(await screen.findByRole('button', { name: /Ce que fait/ }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Cet écran n’a pas pu s’afficher.' });
    expect(heading).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('fermez Premiers Pas et ouvrez-le à nouveau');
    expect(screen.getByText(/Importing a module script failed/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Revenir en arrière' }));
    expect(await screen.findByRole('button', { name: /Chez moi/ })).toBeInTheDocument();
  });

  it('inside the CHATONS screen, is one page with one main landmark', async () => {
    mockIPC(createBackend({ config: { mode: 'home', lang: null } }).handle);
    render(App);
    await screen.findByText(/étapes faites/);
    await userEvent.click(document.querySelector<HTMLElement>('[data-step="chatons-host"] button')!);
    await userEvent.click(await screen.findByRole('button', { name: FIND_HOST }));
    await screen.findByRole('heading', { level: 1, name: 'Cet écran n’a pas pu s’afficher.' });
    expect(document.querySelectorAll('main')).toHaveLength(1);
    expect(document.querySelectorAll('#main')).toHaveLength(1);
  });

  it('for the workshop handouts, is said on the screen rather than printing blank pages', async () => {
    mockIPC(createBackend({ config: { mode: 'workshop', lang: null } }).handle);
    render(App);
    await userEvent.click(await screen.findByRole('button', { name: 'Présenter «\u202fAtelier navigateur\u202f»' }));
    expect(await screen.findByText('Les fiches à imprimer n’ont pas pu être préparées.', { exact: false })).toBeInTheDocument();
  });
});
