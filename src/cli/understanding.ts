// The CLI's sentence vectors: the pack's examples and a call's turns, embedded before the replay so that
// `play`, `eval` and the app decide from the same vectors. `--lexical` skips them (words alone).
import {
  packExampleTexts,
  turnTexts,
  type LoadedPack,
  type TraineeTurn,
  type VectorTable,
} from '../core/index.ts';
import { nodeVectors } from '../adapters/understanding/node-vectors.ts';

export function packTexts(pack: LoadedPack): string[] {
  return packExampleTexts(pack);
}

export { turnTexts };

export function callVectors(pack: LoadedPack, turns: readonly TraineeTurn[]): Promise<VectorTable> {
  return nodeVectors([...packTexts(pack), ...turnTexts(turns)]);
}

/** The matcher a replay used, in the words `eval` and `play` print: the hybrid one and its model, or words alone. */
export function matcherName(vectors: VectorTable | undefined): string {
  return vectors ? `hybrid (${vectors.model})` : 'lexical (words alone)';
}
