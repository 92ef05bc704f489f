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
