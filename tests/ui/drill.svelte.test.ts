import { describe, expect, it } from 'vitest';
import { DrillState } from '../../src/ui/state/drill.svelte.ts';
import { fadeWords } from '../../src/ui/state/fade-words.ts';
import { fakeLibrary } from './fake-library.ts';

describe('fadeWords', () => {
  it('shows every word, then hides some, then none', () => {
    const wording = 'I should tell you that this call may be recorded';
    expect(fadeWords(wording, 0)?.every((w) => !w.hidden)).toBe(true);
    const some = fadeWords(wording, 1) ?? [];
    expect(some.filter((w) => w.hidden).map((w) => w.text)).toEqual(['tell', 'that', 'call', 'recorded']);
    expect(fadeWords(wording, 2)).toBeNull();
  });
});

describe('DrillState', () => {
  it('fades the text after each good try and stays after a failed one', () => {
    const drill = new DrillState(fakeLibrary, 'call-recording-notice');
    drill.attempt('this call is recorded');
    expect(drill.stage).toBe(0);
    expect(drill.last?.result.verdict).toBe('fail');
    drill.attempt('this call may be recorded');
    expect(drill.stage).toBe(1);
    drill.attempt('this call may be recorded');
    drill.attempt('this call may be recorded');
    expect(drill.stage).toBe(2);
    expect(drill.tries).toHaveLength(4);
    drill.showMore();
    expect(drill.stage).toBe(1);
  });

  it('has no script for an unknown id', () => {
    expect(new DrillState(fakeLibrary, 'nope').script).toBeNull();
  });
});
