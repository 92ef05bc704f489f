// A loaded library -> the practice port the screens use, and the start page's catalogue.
import { scoreStatement } from '../scoring/verbatim.ts';
import { seedOf } from '../packs/pin-digits.ts';
import type { LoadedPack } from '../packs/load-pack.ts';
import { scenarioKey, type PracticeLibrary, type ScenarioListing } from '../ports/practice-library.ts';
import { briefingOf, describeScenario, listScenarios } from '../session/describe-scenario.ts';
import { runCall } from '../session/run-call.ts';
import { plainText } from '../scoring/intent.ts';
import { KIND_WORDS, NO_MOVE_EXAMPLES } from '../scoring/intent-no-move.ts';
import type { LoadedLibrary } from './load-library.ts';

export function practiceLibrary(library: LoadedLibrary): PracticeLibrary {
  const { scripts, packs } = library;
  const problems = [...library.problems];
  // Keyed by pack id and scenario id: two packs may each have a scenario of the same id.
  const byScenario = new Map<string, { pack: LoadedPack; listing: ScenarioListing }>();
  for (const pack of packs) {
    for (const listing of listScenarios(pack)) {
      const key = scenarioKey(listing.packId, listing.id);
      if (byScenario.has(key))
        problems.push(`${pack.file}: pack ${listing.packId} is loaded twice; the first one is used.`);
      else byScenario.set(key, { pack, listing });
    }
  }
  const packOf = (scenario: ScenarioListing): LoadedPack => {
    const entry = byScenario.get(scenarioKey(scenario.packId, scenario.id));
    if (!entry) throw new Error(`no scenario "${scenario.id}" in pack ${scenario.packId}`);
    return entry.pack;
  };
  const find = (id: string, packId?: string): ScenarioListing | undefined => {
    if (packId !== undefined) return byScenario.get(scenarioKey(packId, id))?.listing;
    const all = [...byScenario.values()].filter((e) => e.listing.id === id);
    return all.length === 1 ? all[0]?.listing : undefined;
  };
  return {
    scenarios: [...byScenario.values()].map((e) => e.listing),
    problems,
    scripts: (scripts?.list() ?? []).map(({ id, title, wording }) => ({ id, title, wording })),
    find,
    brief: (scenario) => briefingOf(describeScenario(packOf(scenario), scenario.id)),
    persona: (scenario) => describeScenario(packOf(scenario), scenario.id).persona,
    run: (scenario, turns, mode, callId, vectors, decisions) =>
      runCall(packOf(scenario), scenario.id, turns, {
        mode,
        ...(callId ? { seed: seedOf(callId) } : {}),
        ...(vectors ? { vectors } : {}),
        ...(decisions ? { decisions } : {}),
      }),
    exampleTexts: (scenario) => packExampleTexts(packOf(scenario)),
    warm: (scenario, vectors) => packOf(scenario).scenarios.get(scenario.id)?.judge.warm(vectors),
    drill(scriptId, said) {
      const script = scripts?.get(scriptId);
      return script ? scoreStatement(script, said) : null;
    },
  };
}

/**
 * Every example of the pack's intents, the talk that makes no move and the kind words, in the form the encoder
 * reads: the app, the CLI and the tests embed this one list (a kind word with no vector is no rival at all).
 */
export function packExampleTexts(pack: LoadedPack): string[] {
  const all = [...[...pack.intents.values()].flatMap((i) => i.examples), ...NO_MOVE_EXAMPLES, ...KIND_WORDS];
  return [...new Set(all.map(plainText))].filter((t) => t !== '');
}
