// The packs and statements shipped with the app. PLACEHOLDER until the scorer is in the core
// (src/core/scoring/verbatim.ts, intent.ts and src/core/scripts/script-library.ts): the real loader
// is src/adapters/builtin-packs.ts, which cannot be built before then. When the scorer lands:
//   1. make this file `export { loadBuiltinLibrary } from './builtin-packs.ts';`
//   2. UPDATE_CATALOGUE=1 npx vitest run tests/adapters/builtin-catalogue.test.ts
// and the browser tests that play calls stop being skipped.
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
