// The stand: a start button per visitor, "Visiteur suivant" always there, the idle countdown, the take-home QR.
import { flushSync } from 'svelte';
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../../App.svelte';
import { createBackend } from '../../mocks/fixtures';
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

describe('stand journey', () => {
  it('launched for a stand, it waits for a visitor, then audits with big targets', async () => {
    const backend = await startStand();
    expect(backend.calls.find((c) => c.cmd === 'start_session')?.args).toEqual({ mode: 'stand', pack: null, audit: 'fr' });
    expect(document.documentElement.dataset.mode).toBe('stand');
    expect(document.querySelectorAll('[data-step]')).toHaveLength(6);
  });

  it('"Visiteur suivant" is always there, forgets the visit and goes back to the start', async () => {
    const backend = await startStand();
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByText('Firefox is installed on this computer.');
    await userEvent.click(document.querySelector<HTMLElement>('[data-step="firefox"] button')!);
    await userEvent.click(screen.getByRole('button', { name: 'Next visitor' }));
    expect(backend.calls.map((c) => c.cmd)).toContain('next_visitor');
    // The next visitor starts in the stand's language, on the start screen.
    expect(await screen.findByRole('button', { name: /Commencer/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
    expect(screen.queryByRole('button', { name: 'Visiteur suivant' })).not.toBeInTheDocument();
  });

  it('ends with a big take-home QR code of the to-do list', async () => {
    const backend = await startStand();
    // In the navigation bar and at the end of the path.
    const buttons = screen.getAllByRole('button', { name: /Emportez votre liste/ });
    expect(buttons).toHaveLength(2);
    await userEvent.click(buttons[1]);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Emportez votre liste');
    expect(await screen.findByRole('img', { name: 'Code QR de votre liste à emporter' })).toBeInTheDocument();
    expect(screen.getByText(/Des cartes qui ne vous suivent pas : https:\/\/www\.comaps\.app\//)).toBeInTheDocument();
    expect(backend.calls.find((c) => c.cmd === 'takeaway')?.args).toEqual({ lang: 'fr' });
  });
});

describe('idle countdown', () => {
  function mount(idleSeconds = 60) {
    vi.useFakeTimers();
    const onexpire = vi.fn();
    render(IdleGuard, { idleSeconds, onexpire });
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

  it('follows the configured delay', () => {
    const { advance } = mount(180);
    advance(179);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    advance(1);
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
  });
});
