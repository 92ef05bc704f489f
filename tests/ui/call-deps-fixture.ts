// What a call session needs, as the tests give it: the fake library, a fixed clock, a silent voice.
// Each test passes its store and overrides only what it looks at.
import type { CallDeps } from '../../src/ui/state/call-session.svelte.ts';
import { fakeLibrary } from './fake-library.ts';

/** The language model did not load: words alone decide. */
export const wordsOnly: CallDeps['understanding'] = {
  matcher: 'words only',
  vectorsFor: () => Promise.resolve(undefined),
};

export const CALL_STARTS = new Date('2026-01-01T10:00:00Z');

export function callDeps(over: Partial<CallDeps> & Pick<CallDeps, 'store'>): CallDeps {
  return {
    library: fakeLibrary,
    trainee: () => 'Sam',
    now: () => CALL_STARTS,
    speak: async () => {},
    cancelSpeech: () => {},
    startSilence: () => {},
    stopSilence: () => {},
    understanding: wordsOnly,
    ...over,
  };
}
