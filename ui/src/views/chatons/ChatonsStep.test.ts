import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import ChatonsStep from './ChatonsStep.svelte';
import { directoryActivity } from './activity.svelte';
import type { SearchQuery } from '../../bindings/SearchQuery';
import {
  EMPTY_STATUS,
  SAMPLE_REPORT,
  STOPPED_REPORT,
  createDirectoryBackend,
  installBackend,
  sampleOrganizations,
} from './fixtures';
import { i18n } from '../../lib/i18n.svelte';
import { invalidArgs } from '../../mocks/fixtures';
import { settled } from '../../mocks/settled';

afterEach(() => clearMocks());

const hostNames = () =>
  within(screen.getByRole('region', { name: 'Hébergeurs' }))
    .getAllByRole('listitem')
    .filter((li) => li.hasAttribute('data-org'))
    .map((li) => li.getAttribute('data-org'));

async function pickTown(user: ReturnType<typeof userEvent.setup>, typed: string, option: RegExp) {
  const field = await screen.findByRole('combobox', { name: 'Où habitez-vous\u202f?' });
  await user.clear(field);
  await user.type(field, typed);
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('CHATONS step: searching', () => {
  it('finds hosts by category and town, nearest first, with distances and honest labels', async () => {
    const backend = installBackend();
    const user = userEvent.setup();
    render(ChatonsStep);

    await user.click(await screen.findByRole('checkbox', { name: 'Courriel' }));
    await pickTown(user, 'Compi', /Compiègne/);

    await screen.findByText('Du plus proche au plus loin de Compiègne.', { exact: false });
    expect(hostNames()).toEqual(['oise', 'paris-libre', 'lille-num', 'namur', 'belgique-seulement', 'nulle-part']);
    const list = screen.getByRole('region', { name: 'Hébergeurs' });
    expect(within(list).getByRole('button', { name: /^Les Chatons de l’Oise/ })).toHaveTextContent('moins de 1 km');
    expect(within(list).getByRole('button', { name: /^Paris Libre/ })).toHaveTextContent(/7\d km/);
    expect(within(list).getByRole('button', { name: /Hébergeur belge sans adresse/ })).toHaveTextContent('Belgique (ville non précisée)');
    expect(within(list).getByRole('button', { name: /Hébergeur sans lieu/ })).toHaveTextContent('Lieu non précisé');
    // The coop in Lyon offers cloud only: not a mail host.
    expect(hostNames()).not.toContain('lyon-coop');

    const last = backend.calls.filter((c) => c.cmd === 'directory_search').at(-1)?.args.query as SearchQuery;
    expect(last).toMatchObject({ category: 'mail', near: 'Compiègne (Oise)', registration: 'any' });
  });

  it('with two needs, lists only hosts that offer both', async () => {
    installBackend();
    const user = userEvent.setup();
    render(ChatonsStep);
    await user.click(await screen.findByRole('checkbox', { name: 'Courriel' }));
    await user.click(screen.getByRole('checkbox', { name: 'Stockage en ligne' }));
    await waitFor(() => expect(hostNames()).toEqual(['oise']));
    await user.click(screen.getByRole('checkbox', { name: 'Pads et documents' }));
    expect(await screen.findByText(/Aucun hébergeur ne propose tout cela à la fois/)).toBeInTheDocument();
  });

  it('with no host, says what to try, and no order of a list that is empty', async () => {
    installBackend();
    const user = userEvent.setup();
    render(ChatonsStep);
    await pickTown(user, 'Compi', /Compiègne/);
    await user.click(await screen.findByRole('checkbox', { name: 'Messagerie instantanée' }));
    expect(await screen.findByText('Aucun hébergeur ne correspond. Essayez un autre service.')).toBeInTheDocument();
    expect(screen.queryByText(/Du plus proche au plus loin/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Messagerie instantanée' }));
    await user.click(screen.getByRole('checkbox', { name: 'Visioconférence' }));
    await waitFor(() => expect(hostNames()).toEqual(['lille-num']));
    await user.click(screen.getByRole('radio', { name: 'Réservé aux membres' }));
    // (Text matchers fold the narrow no-break spaces of French typography into plain ones.)
    expect(await screen.findByText(/Essayez « Peu importe » pour l’inscription, ou un autre service/)).toBeInTheDocument();
  });

  it('filters by who can sign up', async () => {
    const backend = installBackend();
    const user = userEvent.setup();
    render(ChatonsStep);
    await user.click(await screen.findByRole('radio', { name: 'Réservé aux membres' }));
    const last = () => backend.calls.filter((c) => c.cmd === 'directory_search').at(-1)?.args.query as SearchQuery;
    expect(last().registration).toBe('members');
    await waitFor(() => expect(new Set(hostNames())).toEqual(new Set(['oise', 'lille-num'])));
    // Paying customers are a choice of their own.
    await user.click(screen.getByRole('radio', { name: 'Payant' }));
    expect(last().registration).toBe('paid');
    await waitFor(() => expect(hostNames()).toEqual(['lyon-coop']));
  });

  it('asks which town when a name is shared, showing each one’s region', async () => {
    installBackend();
    const user = userEvent.setup();
    render(ChatonsStep);
    const field = await screen.findByRole('combobox', { name: 'Où habitez-vous\u202f?' });
    await user.type(field, 'Saint-Denis{Enter}');

    const which = await screen.findByRole('region', { name: /Plusieurs communes s’appellent «\u202fSaint-Denis\u202f»/ });
    const choices = within(which).getAllByRole('button');
    expect(choices).toHaveLength(2);
    expect(choices[0]).toHaveTextContent('La Réunion');
    expect(choices[1]).toHaveTextContent('Seine-Saint-Denis, Île-de-France');

    await user.click(choices[1]);
    await screen.findByText('Du plus proche au plus loin de Saint-Denis.', { exact: false });
    expect(hostNames()[0]).toBe('paris-libre');
    expect(screen.queryByRole('region', { name: /Plusieurs communes/ })).not.toBeInTheDocument();
  });

  it('says so when a town is unknown, and offers close names', async () => {
    installBackend();
    const user = userEvent.setup();
    render(ChatonsStep);
    await user.type(await screen.findByRole('combobox', { name: 'Où habitez-vous\u202f?' }), 'Compiegnex{Enter}');
    expect(await screen.findByRole('region', { name: /Nous ne trouvons pas «\u202fCompiegnex\u202f»/ })).toBeInTheDocument();
    expect(screen.getByText('Par ordre alphabétique', { exact: false })).toBeInTheDocument();
  });
});

describe('CHATONS step: the needs', () => {
  it('that cannot be listed are said missing; the search still works, over every host', async () => {
    // categories itself cannot fail; the call can, and Tauri rejects it with a plain string.
    installBackend({ failing: { categories: invalidArgs('categories', 'lang') } });
    const user = userEvent.setup();
    render(ChatonsStep);
    expect(await screen.findByText(/La liste des services n’a pas pu être chargée/)).toBeInTheDocument();
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    await pickTown(user, 'Compi', /Compiègne/);
    await screen.findByText('Du plus proche au plus loin de Compiègne.', { exact: false });
    expect(hostNames()).toHaveLength(7);
  });

  it('follow the language, and an answer for the language left comes too late to count', async () => {
    const backend = createDirectoryBackend();
    const held: (() => void)[] = [];
    mockIPC((cmd, args) => {
      if (cmd !== 'categories' || (args as { lang: string }).lang !== 'fr') return backend.handle(cmd, args);
      // The French list comes only when the test lets it.
      return new Promise((resolve) => held.push(() => resolve(backend.handle(cmd, args))));
    });
    render(ChatonsStep);
    await waitFor(() => expect(held).toHaveLength(1));
    i18n.set('en');
    expect(await screen.findByRole('checkbox', { name: 'Mail' })).toBeInTheDocument();
    const frenchAnswers = () => backend.calls.filter((c) => c.cmd === 'categories' && c.args.lang === 'fr').length;
    expect(frenchAnswers()).toBe(0);
    held[0]();
    // The French list has been answered, and the page has had it.
    expect(frenchAnswers()).toBe(1);
    await settled();
    expect(screen.getByRole('checkbox', { name: 'Mail' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Courriel' })).not.toBeInTheDocument();
  });

  it('a later list clears the failure said before', async () => {
    const backend = createDirectoryBackend();
    mockIPC((cmd, args) => {
      if (cmd === 'categories' && (args as { lang: string }).lang === 'fr') throw invalidArgs(cmd, 'lang');
      return backend.handle(cmd, args);
    });
    render(ChatonsStep);
    expect(await screen.findByText(/La liste des services n’a pas pu être chargée/)).toBeInTheDocument();
    i18n.set('en');
    expect(await screen.findByRole('checkbox', { name: 'Mail' })).toBeInTheDocument();
    expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();
  });
});

describe('CHATONS step: the town combobox', () => {
  it('is operable with the keyboard alone (ARIA 1.2 combobox)', async () => {
    const backend = installBackend();
    const user = userEvent.setup();
    render(ChatonsStep);
    const field = await screen.findByRole('combobox', { name: 'Où habitez-vous\u202f?' });
    expect(field).toHaveAttribute('aria-expanded', 'false');
    expect(field).toHaveAttribute('aria-autocomplete', 'list');

    await user.click(field);
    await user.keyboard('sai');
    const listbox = await screen.findByRole('listbox');
    expect(field).toHaveAttribute('aria-expanded', 'true');
    expect(field).toHaveAttribute('aria-controls', listbox.id);
    const options = within(listbox).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringContaining('Saint-Denis'),
      expect.stringContaining('Saint-Denis'),
      expect.stringContaining('Saint-Dié-des-Vosges'),
    ]);
    // Two towns of one name: each shows its region.
    expect(options[0]).toHaveTextContent('La Réunion');
    expect(options[1]).toHaveTextContent('Seine-Saint-Denis');
    expect(field).not.toHaveAttribute('aria-activedescendant');

    await user.keyboard('{ArrowDown}');
    expect(field).toHaveAttribute('aria-activedescendant', options[0].id);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(field).toHaveAttribute('aria-activedescendant', options[1].id);
    expect(options[0]).toHaveAttribute('aria-selected', 'false');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(field).toHaveAttribute('aria-activedescendant', options[2].id); // wraps to the end

    await user.keyboard('{Escape}');
    expect(field).toHaveAttribute('aria-expanded', 'false');
    expect(field).not.toHaveAttribute('aria-activedescendant');
    expect(field).toHaveValue('sai');

    await user.keyboard('{ArrowDown}');
    expect(field).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(field).toHaveValue('Saint-Denis');
    expect(field).toHaveAttribute('aria-expanded', 'false');
    expect(field).toHaveFocus();
    await waitFor(() =>
      expect(backend.calls.filter((c) => c.cmd === 'directory_search').at(-1)?.args.query).toMatchObject({
        near: 'Saint-Denis (Seine-Saint-Denis)',
      }),
    );

    await user.keyboard('{Escape}');
    expect(field).toHaveValue('');
    await waitFor(() =>
      expect(backend.calls.filter((c) => c.cmd === 'directory_search').at(-1)?.args.query).toMatchObject({ near: null }),
    );
  });
});

describe('CHATONS step: the keyboard stays on the page', () => {
  it('clearing the town with × puts the keyboard back in the field', async () => {
    installBackend();
    const user = userEvent.setup();
    render(ChatonsStep);
    const field = await screen.findByRole('combobox', { name: 'Où habitez-vous\u202f?' });
    await user.type(field, 'Lille');
    await user.click(screen.getByRole('button', { name: 'Effacer la commune' }));
    expect(field).toHaveValue('');
    expect(screen.queryByRole('button', { name: 'Effacer la commune' })).not.toBeInTheDocument();
    expect(field).toHaveFocus();
  });

  it('a town picked from "which one?" puts the keyboard in the town field, not on the page', async () => {
    const backend = installBackend();
    const user = userEvent.setup();
    render(ChatonsStep);
    const field = await screen.findByRole('combobox', { name: 'Où habitez-vous\u202f?' });
    await user.type(field, 'Saint-Denis{Enter}');
    const which = await screen.findByRole('region', { name: /Plusieurs communes/ });
    await user.click(within(which).getAllByRole('button')[1]);
    await screen.findByText('Du plus proche au plus loin de Saint-Denis.', { exact: false });
    expect(screen.queryByRole('region', { name: /Plusieurs communes/ })).not.toBeInTheDocument();
    expect(field).toHaveValue('Saint-Denis');
    expect(field).toHaveFocus();
    // Enter there keeps the town picked: the name alone would ask "which one?" again. Whatever the key
    // asked has been answered and shown once the page has settled: no search, so no question.
    const searches = () => backend.calls.filter((c) => c.cmd === 'directory_search').length;
    const before = searches();
    await user.keyboard('{Enter}');
    await settled();
    expect(searches()).toBe(before);
    expect(screen.queryByRole('region', { name: /Plusieurs communes/ })).not.toBeInTheDocument();
    expect(screen.getByText('Du plus proche au plus loin de Saint-Denis.', { exact: false })).toBeInTheDocument();
  });

  it('a close name picked from "did you mean" does the same', async () => {
    installBackend();
    const user = userEvent.setup();
    render(ChatonsStep);
    const field = await screen.findByRole('combobox', { name: 'Où habitez-vous\u202f?' });
    await user.type(field, 'Compi{Enter}');
    const which = await screen.findByRole('region', { name: /Nous ne trouvons pas/ });
    await user.click(within(which).getByRole('button', { name: /Compiègne/ }));
    await screen.findByText('Du plus proche au plus loin de Compiègne.', { exact: false });
    expect(screen.queryByRole('region', { name: /Nous ne trouvons pas/ })).not.toBeInTheDocument();
    expect(field).toHaveFocus();
  });
});

describe('CHATONS step: a long list', () => {
  it('shows 20 hosts at a time; "more" takes the keyboard to the first host it shows', async () => {
    const orgs = sampleOrganizations();
    for (let i = 1; i <= 18; i++) orgs.push({ ...orgs[1], id: `extra-${i}`, name: `Zz hébergeur ${String(i).padStart(2, '0')}` });
    installBackend({ orgs });
    const user = userEvent.setup();
    render(ChatonsStep);
    await waitFor(() => expect(hostNames()).toHaveLength(20));
    const more = screen.getByRole('button', { name: 'Afficher 5\u00a0hébergeurs de plus' });
    await user.click(more);
    expect(hostNames()).toHaveLength(25);
    // The last page: the button is gone, and the keyboard is on the 21st host.
    expect(more).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Zz hébergeur 14/ })).toHaveFocus();
  });
});

describe('CHATONS step: leaving the town field', () => {
  it('searches a typed name when the person moves on without picking it, but not a picked one again', async () => {
    const backend = installBackend();
    const user = userEvent.setup();
    render(ChatonsStep);
    const field = await screen.findByRole('combobox', { name: 'Où habitez-vous\u202f?' });
    await user.type(field, 'Lille');
    await user.tab();
    await screen.findByText('Du plus proche au plus loin de Lille.', { exact: false });
    const nears = () => backend.calls.filter((c) => c.cmd === 'directory_search').map((c) => (c.args.query as SearchQuery).near);
    expect(nears().at(-1)).toBe('Lille');

    await user.clear(field);
    await user.type(field, 'saint');
    await user.click(await screen.findByRole('option', { name: /Seine-Saint-Denis/ }));
    await user.tab();
    await screen.findByText('Du plus proche au plus loin de Saint-Denis.', { exact: false });
    expect(nears().filter((n) => n === 'Saint-Denis')).toHaveLength(0);
    expect(nears().at(-1)).toBe('Saint-Denis (Seine-Saint-Denis)');
  });
});

describe('CHATONS step: a host’s card', () => {
  it('renders hostile directory text as inert text', async () => {
    const orgs = sampleOrganizations();
    orgs[0] = {
      ...orgs[0],
      name: '<img src=x onerror=alert(1)>',
      description: '<script>alert("pwned")</script><b>gras</b>',
    };
    installBackend({ orgs });
    const user = userEvent.setup();
    const { container } = render(ChatonsStep);
    await user.click(await screen.findByRole('button', { name: /^<img src=x onerror=alert\(1\)>/ }));
    expect(await screen.findByRole('heading', { level: 2, name: '<img src=x onerror=alert(1)>' })).toBeInTheDocument();
    expect(await screen.findByText('<script>alert("pwned")</script><b>gras</b>')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('says who they are, what they offer, how to join, where they are and how fresh it is', async () => {
    installBackend();
    const user = userEvent.setup();
    render(ChatonsStep);
    await pickTown(user, 'Compi', /Compiègne/);
    await user.click(await screen.findByRole('button', { name: /^Les Chatons de l’Oise/ }));

    const heading = await screen.findByRole('heading', { level: 2, name: 'Les Chatons de l’Oise' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(await screen.findByText(/Une association picarde/)).toBeInTheDocument();
    expect(screen.getByText('Association')).toBeInTheDocument();
    expect(screen.getByText('Logiciel : Roundcube')).toBeInTheDocument();
    expect(await screen.findByText('Stockage en ligne')).toBeInTheDocument();
    expect(screen.getAllByText('Réservé aux membres').length).toBeGreaterThan(0);
    expect(screen.getByText(/Il faut d’abord devenir membre/)).toBeInTheDocument();
    expect(screen.getByText('2 rue Solferino, 60200 Compiègne, France')).toBeInTheDocument();
    expect(screen.getByText('À moins de 1 km de Compiègne')).toBeInTheDocument();
    expect(screen.getByText('Fiche lue le 20 novembre 2026.')).toBeInTheDocument();
    expect(screen.getByText(/Annuaire des CHATONS mis à jour le 20 novembre 2026 \(il y a .+\)\./)).toBeInTheDocument();
    expect(screen.getByText('contact@oise.example.org')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Retour aux résultats' }));
    await waitFor(() => expect(screen.getByRole('button', { name: /^Les Chatons de l’Oise/ })).toHaveFocus());
  });

  it('says why the saved directory cannot be used: damaged, or from another version', async () => {
    for (const { code, sentence } of [
      { code: 'directory.import_corrupt', sentence: 'L’annuaire enregistré sur cet ordinateur n’a pas pu être lu.' },
      { code: 'directory.import_version', sentence: 'L’annuaire enregistré sur cet ordinateur vient d’une autre version de Premiers Pas.' },
    ]) {
      installBackend({
        status: { ...EMPTY_STATUS, problem: { code, message: '/data/directory/snapshot.json: the reason' } },
      });
      const view = render(ChatonsStep);
      expect(await screen.findByText(new RegExp(`^${sentence}`))).toBeInTheDocument();
      expect(screen.getByText(/snapshot\.json: the reason \(/)).toBeInTheDocument();
      view.unmount();
      clearMocks();
    }
  });

  it('opens the website in the default browser through open_url', async () => {
    const backend = installBackend();
    const user = userEvent.setup();
    render(ChatonsStep);
    await user.click(await screen.findByRole('button', { name: /^Paris Libre/ }));
    await user.click(await screen.findByRole('button', { name: 'Ouvrir leur site' }));
    expect(backend.calls.filter((c) => c.cmd === 'open_url').map((c) => c.args)).toEqual([{ url: 'https://paris-libre.example.org/' }]);
    expect(await screen.findByText('C’est ouvert dans votre navigateur.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ouvrir «\u202fPads\u202f»' }));
    expect(backend.calls.filter((c) => c.cmd === 'open_url').at(-1)?.args).toEqual({ url: 'https://pad-pl.example.org/' });
  });

  it('at a stand, shows the website as a QR code for the visitor\'s phone and opens nothing on the laptop', async () => {
    const backend = installBackend({ stand: true });
    const user = userEvent.setup();
    render(ChatonsStep, { props: { mode: 'stand' } });
    await user.click(await screen.findByRole('button', { name: /^Paris Libre/ }));
    expect(await screen.findByRole('img', { name: 'Leur site' })).toBeInTheDocument();
    expect(screen.getByText('paris-libre.example.org')).toBeInTheDocument();
    expect(screen.getByText('pad-pl.example.org')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ouvrir leur site' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Ouvrir «/ })).not.toBeInTheDocument();
    expect(backend.calls.some((c) => c.cmd === 'open_url')).toBe(false);
  });

  it('says so when the Rust side refuses an address', async () => {
    const orgs = sampleOrganizations();
    orgs[1] = { ...orgs[1], website: 'ftp://paris-libre.example.org/' };
    installBackend({ orgs });
    const user = userEvent.setup();
    render(ChatonsStep);
    await user.click(await screen.findByRole('button', { name: /^Paris Libre/ }));
    await user.click(await screen.findByRole('button', { name: 'Ouvrir leur site' }));
    expect(await screen.findByText('Cette adresse n’a pas pu être ouverte.')).toBeInTheDocument();
  });
});

describe('CHATONS step: the directory itself', () => {
  it('the next visitor sees nothing of a refresh still running, which keeps the button busy until the shell stops it', async () => {
    const backend = installBackend({ refresh: 'manual' });
    const user = userEvent.setup();
    render(ChatonsStep);
    await screen.findByText(/Annuaire des CHATONS du 20 novembre 2026/);
    await user.click(screen.getByRole('button', { name: 'Actualiser l’annuaire' }));
    await waitFor(() => expect(backend.progress).not.toBeNull());
    backend.progress?.({ done: 12, total: 140, url: 'https://example.org/a.properties' });
    await screen.findByRole('progressbar');

    directoryActivity.forget();
    // Still running, with nothing of what it had read.
    await waitFor(() => expect(screen.queryByRole('progressbar', { name: /12 sur 140/ })).not.toBeInTheDocument());
    backend.progress?.({ done: 13, total: 140, url: 'https://example.org/b.properties' });
    expect(screen.queryByRole('progressbar', { name: /13 sur 140/ })).not.toBeInTheDocument();
    const refresh = screen.getByRole('button', { name: 'Actualiser l’annuaire' });
    expect(refresh).toHaveAttribute('aria-disabled', 'true');

    // The shell's next_visitor stops it: it returns at once, saying so, to nobody.
    backend.finishRefresh?.({ report: STOPPED_REPORT });
    await waitFor(() => expect(refresh).not.toHaveAttribute('aria-disabled', 'true'));
    expect(screen.queryByText('Actualisation arrêtée.')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Arrêter l’actualisation de l’annuaire' })).not.toBeInTheDocument();
  });

  it('a running refresh can be stopped from the keyboard; the directory in use stays, and it is no error', async () => {
    const backend = installBackend({ refresh: 'manual' });
    const user = userEvent.setup();
    render(ChatonsStep);
    await screen.findByText(/Annuaire des CHATONS du 20 novembre 2026/);
    const stopName = 'Arrêter l’actualisation de l’annuaire';
    // Only while a refresh runs.
    expect(screen.queryByRole('button', { name: stopName })).not.toBeInTheDocument();

    const refresh = screen.getByRole('button', { name: 'Actualiser l’annuaire' });
    await user.click(refresh);
    await waitFor(() => expect(backend.progress).not.toBeNull());
    backend.progress?.({ done: 12, total: 140, url: 'https://example.org/a.properties' });
    await screen.findByRole('progressbar', { name: 'Fichiers lus\u202f: 12 sur 140' });
    const stop = screen.getByRole('button', { name: stopName });
    // Its visible word is part of its name (what a voice user says), in the app's quiet look.
    expect(stop).toHaveTextContent('Arrêter');
    expect(stop).toHaveClass('btn', 'quiet');
    expect(stop.closest('.progress')).toContainElement(screen.getByRole('progressbar'));

    // Reached with Tab from the refresh button, pressed with Enter.
    expect(refresh).toHaveFocus();
    await user.tab();
    for (let i = 0; i < 30 && document.activeElement !== stop; i++) await user.tab();
    expect(document.activeElement, 'Stop is reached with the Tab key').toBe(stop);
    await user.keyboard('{Enter}');
    expect(backend.calls.filter((c) => c.cmd === 'cancel_refresh')).toHaveLength(1);

    expect(await screen.findByText('Actualisation arrêtée.')).toBeInTheDocument();
    expect(
      screen.getByText(/Rien n’a été remplacé\s?: l’annuaire utilisé reste celui du 20 novembre 2026 \(il y a .+\)\./),
    ).toBeInTheDocument();
    // Not an error: no failure sentence, no technical details.
    expect(screen.queryByText('L’annuaire n’a pas pu être actualisé.')).not.toBeInTheDocument();
    expect(screen.queryByText('Détails')).not.toBeInTheDocument();
    expect(screen.queryByText('Annuaire actualisé')).not.toBeInTheDocument();
    // The bar and the stop button are gone; the refresh button is usable again, and has the focus.
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: stopName })).not.toBeInTheDocument();
    expect(refresh).not.toHaveAttribute('aria-disabled', 'true');
    await waitFor(() => expect(refresh).toHaveFocus());
    // The directory shown is still the one kept, and it still answers searches.
    expect(screen.getByText(/Annuaire des CHATONS du 20 novembre 2026/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Courriel' })).toBeInTheDocument();

    // Pressed again, a new refresh starts, and the stopped message goes.
    await user.click(refresh);
    expect(backend.calls.filter((c) => c.cmd === 'directory_refresh')).toHaveLength(2);
    await waitFor(() => expect(screen.queryByText('Actualisation arrêtée.')).not.toBeInTheDocument());
    backend.finishRefresh?.({ report: SAMPLE_REPORT });
    expect(await screen.findByText('Annuaire actualisé')).toBeInTheDocument();
  });

  it('a refresh that ends by itself while "Stop" has the focus gives it to the refresh button', async () => {
    const backend = installBackend({ refresh: 'manual' });
    const user = userEvent.setup();
    render(ChatonsStep);
    await user.click(await screen.findByRole('button', { name: 'Actualiser l’annuaire' }));
    await waitFor(() => expect(backend.finishRefresh).not.toBeNull());
    const stop = screen.getByRole('button', { name: 'Arrêter l’actualisation de l’annuaire' });
    stop.focus();
    backend.finishRefresh?.({ report: SAMPLE_REPORT });
    expect(await screen.findByText('Annuaire actualisé')).toBeInTheDocument();
    expect(stop).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Actualiser l’annuaire' })).toHaveFocus());
  });

  it('a stop asked shows until the refresh has ended: asked once, the bar stays, and only the end says so', async () => {
    const backend = installBackend({ refresh: 'manual', stop: 'held' });
    const user = userEvent.setup();
    render(ChatonsStep);
    await user.click(await screen.findByRole('button', { name: 'Actualiser l’annuaire' }));
    await waitFor(() => expect(backend.progress).not.toBeNull());
    backend.progress?.({ done: 12, total: 140, url: 'https://example.org/a.properties' });
    const stop = await screen.findByRole('button', { name: 'Arrêter l’actualisation de l’annuaire' });
    const cancels = () => backend.calls.filter((c) => c.cmd === 'cancel_refresh').length;
    await user.click(stop);
    expect(cancels()).toBe(1);
    // The shell has answered the stop at once; the refresh has not ended.
    await settled();
    expect(stop).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('progressbar', { name: 'Fichiers lus\u202f: 12 sur 140' })).toBeInTheDocument();
    expect(screen.queryByText('Actualisation arrêtée.')).not.toBeInTheDocument();
    // Pressed again meanwhile, it asks nothing more.
    await user.click(stop);
    expect(cancels()).toBe(1);

    backend.finishRefresh?.({ report: STOPPED_REPORT });
    expect(await screen.findByText('Actualisation arrêtée.')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Actualiser l’annuaire' })).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('a stopped refresh says so in English too', async () => {
    installBackend({ refresh: 'manual' });
    i18n.set('en');
    const user = userEvent.setup();
    render(ChatonsStep);
    await user.click(await screen.findByRole('button', { name: 'Refresh the directory' }));
    await user.click(await screen.findByRole('button', { name: 'Stop refreshing the directory' }));
    expect(await screen.findByText('Refresh stopped.')).toBeInTheDocument();
    expect(
      screen.getByText(/Nothing was replaced: the directory in use is still the one from 20 November 2026 \(.+ ago\)\./),
    ).toBeInTheDocument();
  });

  it('a first download stopped says nothing was saved, and offers the download again', async () => {
    const backend = installBackend({ status: EMPTY_STATUS, refresh: 'manual' });
    const user = userEvent.setup();
    render(ChatonsStep);
    await user.click(await screen.findByRole('button', { name: 'Télécharger l’annuaire' }));
    await user.click(await screen.findByRole('button', { name: 'Arrêter l’actualisation de l’annuaire' }));
    expect(await screen.findByText(/Rien n’a été enregistré\. Vous pouvez relancer le téléchargement/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Pas encore d’annuaire sur cet ordinateur' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Télécharger l’annuaire' })).not.toHaveAttribute('aria-disabled', 'true');
    expect(backend.calls.filter((c) => c.cmd === 'directory_status')).toHaveLength(1);
  });

  it('a refresh goes on when the person leaves the step, shows when they come back, and never runs twice', async () => {
    const backend = installBackend({ refresh: 'manual' });
    const user = userEvent.setup();
    const first = render(ChatonsStep);
    await screen.findByText(/Annuaire des CHATONS du 20 novembre 2026/);
    await user.click(screen.getByRole('button', { name: 'Actualiser l’annuaire' }));
    await waitFor(() => expect(backend.progress).not.toBeNull());
    backend.progress?.({ done: 12, total: 140, url: 'https://example.org/a.properties' });
    first.unmount();

    render(ChatonsStep);
    expect(await screen.findByRole('progressbar', { name: 'Fichiers lus\u202f: 12 sur 140' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Actualiser l’annuaire' }));
    expect(backend.calls.filter((c) => c.cmd === 'directory_refresh')).toHaveLength(1);
    backend.finishRefresh?.({ report: SAMPLE_REPORT });
    expect(await screen.findByText('Annuaire actualisé')).toBeInTheDocument();
  });

  it('shows refresh progress from the channel, then the report in plain words', async () => {
    const backend = installBackend({ refresh: 'manual' });
    const user = userEvent.setup();
    render(ChatonsStep);
    expect(await screen.findByText(/Annuaire des CHATONS du 20 novembre 2026/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Actualiser l’annuaire' }));
    // Busy, yet still focusable: the person who pressed it keeps their place.
    const refresh = screen.getByRole('button', { name: 'Actualiser l’annuaire' });
    expect(refresh).toHaveAttribute('aria-disabled', 'true');
    expect(refresh).toHaveFocus();
    await user.click(refresh);
    expect(backend.calls.filter((c) => c.cmd === 'directory_refresh')).toHaveLength(1);
    expect(screen.getByText('Connexion à l’annuaire des CHATONS…')).toBeInTheDocument();
    await waitFor(() => expect(backend.progress).not.toBeNull());

    backend.progress?.({ done: 12, total: 140, url: 'https://example.org/a.properties' });
    const bar = await screen.findByRole('progressbar', { name: 'Fichiers lus\u202f: 12 sur 140' });
    expect(bar).toHaveAttribute('max', '140');
    expect(bar).toHaveAttribute('value', '12');
    backend.progress?.({ done: 139, total: 140, url: 'https://example.org/b.properties' });
    expect(await screen.findByRole('progressbar', { name: 'Fichiers lus\u202f: 139 sur 140' })).toHaveAttribute('value', '139');

    backend.finishRefresh?.({ report: SAMPLE_REPORT });
    expect(await screen.findByText('Annuaire actualisé')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    // The counts are the status line's: the report does not repeat them.
    expect(screen.getByText('Annuaire actualisé').closest('p')).toHaveTextContent(
      /^Annuaire actualisé en 2,9\s?s \(2,5\s?Mo reçus\)\.$/,
    );
    expect(screen.queryByText(/98 hébergeurs et 712 services/)).not.toBeInTheDocument();
    // Sizes read as on the transparency page: 2,480,312 bytes are 2.5 MB there, so here too.
    expect(screen.getByText(/\(2,5\s?Mo reçus\)/)).toBeInTheDocument();
    expect(screen.getByText('820 fichiers téléchargés')).toBeInTheDocument();
    expect(screen.getByText('4 inchangés depuis la dernière fois')).toBeInTheDocument();
    expect(screen.getByText('2 illisibles')).toBeInTheDocument();
    expect(screen.getByText('1 ignoré')).toBeInTheDocument();

    await user.click(screen.getByText('Voir les 3 fichiers illisibles ou ignorés'));
    expect(screen.getByText(/le serveur a mis trop de temps à répondre ; la dernière version connue est gardée/)).toBeInTheDocument();
    expect(screen.getByText(/le serveur a répondu par une erreur/)).toBeInTheDocument();
    expect(screen.getByText('javascript:alert(1)')).toBeInTheDocument();
    expect(screen.getByText(/ce n’est pas une adresse web/)).toBeInTheDocument();
  });

  it('offline, says how old the directory is and keeps it usable', async () => {
    const backend = installBackend({ refresh: 'manual' });
    const user = userEvent.setup();
    render(ChatonsStep);
    await user.click(await screen.findByRole('button', { name: 'Actualiser l’annuaire' }));
    await waitFor(() => expect(backend.finishRefresh).not.toBeNull());
    backend.finishRefresh?.({
      error: { code: 'directory.source_unavailable', message: 'the federation file could not be read (connect)' },
    });
    expect(await screen.findByText('L’annuaire n’a pas pu être actualisé.')).toBeInTheDocument();
    expect(
      screen.getByText('Le serveur de l’annuaire n’a pas répondu. Vérifiez la connexion à Internet, puis réessayez.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/L’annuaire actuel date du 20 novembre 2026 \(il y a .+\) et reste utilisable/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Courriel' })).toBeInTheDocument();
    // The technical text stays, folded away under "Détails", as text.
    const details = screen.getByText('Détails').closest('details')!;
    expect(details).not.toHaveAttribute('open');
    expect(details).toHaveTextContent('the federation file could not be read (connect) (directory.source_unavailable)');
    // Only there: the one element with the raw text is inside the disclosure.
    expect(screen.getByText(/could not be read/).closest('details')).toBe(details);
  });

  it('a failed refresh speaks English in English, with the raw error only in the details', async () => {
    const backend = installBackend({ refresh: 'manual' });
    i18n.set('en');
    const user = userEvent.setup();
    render(ChatonsStep);
    await user.click(await screen.findByRole('button', { name: 'Refresh the directory' }));
    await waitFor(() => expect(backend.finishRefresh).not.toBeNull());
    const raw = 'error sending request for url (https://example.org/): tcp connect error (os error 111)';
    backend.finishRefresh?.({ error: { code: 'directory.source_unavailable', message: raw } });
    expect(
      await screen.findByText('The directory server did not answer. Check the Internet connection, then try again.'),
    ).toBeInTheDocument();
    const summary = screen.getByText('Details');
    expect(summary.closest('details')).toHaveTextContent(raw);
    expect(summary.closest('details')?.querySelector('pre')?.textContent).toContain('os error 111');
  });

  it('a directory whose state cannot be read offers to try again', async () => {
    const backend = createDirectoryBackend();
    let refusals = 1;
    mockIPC((cmd, args) => {
      if (cmd === 'directory_status' && refusals-- > 0) throw { code: 'directory.read_failed', message: 'busy' };
      return backend.handle(cmd, args);
    });
    const user = userEvent.setup();
    render(ChatonsStep);
    expect(await screen.findByText('Nous n’avons pas pu lire l’état de l’annuaire.')).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('combobox', { name: 'Où habitez-vous\u202f?' })).toBeInTheDocument();
    expect(screen.queryByText('Nous n’avons pas pu lire l’état de l’annuaire.')).not.toBeInTheDocument();
    // The button pressed is gone: the keyboard starts again from the title.
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus());
  });

  it('the refresh report’s files are punctuated in English as in English', async () => {
    installBackend({ refresh: SAMPLE_REPORT });
    i18n.set('en');
    const user = userEvent.setup();
    render(ChatonsStep);
    await user.click(await screen.findByRole('button', { name: 'Refresh the directory' }));
    await user.click(await screen.findByText('See the 3 unreadable or skipped files'));
    const line = screen.getByText(/the server took too long to answer/);
    expect(line).toHaveTextContent('https://lent.example.org/org.properties — the server took too long to answer; the last known version is kept');
  });

  it('a refused import says why in plain words', async () => {
    installBackend({
      status: EMPTY_STATUS,
      failing: { directory_import: { code: 'directory.import_foreign', message: '/tmp/x.json is not a Premiers Pas directory file' } },
    });
    const user = userEvent.setup();
    render(ChatonsStep);
    await user.click(await screen.findByRole('button', { name: 'Importer un annuaire' }));
    expect(await screen.findByText('Ce fichier n’a pas pu être importé.')).toBeInTheDocument();
    expect(screen.getByText(/Ce fichier n’est pas un annuaire enregistré par Premiers Pas/)).toBeInTheDocument();
    expect(screen.getByText('Détails').closest('details')).toHaveTextContent('/tmp/x.json is not a Premiers Pas directory file');
  });

  it('without a directory, explains and offers refresh and import', async () => {
    const backend = installBackend({ status: EMPTY_STATUS });
    const user = userEvent.setup();
    render(ChatonsStep);
    expect(await screen.findByRole('heading', { name: 'Pas encore d’annuaire sur cet ordinateur' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Télécharger l’annuaire' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Actualiser l’annuaire' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Exporter' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(backend.calls.some((c) => c.cmd === 'directory_search')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Importer un annuaire' }));
    expect(await screen.findByText('Annuaire importé : 7 hébergeurs.')).toBeInTheDocument();
    expect(backend.calls.find((c) => c.cmd === 'directory_import')?.args).toEqual({ lang: 'fr' });
    expect(await screen.findByRole('combobox', { name: 'Où habitez-vous\u202f?' })).toBeInTheDocument();
    await waitFor(() => expect(hostNames()).toHaveLength(7));
  });

  it('at a stand, shows how old the directory is but offers no file to import or export', async () => {
    const backend = installBackend({ stand: true });
    render(ChatonsStep, { mode: 'stand' });
    expect(await screen.findByText(/Annuaire des CHATONS du 20 novembre 2026/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Actualiser l’annuaire' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Fichier d’annuaire :' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Importer/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Exporter/ })).not.toBeInTheDocument();
    expect(backend.calls.some((c) => c.cmd === 'directory_import' || c.cmd === 'directory_export')).toBe(false);
  });

  it('at a stand without a directory, offers a download only', async () => {
    installBackend({ stand: true, status: EMPTY_STATUS });
    render(ChatonsStep, { mode: 'stand' });
    expect(await screen.findByRole('heading', { name: 'Pas encore d’annuaire sur cet ordinateur' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Télécharger l’annuaire' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Importer/ })).not.toBeInTheDocument();
  });

  it('saves the directory to a file for a room without network', async () => {
    const backend = installBackend();
    const user = userEvent.setup();
    render(ChatonsStep);
    const file = await screen.findByRole('group', { name: 'Fichier d’annuaire\u202f:' });
    await user.click(within(file).getByRole('button', { name: 'Exporter' }));
    expect(await screen.findByText('/media/cle-usb/annuaire-chatons.json')).toBeInTheDocument();
    expect(screen.getByText(/Annuaire enregistré pour un autre ordinateur/)).toBeInTheDocument();
    expect(backend.calls.find((c) => c.cmd === 'directory_export')?.args).toEqual({ lang: 'fr' });
  });

  it('without a directory, a refresh brings the search and keeps its report in view', async () => {
    const backend = installBackend({ status: EMPTY_STATUS, refresh: 'manual' });
    const user = userEvent.setup();
    render(ChatonsStep);
    await user.click(await screen.findByRole('button', { name: 'Télécharger l’annuaire' }));
    await waitFor(() => expect(backend.finishRefresh).not.toBeNull());
    backend.progress?.({ done: 3, total: 9, url: '' });
    expect(await screen.findByRole('progressbar', { name: 'Fichiers lus\u202f: 3 sur 9' })).toBeInTheDocument();
    backend.finishRefresh?.({ report: SAMPLE_REPORT });
    expect(await screen.findByRole('combobox', { name: 'Où habitez-vous\u202f?' })).toBeInTheDocument();
    expect(screen.getByText('Annuaire actualisé')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Pas encore d’annuaire sur cet ordinateur' })).not.toBeInTheDocument();
    // The panel moved beside the search; the focus went with it.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Actualiser l’annuaire' })).toHaveFocus());
    await waitFor(() => expect(hostNames()).toHaveLength(7));
  });

  it('without a directory and offline, says a volunteer’s file also works', async () => {
    const backend = installBackend({ status: EMPTY_STATUS, refresh: 'manual' });
    const user = userEvent.setup();
    render(ChatonsStep);
    await user.click(await screen.findByRole('button', { name: 'Télécharger l’annuaire' }));
    await waitFor(() => expect(backend.finishRefresh).not.toBeNull());
    backend.finishRefresh?.({ error: { code: 'directory.source_unavailable', message: 'offline' } });
    expect(await screen.findByText(/importer un fichier d’annuaire préparé par un bénévole/)).toBeInTheDocument();
    // Nothing was there to refresh: the first download failed.
    expect(screen.getByText('L’annuaire n’a pas pu être téléchargé.')).toBeInTheDocument();
    expect(screen.queryByText('L’annuaire n’a pas pu être actualisé.')).not.toBeInTheDocument();
  });

  it('speaks English too', async () => {
    installBackend();
    i18n.set('en');
    const user = userEvent.setup();
    render(ChatonsStep);
    await user.click(await screen.findByRole('checkbox', { name: 'Mail' }));
    expect(screen.getByRole('combobox', { name: 'Where do you live?' })).toBeInTheDocument();
    expect(screen.getByText(/CHATONS directory of 20 November 2026/)).toBeInTheDocument();
  });
});

describe('CHATONS step: the map', () => {
  it('draws the hosts as named markers linked to the list, reachable with the arrow keys', async () => {
    installBackend();
    const user = userEvent.setup();
    render(ChatonsStep);
    await pickTown(user, 'Compi', /Compiègne/);
    const map = await screen.findByRole('group', { name: 'Carte des hébergeurs' });
    const markers = await within(map).findAllByRole('button');
    // Located hosts in the frame only: Lyon is beyond it, and two hosts have no coordinates.
    expect(markers.map((m) => m.getAttribute('data-org'))).toEqual(['oise', 'paris-libre', 'lille-num', 'namur']);
    expect(screen.getByText('Plus loin, hors de la carte : 1 hébergeur de la liste.')).toBeInTheDocument();
    expect(markers[0]).toHaveAccessibleName('1. Les Chatons de l’Oise, moins de 1\u00a0km');
    expect(markers.map((m) => m.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1']);

    markers[0].focus();
    const listItem = (id: string) => document.querySelector(`.hosts li[data-org="${id}"]`);
    await waitFor(() => expect(listItem('oise')).toHaveClass('highlighted'));
    await user.keyboard('{ArrowRight}');
    expect(markers[1]).toHaveFocus();
    expect(markers[1]).toHaveAttribute('tabindex', '0');
    await waitFor(() => expect(listItem('paris-libre')).toHaveClass('highlighted'));
    expect(listItem('oise')).not.toHaveClass('highlighted');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(markers[3]).toHaveFocus(); // wraps around
    await user.keyboard('{Home}');
    expect(markers[0]).toHaveFocus();

    // Pointing at a host in the list highlights its marker.
    await user.hover(screen.getByRole('button', { name: /^Lille Numérique/ }));
    await waitFor(() => expect(map.querySelector('.marker[data-org="lille-num"]')).toHaveClass('highlighted'));

    markers[1].focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 2, name: 'Paris Libre' })).toBeInTheDocument();
  });
});
