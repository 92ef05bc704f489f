// The discriminant: a second opinion fitted on the pack's own examples, which vouches for a risky move the hybrid
// score leaves just short of its bar, and for nothing else.
import { describe, expect, it } from 'vitest';
import { compileIntents, plainText, type VectorTable } from '../../../src/core/index.ts';
import { NO_MOVE_EXAMPLES } from '../../../src/core/scoring/intent-no-move.ts';
import {
  decide,
  RISKY_FLOOR,
  RISKY_LEAD,
  RISKY_NONE,
  SAFE_FLOOR,
  SAFE_LEAD,
  WEIGHT_CENTROID,
  WEIGHT_LEXICAL,
  WEIGHT_NEAREST,
} from '../../../src/core/scoring/intent-decide.ts';
import { discriminantLead, discriminantOf } from '../../../src/core/scoring/intent-discriminant.ts';
import type { CandidateScore } from '../../../src/core/scoring/intent-score.ts';
import { analyse } from '../../../src/core/scoring/intent-analyse.ts';
import { negationReverses } from '../../../src/core/scoring/intent-negation.ts';

const DIM = 8;
/** A deterministic spread around a centre: example k of a class moves along two axes. */
function around(centre: number, k: number): Float32Array {
  const v = new Float32Array(DIM);
  v[centre] = 1;
  v[(centre + 1 + (k % 3)) % DIM]! += 0.3 * Math.sin(k + 1);
  v[(centre + 4 + (k % 2)) % DIM]! += 0.25 * Math.cos(2 * k + 1);
  return v;
}
const texts = (id: string) => Array.from({ length: 6 }, (_, k) => `${id} example number ${k}`);
const model = compileIntents([
  { id: 'disclose', examples: texts('disclose') },
  { id: 'refuse', examples: texts('refuse') },
  { id: 'explain', examples: texts('explain') },
]);
function table(extra: Record<string, Float32Array> = {}): VectorTable {
  const map = new Map<string, Float32Array>();
  ['disclose', 'refuse', 'explain'].forEach((id, c) =>
    texts(id).forEach((t, k) => map.set(plainText(t), around(2 * c, k))),
  );
  NO_MOVE_EXAMPLES.forEach((t, k) => map.set(plainText(t), around(7, k)));
  for (const [t, v] of Object.entries(extra)) map.set(plainText(t), v);
  return { model: 'test', get: (plain) => map.get(plain) };
}
const near = (c: number) => around(c, 10);
const all = new Set(['disclose', 'refuse', 'explain']);

describe('the discriminant', () => {
  it('prefers the class an utterance lies in, over every other and over no move', () => {
    const t = table({ 'said one': near(0), 'said two': near(2), 'just talk': near(7) });
    const d = discriminantOf(model, t)!;
    expect(d.ids).toEqual(['disclose', 'refuse', 'explain', '']);
    expect(discriminantLead(d, t, 'said one', 'disclose', all)).toBeGreaterThan(0);
    expect(discriminantLead(d, t, 'said two', 'disclose', all)).toBeLessThan(0);
    expect(discriminantLead(d, t, 'said two', 'refuse', all)).toBeGreaterThan(0);
    expect(discriminantLead(d, t, 'just talk', 'disclose', all)).toBeLessThan(0);
  });

  it('compares only with the moves it is given, and always with no move', () => {
    const t = table({ between: new Float32Array([0.7, 0, 0.7, 0, 0, 0, 0, 0]) });
    const d = discriminantOf(model, t)!;
    const against = (among: string[]) => discriminantLead(d, t, 'between', 'disclose', new Set(among))!;
    expect(against(['disclose'])).toBeGreaterThan(against(['disclose', 'refuse']));
  });

  it('says nothing without a vector for the text or for an unknown move', () => {
    const t = table();
    const d = discriminantOf(model, t)!;
    expect(discriminantLead(d, t, 'never embedded', 'disclose', all)).toBeNull();
    expect(discriminantLead(d, t, texts('disclose')[0]!, 'no-such-move', all)).toBeNull();
  });

  it('is fitted once for the same vectors, and again when they change', () => {
    const t = table();
    const first = discriminantOf(model, t);
    expect(discriminantOf(model, { model: 'test', get: (p) => t.get(p) })).toBe(first);
    expect(discriminantOf(model, table())).not.toBe(first);
  });

  it('fits nothing where the examples cannot estimate a spread (one point a class)', () => {
    const one = compileIntents([
      { id: 'a', examples: ['only a'] },
      { id: 'b', examples: ['only b'] },
    ]);
    const t: VectorTable = {
      model: 'test',
      get: (p) => ({ 'only a': new Float32Array([1, 0]), 'only b': new Float32Array([0, 1]) })[p],
    };
    expect(discriminantOf(one, t)).toBeNull();
  });
});

/** A risky candidate whose hybrid score is `score`, made of equal parts (similarity well above the weak gate). */
function riskyAt(score: number, id = 'disclose'): CandidateScore {
  const part = score / (WEIGHT_NEAREST + WEIGHT_CENTROID + WEIGHT_LEXICAL);
  return {
    id,
    lexical: { id, score: part, words: ['arrears'], example: null },
    semantic: { nearest: part, example: 'the arrears are', centroid: part },
    candidate: true,
    asked: false,
  };
}
const risky = new Set(['disclose']);

describe('a move just short of its bar', () => {
  const short = (RISKY_FLOOR + RISKY_NONE) / 2;
  it('is read when the discriminant clearly picks it too', () => {
    expect(decide([riskyAt(short)], { risky, lead: () => RISKY_LEAD }).intent).toBe('disclose');
  });

  it('is not read on the hybrid score alone, nor with a lead short of RISKY_LEAD', () => {
    expect(decide([riskyAt(short)], { risky }).intent).toBeNull();
    expect(decide([riskyAt(short)], { risky, lead: () => RISKY_LEAD - 0.1 }).intent).toBeNull();
    expect(decide([riskyAt(short)], { risky, lead: () => null }).intent).toBeNull();
  });

  it('is not vouched for when the words negate the move ("I\'m not going to transfer you anywhere")', () => {
    const reverses = (id: string) => id === 'disclose';
    expect(decide([riskyAt(short)], { risky, lead: () => 100, reverses }).intent).toBeNull();
    expect(decide([riskyAt(short)], { risky, lead: () => 100, reverses: () => false }).intent).toBe(
      'disclose',
    );
  });

  it('is not read below RISKY_FLOOR, however clear the discriminant', () => {
    expect(decide([riskyAt(RISKY_FLOOR - 0.02)], { risky, lead: () => 100 }).intent).toBeNull();
  });

  it('asks more of a move with no consequences: SAFE_LEAD from SAFE_FLOOR', () => {
    const at = SAFE_FLOOR + 0.02;
    expect(decide([riskyAt(at)], { lead: () => SAFE_LEAD }).intent).toBe('disclose');
    expect(decide([riskyAt(at)], { lead: () => SAFE_LEAD - 0.1 }).intent).toBeNull();
    expect(decide([riskyAt(SAFE_FLOOR - 0.02)], { lead: () => 100 }).intent).toBeNull();
  });
});

describe('a risky move with a close rival', () => {
  const close = [riskyAt(0.8), riskyAt(0.78, 'refuse')];
  it('is too close to call on the hybrid score alone', () => {
    const d = decide(close, { risky });
    expect(d.intent).toBeNull();
    expect(d.unclear).toBe(true);
  });

  it('is read when the discriminant clearly picks it', () => {
    expect(
      decide(close, { risky, lead: (id) => (id === 'disclose' ? RISKY_LEAD : -RISKY_LEAD) }).intent,
    ).toBe('disclose');
  });
});

describe('a risky move short of its bar', () => {
  const safe = (score: number) => ({ ...riskyAt(score, 'explain'), lexical: { ...riskyAt(score).lexical } });
  it('gives way to the next move the state expects, when that one clears its own bar', () => {
    const d = decide([riskyAt(0.54), safe(0.53)], { risky });
    expect(d.intent).toBe('explain');
    expect(d.risky).toBe(false);
  });

  it('gives way to nothing below that bar, and to no other risky move', () => {
    expect(decide([riskyAt(0.54), safe(0.45)], { risky }).intent).toBeNull();
    const both = new Set(['disclose', 'refuse']);
    expect(decide([riskyAt(0.54), riskyAt(0.53, 'refuse')], { risky: both }).intent).toBeNull();
  });
});

describe('a negation that reverses a move', () => {
  const said = (id: string, examples: string[]) => ({ id, label: id, examples });
  const model = compileIntents([
    said('transfer-call', ["i'll transfer you to another team", 'let me put you through']),
    said('refuse-complaint', ["that's not a complaint", 'i can log it as a query']),
  ]);
  const intent = (id: string) => model.byId.get(id)!;
  it('negates what the move only ever says plainly', () => {
    expect(negationReverses(intent('transfer-call'), analyse("I'm not going to transfer you anywhere"))).toBe(
      true,
    );
    expect(negationReverses(intent('transfer-call'), analyse("I'll transfer you now"))).toBe(false);
  });

  it('does not reverse a move whose own examples say it negated', () => {
    expect(negationReverses(intent('refuse-complaint'), analyse("this isn't really a complaint"))).toBe(
      false,
    );
  });
});
