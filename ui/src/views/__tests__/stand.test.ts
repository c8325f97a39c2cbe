// The stand: a start button per visitor, "Visiteur suivant" always there, the idle countdown, the take-home QR.
import { flushSync } from 'svelte';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../../App.svelte';
import { createBackend, pack } from '../../mocks/fixtures';
import { refusedAtStand } from '../../mocks/rust';
import { DIRECTORY_COMMANDS, createDirectoryBackend } from '../chatons/fixtures';
import IdleGuard from '../stand/IdleGuard.svelte';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

async function startStand() {
  const backend = createBackend({ config: { mode: 'stand', lang: null, idle_seconds: 60 } });
  mockIPC(backend.handle);
  render(App);
  await userEvent.click(await screen.findByRole('button', { name: /Commencer/ }));
  await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
  return backend;
}

/** Whether the page kept the engine from acting on `event`, sent where a visitor's click or key lands. */
function cancelled(event: Event): boolean {
  document.body.dispatchEvent(event);
  return event.defaultPrevented;
}

function ctrl(key: string): KeyboardEvent {
  return new KeyboardEvent('keydown', { key, ctrlKey: true, bubbles: true, cancelable: true });
}

/** Presses every button of the page's main part, except those that lead away from it (`leaving`). */
async function pressAllBut(leaving: RegExp) {
  for (const button of within(screen.getByRole('main')).getAllByRole('button')) {
    const name = button.getAttribute('aria-label') ?? button.textContent?.trim() ?? '';
    // A button an earlier one took away (a disclosure that closed) is not there to press.
    if (button.isConnected && !leaving.test(name)) await userEvent.click(button);
  }
}

describe('stand journey', () => {
  it('launched for a stand, it waits for a visitor, then audits with big targets', async () => {
    const backend = await startStand();
    expect(backend.calls.find((c) => c.cmd === 'start_session')?.args).toEqual({ mode: 'stand', pack: null, audit: 'fr' });
    expect(document.documentElement.dataset.mode).toBe('stand');
    expect(document.querySelectorAll('[data-step]')).toHaveLength(6);
  });

  it('says when the list is long and its code keeps only the steps’ names', async () => {
    const backend = createBackend({ config: { mode: 'stand', lang: null, idle_seconds: 60 }, takeawayWithoutPages: true });
    mockIPC(backend.handle);
    render(App);
    await userEvent.click(await screen.findByRole('button', { name: /Commencer/ }));
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
    await userEvent.click(screen.getAllByRole('button', { name: /Emportez votre liste/ })[1]);
    expect(await screen.findByTestId('takeaway-qr')).toBeInTheDocument();
    expect(screen.getByText(/Votre liste est longue/)).toBeInTheDocument();
  });

  it('keeps the engine\'s own menu and its print, save and reload shortcuts closed at a stand', async () => {
    await startStand();
    expect(cancelled(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }))).toBe(true);
    expect(['p', 'S', 'o', 'r'].map((key) => cancelled(ctrl(key)))).toEqual([true, true, true, true]);
    expect(cancelled(new KeyboardEvent('keydown', { key: 'F5', code: 'F5', bubbles: true, cancelable: true }))).toBe(true);
    // On a Cyrillic layout, Ctrl and the key where P is.
    const cyrillic = new KeyboardEvent('keydown', { key: 'з', code: 'KeyP', ctrlKey: true, bubbles: true, cancelable: true });
    expect(cancelled(cyrillic)).toBe(true);
    // Other keys go on as usual.
    expect(cancelled(ctrl('c'))).toBe(false);
    expect(cancelled(new KeyboardEvent('keydown', { key: 'p', bubbles: true, cancelable: true }))).toBe(false);
  });

  it('at home, leaves the engine\'s menu and shortcuts alone', async () => {
    mockIPC(createBackend().handle);
    render(App);
    await screen.findByRole('button', { name: /Chez moi/ });
    expect(cancelled(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }))).toBe(false);
    expect(cancelled(ctrl('p'))).toBe(false);
  });

  it('launched for a stand, offers no other way to use the app; chosen on the welcome screen, it does', async () => {
    // Launched with --mode stand, the laptop stays a stand (the shell refuses any other journey): a visitor
    // must not reach "Chez moi", which would audit the volunteer's computer.
    const launched = createBackend({ config: { mode: 'stand', lang: null, idle_seconds: 60 } });
    mockIPC(launched.handle);
    const first = render(App);
    await screen.findByRole('button', { name: /Commencer/ });
    expect(screen.queryByRole('button', { name: 'Autres façons d’utiliser Premiers Pas' })).not.toBeInTheDocument();
    first.unmount();
    clearMocks();

    const chosen = createBackend();
    mockIPC(chosen.handle);
    render(App);
    await userEvent.click(await screen.findByRole('button', { name: /Sur un stand/ }));
    await userEvent.click(await screen.findByRole('button', { name: 'Visiteur suivant' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Oui, tout effacer' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Autres façons d’utiliser Premiers Pas' }));
    expect(await screen.findByRole('button', { name: /Chez moi/ })).toBeInTheDocument();
  });

  it('says nothing of the laptop: no "your computer" line, no audit screen, every step the visitor\'s call', async () => {
    const backend = createBackend({ config: { mode: 'stand', lang: null, idle_seconds: 60 } });
    // However long the start takes, no "we are looking at your computer" screen: it is held until the
    // test lets it go, and the audit screen's delay runs on a clock only this test moves.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let starting = false;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    mockIPC(async (cmd, args) => {
      if (cmd === 'start_session') {
        starting = true;
        await held;
      }
      return backend.handle(cmd, args);
    });
    render(App);
    const start = await screen.findByRole('button', { name: /Commencer/ });
    expect(screen.queryByTestId('os-line')).not.toBeInTheDocument();
    expect(screen.queryByText(/Debian/)).not.toBeInTheDocument();
    expect(screen.queryByText(/votre ordinateur/)).not.toBeInTheDocument();
    expect(screen.getByText(/dites-nous où vous en êtes/)).toBeInTheDocument();
    await userEvent.setup({ delay: null }).click(start);
    await vi.waitFor(() => expect(starting).toBe(true));
    // The audit screen's delay (150 ms) has run out, the start still held, and the page has shown what
    // that timer asked for: nothing.
    await vi.advanceTimersByTimeAsync(150);
    flushSync();
    expect(screen.queryByRole('heading', { name: 'Nous regardons votre ordinateur…' })).not.toBeInTheDocument();
    release();
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
    // The fixture computer has Firefox and uBlock Origin: at a stand, that says nothing of the visitor.
    const statuses = [...document.querySelectorAll('[data-step]')].map((e) => e.getAttribute('data-status'));
    expect(statuses).toEqual(Array(6).fill('manual'));
    expect(screen.getAllByText('Dites-nous si c’est déjà fait chez vous.')).toHaveLength(6);
    expect(screen.getByText('0 sur 6 étapes faites')).toBeInTheDocument();
    expect(screen.queryByText(/cet ordinateur/)).not.toBeInTheDocument();
    expect(await backend.handle('journal')).toEqual([]);
  });

  it('a step page asks the visitor, shows how on every computer and phone, and nothing found on the laptop', async () => {
    const backend = await startStand();
    await userEvent.click(document.querySelector<HTMLElement>('[data-step="firefox"] button')!);
    await screen.findByRole('heading', { level: 1, name: 'Un navigateur qui travaille pour vous' });
    expect(screen.queryByRole('heading', { name: 'Ce que nous avons trouvé' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Vérifier à nouveau' })).not.toBeInTheDocument();
    expect(screen.queryByText(/cet ordinateur/)).not.toBeInTheDocument();
    expect(screen.getByTestId('answer-hint')).toHaveTextContent('Dites-nous si c’est déjà fait chez vous.');
    for (const name of ['Sur un ordinateur Windows', 'Sur un Mac', 'Sur un ordinateur Linux', 'Sur un téléphone Android', 'Sur un iPhone']) {
      expect(screen.getByRole('heading', { level: 3, name })).toBeInTheDocument();
    }
    // Every system has its text: no fourth card for "another computer".
    expect(screen.queryByRole('heading', { level: 3, name: 'Sur un autre ordinateur' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Pour votre téléphone' })).toBeInTheDocument();
    // The links are codes for the visitor's phone: the laptop's browser would keep their pages.
    expect(screen.queryByRole('button', { name: /Télécharger Firefox/ })).not.toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Liens utiles' })).getByRole('img', { name: 'Télécharger Firefox' })).toBeInTheDocument();
    expect(screen.getByText('mozilla.org/firefox/new')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: 'C’est fait' }));
    expect(await screen.findByTestId('answer-hint')).toHaveTextContent('Vous nous avez dit que c’est fait.');
    expect(backend.calls.find((c) => c.cmd === 'set_answer')?.args).toEqual({ step: 'firefox', answer: 'done', lang: 'fr' });
    await userEvent.click(screen.getByRole('button', { name: 'Toutes les étapes' }));
    await screen.findByText('1 sur 6 étapes faites');
    expect(document.querySelector('[data-step="firefox"]')).toHaveAttribute('data-status', 'done');

    // The take-home list: every step but the one the visitor said done.
    await userEvent.click(screen.getAllByRole('button', { name: /Emportez votre liste/ })[0]);
    await screen.findByTestId('takeaway-qr');
    const titles = pack('premiers-pas').steps.map((st) => st.title.fr);
    const list = await screen.findByText(/^Premiers pas — à faire :/);
    // As the core writes it, its narrow no-break space too (a text matcher folds it into a plain one).
    expect(list.textContent).toMatch(/^Premiers pas — à faire\u202f:\n- Des cartes qui ne vous suivent pas\nhttps:\/\//);
    for (const title of titles) {
      if (title === 'Un navigateur qui travaille pour vous') expect(list).not.toHaveTextContent(title);
      else expect(list).toHaveTextContent(title);
    }
    expect(backend.calls.some((c) => c.cmd === 'save_report')).toBe(false);
  });

  it('chosen on the welcome screen, the laptop line goes with the stand and comes back with the other ways', async () => {
    mockIPC(createBackend().handle);
    render(App);
    expect(await screen.findByTestId('os-line')).toHaveTextContent('Votre ordinateur : Debian GNU/Linux 12');
    await userEvent.click(screen.getByRole('button', { name: /Sur un stand/ }));
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
    await userEvent.click(screen.getByRole('button', { name: 'Visiteur suivant' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Oui, tout effacer' }));
    await screen.findByRole('button', { name: /Commencer/ });
    expect(screen.queryByTestId('os-line')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Autres façons/ }));
    expect(await screen.findByTestId('os-line')).toBeInTheDocument();
    // The button pressed is gone: the keyboard starts again from the title, not from the page.
    expect(screen.queryByRole('button', { name: /Autres façons/ })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Premiers Pas' })).toHaveFocus();
  });

  it('through a whole visit, asks the shell for nothing it refuses at a stand: no file dialog, no print, no browser', async () => {
    // The commands whose Rust body begins with `refuse_at_stand` (src-tauri/src/commands).
    const refused = refusedAtStand();
    expect(refused).toEqual(expect.arrayContaining(['save_report', 'add_pack', 'open_url', 'print_page', 'directory_import']));
    const app = createBackend({ config: { mode: 'stand', lang: null, idle_seconds: 60 } });
    const directory = createDirectoryBackend({ stand: true });
    const asked: string[] = [];
    mockIPC((cmd, args) => {
      asked.push(cmd);
      return DIRECTORY_COMMANDS.includes(cmd) ? directory.handle(cmd, args) : app.handle(cmd, args);
    });
    render(App);
    await userEvent.click(await screen.findByRole('button', { name: /Commencer/ }));
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });

    // Every step in turn, answered, every button of its page pressed (codes for each phone, more apps…),
    // the CHATONS search and a host's card on the way.
    const steps = pack('premiers-pas').steps;
    await userEvent.click(document.querySelector<HTMLElement>(`[data-step="${steps[0].id}"] button`)!);
    for (const [i, step] of steps.entries()) {
      await waitFor(() => expect(document.querySelector(`[data-step-page="${step.id}"]`)).toBeInTheDocument());
      await userEvent.click(screen.getByRole('radio', { name: i % 2 === 0 ? 'C’est fait' : 'Pas encore' }));
      await waitFor(() => expect(app.state.answers[step.id]).toBeDefined());
      await pressAllBut(/^(Toutes les étapes|Étape précédente|Suivante|Trouver un hébergeur|Revenir aux étapes)/);
      if (step.id === 'chatons-host') {
        await userEvent.click(screen.getByRole('button', { name: 'Trouver un hébergeur près de chez vous' }));
        await userEvent.click(await screen.findByRole('button', { name: /^Paris Libre/ }));
        expect(await screen.findByRole('img', { name: 'Leur site' })).toBeInTheDocument();
        await pressAllBut(/^Retour aux résultats/);
        await userEvent.click(screen.getByRole('button', { name: 'Retour aux résultats' }));
        await userEvent.click(screen.getByRole('button', { name: 'Retour' }));
      }
      const next = steps[i + 1];
      if (next) await userEvent.click(await screen.findByRole('button', { name: new RegExp(`^Suivante\u202f: «\u202f${next.title.fr}`) }));
    }

    // The list to take home, what was looked at, the privacy page; then the next visitor.
    await userEvent.click(screen.getAllByRole('button', { name: /Emportez votre liste/ })[0]);
    await screen.findByTestId('takeaway-qr');
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    for (const [place, heading] of [
      ['Ce que nous avons regardé', 'Fichiers lus'],
      ['Confidentialité', 'Ce que fait (et ne fait pas) Premiers Pas'],
    ]) {
      await userEvent.click(within(nav).getByRole('button', { name: place }));
      await screen.findByRole('heading', { name: heading });
    }
    await userEvent.click(screen.getByRole('button', { name: 'Visiteur suivant' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Oui, tout effacer' }));
    await screen.findByRole('button', { name: /Commencer/ });

    // The visit went everywhere; none of it asked for what the shell refuses at a stand.
    expect(asked).toEqual(expect.arrayContaining(['start_session', 'set_answer', 'directory_search', 'directory_org', 'takeaway', 'next_visitor']));
    expect(asked.filter((cmd) => refused.includes(cmd))).toEqual([]);
  });

  it('"Visiteur suivant" is always there, forgets the visit and goes back to the start', async () => {
    const backend = await startStand();
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findAllByText('Tell us if you already do this at home.')).toHaveLength(6);
    await userEvent.click(document.querySelector<HTMLElement>('[data-step="firefox"] button')!);
    await userEvent.click(screen.getByRole('button', { name: 'Next visitor' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Yes, clear everything' }));
    expect(backend.calls.map((c) => c.cmd)).toContain('next_visitor');
    // The next visitor starts in the stand's language, on the start screen.
    expect(await screen.findByRole('button', { name: /Commencer/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
    expect(screen.queryByRole('button', { name: 'Visiteur suivant' })).not.toBeInTheDocument();
  });

  it('"Visiteur suivant" in the bar asks first: "Non, je continue" or Escape keeps the visit', async () => {
    const backend = await startStand();
    await userEvent.click(document.querySelector<HTMLElement>('[data-step="firefox"] button')!);
    const bar = screen.getByRole('button', { name: 'Visiteur suivant' });
    await userEvent.click(bar);
    expect(screen.getByRole('group', { name: 'Effacer ce passage\u202f?' })).toBeInTheDocument();
    // The focus is on the answer that loses nothing.
    expect(screen.getByRole('button', { name: 'Non, je continue' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Non, je continue' }));
    expect(screen.getByRole('button', { name: 'Visiteur suivant' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Visiteur suivant' }));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Effacer ce passage\u202f?' })).not.toBeInTheDocument();
    expect(backend.calls.map((c) => c.cmd)).not.toContain('next_visitor');
    expect(document.querySelector('[data-step-page="firefox"]')).toBeInTheDocument();
  });

  it('"Visiteur suivant" during a directory refresh stops it: the next visitor does not wait for it', async () => {
    const app = createBackend({ config: { mode: 'stand', lang: null, idle_seconds: 60 } });
    const directory = createDirectoryBackend({ stand: true, refresh: 'manual' });
    mockIPC(async (cmd, args) => {
      // As the shell does: next_visitor stops a running refresh (and waits for it) before it forgets.
      if (cmd === 'next_visitor') await directory.stopRefreshAndWait();
      return DIRECTORY_COMMANDS.includes(cmd) ? directory.handle(cmd, args) : app.handle(cmd, args);
    });
    render(App);
    const toChatons = async () => {
      await userEvent.click(await screen.findByRole('button', { name: /Commencer/ }));
      await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
      await userEvent.click(document.querySelector<HTMLElement>('[data-step="chatons-host"] button')!);
      await userEvent.click(await screen.findByRole('button', { name: 'Trouver un hébergeur près de chez vous' }));
      return screen.findByRole('button', { name: 'Actualiser l’annuaire' });
    };

    await userEvent.click(await toChatons());
    await screen.findByRole('button', { name: 'Arrêter l’actualisation de l’annuaire' });
    // (That the shell stops the refresh is its own test, in src-tauri/tests/stand.rs.)
    await userEvent.click(screen.getByRole('button', { name: 'Visiteur suivant' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Oui, tout effacer' }));

    // The next visitor finds the refresh button free, and nothing of the last visitor's refresh.
    const refresh = await toChatons();
    expect(refresh).not.toHaveAttribute('aria-disabled', 'true');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByText('Actualisation arrêtée.')).not.toBeInTheDocument();
  });

  it('ends with a big take-home QR code of the to-do list', async () => {
    const backend = await startStand();
    // In the navigation bar and at the end of the path.
    const buttons = screen.getAllByRole('button', { name: /Emportez votre liste/ });
    expect(buttons).toHaveLength(2);
    await userEvent.click(buttons[1]);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Emportez votre liste');
    expect(await screen.findByRole('img', { name: 'Code QR de votre liste à emporter' })).toBeInTheDocument();
    expect(screen.getByText(/- Des cartes qui ne vous suivent pas https:\/\/f-droid\.org\//)).toBeInTheDocument();
    expect(backend.calls.find((c) => c.cmd === 'takeaway')?.args).toEqual({ lang: 'fr' });
  });
});

describe('take-home screen when the list cannot be made', () => {
  it('says why, and still offers the next visitor', async () => {
    const backend = createBackend({
      config: { mode: 'stand', lang: null, idle_seconds: 60 },
      failing: { takeaway: { code: 'qr.too_long', message: 'text too long for a QR code' } },
    });
    mockIPC(backend.handle);
    render(App);
    await userEvent.click(await screen.findByRole('button', { name: /Commencer/ }));
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
    await userEvent.click(screen.getAllByRole('button', { name: /Emportez votre liste/ })[1]);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(within(main).getByRole('button', { name: /Visiteur suivant/ })).toBeInTheDocument();
  });

  it('in a language it cannot be made in, the code of the language left goes, and the error shows', async () => {
    const backend = createBackend({ config: { mode: 'stand', lang: null, idle_seconds: 60 } });
    mockIPC((cmd, args) => {
      if (cmd === 'takeaway' && (args as { lang: string }).lang === 'en') throw { code: 'qr.too_long', message: 'text too long for a QR code' };
      return backend.handle(cmd, args);
    });
    render(App);
    await userEvent.click(await screen.findByRole('button', { name: /Commencer/ }));
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
    await userEvent.click(screen.getAllByRole('button', { name: /Emportez votre liste/ })[1]);
    expect(await screen.findByTestId('takeaway-qr')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByTestId('takeaway-qr')).not.toBeInTheDocument();
    expect(screen.queryByText(/Des cartes qui ne vous suivent pas/)).not.toBeInTheDocument();
  });
});

describe('before a visit', () => {
  async function launchStand(nextVisitor?: () => Promise<unknown>) {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const backend = createBackend({ config: { mode: 'stand', lang: null, idle_seconds: 60 } });
    mockIPC((cmd, args) => (cmd === 'next_visitor' && nextVisitor ? nextVisitor() : backend.handle(cmd, args)));
    render(App);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const wait = async (seconds: number) => {
      await vi.advanceTimersByTimeAsync(seconds * 1000);
      flushSync();
    };
    await screen.findByRole('button', { name: /Commencer/ });
    return { backend, user, wait };
  }

  it('the welcome screen quietly goes back to the volunteer\'s language and display when left alone', async () => {
    const { user, wait } = await launchStand();
    await user.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByRole('button', { name: /Start/ });
    await wait(59);
    expect(screen.getByRole('button', { name: /Start/ })).toBeInTheDocument();
    await wait(1);
    // No question asked on the welcome screen: nothing of a visitor's to keep.
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(await screen.findByRole('button', { name: /Commencer/ })).toBeInTheDocument();
  });

  it('after a visit, the welcome screen left alone asks nothing of the shell', async () => {
    const { backend, user, wait } = await launchStand();
    await user.click(screen.getByRole('button', { name: /Commencer/ }));
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
    await user.click(screen.getByRole('button', { name: 'Visiteur suivant' }));
    await user.click(await screen.findByRole('button', { name: 'Oui, tout effacer' }));
    await user.click(await screen.findByRole('button', { name: 'English' }));
    await screen.findByRole('button', { name: /Start/ });
    await wait(60);
    expect(await screen.findByRole('button', { name: /Commencer/ })).toBeInTheDocument();
    // The visit was forgotten once; the quiet return to French is the page's alone.
    expect(backend.calls.filter((c) => c.cmd === 'next_visitor')).toHaveLength(1);
  });

  it('settings opened from the welcome screen are forgotten after the countdown', async () => {
    const { user, wait } = await launchStand();
    await user.click(screen.getByRole('button', { name: 'Réglages' }));
    await user.click(await screen.findByRole('radio', { name: 'Très grande' }));
    expect(document.documentElement.dataset.textSize).toBe('larger');
    await wait(60);
    expect(screen.getByRole('alertdialog', { name: 'Vous êtes toujours là\u202f?' })).toBeInTheDocument();
    await wait(20);
    expect(await screen.findByRole('button', { name: /Commencer/ })).toBeInTheDocument();
    expect(document.documentElement.dataset.textSize).toBe('normal');
  });

  it('a request to close the window asks the volunteer; "Non, rester" and Escape keep the stand', async () => {
    const { backend, user } = await launchStand();
    const start = screen.getByRole('button', { name: /Commencer/ });
    start.focus();
    window.dispatchEvent(new Event('premiers-pas:close-requested'));
    const dialog = await screen.findByRole('alertdialog', { name: 'Fermer le stand\u202f?' });
    const stay = within(dialog).getByRole('button', { name: 'Non, rester' });
    expect(stay).toHaveFocus();
    // Tab goes round the two answers, not to the page behind.
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Fermer l’application' })).toHaveFocus();
    await user.tab();
    expect(stay).toHaveFocus();
    await user.click(stay);
    expect(screen.queryByRole('alertdialog', { name: 'Fermer le stand\u202f?' })).not.toBeInTheDocument();
    expect(start).toHaveFocus();
    window.dispatchEvent(new Event('premiers-pas:close-requested'));
    await screen.findByRole('alertdialog', { name: 'Fermer le stand\u202f?' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog', { name: 'Fermer le stand\u202f?' })).not.toBeInTheDocument();
    expect(backend.calls.map((c) => c.cmd)).not.toContain('close_app');
    // The volunteer confirms: the shell is asked to close.
    window.dispatchEvent(new Event('premiers-pas:close-requested'));
    await user.click(await screen.findByRole('button', { name: 'Fermer l’application' }));
    expect(backend.calls.map((c) => c.cmd)).toContain('close_app');
  });

  it('tells the shell it asked only once the question is shown, the focus on "Non, rester"', async () => {
    const backend = createBackend({ config: { mode: 'stand', lang: null, idle_seconds: 60 } });
    const focusedWhenTold: (string | undefined)[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'close_asked') focusedWhenTold.push(document.activeElement?.textContent?.trim());
      return backend.handle(cmd, args);
    });
    render(App);
    (await screen.findByRole('button', { name: /Commencer/ })).focus();
    window.dispatchEvent(new Event('premiers-pas:close-requested'));
    await vi.waitFor(() => expect(focusedWhenTold).toHaveLength(1));
    expect(focusedWhenTold).toEqual(['Non, rester']);
  });

  it('tells the shell it can ask once it listens, and holds the idle watch while it asks', async () => {
    const { backend, user, wait } = await launchStand();
    expect(backend.calls.map((c) => c.cmd)).toContain('close_guard_ready');
    await user.click(screen.getByRole('button', { name: /Commencer/ }));
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
    // Ten seconds before the visit's idle question (60 s at this launch), the window is asked to close.
    await wait(50);
    window.dispatchEvent(new Event('premiers-pas:close-requested'));
    const dialog = await screen.findByRole('alertdialog', { name: 'Fermer le stand\u202f?' });
    // The focus sent outside (a click on the page behind) comes back to the answers.
    screen.getByRole('button', { name: 'Visiteur suivant' }).focus();
    expect(within(dialog).getByRole('button', { name: 'Non, rester' })).toHaveFocus();
    // Past the idle delay: no second question over this one, and nothing forgotten.
    await wait(25);
    expect(screen.getAllByRole('alertdialog')).toHaveLength(1);
    await wait(10);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(backend.calls.map((c) => c.cmd)).not.toContain('next_visitor');
    expect(screen.getByRole('heading', { level: 1, name: 'Premiers pas' })).toBeInTheDocument();
  });

  it('a request to close during the idle countdown shows one question, not two', async () => {
    const { backend, user, wait } = await launchStand();
    await user.click(screen.getByRole('button', { name: /Commencer/ }));
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
    await wait(65);
    expect(screen.getByRole('alertdialog', { name: 'Vous êtes toujours là\u202f?' })).toBeInTheDocument();
    window.dispatchEvent(new Event('premiers-pas:close-requested'));
    await screen.findByRole('alertdialog', { name: 'Fermer le stand\u202f?' });
    expect(screen.getAllByRole('alertdialog')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Non, rester' })).toHaveFocus();
    // The stand stays: the visit goes on, its idle watch from zero.
    await user.click(screen.getByRole('button', { name: 'Non, rester' }));
    await wait(30);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(backend.calls.map((c) => c.cmd)).not.toContain('next_visitor');
    expect(backend.calls.map((c) => c.cmd)).toContain('close_asked');
  });

  it('an unanswered request to close goes away by itself', async () => {
    const { backend, wait } = await launchStand();
    window.dispatchEvent(new Event('premiers-pas:close-requested'));
    await screen.findByRole('alertdialog', { name: 'Fermer le stand\u202f?' });
    await wait(31);
    expect(screen.queryByRole('alertdialog', { name: 'Fermer le stand\u202f?' })).not.toBeInTheDocument();
    expect(backend.calls.map((c) => c.cmd)).not.toContain('close_app');
  });

  it('a stand chosen on the welcome screen is the volunteer’s: its idle delay is set in Réglages, and stays', async () => {
    mockIPC(createBackend().handle);
    render(App);
    await userEvent.click(await screen.findByRole('button', { name: /Sur un stand/ }));
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
    await userEvent.click(screen.getByRole('button', { name: 'Visiteur suivant' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Oui, tout effacer' }));
    // The stand's start screen: the volunteer sets the delay before the first visitor.
    await userEvent.click(await screen.findByRole('button', { name: 'Réglages' }));
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Retour au début après' }), '300');
    await userEvent.click(screen.getByRole('button', { name: 'Retour' }));
    await userEvent.click(await screen.findByRole('button', { name: /Commencer/ }));
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
    await userEvent.click(screen.getByRole('button', { name: 'Visiteur suivant' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Oui, tout effacer' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Réglages' }));
    expect(await screen.findByRole('combobox', { name: 'Retour au début après' })).toHaveValue('300');
  });

  it('a stand launched as one keeps the idle delay of its launch: a visitor cannot change it', async () => {
    const { user } = await launchStand();
    await user.click(screen.getByRole('button', { name: 'Réglages' }));
    await screen.findByRole('radio', { name: 'Très grande' });
    expect(screen.queryByRole('combobox', { name: 'Retour au début après' })).not.toBeInTheDocument();
  });

  it('"Visiteur suivant" clears the screen at once; the next visit starts once the shell has forgotten', async () => {
    let forget: (() => void) | null = null;
    const { backend, user } = await launchStand(() => new Promise<null>((done) => (forget = () => done(null))));
    await user.click(screen.getByRole('button', { name: /Commencer/ }));
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
    await user.click(screen.getByRole('button', { name: 'Visiteur suivant' }));
    await user.click(await screen.findByRole('button', { name: 'Oui, tout effacer' }));
    // The shell is still stopping the last visit (a refresh, say): its screen is gone all the same.
    expect(await screen.findByRole('button', { name: /Commencer/ })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: 'Premiers pas' })).not.toBeInTheDocument();
    const starts = () => backend.calls.filter((c) => c.cmd === 'start_session').length;
    await user.click(screen.getByRole('button', { name: /Commencer/ }));
    expect(starts()).toBe(1);
    forget!();
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
    expect(starts()).toBe(2);
  });
});

describe('idle countdown', () => {
  function mount(idleSeconds = 60, quiet = false) {
    vi.useFakeTimers();
    const onexpire = vi.fn();
    render(IdleGuard, { idleSeconds, quiet, onexpire });
    const advance = (seconds: number) => {
      vi.advanceTimersByTime(seconds * 1000);
      flushSync();
    };
    return { onexpire, advance };
  }

  it('asks "Vous êtes toujours là ?" after the idle delay, with a 20-second countdown', () => {
    const { onexpire, advance } = mount(60);
    advance(59);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    advance(1);
    const dialog = screen.getByRole('alertdialog', { name: 'Vous êtes toujours là\u202f?' });
    expect(dialog).toHaveTextContent('20 s');
    expect(screen.getByRole('button', { name: 'Oui, je continue' })).toHaveFocus();
    advance(5);
    expect(dialog).toHaveTextContent('15 s');
    expect(onexpire).not.toHaveBeenCalled();
    advance(15);
    expect(onexpire).toHaveBeenCalledTimes(1);
    advance(30);
    expect(onexpire).toHaveBeenCalledTimes(1);
  });

  it('any input cancels the countdown and restarts the wait', () => {
    const { onexpire, advance } = mount(60);
    advance(70);
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    fireEvent.keyDown(window, { key: 'a' });
    flushSync();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    advance(59);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    fireEvent.pointerDown(window);
    advance(59);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    advance(1 + 20);
    expect(onexpire).toHaveBeenCalledTimes(1);
  });

  it('a quiet watch asks nothing and ends at the delay', () => {
    const { onexpire, advance } = mount(60, true);
    advance(59);
    expect(onexpire).not.toHaveBeenCalled();
    advance(1);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(onexpire).toHaveBeenCalledTimes(1);
  });

  it('follows the configured delay', () => {
    const { advance } = mount(180);
    advance(179);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    advance(1);
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
  });
});
