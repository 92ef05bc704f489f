// The hybrid matcher's cost in Node (goal: under 20 ms per utterance, embedding included) and the
// language model's load time. Utterances are the held-out set's, in turn, so no cache answers twice.
import { readFileSync } from 'node:fs';
import { beforeAll, bench, describe } from 'vitest';
import { load, MODEL_DIR } from '../../src/adapters/understanding/node-encoder.ts';
import type { SentenceEncoder } from '../../src/adapters/understanding/encoder.ts';
import { nodeVectors } from '../../src/adapters/understanding/node-vectors.ts';
import { packTexts } from '../../src/cli/understanding.ts';
import { compileIntents, matchIntent, plainText, type VectorTable } from '../../src/core/index.ts';
import { defaultPack } from '../core/packs/fixtures.ts';

const pack = defaultPack();
const model = compileIntents([...pack.intents.values()]);
const said = readFileSync('tests/fixtures/understanding/held-out.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { text: string }).text);

let encoder: SentenceEncoder;
let examples: VectorTable;
let next = 0;
const utterance = () => said[next++ % said.length]!;

beforeAll(async () => {
  encoder = await load(MODEL_DIR, 'use-lite-float32');
  examples = await nodeVectors([...packTexts(pack), ...said]);
}, 600_000);

describe('understanding', () => {
  bench(
    'load the language model (read 28 MB, start the wasm backend, build the graph)',
    async () => {
      await load(MODEL_DIR, 'use-lite-float32');
    },
    { iterations: 3, warmupIterations: 0, time: 0 },
  );

  bench(`decide one utterance among the pack's ${model.intents.length} intents (vectors ready)`, () => {
    matchIntent(model, utterance(), { vectors: examples });
  });

  bench('one utterance end to end: embed it, then decide (the goal: under 20 ms)', async () => {
    const text = utterance();
    const [vector] = await encoder.embed([plainText(text)]);
    const vectors: VectorTable = {
      model: examples.model,
      get: (plain) => (plain === plainText(text) ? vector : examples.get(plain)),
    };
    matchIntent(model, text, { vectors });
  });
});
