// QR codes are drawn by the Rust side (qr_svg) as SVG text; each text is asked for once per run. A drawing
// that failed is not kept: the code says so where it is shown, and is asked for again the next time it is
// shown (a step opened again, another phone chosen).
import { api } from './ipc';

class QrCache {
  svgs = $state<Record<string, string>>({});
  /** Texts whose last drawing failed (and none has succeeded since). */
  failed = $state<Record<string, true>>({});
  #pending = new Map<string, Promise<string>>();

  /** The SVG for `text`: the one known, the one on its way, or a new request (after a failure too). */
  load(text: string): Promise<string> {
    let pending = this.#pending.get(text);
    if (!pending) {
      pending = api.qrSvg(text).then(
        (svg) => {
          this.svgs[text] = svg;
          delete this.failed[text];
          return svg;
        },
        (err: unknown) => {
          this.#pending.delete(text);
          this.failed[text] = true;
          throw err;
        },
      );
      this.#pending.set(text, pending);
    }
    return pending;
  }

  clear() {
    this.svgs = {};
    this.failed = {};
    this.#pending.clear();
  }
}

export const qrCodes = new QrCache();
