// A QR code the Rust side could not draw: said in its place, never a blank square announced as a code,
// and asked for again the next time it is shown.
import { render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { qrSvg } from '../../mocks/fixtures';
import { qrCodes } from '../../lib/qr.svelte';
import QrCode from '../step/QrCode.svelte';

afterEach(() => {
  clearMocks();
  qrCodes.clear();
});

const URL = 'https://addons.mozilla.org/firefox/addon/ublock-origin/';

describe('a QR code', () => {
  it('that cannot be drawn says so in its place with its address, keeps what it opens under it, and is tried again when shown again', async () => {
    let asked = 0;
    mockIPC((cmd, args) => {
      if (cmd !== 'qr_svg') throw { code: 'ipc.unknown_command', message: cmd };
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
});
