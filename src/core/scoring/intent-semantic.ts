/**
 * Embed: the semantic stage reads sentence vectors through a lookup, never a model. Vectors come from an
 * adapter (a TensorFlow.js sentence encoder in Node or in a worker), computed before a call is replayed,
 * so every decision stays synchronous and deterministic. Per intent: the nearest example whose polarity
 * agrees with the utterance, and the intent's centroid.
 */
import { polarityAgrees } from './intent-lexical.ts';
import type { Analysed } from './intent-analyse.ts';
import type { CompiledIntent } from './intent-model.ts';

/** Vectors by plain text (see `plainText`), and the name of the model that made them. */
export interface VectorTable {
  readonly model: string;
  get(plain: string): Float32Array | undefined;
}

export interface SemanticScore {
  /** Cosine similarity to the nearest example whose polarity agrees. */
  nearest: number;
  example: string | null;
  /** Cosine similarity to the mean of the intent's example vectors. */
  centroid: number;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

export function semanticScore(
  intent: CompiledIntent,
  said: Analysed,
  vector: Float32Array,
  table: VectorTable,
): SemanticScore {
  let nearest = 0;
  let example: string | null = null;
  const sum = new Float32Array(vector.length);
  let counted = 0;
  for (const e of intent.examples) {
    const v = table.get(e.plain);
    if (v === undefined) continue;
    for (let i = 0; i < v.length; i++) sum[i]! += v[i]!;
    counted++;
    if (!polarityAgrees(e.analysed, said)) continue;
    const s = cosine(vector, v);
    if (s > nearest) {
      nearest = s;
      example = e.text;
    }
  }
  return { nearest, example, centroid: counted === 0 ? 0 : cosine(vector, sum) };
}
