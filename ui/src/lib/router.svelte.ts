// A tiny router: the screen is state, and "back" returns to where the person came from. No URLs: the
// webview never navigates.

export type Screen =
  | { name: 'welcome' }
  | { name: 'packs' }
  | { name: 'audit' }
  | { name: 'overview' }
  | { name: 'step'; id: string }
  | { name: 'chatons' }
  | { name: 'summary' }
  | { name: 'takeaway' }
  | { name: 'presentation'; index: number }
  | { name: 'transparency' }
  | { name: 'privacy' }
  | { name: 'settings' };

export type ScreenName = Screen['name'];
/** Screens reached without a parameter, as the navigation bar offers them. */
export type PlaceName = Exclude<ScreenName, 'step' | 'presentation'>;

export class Router {
  screen = $state<Screen>({ name: 'welcome' });
  #history: Screen[] = [];

  go(next: Screen) {
    this.#history.push(this.screen);
    this.screen = next;
  }

  /** Replaces the screen without a way back to it (the audit screen, a slide change). */
  replace(next: Screen) {
    this.screen = next;
  }

  back(fallback: Screen = { name: 'welcome' }) {
    let prev = this.#history.pop();
    while (prev && prev.name === 'audit') prev = this.#history.pop();
    this.screen = prev ?? fallback;
  }

  /** Forgets the way back (a new visitor, a new journey). */
  restart(start: Screen) {
    this.#history = [];
    this.screen = start;
  }
}
