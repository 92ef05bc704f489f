// The sentence encoder: the Universal Sentence Encoder lite (a TensorFlow.js graph model) on the
// WebAssembly backend, the same code in Node (CLI, tests, benchmarks) and in the browser's worker.
// Texts in, one 512-number vector per text out; the core only ever sees the vectors.
import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import '@tensorflow/tfjs-backend-wasm';
import { Tokenizer } from './tokenizer.ts';

export interface ModelFiles {
  /** model.json's `modelTopology` and its weight specs (all groups, in order). */
  modelTopology: object;
  weightSpecs: tf.io.WeightsManifestEntry[];
  /** Every weight shard, concatenated in the order of the manifest. */
  weightData: ArrayBuffer;
  vocabulary: readonly (readonly [string, number])[];
}

export interface SentenceEncoder {
  /** A name for the model and its weights, recorded with every decision made from its vectors. */
  readonly id: string;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Texts are embedded in batches of this many: the model's cost grows with the longest text in a batch. */
const BATCH = 16;
/** The length of the model's sentence vectors. */
const WIDTH = 512;

export async function createEncoder(files: ModelFiles, id: string): Promise<SentenceEncoder> {
  await tf.setBackend('wasm');
  await tf.ready();
  const model: GraphModel = await loadGraphModel(
    tf.io.fromMemory({
      modelTopology: files.modelTopology,
      weightSpecs: files.weightSpecs,
      weightData: files.weightData,
    }),
  );
  const tokenizer = new Tokenizer(files.vocabulary);
  const embedBatch = async (encodings: readonly number[][]): Promise<Float32Array[]> => {
    const indices: number[] = [];
    encodings.forEach((ids, row) => ids.forEach((_, col) => indices.push(row, col)));
    const indexTensor = tf.tensor2d(indices, [indices.length / 2, 2], 'int32');
    const values = tf.tensor1d(encodings.flat(), 'int32');
    const out = (await model.executeAsync({ indices: indexTensor, values })) as tf.Tensor;
    const flat = (await out.data()) as Float32Array;
    tf.dispose([indexTensor, values, out]);
    const width = flat.length / encodings.length;
    return encodings.map((_, i) => flat.slice(i * width, (i + 1) * width));
  };
  return {
    id,
    async embed(texts) {
      // A text with no words (empty, or only fillers once made plain) has no tokens, which the model
      // refuses; its vector is all zeros, which matches nothing (cosine 0).
      const encodings = texts.map((t) => tokenizer.encode(t));
      const worded = encodings.filter((ids) => ids.length > 0);
      const out: Float32Array[] = [];
      for (let i = 0; i < worded.length; i += BATCH)
        out.push(...(await embedBatch(worded.slice(i, i + BATCH))));
      let next = 0;
      return encodings.map((ids) => (ids.length > 0 ? out[next++]! : new Float32Array(WIDTH)));
    },
  };
}

/** Reads a model.json and its shards through `read` (a file system in Node, fetch in the browser). */
export async function readModelFiles(
  read: (name: string) => Promise<ArrayBuffer>,
  onProgress?: (done: number, total: number) => void,
): Promise<ModelFiles> {
  const decoder = new TextDecoder();
  const manifest = JSON.parse(decoder.decode(await read('model.json'))) as {
    modelTopology: object;
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  const paths = manifest.weightsManifest.flatMap((g) => g.paths);
  const total = paths.length + 1;
  let done = 0;
  const shards = await Promise.all(
    paths.map(async (p) => {
      const data = await read(p);
      onProgress?.(++done, total);
      return data;
    }),
  );
  const vocabulary = JSON.parse(decoder.decode(await read('vocab.json'))) as [string, number][];
  onProgress?.(++done, total);
  const size = shards.reduce((n, s) => n + s.byteLength, 0);
  const weightData = new Uint8Array(size);
  let at = 0;
  for (const s of shards) {
    weightData.set(new Uint8Array(s), at);
    at += s.byteLength;
  }
  return {
    modelTopology: manifest.modelTopology,
    weightSpecs: manifest.weightsManifest.flatMap((g) => g.weights),
    weightData: weightData.buffer,
    vocabulary,
  };
}
