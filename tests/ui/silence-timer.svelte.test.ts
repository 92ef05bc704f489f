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

describe('SilenceTimer', () => {
  it('calls the caller back when the patience runs out, once', () => {
    const { clock, advance } = fakeClock();
    const expired: number[] = [];
    const timer = new SilenceTimer(
      (s) => expired.push(s),
      () => true,
      clock,
    );
    timer.start(5);
    advance(4);
    expect(timer.remaining).toBe(1);
    advance(2);
    expect(expired).toEqual([5]);
    expect(timer.running).toBe(false);
  });

  it('does not count while paused (WCAG 2.2.1)', () => {
    const { clock, advance } = fakeClock();
    const expired: number[] = [];
    const timer = new SilenceTimer(
      (s) => expired.push(s),
      () => true,
      clock,
    );
    timer.start(3);
    timer.togglePause();
    advance(10);
    expect(expired).toEqual([]);
    timer.togglePause();
    advance(4);
    expect(expired).toEqual([3]);
  });

  it('never fires when dead air is switched off, nor once the trainee starts answering', () => {
    const { clock, advance } = fakeClock();
    const expired: number[] = [];
    const off = new SilenceTimer(
      (s) => expired.push(s),
      () => false,
      clock,
    );
    off.start(2);
    advance(5);
    const answering = new SilenceTimer(
      (s) => expired.push(s),
      () => true,
      clock,
    );
    answering.start(2);
    advance(1);
    answering.activity();
    advance(5);
    expect(expired).toEqual([]);
    expect(answering.silenceBefore()).toBe(1);
  });
});
