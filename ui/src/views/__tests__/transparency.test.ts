// The transparency panel: files grouped by application, requests with time and size, or the plain
// "nothing left this computer".
import { render, screen, within } from '@testing-library/svelte';
import type { JournalEntry } from '../../bindings/JournalEntry';
import type { Mode } from '../../bindings/Mode';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, journalRequests } from '../../mocks/fixtures';
import { i18n } from '../../lib/i18n.svelte';
import Transparency from '../Transparency.svelte';

afterEach(() => {
  clearMocks();
  i18n.set('fr');
});

async function show(options: Parameters<typeof createBackend>[0] = {}, audits = 1, mode: Mode = 'home') {
  const backend = createBackend(options);
  backend.handle('start_session', { mode, pack: null, audit: null });
  for (let i = 0; i < audits; i++) backend.handle('run_audit', { lang: 'fr' });
  mockIPC(backend.handle);
  render(Transparency, { mode });
  await screen.findByRole('heading', { name: 'Fichiers lus' });
}

describe('transparency panel', () => {
  it('groups the files read by application', async () => {
    await show();
    const groups = [...document.querySelectorAll<HTMLElement>('[data-app]')];
    expect(groups.map((g) => g.dataset.app)).toEqual(['firefox', 'chrome', 'system', 'thunderbird']);
    const firefox = groups[0];
    expect(within(firefox).getByRole('heading')).toHaveTextContent('Firefox');
    expect(within(firefox).getByRole('heading')).toHaveTextContent('3 fichiers');
    expect(firefox).toHaveTextContent('/home/lucas/.mozilla/firefox/profiles.ini');
    expect(within(groups[1]).getByRole('heading')).toHaveTextContent('Google Chrome');
  });

  it('lists what the audit asked besides files, once each, with the answer in words', async () => {
    await show({}, 2);
    const asked = [...document.querySelectorAll<HTMLElement>('[data-looked]')];
    expect(asked.map((a) => a.dataset.looked)).toEqual(['program', 'processes']);
    expect(asked[0]).toHaveTextContent('xdg-settings get default-web-browser');
    expect(asked[0]).toHaveTextContent(/Réponse\s*: firefox-esr\.desktop/);
    // The programs open are named, not their raw ids; what they are is not shown.
    expect(asked[1]).toHaveTextContent(/Réponse\s*: Firefox/);
    expect(asked[1]).not.toHaveTextContent('browsers and mail programs open');
    expect(screen.getByRole('heading', { name: 'Ce que nous avons demandé à cet ordinateur' })).toBeInTheDocument();
  });

  it('says each answer in words: a value as given, applications by name, nothing found, no answer', async () => {
    const at_ms = Date.UTC(2026, 10, 26, 9, 30);
    const entry = (source: 'registry_value' | 'installed_programs', target: string, answer: string | null) =>
      ({ kind: 'looked', source, target, answer, at_ms }) as const;
    await show({
      requests: [
        entry('registry_value', 'HKCU\\…\\UserChoiceLatest\\ProgId', 'FirefoxURL-308046B0AF4A39CB'),
        entry('registry_value', 'HKCU\\…\\UserChoice\\ProgId', null),
        entry('installed_programs', 'HKLM\\…\\Uninstall', 'firefox, chrome'),
        entry('installed_programs', 'HKCU\\…\\Uninstall', ''),
      ],
    });
    const asked = [...document.querySelectorAll<HTMLElement>('[data-looked]')].filter((a) =>
      ['registry_value', 'installed_programs'].includes(a.dataset.looked!),
    );
    expect(asked.map((a) => a.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^Une valeur du registre de Windows .*UserChoiceLatest.* Réponse\s*: FirefoxURL-308046B0AF4A39CB$/),
      expect.stringMatching(/^Une valeur du registre de Windows .*UserChoice\\ProgId Pas de réponse\.$/),
      expect.stringMatching(/Réponse\s*: Firefox, Google Chrome$/),
      expect.stringMatching(/Rien de ce que nous cherchions\.$/),
    ]);
  });

  it('says plainly when nothing left the computer', async () => {
    await show();
    expect(screen.getByText('Aucune donnée n’a quitté cet ordinateur.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('lists each request with its time, address and size, under what it was for', async () => {
    await show({ requests: journalRequests });
    expect(screen.queryByText('Aucune donnée n’a quitté cet ordinateur.')).not.toBeInTheDocument();
    const run = document.querySelector<HTMLElement>('[data-purpose="directory"]')!;
    expect(within(run).getByRole('heading')).toHaveTextContent('L’annuaire des CHATONS');
    expect(within(run).getByRole('heading')).toHaveTextContent('2 requêtes');
    expect(run).toHaveTextContent(/18,4\s*ko reçus/);
    const rows = within(run).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('https://stats.chatons.org/chatons.properties');
    expect(rows[1]).toHaveTextContent(/18,4\s*ko/);
    expect(rows[1]).toHaveTextContent(/\d\d:\d\d:\d\d/);
  });

  it('folds a directory refresh of hundreds of files into one line, its failures counted', async () => {
    const refresh: JournalEntry[] = Array.from({ length: 300 }, (_, i) => ({
      kind: 'request',
      purpose: 'directory',
      target: `https://host${i}.example/chatons.properties`,
      status: i % 100 === 7 ? 0 : 200,
      bytes: 1000,
      error: i % 100 === 7 ? 'tcp connect error' : null,
      at_ms: Date.UTC(2026, 10, 20, 9, 0, 0) + i * 100,
      duration_ms: 20,
    }));
    await show({ requests: refresh });
    const runs = document.querySelectorAll<HTMLElement>('[data-purpose]');
    expect(runs).toHaveLength(1);
    expect(within(runs[0]).getByRole('heading')).toHaveTextContent('300 requêtes');
    expect(runs[0]).toHaveTextContent('3 en échec');
    expect(runs[0]).toHaveTextContent(/300\s*ko reçus/);
    const details = within(runs[0]).getByText('Voir les 300 requêtes').closest('details')!;
    expect(details).not.toHaveAttribute('open');
  });

  it('shows a file read twice once, with the count', async () => {
    await show({}, 2);
    expect(screen.getAllByText('/home/lucas/.mozilla/firefox/profiles.ini')).toHaveLength(1);
    expect(screen.getAllByText(/lu 2 fois/).length).toBeGreaterThan(0);
  });
});

describe('transparency panel: what went wrong', () => {
  const failed: JournalEntry[] = [
    {
      kind: 'request',
      purpose: 'directory',
      target: 'https://stats.chatons.org/chatons.properties',
      status: 0,
      bytes: 0,
      error: 'error sending request for url (https://stats.chatons.org/chatons.properties): tcp connect error (os error 111)',
      at_ms: Date.UTC(2026, 10, 20, 9, 0),
      duration_ms: 12,
    },
    {
      kind: 'file_read',
      app: 'premiers-pas',
      path: '/home/lucas/.local/share/premiers-pas/directory/snapshot.json',
      bytes: 0,
      error: 'could not read /home/lucas/.local/share/premiers-pas/directory/snapshot.json',
      at_ms: Date.UTC(2026, 10, 20, 9, 1),
    },
  ];

  it('says in plain words that a request got no answer, the raw error only in the details', async () => {
    await show({ requests: failed });
    const row = within(document.querySelector<HTMLElement>('[data-purpose="directory"]')!).getAllByRole('row')[1];
    expect(row).toHaveTextContent('Le serveur n’a pas répondu.');
    const details = within(row).getByText('Détails').closest('details')!;
    expect(details).not.toHaveAttribute('open');
    expect(details).toHaveTextContent('tcp connect error (os error 111)');
  });

  it('names the app’s own files and counts one file in the singular', async () => {
    await show({ requests: failed });
    const own = document.querySelector<HTMLElement>('[data-app="premiers-pas"]')!;
    expect(within(own).getByRole('heading')).toHaveTextContent('Premiers Pas (vos progrès et l’annuaire enregistrés)');
    expect(within(own).getByRole('heading')).toHaveTextContent(/1 fichier$/);
    expect(own).toHaveTextContent('Ce fichier n’a pas pu être lu.');
    expect(within(own).getByText('Détails').closest('details')).toHaveTextContent('could not read /home/lucas');
  });

  it('at a stand, names the app’s own file for what it is: the directory prepared for the stand', async () => {
    await show({ requests: failed }, 0, 'stand');
    const own = document.querySelector<HTMLElement>('[data-app="premiers-pas"]')!;
    expect(within(own).getByRole('heading')).toHaveTextContent('Premiers Pas (l’annuaire des CHATONS préparé pour le stand)');
    expect(own).not.toHaveTextContent('vos progrès');
  });

  it('a journal that cannot be read gives a localised sentence, in English too', async () => {
    const failing = { journal: { code: 'session.not_started', message: 'no session has started yet: choose how the app is used first' } };
    mockIPC(createBackend({ failing }).handle);
    i18n.set('en');
    render(Transparency);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('First choose, on the start screen, how you are using Premiers Pas.');
    expect(within(alert).getByText('Details').closest('details')).toHaveTextContent('no session has started yet');
  });
});
