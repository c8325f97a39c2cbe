// Display settings for this run: text size, contrast and the stand's idle delay. They are applied as
// custom properties and attributes on <html>, so every rule follows one value. Nothing is saved: a stand
// must forget them, and at home the system's own settings come first.

export type TextSize = 'normal' | 'large' | 'larger';
export const TEXT_SIZES: TextSize[] = ['normal', 'large', 'larger'];
const SCALE: Record<TextSize, number> = { normal: 1, large: 1.2, larger: 1.45 };

export const IDLE_CHOICES = [60, 120, 180, 300];
export const DEFAULT_IDLE_SECONDS = 120;

export class Settings {
  textSize = $state<TextSize>('normal');
  highContrast = $state(false);
  idleSeconds = $state(DEFAULT_IDLE_SECONDS);

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
  }
}
