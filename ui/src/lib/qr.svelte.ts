// QR codes are drawn by the Rust side (qr_svg) as SVG text; each text is asked for once per run.
import { api } from './ipc';

class QrCache {
  svgs = $state<Record<string, string>>({});
  #pending = new Map<string, Promise<string>>();

  /** The SVG for `text`, once known (reactive); asks for it the first time. */
  get(text: string): string | undefined {
    const known = this.svgs[text];
    if (known === undefined) void this.load(text);
    return known;
  }

  load(text: string): Promise<string> {
    let pending = this.#pending.get(text);
    if (!pending) {
      pending = api.qrSvg(text).then((svg) => {
        this.svgs[text] = svg;
        return svg;
      });
      pending.catch(() => this.#pending.delete(text));
      this.#pending.set(text, pending);
    }
    return pending;
  }

  clear() {
    this.svgs = {};
    this.#pending.clear();
  }
}

export const qrCodes = new QrCache();
