// The welcome screen and the things every screen shares: language, privacy page, launch options.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { commandNotFound, createBackend, system as debian } from './mocks/fixtures';

afterEach(() => clearMocks());

describe('welcome screen', () => {
  it('greets in the language of the system and names the computer', async () => {
    const backend = createBackend();
    mockIPC(backend.handle);
    render(App);
    expect(await screen.findByText('Votre ordinateur : Debian GNU/Linux 12, bureau GNOME')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Premiers Pas');
    expect(screen.getByRole('button', { name: /Chez moi/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Sur un stand/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /En atelier/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
    expect(backend.calls.map((c) => c.cmd)).toContain('system_info');
  });

  it('switches to English and back', async () => {
    mockIPC(createBackend().handle);
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
    mockIPC(createBackend({ system: { ...debian, locale: 'en-GB', lang: 'en' } }).handle);
    const { unmount } = render(App);
    expect(await screen.findByText(/Your computer/)).toBeInTheDocument();
    unmount();
    clearMocks();
    mockIPC(createBackend({ system: { ...debian, locale: 'en-GB', lang: 'en' }, config: { mode: null, lang: 'fr' } }).handle);
    render(App);
    expect(await screen.findByText(/Votre ordinateur/)).toBeInTheDocument();
  });

  it('says so when the computer cannot be described, and still offers the three ways', async () => {
    // system_info itself cannot fail; the call can, and Tauri rejects it with a plain string, not an IpcError.
    mockIPC((cmd) => {
      throw commandNotFound(cmd);
    });
    render(App);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nous n’avons pas pu décrire cet ordinateur.');
    expect(within(alert).getByText('Détails').closest('details')).toHaveTextContent('Command system_info not found');
    expect(screen.getAllByRole('button', { name: /Chez moi|Sur un stand|En atelier/ })).toHaveLength(3);
  });

  it('links to the plain-language privacy page, with the GeoNames credit, and back', async () => {
    mockIPC(createBackend().handle);
    render(App);
    await screen.findByText(/Votre ordinateur/);
    await userEvent.click(screen.getByRole('button', { name: /Ce que fait \(et ne fait pas\)/ }));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Ce que fait (et ne fait pas) Premiers Pas');
    expect(screen.getByRole('heading', { name: 'Pas de compte' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Pas de statistiques' })).toBeInTheDocument();
    expect(screen.getByText(/GeoNames .*Creative Commons Attribution 4\.0/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retour' }));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Premiers Pas');
  });

  it('a failing journey says what went wrong and stays on the welcome screen', async () => {
    // Launched with --home on a folder that has gone: the audit cannot look at it.
    const run_audit = {
      code: 'session.home_unreadable',
      message: 'cannot audit /media/cle-usb/lucas as a home folder',
      detail: 'No such file or directory (os error 2)',
    };
    mockIPC(createBackend({ failing: { run_audit } }).handle);
    render(App);
    await screen.findByText(/Votre ordinateur/);
    await userEvent.click(screen.getByRole('button', { name: /Chez moi/ }));
    const alert = await screen.findByRole('alert');
    // The sentence in French; the Rust side's English only behind "Détails".
    expect(alert).toHaveTextContent(/^Premiers Pas n’a pas pu regarder votre dossier personnel\./);
    const details = within(alert).getByText('Détails').closest('details')!;
    expect(details).toHaveTextContent('cannot audit /media/cle-usb/lucas as a home folder (session.home_unreadable)');
    expect(details).toHaveTextContent('No such file or directory (os error 2)');
    expect(screen.getByRole('button', { name: /Chez moi/ })).toBeInTheDocument();
  });

  it('a progress file that cannot be saved is explained in French, not in the engine’s English', async () => {
    const failing = {
      start_session: {
        code: 'progress.io',
        message: 'could not save or read progress in /home/lucas/.local/share/premiers-pas/progress.json',
        detail: 'Permission denied (os error 13)',
      },
    };
    mockIPC(createBackend({ failing }).handle);
    render(App);
    await screen.findByText(/Votre ordinateur/);
    await userEvent.click(screen.getByRole('button', { name: /Chez moi/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^Vos progrès n’ont pas pu être enregistrés ou relus sur cet ordinateur\./);
    expect(alert).not.toHaveTextContent(/Quelque chose n’a pas fonctionné : could not/);
    const details = within(alert).getByText('Détails').closest('details')!;
    expect(details).toHaveTextContent('could not save or read progress in');
    expect(details).toHaveTextContent('Permission denied (os error 13)');
  });

  it('settings change the text size and contrast of the whole page', async () => {
    mockIPC(createBackend().handle);
    render(App);
    await screen.findByText(/Votre ordinateur/);
    await userEvent.click(screen.getByRole('button', { name: 'Réglages' }));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Réglages');
    await userEvent.click(screen.getByRole('radio', { name: 'Très grande' }));
    expect(document.documentElement.style.getPropertyValue('--text-scale')).toBe('1.45');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Contraste renforcé' }));
    expect(document.documentElement.dataset.contrast).toBe('high');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Contraste renforcé' }));
    expect(document.documentElement.dataset.contrast).toBeUndefined();
    // The stand's idle delay is a stand setting only.
    expect(screen.queryByLabelText('Retour au début après')).not.toBeInTheDocument();
  });
});
