// The packs and statements shipped with the app. PLACEHOLDER until the pack loader lands in core:
// it will read scripts-verbatim/*.json and scenarios/*.{yaml,json} with import.meta.glob and hand
// them to the core.
import type { PracticeLibrary } from '../ui/practice-library.ts';

export async function loadBuiltinLibrary(): Promise<PracticeLibrary> {
  return {
    scenarios: [],
    problems: ['The built-in scenario packs are not installed in this build yet.'],
    scripts: [],
    find: () => undefined,
    brief: () => ({ statements: [], moves: [], notes: [] }),
    persona: () => ({ name: 'Caller' }),
    run: () => {
      throw new Error('no packs installed');
    },
    drill: () => null,
  };
}
