// The hybrid matcher's cost in Node (goal: under 20 ms per utterance, embedding included) and the
// language model's load time. Utterances are the labelled sets', in turn, so no cache answers twice: the
// goal is measured as the app spends it, a scenario's judge deciding among its state's moves and rivals.
// 8-bit weights (src/adapters/understanding/quantise.ts), used by the app and the CLI, measured against the
// published float32 ones (`eval --float32`) at matcher version 3:
// 7.0 MB of weights instead of 27.9 MB (5.2 MB gzipped, was 25.9), vectors at cosine 0.997 of the float32
// ones (worst 0.992 over 1,794 texts), and the same result on every labelled set: 112 of 112 calls, the same
// 9 utterances missed of 260. The last bench below gives the float32 cost per utterance, to compare.
import { readFileSync } from 'node:fs';
import { beforeAll, bench, describe } from 'vitest';
import { FLOAT32_MODEL_ID, load, MODEL_DIR } from '../../src/adapters/understanding/node-encoder.ts';
import { UINT8_MODEL_ID } from '../../src/adapters/understanding/quantise.ts';
import type { SentenceEncoder } from '../../src/adapters/understanding/encoder.ts';
import { nodeVectors } from '../../src/adapters/understanding/node-vectors.ts';
import { discriminantOf, fitDiscriminant } from '../../src/core/scoring/intent-discriminant.ts';
import { packTexts } from '../../src/cli/understanding.ts';
import { defaultUtterances } from '../../src/cli/eval.ts';
import {
  compileIntents,
  embeddingTexts,
  matchIntent,
  plainText,
  type VectorTable,
} from '../../src/core/index.ts';
import { defaultPack, shippedPacks } from '../core/packs/fixtures.ts';

const pack = defaultPack();
const model = compileIntents([...pack.intents.values()]);
const said = readFileSync('tests/fixtures/understanding/held-out.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { text: string }).text);
const judges = new Map(shippedPacks().flatMap((p) => [...p.scenarios].map(([id, s]) => [id, s.judge])));
/** Every labelled utterance with its scenario and state (over a thousand: the judges' memo never answers). */
const inState = defaultUtterances().flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { scenario: string; state: string; text: string }),
);
let nextInState = 0;

let encoder: SentenceEncoder;
let encoderFloat32: SentenceEncoder;
let examples: VectorTable;
let next = 0;
const utterance = () => said[next++ % said.length]!;

beforeAll(async () => {
  encoder = await load(MODEL_DIR, UINT8_MODEL_ID, true);
  encoderFloat32 = await load(MODEL_DIR, FLOAT32_MODEL_ID);
  examples = await nodeVectors([...shippedPacks().flatMap(packTexts), ...said]);
  // A text already embedded keeps its vector, as in the app (a new vector for an example would refit the discriminant).
  // As the app does while the briefing is read (the fit has its own bench below).
  for (const judge of judges.values()) judge.warm(examples);
  fitDiscriminant(model, examples);
  discriminantOf(model, examples);
}, 600_000);

describe('understanding', () => {
  bench(
    'load the language model (read 28 MB, quantise to 8 bits, start the wasm backend, build the graph)',
    async () => {
      await load(MODEL_DIR, UINT8_MODEL_ID, true);
    },
    { iterations: 3, warmupIterations: 0, time: 0 },
  );

  bench(
    `fit the discriminant on cms-core's examples (once per pack and vectors, while the briefing is read)`,
    () => {
      fitDiscriminant(model, examples);
    },
    { iterations: 5, warmupIterations: 1, time: 0 },
  );

  bench(`decide one utterance among the pack's ${model.intents.length} intents (vectors ready)`, () => {
    matchIntent(model, utterance(), { vectors: examples });
  });

  bench(
    "one utterance end to end in its state: embed it and its clauses, then the scenario's judge decides (the goal: under 20 ms)",
    async () => {
      const row = inState[nextInState++ % inState.length]!;
      const texts = embeddingTexts(row.text);
      const made = await encoder.embed(texts);
      const own = new Map(texts.map((t, i) => [t, made[i]!]));
      const vectors: VectorTable = {
        model: examples.model,
        get: (plain) => examples.get(plain) ?? own.get(plain),
      };
      const judge = judges.get(row.scenario)!;
      judge.understanding(vectors, () => judge.intentAt(row.state, row.text));
    },
  );

  bench(
    `one utterance end to end among all ${model.intents.length} intents of cms-core: embed it and its clauses, then decide`,
    async () => {
      const text = utterance();
      const texts = embeddingTexts(text);
      const made = await encoder.embed(texts);
      const own = new Map(texts.map((t, i) => [t, made[i]!]));
      const vectors: VectorTable = {
        model: examples.model,
        get: (plain) => examples.get(plain) ?? own.get(plain),
      };
      matchIntent(model, text, { vectors });
    },
  );

  bench('embed one utterance with the published float32 weights', async () => {
    await encoderFloat32.embed([plainText(utterance())]);
  });
});
