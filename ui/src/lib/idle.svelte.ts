// The stand's idle watch: after `idleSeconds` without any input, a countdown of COUNTDOWN_SECONDS asks
// "are you still there?"; any input cancels it; at zero the visit ends. One interval drives both phases,
// so fake timers in tests see exactly what a visitor sees. A watch without a countdown ends as soon as
// the delay is over (the stand's welcome screen, where there is nothing of the visitor's to keep).

export const COUNTDOWN_SECONDS = 20;

export class IdleWatch {
  /** Seconds since the last input. */
  idle = $state(0);
  /** Seconds left in the countdown, or null while the visitor is active. */
  remaining = $derived.by(() => {
    const delay = this.#idleSeconds();
    return this.idle >= delay ? Math.max(0, delay + this.#countdown() - this.idle) : null;
  });

  #timer: ReturnType<typeof setInterval> | null = null;
  #expired = false;
  #idleSeconds: () => number;
  #countdown: () => number;
  #onexpire: () => void;

  constructor(idleSeconds: () => number, onexpire: () => void, countdown: () => number = () => COUNTDOWN_SECONDS) {
    this.#idleSeconds = idleSeconds;
    this.#onexpire = onexpire;
    this.#countdown = countdown;
  }

  start() {
    this.stop();
    this.idle = 0;
    this.#expired = false;
    this.#timer = setInterval(() => this.#tick(), 1000);
  }

  stop() {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Any key, touch, click or wheel. */
  activity = () => {
    this.idle = 0;
    this.#expired = false;
  };

  #tick() {
    this.idle++;
    if (!this.#expired && this.remaining === 0) {
      this.#expired = true;
      this.#onexpire();
    }
  }
}
