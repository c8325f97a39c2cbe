// A QR code the Rust side could not draw: said in its place, never a blank square announced as a code,
// and asked for again the next time it is shown.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { commandNotFound, qrSvg } from '../../mocks/fixtures';
import { qrCodes } from '../../lib/qr.svelte';
import QrCode from '../step/QrCode.svelte';
import QrCodes from '../step/QrCodes.svelte';
import type { QrTarget } from '../../bindings/QrTarget';

afterEach(() => {
  clearMocks();
  qrCodes.clear();
});

const URL = 'https://addons.mozilla.org/firefox/addon/ublock-origin/';

describe('a QR code', () => {
  it('that cannot be drawn says so in its place with its address, keeps what it opens under it, and is tried again when shown again', async () => {
    let asked = 0;
    mockIPC((cmd, args) => {
      if (cmd !== 'qr_svg') throw commandNotFound(cmd);
      asked++;
      if (asked === 1) throw { code: 'qr.too_long', message: 'data too long' };
      return qrSvg((args as { text: string }).text);
    });
    const first = render(QrCode, { text: URL, label: 'uBlock Origin pour Firefox', sublabel: 'addons.mozilla.org' });
    expect(await screen.findByText('Le code QR n’a pas pu être dessiné.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByText('addons.mozilla.org')).toBeInTheDocument();
    // Its address written out in its place, to type.
    expect(screen.getByText('addons.mozilla.org/firefox/addon/ublock-origin')).toBeInTheDocument();
    expect(asked).toBe(1);
    first.unmount();

    render(QrCode, { text: URL, label: 'uBlock Origin pour Firefox' });
    await waitFor(() => expect(screen.getByRole('img', { name: 'uBlock Origin pour Firefox' }).querySelector('svg')).not.toBeNull());
    expect(screen.queryByText('Le code QR n’a pas pu être dessiné.')).not.toBeInTheDocument();
    expect(asked).toBe(2);
  });

  it('is drawn once for all the places that show it', async () => {
    let asked = 0;
    mockIPC((_cmd, args) => (asked++, qrSvg((args as { text: string }).text)));
    render(QrCode, { text: URL, label: 'Un' });
    render(QrCode, { text: URL, label: 'Deux' });
    await waitFor(() => expect(screen.getByRole('img', { name: 'Deux' }).querySelector('svg')).not.toBeNull());
    expect(screen.getByRole('img', { name: 'Un' }).querySelector('svg')).not.toBeNull();
    expect(asked).toBe(1);
  });

  it('with codes for several apps shows the first app’s, the others on request, and always a web page’s', async () => {
    mockIPC((_cmd, args) => qrSvg((args as { text: string }).text));
    const code = (app: string | null, store: 'play' | 'app-store' | null, url: string): QrTarget => {
      const name = `${app ?? 'Page'} ${store ?? ''}`.trim();
      return { label: { fr: name, en: name }, url, ...(app ? { app } : {}), ...(store ? { store } : {}) };
    };
    render(QrCodes, {
      targets: [
        code('firefox', 'play', 'https://play.google.com/store/apps/details?id=org.mozilla.firefox'),
        code('firefox', 'app-store', 'https://apps.apple.com/app/id989804926'),
        code('fennec', 'play', 'https://play.google.com/store/apps/details?id=org.mozilla.fennec_fdroid'),
        code(null, null, 'https://ublockorigin.com/'),
      ],
    });
    const names = () => screen.getAllByRole('img').map((e) => e.getAttribute('aria-label'));
    await waitFor(() => expect(names()).toEqual(['firefox play', 'firefox app-store', 'Page']));
    await userEvent.click(screen.getByRole('button', { name: /autres applications \(1\u00a0code\)/ }));
    expect(names()).toEqual(['firefox play', 'firefox app-store', 'fennec play', 'Page']);
    // On an iPhone, one app has codes: nothing to hide, nothing to offer.
    await userEvent.click(screen.getByRole('button', { name: 'Une seule application' }));
    await userEvent.click(screen.getByRole('button', { name: 'iPhone' }));
    expect(names()).toEqual(['firefox app-store', 'Page']);
    expect(screen.queryByRole('button', { name: /autres applications/ })).not.toBeInTheDocument();
  });
});
