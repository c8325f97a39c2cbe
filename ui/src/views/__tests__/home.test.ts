// The home journey: overview statuses and hooks, the step page for this OS, answers, summary.
import { flushSync } from 'svelte';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../../App.svelte';
import { changesSinceLastTime, createBackend, type BackendOptions } from '../../mocks/fixtures';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

async function startHome(options: BackendOptions = {}) {
  const backend = createBackend(options);
  mockIPC(backend.handle);
  render(App);
  await userEvent.click(await screen.findByRole('button', { name: /Chez moi/ }));
  await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
  return backend;
}

const item = (id: string) => document.querySelector<HTMLElement>(`[data-step="${id}"]`)!;

describe('audit', () => {
  it('goes straight to the overview when the audit is quick, without flashing its screen', async () => {
    // However slow this machine, the audit's screen waits for a clock that only this test moves.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const backend = createBackend();
    mockIPC(backend.handle);
    render(App);
    const seen: string[] = [];
    const watch = new MutationObserver(() => {
      const h1 = document.querySelector('main h1')?.textContent;
      if (h1 && seen.at(-1) !== h1) seen.push(h1);
    });
    watch.observe(document.body, { childList: true, subtree: true, characterData: true });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: /Chez moi/ }));
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
    watch.disconnect();
    expect(seen).not.toContain('Nous regardons votre ordinateur…');
    // Nor once its time has come.
    await vi.runOnlyPendingTimersAsync();
    flushSync();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Premiers pas');
  });

  it('shows its screen while a slow audit runs, then the overview', async () => {
    const backend = createBackend();
    let finish: () => void = () => {};
    const held = new Promise<void>((resolve) => (finish = resolve));
    mockIPC(async (cmd, args) => {
      // The first audit comes with the session's start.
      if (cmd === 'start_session') await held;
      return backend.handle(cmd, args);
    });
    render(App);
    await userEvent.click(await screen.findByRole('button', { name: /Chez moi/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Nous regardons votre ordinateur…' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'true');
    finish();
    expect(await screen.findByRole('heading', { level: 1, name: 'Premiers pas' })).toBeInTheDocument();
  });
});

describe('overview', () => {
  it('shows every step with its status as an icon and a word, and one line of evidence', async () => {
    const backend = await startHome();
    // One call starts the session, brings the pack and runs the first audit.
    expect(backend.calls.map((c) => c.cmd)).toEqual(['system_info', 'app_config', 'start_session', 'run_audit']);
    expect(backend.calls.find((c) => c.cmd === 'start_session')?.args).toEqual({
      mode: 'home',
      pack: null,
      audit: 'fr',
    });
    const statuses = [...document.querySelectorAll('[data-step]')].map((el) => [
      el.getAttribute('data-step'),
      el.getAttribute('data-status'),
    ]);
    expect(statuses).toEqual([
      ['private-maps', 'manual'],
      ['firefox', 'done'],
      ['ublock-origin', 'partial'],
      ['default-browser', 'todo'],
      ['ethical-mail', 'partial'],
      ['chatons-host', 'manual'],
    ]);
    expect(item('firefox')).toHaveTextContent('Fait');
    expect(item('firefox')).toHaveTextContent('Firefox est installé sur cet ordinateur.');
    expect(item('default-browser')).toHaveTextContent('À faire');
    expect(item('ublock-origin')).toHaveTextContent('En partie');
    expect(item('private-maps')).toHaveTextContent('À vous de le dire');
    // The status word sits next to a drawn icon, never colour alone.
    expect(item('firefox').querySelector('svg')).not.toBeNull();
    expect(screen.getByText('1 sur 6 étapes faites')).toBeInTheDocument();
  });

  it('suggests where to start', async () => {
    await startHome();
    expect(screen.getByRole('button', { name: /Commencer par «\u202fDes cartes qui ne vous suivent pas\u202f»/ })).toBeInTheDocument();
    expect(screen.queryByText('Depuis la dernière fois')).not.toBeInTheDocument();
  });

  it('on a later visit offers to pick up where the person left off, and lists what changed', async () => {
    await startHome({ resume: true, changes: changesSinceLastTime });
    expect(screen.getByText('Bon retour !')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Continuer avec «\u202fDes cartes/ })).toBeInTheDocument();
    const since = screen.getByRole('region', { name: 'Depuis la dernière fois' });
    const moved = within(since).getAllByRole('listitem');
    expect(moved).toHaveLength(2);
    expect(moved[1]).toHaveTextContent(/Un navigateur qui travaille pour vous.*À faire.*devenu.*Fait/);
  });

  it('says when saved progress had to be recovered', async () => {
    await startHome({
      notice: { kind: 'recovered', from_backup: true, reason: 'invalid JSON', damaged_copies: ['/home/lucas/progress.json.corrupt-1764000000000'] },
    });
    expect(screen.getByText(/nous avons repris la copie précédente/)).toBeInTheDocument();
    // The engine's English reason is not the message: only in the details.
    const details = screen.getByText('Détails').closest('details')!;
    expect(details).toHaveTextContent('invalid JSON');
    expect(details).toHaveTextContent('/home/lucas/progress.json.corrupt-1764000000000');
    expect(screen.getByText(/invalid JSON/).closest('details')).toBe(details);
  });

  it('says when nothing could be recovered, and where each damaged file was kept', async () => {
    const copies = ['/home/lucas/progress.json.corrupt-1', '/home/lucas/progress.json.bak.corrupt-1'];
    await startHome({
      notice: { kind: 'recovered', from_backup: false, reason: 'damaged, and so was its copy', damaged_copies: copies },
    });
    expect(screen.getByText(/n’a pas pu être reprise/)).toBeInTheDocument();
    const details = screen.getByText('Détails').closest('details')!;
    for (const copy of copies) expect(details).toHaveTextContent(copy);
  });

  it('shows the results and says when they could not be saved', async () => {
    await startHome({ auditNotice: { kind: 'not_saved', reason: 'could not save or read progress' } });
    expect(screen.getByText(/n’a pas pu être enregistré/)).toBeInTheDocument();
    expect(item('firefox')).toBeInTheDocument();
  });

  it('asks for the results in English after a language switch', async () => {
    const backend = await startHome();
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('Firefox is installed on this computer.')).toBeInTheDocument();
    expect(item('firefox')).toHaveTextContent('Done');
    // Judged again in English against the same audit: the machine is not read twice.
    expect(backend.calls.filter((c) => c.cmd === 'run_audit')).toHaveLength(1);
    expect(backend.calls.find((c) => c.cmd === 'step_results')?.args).toEqual({ lang: 'en' });
  });
});

describe('step page', () => {
  it('explains why, says what we found, with file paths only behind the details toggle', async () => {
    await startHome();
    await userEvent.click(within(item('default-browser')).getByRole('button'));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Firefox pour ouvrir vos liens');
    expect(screen.getByText('Étape 4 sur 6')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Pourquoi' })).toBeInTheDocument();
    expect(screen.getByText(/Vos liens s’ouvrent dans Google Chrome/)).toBeVisible();
    const details = screen.getByText('Détails : les fichiers lus').closest('details')!;
    expect(details.open).toBe(false);
    expect(within(details).getByText(/\/home\/lucas\/\.config\/mimeapps\.list/)).toBeInTheDocument();
  });

  it('gives the instructions for this computer, and the phone variants side by side', async () => {
    await startHome();
    await userEvent.click(within(item('firefox')).getByRole('button'));
    const computer = document.querySelector('[data-how="computer"]')!;
    expect(computer).toHaveTextContent('Sur cet ordinateur (Linux)');
    expect(document.querySelector('[data-how="android"]')).toHaveTextContent('Sur un téléphone Android');
    expect(document.querySelector('[data-how="ios"]')).toHaveTextContent('Sur un iPhone');
    expect(screen.getByText('Firefox pour Android')).toBeInTheDocument();
    expect(screen.getByText('Google Play')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Firefox pour Android' }).querySelector('svg')).not.toBeNull();
  });

  it('never heads a default text as this computer’s: a phone step says so first, then each phone', async () => {
    const { packs } = await import('../../mocks/fixtures');
    const maps = packs[0].steps.find((s) => s.id === 'private-maps')!;
    await startHome({ auditOs: 'windows' });
    await userEvent.click(within(item('private-maps')).getByRole('button'));
    expect(document.querySelector('[data-how="computer"]')).toBeNull();
    expect(screen.queryByText(/Sur cet ordinateur/)).toBeNull();
    expect(document.querySelector('[data-how="default"]')).toHaveTextContent(maps.how.default!.fr.split(' : ')[0]);
    expect(document.querySelector('[data-how="android"]')).toHaveTextContent('Sur un téléphone Android');
    expect(document.querySelector('[data-how="ios"]')).toHaveTextContent('Sur un iPhone');
  });

  it('follows the audited operating system', async () => {
    const { packs } = await import('../../mocks/fixtures');
    const firefox = packs[0].steps.find((s) => s.id === 'firefox')!;
    await startHome({ auditOs: 'windows' });
    await userEvent.click(within(item('firefox')).getByRole('button'));
    const computer = document.querySelector('[data-how="computer"]')!;
    expect(computer).toHaveTextContent('Sur cet ordinateur (Windows)');
    const firstWindowsLine = firefox.how.windows!.fr.split('\n')[0].replace(/^\d+\.\s*/, '');
    expect(computer).toHaveTextContent(firstWindowsLine);
    expect(computer).not.toHaveTextContent(firefox.how.linux!.fr.split('\n')[0].replace(/^\d+\.\s*/, ''));
  });

  it('shows the phone QR codes for one phone at a time when asked', async () => {
    await startHome();
    await userEvent.click(within(item('private-maps')).getByRole('button'));
    // The app the step suggests first, on its three stores; the two others on request.
    expect(screen.getAllByRole('img', { name: /sur (F-Droid|Google Play|l’App Store)/ }).map((e) => e.getAttribute('aria-label'))).toEqual([
      'CoMaps sur F-Droid',
      'CoMaps sur Google Play',
      'CoMaps sur l’App Store',
    ]);
    const more = screen.getByRole('button', { name: 'Voir les autres applications (6\u00a0codes)' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(more);
    expect(screen.getAllByRole('img', { name: /sur (F-Droid|Google Play|l’App Store)/ })).toHaveLength(9);
    expect(screen.getByRole('button', { name: 'Une seule application' })).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'iPhone' }));
    expect(screen.getAllByRole('img', { name: /sur/ }).map((e) => e.getAttribute('aria-label'))).toEqual([
      'CoMaps sur l’App Store',
      'Organic Maps sur l’App Store',
      'OsmAnd sur l’App Store',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Une seule application' }));
    expect(screen.getAllByRole('img', { name: /sur/ }).map((e) => e.getAttribute('aria-label'))).toEqual([
      'CoMaps sur l’App Store',
    ]);
    expect(screen.getByRole('button', { name: 'Voir les autres applications (2\u00a0codes)' })).toBeInTheDocument();
    expect(screen.getByText(/vérifié en novembre 2026/i)).toBeInTheDocument();
  });

  it('saves the answer of a step only the person can check', async () => {
    const backend = await startHome();
    await userEvent.click(within(item('private-maps')).getByRole('button'));
    const done = screen.getByRole('radio', { name: 'C’est fait' });
    expect(done).toHaveAttribute('aria-checked', 'false');
    await userEvent.click(done);
    expect(backend.calls.find((c) => c.cmd === 'set_answer')?.args).toEqual({
      step: 'private-maps',
      answer: 'done',
      lang: 'fr',
    });
    // Said under the buttons, where the person is looking.
    const group = document.querySelector<HTMLElement>('.answer')!;
    expect(await within(group).findByText('C’est noté.')).toBeInTheDocument();
    expect(done).toHaveAttribute('aria-checked', 'true');
    // A second press (a double tap) keeps the answer.
    await userEvent.click(done);
    expect(backend.calls.filter((c) => c.cmd === 'set_answer')).toHaveLength(1);
    expect(done).toHaveAttribute('aria-checked', 'true');
    // Said again in the language the person switches to.
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('Noted.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Français' }));
    expect(await screen.findByText('C’est noté.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Toutes les étapes' }));
    expect(item('private-maps')).toHaveAttribute('data-status', 'done');
    expect(screen.getByRole('button', { name: /Commencer par «\u202fMoins de publicités/ })).toBeInTheDocument();
  });

  it('takes an answer back with a button of its own, said under the buttons', async () => {
    const backend = await startHome();
    await userEvent.click(within(item('private-maps')).getByRole('button'));
    expect(screen.queryByRole('button', { name: 'Retirer ma réponse' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Pas encore' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Retirer ma réponse' }));
    expect(backend.calls.filter((c) => c.cmd === 'set_answer').map((c) => c.args)).toEqual([
      { step: 'private-maps', answer: 'not_yet', lang: 'fr' },
      { step: 'private-maps', answer: null, lang: 'fr' },
    ]);
    const group = document.querySelector<HTMLElement>('.answer')!;
    expect(await within(group).findByText('Réponse retirée.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retirer ma réponse' })).not.toBeInTheDocument();
    // The keyboard's focus is not lost with the button: it is on the first answer.
    expect(screen.getByRole('radio', { name: 'C’est fait' })).toHaveFocus();
    // One answer of two: the arrow keys move it, and Tab stops on the one given.
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'Pas encore' })).toHaveFocus();
    expect(backend.calls.filter((c) => c.cmd === 'set_answer').at(-1)?.args).toEqual({
      step: 'private-maps',
      answer: 'not_yet',
      lang: 'fr',
    });
    expect(screen.getByRole('radio', { name: 'Pas encore' })).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('radio', { name: 'C’est fait' })).toHaveAttribute('tabindex', '-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Retirer ma réponse' }));
    for (const name of ['C’est fait', 'Pas encore'])
      expect(screen.getByRole('radio', { name })).toHaveAttribute('aria-checked', 'false');
  });

  it('opens links through the Rust side, and checks again on request', async () => {
    const backend = await startHome();
    await userEvent.click(within(item('ublock-origin')).getByRole('button'));
    await userEvent.click(screen.getByRole('button', { name: /uBlock Origin pour Firefox \(s’ouvre/ }));
    expect(backend.calls.find((c) => c.cmd === 'open_url')?.args).toEqual({
      url: 'https://addons.mozilla.org/firefox/addon/ublock-origin/',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Vérifier à nouveau' }));
    expect(await screen.findByText('Vérifié à l’instant.')).toBeInTheDocument();
    expect(backend.calls.filter((c) => c.cmd === 'run_audit')).toHaveLength(2);
  });

  it('moves to the next step and offers the CHATONS search where the step is about hosts', async () => {
    await startHome();
    await userEvent.click(within(item('ethical-mail')).getByRole('button'));
    await userEvent.click(screen.getByRole('button', { name: /Suivante\u202f: «\u202fTrouver un hébergeur/ }));
    // The step and the search it opens have the same name, as on the overview.
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Trouver un hébergeur près de chez vous');
    expect(document.querySelector('[data-step-page="chatons-host"]')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Trouver un hébergeur près de chez vous' }));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Trouver un hébergeur près de chez vous');
    expect(document.querySelector('[data-step-page]')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retour' }));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Trouver un hébergeur près de chez vous');
    expect(document.querySelector('[data-step-page="chatons-host"]')).toBeInTheDocument();
  });
});

/**
 * The take-home list of the fixture home, as the core writes it: the `takeaway` of
 * `premiers-pas report --format json --home <fixture home> --os linux --pack premiers-pas --lang <fr|en>`.
 */
const TAKEAWAY = {
  fr: [
    'Premiers pas — à faire\u202f:',
    '- Des cartes qui ne vous suivent pas',
    'https://f-droid.org/packages/app.comaps.fdroid/',
    'https://play.google.com/store/apps/details?id=app.comaps.google',
    'https://apps.apple.com/app/id6747180809',
    '- Moins de publicités, moins de pisteurs',
    'https://addons.mozilla.org/android/addon/ublock-origin/',
    '- Firefox pour ouvrir vos liens',
    '- Un courriel qui vous respecte',
    'https://www.chatons.org/',
    '- Trouver un hébergeur près de chez vous',
    'https://entraide.chatons.org/',
  ].join('\n'),
  en: [
    'First steps — to do:',
    '- Maps that don’t follow you',
    'https://f-droid.org/packages/app.comaps.fdroid/',
    'https://play.google.com/store/apps/details?id=app.comaps.google',
    'https://apps.apple.com/app/id6747180809',
    '- Fewer ads, fewer trackers',
    'https://addons.mozilla.org/android/addon/ublock-origin/',
    '- Firefox to open your links',
    '- Mail that respects you',
    'https://www.chatons.org/',
    '- Find a host near you',
    'https://entraide.chatons.org/',
  ].join('\n'),
};

describe('summary', () => {
  it('lists what is left with its first action, and prints or saves the report', async () => {
    const backend = await startHome();
    await userEvent.click(screen.getByRole('button', { name: 'Voir mon bilan' }));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Votre bilan');
    const left = screen.getByRole('heading', { name: 'Ce qui reste à faire' }).parentElement!;
    expect(within(left).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toHaveLength(5);
    expect(within(left).getAllByText('Pour commencer').length).toBeGreaterThan(0);
    expect(await screen.findByTestId('takeaway-qr')).toBeInTheDocument();
    // One code for each medium, under one name: the screen's and paper's (more error correction).
    expect(screen.getByTestId('takeaway-qr-screen').querySelector('svg')).toBeInTheDocument();
    expect(screen.getByTestId('takeaway-qr-paper').querySelector('svg')).toBeInTheDocument();
    expect(screen.getAllByRole('img', { name: 'Code QR de votre liste à emporter' })).toHaveLength(1);
    // For paper (print-only): the pack and the day, each step's first address to type, the code's list.
    expect(document.querySelector('.summary .made')).toHaveTextContent(/^Premiers pas — bilan du \d{1,2} \S+ \d{4}$/);
    const mail = left.querySelector('[data-step="ethical-mail"] .address');
    expect(mail).toHaveTextContent(/\s:\schatons\.org$/);
    // The code's list is the core's text, character for character (not folded by a text matcher).
    const list = () => document.querySelector('.summary .phone-code .list')?.textContent;
    expect(list()).toBe(TAKEAWAY.fr);

    await userEvent.click(screen.getByRole('button', { name: 'Imprimer' }));
    expect(backend.calls.map((c) => c.cmd)).toContain('print_page');
    await userEvent.click(screen.getByRole('button', { name: 'Page web (HTML)' }));
    expect(backend.calls.find((c) => c.cmd === 'save_report')?.args).toEqual({ format: 'html', lang: 'fr' });
    expect(await screen.findByText('Enregistré : /home/lucas/premiers-pas.html')).toBeInTheDocument();
    // Said again in the language the person switches to.
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('Saved: /home/lucas/premiers-pas.html')).toBeInTheDocument();
    await waitFor(() => expect(list()).toBe(TAKEAWAY.en));
  });

  it('a cancelled save dialog is not an error', async () => {
    await startHome({ savedPath: null });
    await userEvent.click(screen.getByRole('button', { name: 'Voir mon bilan' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Texte (Markdown)' }));
    expect(await screen.findByText('Enregistrement annulé.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
