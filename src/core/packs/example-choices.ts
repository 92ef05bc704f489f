// What QA chooses from when a misunderstood answer becomes an example: the moves the call could have
// meant in the state it was in (what the matcher chose among there), and whether the words are already
// an example of some move.
import type { LoadedPack } from './load-pack.ts';

export interface MoveChoice {
  id: string;
  label: string;
}

/**
 * The moves expected in `stateId` of the scenario, with their labels; every move of the pack when the
 * scenario or state is not in this version of the pack (or the mark did not say which state).
 */
export function movesFor(pack: LoadedPack, scenarioId: string, stateId?: string): MoveChoice[] {
  const inState = stateId ? pack.scenarios.get(scenarioId)?.stateIntents.get(stateId) : undefined;
  const ids = inState?.length ? inState : [...pack.intents.keys()];
  return ids.map((id) => ({ id, label: pack.intents.get(id)?.label ?? id }));
}

const plain = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** The move these words are already an example of, or null. */
export function exampleOf(pack: LoadedPack, words: string): string | null {
  const target = plain(words);
  for (const intent of pack.intents.values())
    if (intent.examples.some((e) => plain(e) === target)) return intent.id;
  return null;
}
