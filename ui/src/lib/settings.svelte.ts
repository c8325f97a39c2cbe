// Display settings for this run: text size, page zoom, contrast and the stand's idle delay. Text size and
// contrast are applied as custom properties and attributes on <html>, so every rule follows one value; the
// zoom is the web view's own (the shell's `set_zoom`), which enlarges everything, up to three times.
// Nothing is saved: a stand must forget them, and at home the system's own settings come first.

export type TextSize = 'normal' | 'large' | 'larger';
export const TEXT_SIZES: TextSize[] = ['normal', 'large', 'larger'];
const SCALE: Record<TextSize, number> = { normal: 1, large: 1.2, larger: 1.45 };

/** The page's zoom steps, as browsers offer them: Ctrl + and Ctrl − go one step, Ctrl 0 back to 100 %. */
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];

/** What a key asks of the zoom: Ctrl (⌘ on a Mac, and only there: elsewhere that key and + are the
 *  system's magnifier) with + or = , − , or 0, on the main keys or the keypad (the key's place for 0,
 *  whatever the layout: on a French keyboard it is "à"). */
export function zoomKey(event: KeyboardEvent, mac: boolean): 'in' | 'out' | 'reset' | null {
  if (!(mac ? event.metaKey : event.ctrlKey) || event.altKey) return null;
  if (event.key === '+' || event.key === '=' || event.code === 'NumpadAdd') return 'in';
  if (event.key === '-' || event.code === 'NumpadSubtract') return 'out';
  if (event.key === '0' || event.code === 'Digit0' || event.code === 'Numpad0') return 'reset';
  return null;
}

export const IDLE_CHOICES = [60, 120, 180, 300];
export const DEFAULT_IDLE_SECONDS = 120;

export class Settings {
  textSize = $state<TextSize>('normal');
  highContrast = $state(false);
  zoom = $state(1);
  idleSeconds = $state(DEFAULT_IDLE_SECONDS);

  /** One zoom step up or down, within the steps; back to 100 %. */
  zoomIn() {
    this.zoom = ZOOM_STEPS.find((z) => z > this.zoom + 0.001) ?? this.zoom;
  }
  zoomOut() {
    this.zoom = [...ZOOM_STEPS].reverse().find((z) => z < this.zoom - 0.001) ?? this.zoom;
  }
  zoomReset() {
    this.zoom = 1;
  }

  /** Writes the settings to the document (CSSOM, allowed by the content security policy). */
  apply(root: HTMLElement) {
    root.style.setProperty('--text-scale', String(SCALE[this.textSize]));
    root.dataset.textSize = this.textSize;
    if (this.highContrast) root.dataset.contrast = 'high';
    else delete root.dataset.contrast;
  }

  /** Back to the defaults, for the next stand visitor. */
  resetDisplay() {
    this.textSize = 'normal';
    this.highContrast = false;
    this.zoom = 1;
  }
}
