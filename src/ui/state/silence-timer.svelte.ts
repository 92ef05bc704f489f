// Dead air: how long the trainee has been silent since the caller finished. When the scenario's
// patience runs out the caller reacts. The count can be paused or switched off (WCAG 2.2.1), and
// any sign of an answer (typing, words being heard) starts it again.

export interface TimerClock {
  now: () => number;
  every: (ms: number, tick: () => void) => () => void;
}

/** How often the count is updated: four times a second keeps the seconds shown within a quarter second. */
const TICK_MS = 250;
/** Silence is recorded with the turn to a tenth of a second, the precision the replay's clock uses. */
const recorded = (seconds: number): number => Math.round(seconds * 10) / 10;

const browserClock: TimerClock = {
  now: () => performance.now(),
  every: (ms, tick) => {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
};

export class SilenceTimer {
  /** Seconds the caller waits, or null when this state has no limit. */
  limit = $state<number | null>(null);
  /** Seconds of silence so far. */
  elapsed = $state(0);
  paused = $state(false);
  running = $state(false);
  /** The trainee has begun an answer (typing, words heard): the caller waits, the count stops. */
  answering = $state(false);
  remaining = $derived(this.limit === null ? null : Math.max(0, Math.ceil(this.limit - this.elapsed)));
  /** Silence before the trainee first began to answer (sent with the turn). */
  #silenceBeforeAnswer: number | null = null;
  #stopTicking: (() => void) | null = null;
  #last = 0;
  #clock: TimerClock;
  #onExpire: (seconds: number) => void;
  #enabled: () => boolean;

  constructor(
    onExpire: (seconds: number) => void,
    enabled: () => boolean = () => true,
    clock: TimerClock = browserClock,
  ) {
    this.#onExpire = onExpire;
    this.#enabled = enabled;
    this.#clock = clock;
  }

  start(limit: number | null): void {
    this.stop();
    this.limit = limit;
    this.elapsed = 0;
    this.#silenceBeforeAnswer = null;
    this.answering = false;
    this.running = true;
    this.#last = this.#clock.now();
    this.#stopTicking = this.#clock.every(TICK_MS, () => this.tick());
  }

  tick(): void {
    const now = this.#clock.now();
    const dt = (now - this.#last) / 1000;
    this.#last = now;
    if (!this.running || this.paused) return;
    this.elapsed += dt;
    if (
      this.limit !== null &&
      this.#enabled() &&
      this.#silenceBeforeAnswer === null &&
      this.elapsed >= this.limit
    ) {
      const seconds = this.limit;
      this.stop();
      this.#onExpire(seconds);
    }
  }

  /** The trainee has started to answer: the caller waits for them. */
  activity(): void {
    if (!this.running) return;
    this.#silenceBeforeAnswer ??= recorded(this.elapsed);
    this.answering = true;
  }

  /** Seconds of silence to record with the turn being sent. */
  silenceBefore(): number {
    return this.#silenceBeforeAnswer ?? recorded(this.elapsed);
  }

  togglePause(): void {
    this.paused = !this.paused;
    this.#last = this.#clock.now();
  }

  stop(): void {
    this.running = false;
    this.#stopTicking?.();
    this.#stopTicking = null;
  }
}
