// The workshop's pack chooser with the volunteer's own packs: marked as theirs, removable (and only them),
// added from a file, and a file that is not a valid pack explained with the validator's lines.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { createBackend, invalidArgs, leftOutPack, type BackendOptions } from '../../mocks/fixtures';
import { settled } from '../../mocks/settled';

afterEach(() => clearMocks());

async function chooser(options: BackendOptions = {}) {
  const backend = createBackend({ config: { mode: 'workshop', lang: null }, ...options });
  mockIPC(backend.handle);
  render(App);
  await screen.findByRole('heading', { level: 1, name: 'Quel parcours présenter\u202f?' });
  await screen.findByRole('button', { name: 'Ajouter un parcours…' });
  return backend;
}

const card = (id: string) => document.querySelector<HTMLElement>(`[data-pack="${id}"]`);
const removeButtons = () => screen.queryAllByRole('button', { name: /^Retirer/ });
const status = () => document.querySelector('.own [role=status]')?.textContent?.trim();

describe('own packs in the workshop chooser', () => {
  it('marks the volunteer’s own pack, and offers to remove it and only it', async () => {
    await chooser({ ownPack: true });
    const own = card('atelier-courriel')!;
    expect(within(own).getByText('Votre parcours')).toBeInTheDocument();
    expect(within(own).getByRole('heading', { level: 2, name: 'Atelier courriel' })).toBeInTheDocument();
    expect(within(own).getByRole('button', { name: 'Retirer «\u202fAtelier courriel\u202f»' })).toHaveTextContent('Retirer');
    for (const builtin of ['premiers-pas', 'atelier-navigateur']) {
      expect(within(card(builtin)!).queryByText('Votre parcours')).toBeNull();
      expect(within(card(builtin)!).queryByRole('button', { name: /Retirer/ })).toBeNull();
    }
    expect(removeButtons()).toHaveLength(1);
  });

  it('adds a pack through the dialog, and lists it as the volunteer’s own', async () => {
    const backend = await chooser();
    expect(card('atelier-courriel')).toBeNull();
    expect(removeButtons()).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter un parcours…' }));
    await waitFor(() => expect(card('atelier-courriel')).not.toBeNull());
    expect(backend.calls.find((c) => c.cmd === 'add_pack')?.args).toEqual({ lang: 'fr' });
    expect(status()).toBe('«\u202fAtelier courriel\u202f» a été ajouté à la liste.');
    expect(within(card('atelier-courriel')!).getByText('Votre parcours')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();

    // The same id again replaces it, and says so.
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter un parcours…' }));
    await waitFor(() => expect(status()).toBe('«\u202fAtelier courriel\u202f» a été remplacé par sa nouvelle version.'));
    expect(document.querySelectorAll('[data-pack="atelier-courriel"]')).toHaveLength(1);

    // Said again in the language the person switches to, the pack's title too.
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(status()).toBe('“Mail workshop” was replaced by its new version.'));
  });

  it('a cancelled dialog adds nothing and says nothing', async () => {
    await chooser({ addPack: 'cancelled' });
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter un parcours…' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Ajouter un parcours…' })).toHaveAttribute('aria-disabled', 'false'));
    expect(card('atelier-courriel')).toBeNull();
    expect(status()).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('explains a file that is not a valid pack, with the validator’s lines under “Détails”', async () => {
    await chooser({ addPack: 'invalid' });
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter un parcours…' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Ce parcours n’a pas été ajouté.');
    expect(alert).toHaveTextContent('Ce fichier n’est pas un parcours valide.');
    expect(alert).toHaveTextContent('premiers-pas checklist validate');
    const details = within(alert).getByText('Détails').closest('details')!;
    expect(details.open).toBe(false);
    const lines = details.querySelector('pre')!.textContent!.split('\n');
    expect(lines).toContain('/home/lucas/Ateliers/atelier-courriel.toml:5:1: clé inconnue `tittle` — vouliez-vous dire `title`\u202f?');
    expect(lines).toContain('/home/lucas/Ateliers/atelier-courriel.toml:27:5: clé inconnue `defautl` — vouliez-vous dire `default`\u202f?');
    expect(card('atelier-courriel')).toBeNull();
  });

  it('removes an own pack, says so, and keeps the keyboard on the page', async () => {
    const backend = await chooser({ ownPack: true });
    await userEvent.click(screen.getByRole('button', { name: 'Retirer «\u202fAtelier courriel\u202f»' }));
    await waitFor(() => expect(card('atelier-courriel')).toBeNull());
    expect(backend.calls.find((c) => c.cmd === 'remove_pack')?.args).toEqual({ id: 'atelier-courriel' });
    expect(status()).toBe('«\u202fAtelier courriel\u202f» a été retiré de la liste. Votre fichier, lui, n’a pas été touché.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ajouter un parcours…' })));
    expect(card('premiers-pas')).not.toBeNull();
    expect(card('atelier-navigateur')).not.toBeNull();
  });

  it('follows the language: a late answer for the language left does not replace the list', async () => {
    const backend = createBackend({ config: { mode: 'workshop', lang: null } });
    let release: (() => void) | null = null;
    let held = true;
    mockIPC((cmd, args) => {
      if (cmd === 'list_packs' && (args as { lang: string }).lang === 'fr' && held) {
        held = false;
        return new Promise((resolve) => (release = () => resolve(backend.handle(cmd, args))));
      }
      return backend.handle(cmd, args);
    });
    render(App);
    await screen.findByRole('heading', { level: 1, name: 'Quel parcours présenter\u202f?' });
    await waitFor(() => expect(release).not.toBeNull());
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Browser workshop' })).toBeInTheDocument();
    const frenchAnswers = () => backend.calls.filter((c) => c.cmd === 'list_packs' && c.args.lang === 'fr').length;
    expect(frenchAnswers()).toBe(0);
    release!();
    // The French list has been answered, and the page has had it.
    expect(frenchAnswers()).toBe(1);
    await settled();
    expect(screen.getByRole('heading', { level: 2, name: 'Browser workshop' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: 'Atelier navigateur' })).toBeNull();
  });

  it('a list that could not be read in one language shows again once it is read in another', async () => {
    const backend = createBackend({ config: { mode: 'workshop', lang: null } });
    mockIPC((cmd, args) => {
      // list_packs itself cannot fail; the call can, and Tauri rejects it with a plain string.
      if (cmd === 'list_packs' && (args as { lang: string }).lang === 'en') throw invalidArgs(cmd, 'lang');
      return backend.handle(cmd, args);
    });
    render(App);
    await screen.findByRole('button', { name: 'Ajouter un parcours…' });
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Premiers Pas ran into an unexpected problem\./);
    await userEvent.click(screen.getByRole('button', { name: 'Français' }));
    expect(await screen.findByRole('button', { name: 'Ajouter un parcours…' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says which own pack file was left out at launch and why, the built-in packs all there', async () => {
    await chooser({ leftOut: true });
    const file = leftOutPack('fr').file;
    const left = () => document.querySelector<HTMLElement>(`[data-left-out="${file}"]`)!;
    expect(left()).toHaveTextContent(`Le fichier ${file} a été laissé de côté.`);
    expect(left()).toHaveTextContent('Ce fichier n’est pas un parcours valide.');
    // The details are the checker's lines, in French too, with no English line above them.
    const details = left().querySelector('pre')?.textContent ?? '';
    expect(details).toContain('vieil-atelier.toml:8:3: clé inconnue `steps`');
    expect(details).toContain('ce fichier n’est pas un parcours valide (own_pack.invalid)');
    expect(details).not.toMatch(/unknown key|not a valid/);
    expect(card('premiers-pas')).not.toBeNull();
    expect(card('atelier-navigateur')).not.toBeNull();

    // Asked again in the language the person switches to.
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(left().querySelector('pre')?.textContent).toContain('unknown key `steps`'));
  });
});
