import { beforeAll, describe, expect, it } from 'vitest';
import { load, MODEL_DIR } from '../../../src/adapters/understanding/node-encoder.ts';
import { UINT8_MODEL_ID } from '../../../src/adapters/understanding/quantise.ts';
import type { SentenceEncoder } from '../../../src/adapters/understanding/encoder.ts';
import { cosine } from '../../../src/core/scoring/intent-semantic.ts';

let encoder: SentenceEncoder;
beforeAll(async () => {
  encoder = await load(MODEL_DIR, UINT8_MODEL_ID, true);
});

describe('the sentence encoder', () => {
  it('gives a text with no words an all-zero vector that matches nothing, and embeds the rest in order', async () => {
    const [empty, stay, alsoEmpty, leave] = await encoder.embed([
      '',
      'please stay on the line with me',
      '',
      'i will end the call now',
    ]);
    expect([empty, stay, alsoEmpty, leave].map((v) => v!.length)).toEqual([512, 512, 512, 512]);
    expect([...empty!].every((x) => x === 0)).toBe(true);
    expect([...alsoEmpty!].every((x) => x === 0)).toBe(true);
    expect(cosine(empty!, stay!)).toBe(0);
    const [again] = await encoder.embed(['please stay on the line with me']);
    expect(cosine(stay!, again!)).toBeCloseTo(1, 5);
    expect(cosine(stay!, leave!)).toBeLessThan(0.9);
  });
});
