// The transparency panel: files grouped by application, requests with time and size, or the plain
// "nothing left this computer".
import { render, screen, within } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, journalRequests } from '../../mocks/fixtures';
import Transparency from '../Transparency.svelte';

afterEach(() => clearMocks());

async function show(options: Parameters<typeof createBackend>[0] = {}, audits = 1) {
  const backend = createBackend(options);
  for (let i = 0; i < audits; i++) backend.handle('run_audit', { lang: 'fr' });
  mockIPC(backend.handle);
  render(Transparency);
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

  it('says plainly when nothing left the computer', async () => {
    await show();
    expect(screen.getByText('Aucune donnée n’a quitté cet ordinateur.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('lists each request with its time, address and size', async () => {
    await show({ requests: journalRequests });
    expect(screen.queryByText('Aucune donnée n’a quitté cet ordinateur.')).not.toBeInTheDocument();
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('https://stats.chatons.org/chatons.properties');
    expect(rows[1]).toHaveTextContent('L’annuaire des CHATONS');
    expect(rows[1]).toHaveTextContent(/18,4\s*ko/);
    expect(rows[1]).toHaveTextContent(/\d\d:\d\d:\d\d/);
  });

  it('shows a file read twice once, with the count', async () => {
    await show({}, 2);
    expect(screen.getAllByText('/home/lucas/.mozilla/firefox/profiles.ini')).toHaveLength(1);
    expect(screen.getAllByText(/lu 2 fois/).length).toBeGreaterThan(0);
  });
});
