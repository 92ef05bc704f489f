import { describe, expect, it } from 'vitest';
import { SilenceTimer, type TimerClock } from '../../src/ui/state/silence-timer.svelte.ts';

function fakeClock() {
  let t = 0;
  let tick: (() => void) | null = null;
  const clock: TimerClock = {
    now: () => t,
    every: (_ms, fn) => {
      tick = fn;
      return () => (tick = null);
    },
  };
  const advance = (seconds: number) => {
    for (let i = 0; i < seconds * 4; i += 1) {
      t += 250;
      tick?.();
    }
  };
  return { clock, advance };
}

/** A timer on a fake clock, switched on or off, with the silences it reported. */
function timerWith(enabled: boolean, fake = fakeClock()) {
  const expired: number[] = [];
  const timer = new SilenceTimer(
    (s) => expired.push(s),
    () => enabled,
    fake.clock,
  );
  return { timer, expired, advance: fake.advance };
}

describe('SilenceTimer', () => {
  it('calls the caller back when the patience runs out, once', () => {
    const { timer, expired, advance } = timerWith(true);
    timer.start(5);
    advance(4);
    expect(timer.remaining).toBe(1);
    advance(2);
    expect(expired).toEqual([5]);
    expect(timer.running).toBe(false);
  });

  it('does not count while paused (WCAG 2.2.1)', () => {
    const { timer, expired, advance } = timerWith(true);
    timer.start(3);
    timer.togglePause();
    advance(10);
    expect(expired).toEqual([]);
    timer.togglePause();
    advance(4);
    expect(expired).toEqual([3]);
  });

  it('never fires when dead air is switched off, nor once the trainee starts answering', () => {
    const { timer: off, expired, advance } = timerWith(false);
    off.start(2);
    advance(5);
    const { timer: answering, expired: heard, advance: wait } = timerWith(true);
    answering.start(2);
    wait(1);
    answering.activity();
    wait(5);
    expect(expired).toEqual([]);
    expect(heard).toEqual([]);
    expect(answering.silenceBefore()).toBe(1);
  });
});
