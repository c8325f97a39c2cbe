import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import type { SystemInfo } from './bindings/SystemInfo';
import type { AppConfig } from './bindings/AppConfig';

const debian: SystemInfo = {
  os_family: 'linux',
  os_name: 'Debian GNU/Linux',
  os_version: '12',
  kernel_version: '6.1.0',
  desktop: 'GNOME',
  locale: 'fr-FR',
  lang: 'fr',
};

const launch: AppConfig = {
  mode: null,
  lang: null,
  pack: null,
  home: null,
  os: null,
  data_dir: null,
  directory_source: null,
  idle_seconds: 120,
};

function backend(system: SystemInfo, config: AppConfig = launch) {
  const calls: string[] = [];
  mockIPC((cmd) => {
    calls.push(cmd);
    if (cmd === 'system_info') return system;
    if (cmd === 'app_config') return config;
    throw { code: 'ipc.unknown_command', message: `unknown command ${cmd}` };
  });
  return calls;
}

afterEach(() => clearMocks());

describe('welcome screen', () => {
  it('greets in the language of the system and names the computer', async () => {
    const calls = backend(debian);
    render(App);
    expect(await screen.findByText('Votre ordinateur : Debian GNU/Linux 12, bureau GNOME')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Premiers Pas');
    expect(screen.getByRole('button', { name: /Chez moi/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Sur un stand/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /En atelier/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
    expect(calls).toContain('system_info');
  });

  it('switches to English and back', async () => {
    backend(debian);
    render(App);
    await screen.findByText(/Votre ordinateur/);
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('Your computer: Debian GNU/Linux 12, GNOME desktop')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /At a stand/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Français' }));
    expect(await screen.findByText(/Votre ordinateur/)).toBeInTheDocument();
  });

  it('starts in English on an English system, and the launch option wins over the system', async () => {
    backend({ ...debian, locale: 'en-GB', lang: 'en' });
    const { unmount } = render(App);
    expect(await screen.findByText(/Your computer/)).toBeInTheDocument();
    unmount();
    clearMocks();
    backend({ ...debian, locale: 'en-GB', lang: 'en' }, { ...launch, lang: 'fr' });
    render(App);
    expect(await screen.findByText(/Votre ordinateur/)).toBeInTheDocument();
  });

  it('says so when the computer cannot be described, and still offers the three ways', async () => {
    mockIPC(() => {
      throw { code: 'system.unavailable', message: 'no' };
    });
    render(App);
    expect(await screen.findByRole('alert')).toHaveTextContent('Nous n’avons pas pu décrire cet ordinateur.');
    expect(screen.getAllByRole('button', { name: /Chez moi|Sur un stand|En atelier/ })).toHaveLength(3);
  });

  it('a mode that is not ready says so instead of pretending', async () => {
    backend(debian);
    render(App);
    await screen.findByText(/Votre ordinateur/);
    await userEvent.click(screen.getByRole('button', { name: /Sur un stand/ }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Bientôt');
    await userEvent.click(screen.getByRole('button', { name: 'Retour à l’accueil' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Premiers Pas');
  });
});
