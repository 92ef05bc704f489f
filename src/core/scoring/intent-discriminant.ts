/**
 * A second opinion, trained on the pack: a linear discriminant over sentence vectors (shrinkage LDA, one
 * covariance shared by every intent and by talk that makes no move). Cosine similarity treats every direction of
 * the encoder's space alike; the discriminant learns, from the pack's own examples, which directions tell its
 * moves apart. It is fitted once per pack and vector table (a few hundred milliseconds for 1,400 examples),
 * deterministically, with no randomness and no iteration to converge.
 *
 * The decision uses it only for a move the hybrid score leaves just short of its bar (intent-decide.ts): when the
 * discriminant also picks that move, clearly, among every move of the scenario and no move at all, the move is
 * read. Measured on every labelled set (matcher version 9): risky moves said in passing or in plain words ("the
 * arrears figure is eighteen hundred", "you're the joke mate") scored 0.45-0.55 and were lost; among them the
 * discriminant's lead separated the real moves from talk ("hang on did he say something") by a wide gap.
 */
import { plainText } from './intent-analyse.ts';
import type { IntentModel } from './intent-model.ts';
import type { VectorTable } from './intent-semantic.ts';

/** The class of talk that makes no move (the model's no-move examples). */
export const NO_MOVE_CLASS = '';
/**
 * How far the shared covariance is pulled towards a sphere (0: none, 1: plain nearest centroid). 1,400 examples
 * in 512 dimensions estimate a covariance poorly; a grid of 0.1, 0.3 and 0.6 on ranking the right move among its
 * state's candidates (every labelled set) gave 97.4%, 97.4% and 96.9%, against 96.8% for the hybrid score.
 */
export const SHRINKAGE = 0.3;

export interface Discriminant {
  /** Intent ids, and NO_MOVE_CLASS, in the order of `weights`. */
  ids: string[];
  /** One row per class: the discriminant's weights, then its bias. */
  weights: Float64Array[];
  bias: Float64Array;
}

type Fit = { vectors: (Float32Array | undefined)[]; result: Discriminant | null };
const fitted = new WeakMap<IntentModel, Fit>();

/** The discriminant for this pack's intents and vectors, fitted on first use and kept while the vectors are the same. */
export function discriminantOf(model: IntentModel, table: VectorTable): Discriminant | null {
  // The same table object was checked before for this model: its vectors are the ones fitted (most calls).
  const checked = seen.get(table)?.get(model);
  if (checked !== undefined && fitted.get(model)?.result === checked) return checked;
  const result = checkedFit(model, table);
  const byModel = seen.get(table) ?? new WeakMap<IntentModel, Discriminant | null>();
  byModel.set(model, result);
  seen.set(table, byModel);
  return result;
}

/** Per vector table object, per model: the discriminant its vectors were last checked against. */
const seen = new WeakMap<VectorTable, WeakMap<IntentModel, Discriminant | null>>();

function checkedFit(model: IntentModel, table: VectorTable): Discriminant | null {
  const plains = [...model.intents.flatMap((i) => i.examples), ...model.noMove].map((e) => e.plain);
  const vectors = plains.map((p) => table.get(p));
  const known = fitted.get(model);
  if (known && known.vectors.length === vectors.length && known.vectors.every((v, i) => v === vectors[i]))
    return known.result;
  const result = fitDiscriminant(model, table);
  fitted.set(model, { vectors, result });
  return result;
}

/** The discriminant fitted afresh (discriminantOf keeps it): one class per intent with vectors, and no move. */
export function fitDiscriminant(model: IntentModel, table: VectorTable): Discriminant | null {
  const classes: [string, string[]][] = [
    ...model.intents.map((i): [string, string[]] => [i.def.id, i.examples.map((e) => e.plain)]),
    [NO_MOVE_CLASS, model.noMove.map((e) => e.plain)],
  ];
  const samples = classes.map(([id, plains]) => ({
    id,
    rows: plains.flatMap((p) => {
      const v = table.get(p);
      return v === undefined ? [] : [unit(v)];
    }),
  }));
  return fit(samples.filter((s) => s.rows.length > 0));
}

/**
 * How far the discriminant prefers `id` over every other class among `among` and no move: its score minus the best
 * other's (negative when another wins). Null without a vector for the text or a fitted discriminant.
 */
export function discriminantLead(
  d: Discriminant,
  table: VectorTable,
  text: string,
  id: string,
  among: ReadonlySet<string>,
): number | null {
  const v = table.get(plainText(text));
  const own = d.ids.indexOf(id);
  if (v === undefined || own < 0) return null;
  const x = unit(v);
  const score = (k: number) => dot(d.weights[k]!, x) + d.bias[k]!;
  const mine = score(own);
  let other = -Infinity;
  d.ids.forEach((c, k) => {
    if (k !== own && (c === NO_MOVE_CLASS || among.has(c))) other = Math.max(other, score(k));
  });
  return mine - other;
}

function fit(samples: { id: string; rows: Float64Array[] }[]): Discriminant | null {
  const dim = samples[0]?.rows[0]?.length ?? 0;
  const total = samples.reduce((n, s) => n + s.rows.length, 0);
  if (dim === 0 || samples.length < 2) return null;
  const means = samples.map((s) => mean(s.rows, dim));
  const cov = pooledCovariance(samples, means, dim, total);
  const chol = cholesky(cov, dim);
  if (chol === null) return null;
  const weights = means.map((m) => solve(chol, m, dim));
  const bias = new Float64Array(means.map((m, k) => -0.5 * dot(weights[k]!, m)));
  return { ids: samples.map((s) => s.id), weights, bias };
}

function unit(v: Float32Array): Float64Array {
  const out = Float64Array.from(v);
  const n = Math.sqrt(dot(out, out));
  if (n > 0) for (let i = 0; i < out.length; i++) out[i]! /= n;
  return out;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function mean(rows: readonly Float64Array[], dim: number): Float64Array {
  const m = new Float64Array(dim);
  for (const r of rows) for (let i = 0; i < dim; i++) m[i]! += r[i]!;
  for (let i = 0; i < dim; i++) m[i]! /= rows.length;
  return m;
}

/** The covariance around each class's own mean, pooled, then shrunk towards its average variance (SHRINKAGE). */
function pooledCovariance(
  samples: readonly { rows: Float64Array[] }[],
  means: readonly Float64Array[],
  dim: number,
  total: number,
): Float64Array {
  const cov = new Float64Array(dim * dim);
  const centred = new Float64Array(dim);
  samples.forEach((s, k) => {
    for (const r of s.rows) {
      for (let i = 0; i < dim; i++) centred[i] = r[i]! - means[k]![i]!;
      // Lower triangle only; mirrored below.
      for (let i = 0; i < dim; i++) {
        const ci = centred[i]!;
        const row = i * dim;
        for (let j = 0; j <= i; j++) cov[row + j]! += ci * centred[j]!;
      }
    }
  });
  let trace = 0;
  for (let i = 0; i < dim; i++) trace += cov[i * dim + i]! / total;
  const sphere = (SHRINKAGE * trace) / dim;
  for (let i = 0; i < dim; i++)
    for (let j = 0; j <= i; j++) {
      const v = ((1 - SHRINKAGE) * cov[i * dim + j]!) / total + (i === j ? sphere : 0);
      cov[i * dim + j] = v;
      cov[j * dim + i] = v;
    }
  return cov;
}

/** The lower-triangular L with L Lᵀ = a, or null when a is not positive definite. */
function cholesky(a: Float64Array, dim: number): Float64Array | null {
  const l = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * dim + j]!;
      for (let k = 0; k < j; k++) s -= l[i * dim + k]! * l[j * dim + k]!;
      if (i === j) {
        if (s <= 0) return null;
        l[i * dim + i] = Math.sqrt(s);
      } else l[i * dim + j] = s / l[j * dim + j]!;
    }
  }
  return l;
}

/** x with L Lᵀ x = b (forward, then back substitution). */
function solve(l: Float64Array, b: Float64Array, dim: number): Float64Array {
  const y = new Float64Array(dim);
  for (let i = 0; i < dim; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * dim + k]! * y[k]!;
    y[i] = s / l[i * dim + i]!;
  }
  const x = new Float64Array(dim);
  for (let i = dim - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < dim; k++) s -= l[k * dim + i]! * x[k]!;
    x[i] = s / l[i * dim + i]!;
  }
  return x;
}
