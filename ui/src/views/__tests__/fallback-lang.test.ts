// A pack text missing in the language shown falls back to another (English, then French): the element
// showing it carries that language, so that a screen reader reads it with the right voice.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import type { Pack } from '../../bindings/Pack';
import type { SessionStart } from '../../bindings/SessionStart';
import type { Text } from '../../bindings/Text';
import { i18n } from '../../lib/i18n.svelte';
import { createBackend, pack } from '../../mocks/fixtures';
import Presentation from '../workshop/Presentation.svelte';

afterEach(() => clearMocks());

const frOnly = (text: Text): Text => ({ fr: text.fr });

/** The pack with its Firefox step written in French only. */
function untranslated(original: Pack): Pack {
  const copy = structuredClone(original);
  const step = copy.steps.find((s) => s.id === 'firefox')!;
  step.title = frOnly(step.title);
  step.why = frOnly(step.why);
  for (const key of Object.keys(step.how) as (keyof typeof step.how)[]) if (step.how[key]) step.how[key] = frOnly(step.how[key]);
  step.links = step.links.map((l) => ({ ...l, label: frOnly(l.label) }));
  step.qr = step.qr.map((q) => ({ ...q, label: frOnly(q.label) }));
  return copy;
}

describe('a pack text shown in another language than the page', () => {
  it('is marked as French on the overview and the step page, and only it', async () => {
    const backend = createBackend({ config: { lang: 'en' } });
    mockIPC((cmd, args) => {
      const answer = backend.handle(cmd, args);
      if (cmd !== 'start_session') return answer;
      const start = answer as SessionStart;
      return { ...start, pack: untranslated(start.pack) };
    });
    render(App);
    await userEvent.click(await screen.findByRole('button', { name: /At home/ }));
    await screen.findByRole('heading', { level: 1, name: 'First steps' });
    const item = (id: string) => document.querySelector<HTMLElement>(`[data-step="${id}"]`)!;
    expect(item('firefox').querySelector('.title')).toHaveAttribute('lang', 'fr');
    expect(item('ublock-origin').querySelector('.title')).not.toHaveAttribute('lang');

    await userEvent.click(within(item('firefox')).getByRole('button'));
    const title = await screen.findByRole('heading', { level: 1 });
    expect(title).toHaveTextContent('Un navigateur qui travaille pour vous');
    expect(title).toHaveAttribute('lang', 'fr');
    expect(document.querySelector('.lead')).toHaveAttribute('lang', 'fr');
    const computer = document.querySelector('[data-how="computer"]')!;
    expect(computer.querySelector('h3')).not.toHaveAttribute('lang');
    expect(computer.querySelector('ol, p')).toHaveAttribute('lang', 'fr');
    expect(screen.getByRole('img', { name: 'Firefox pour Android' })).toHaveAttribute('lang', 'fr');
    expect(screen.getByText('Télécharger Firefox')).toHaveAttribute('lang', 'fr');
    // The page's own words stay the page's.
    expect(screen.getByRole('heading', { name: 'Why' })).not.toHaveAttribute('lang');

    // In French, nothing is in another language.
    await userEvent.click(screen.getByRole('button', { name: 'Français' }));
    await screen.findByRole('heading', { name: 'Pourquoi' });
    expect(document.querySelectorAll('main [lang]')).toHaveLength(0);
  });

  it('is marked on a slide too', () => {
    i18n.set('en');
    render(Presentation, { pack: untranslated(pack('atelier-navigateur')), index: 0, onmove: () => {}, onleave: () => {} });
    const title = screen.getByRole('heading', { level: 1 });
    expect(title).toHaveTextContent('Installer Firefox');
    expect(title).toHaveAttribute('lang', 'fr');
    expect(document.querySelector('.why')).toHaveAttribute('lang', 'fr');
    expect(document.querySelector('[data-how="default"] ol, [data-how="default"] p')).toHaveAttribute('lang', 'fr');
    expect(document.querySelector('.count')).not.toHaveAttribute('lang');
  });

  it('is marked in the workshop presenter bar too', async () => {
    const backend = createBackend({ config: { mode: 'workshop', lang: 'en' } });
    mockIPC((cmd, args) => {
      const answer = backend.handle(cmd, args);
      if (cmd !== 'start_session') return answer;
      const start = answer as SessionStart;
      return { ...start, pack: { ...start.pack, title: frOnly(start.pack.title) } };
    });
    render(App);
    await userEvent.click(await screen.findByRole('button', { name: /Atelier navigateur|Browser workshop/ }));
    const bar = await screen.findByRole('region', { name: /presenter|Presenter/ });
    expect(within(bar).getByText('Atelier navigateur')).toHaveAttribute('lang', 'fr');
  });
});
