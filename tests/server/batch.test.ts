import { describe, expect, it } from 'vitest';
import { MAX_BATCH, batcher } from '../../src/server/db/batch.ts';

describe('batcher', () => {
  it('sends what arrives together as one batch, and answers each caller with its own result', async () => {
    const batches: number[][] = [];
    const double = batcher(async (items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 2);
    });
    const results = await Promise.all([1, 2, 3].map(double));
    expect(results).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('queues what arrives while a batch is with the database for the next one', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const echo = batcher(async (items: string[]) => {
      batches.push(items);
      if (batches.length === 1) await held;
      return items;
    });
    const first = echo('a');
    await new Promise((r) => setImmediate(r));
    const later = [echo('b'), echo('c')];
    release();
    expect(await Promise.all([first, ...later])).toEqual(['a', 'b', 'c']);
    expect(batches).toEqual([['a'], ['b', 'c']]);
  });

  it(`splits more than ${MAX_BATCH} waiting items into batches of at most ${MAX_BATCH}`, async () => {
    const sizes: number[] = [];
    const same = batcher(async (items: number[]) => {
      sizes.push(items.length);
      return items;
    });
    const all = Array.from({ length: MAX_BATCH * 2 + 1 }, (_, i) => i);
    expect(await Promise.all(all.map(same))).toEqual(all);
    expect(sizes).toEqual([MAX_BATCH, MAX_BATCH, 1]);
  });

  it('tries each item of a failed batch alone, so only the item that fails by itself fails', async () => {
    const batches: number[][] = [];
    const picky = batcher(async (items: number[]) => {
      batches.push(items);
      if (items.includes(13)) throw new Error('13 is refused');
      return items;
    });
    const answers = [12, 13, 14].map((n) => picky(n).catch((e: Error) => e.message));
    expect(await Promise.all(answers)).toEqual([12, '13 is refused', 14]);
    expect(batches).toEqual([[12, 13, 14], [12], [13], [14]]);
    expect(await picky(15)).toBe(15);
  });
});
