// Filters answered through the heads' indexes before every head is read: the same rows, newest
// first, as filtering every head in memory; the filters' choices complete from the indexes; every
// head read in many small requests; and changed heads put in place without a sort of them all.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openAttemptStore } from '../../../src/adapters/storage/attempt-store.ts';
import type { AttemptRecord, AttemptStore } from '../../../src/core/ports/index.ts';
import { headOf, newestFirstMerge } from '../../../src/core/review/attempt-head.ts';
import { filterAttempts, filterOptions, type AttemptFilter } from '../../../src/core/review/index.ts';

const opened: AttemptStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));
let n = 0;

function record(i: number): AttemptRecord {
  const finished = i % 5 !== 0;
  return {
    id: `a-${String(i).padStart(4, '0')}`,
    trainee: `Trainee ${i % 7}`,
    packId: i % 4 === 0 ? 'innocent-pack' : 'cms-core',
    packVersion: '1.0.0',
    scenarioId: `scenario-${i % 3}`,
    scenarioTitle: `Scenario ${i % 3}`,
    mode: 'practice',
    startedAt: `2026-02-${String((i % 28) + 1).padStart(2, '0')}T09:${String(i % 60).padStart(2, '0')}:00.000Z`,
    updatedAt: '2026-03-01T00:00:00.000Z',
    status: finished ? 'completed' : 'in-progress',
    turns: [],
    summary: finished
      ? {
          ending: {
            id: i % 2 ? 'handled-well' : 'disclosed',
            title: i % 2 ? 'Handled well' : 'Disclosed',
            outcome: 'pass',
          },
          score: i % 101,
          passed: true,
          criticalErrors: [],
          statements: [],
          moves: [],
        }
      : null,
    notes: [],
    disputes: [],
  };
}

async function seeded(count: number): Promise<{ store: AttemptStore; records: AttemptRecord[] }> {
  const store = await openAttemptStore({ name: `heads-${++n}`, markStorage: null, storageManager: null });
  opened.push(store);
  const records = Array.from({ length: count }, (_, i) => record(i));
  await store.importAttempts(records);
  return { store, records };
}

function expectNewestFirst(heads: readonly { startedAt: string }[]): void {
  for (let i = 1; i < heads.length; i++) expect(heads[i - 1]!.startedAt >= heads[i]!.startedAt).toBe(true);
}

describe('filters through the heads indexes', () => {
  it('give the rows filtering every head gives, newest first', async () => {
    const { store, records } = await seeded(1200);
    const everyHead = await store.listHeads();
    expect(everyHead).toHaveLength(1200);
    expectNewestFirst(everyHead);
    const filters: AttemptFilter[] = [
      { trainee: 'Trainee 3' },
      { scenario: { packId: 'cms-core', scenarioId: 'scenario-1' } },
      { scenario: { packId: 'innocent-pack', scenarioId: 'scenario-1' } },
      { ending: 'disclosed' },
      { from: '2026-02-10', to: '2026-02-12' },
      { from: '2026-02-27' },
      { to: '2026-02-01' },
      { from: '2026-02-12', to: '2026-02-10' },
      {
        trainee: 'Trainee 3',
        scenario: { packId: 'cms-core', scenarioId: 'scenario-2' },
        ending: 'handled-well',
        from: '2026-02-05',
      },
    ];
    for (const f of filters) {
      const indexed = await store.filterHeads!(f);
      const expected = filterAttempts(records.map(headOf), f);
      expect(indexed?.map((h) => h.id).sort(), JSON.stringify(f)).toEqual(expected.map((h) => h.id).sort());
      expectNewestFirst(indexed!);
    }
    expect(await store.filterHeads!({ ending: 'none' })).toBeNull();
    expect(await store.filterHeads!({})).toBeNull();
  });

  it('list every trainee, scenario and ending from the indexes', async () => {
    const { store, records } = await seeded(60);
    expect(await store.filterChoices!()).toEqual(filterOptions(records.map(headOf)));
  });

  it('put changed heads in place as a sort would', () => {
    const heads = Array.from({ length: 50 }, (_, i) => headOf(record(i))).sort((a, b) =>
      a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0,
    );
    const changed = [headOf({ ...record(7), trainee: 'Changed' }), headOf({ ...record(900), id: 'new-1' })];
    const merged = newestFirstMerge(heads, changed);
    expect(merged).toHaveLength(51);
    expect(merged.filter((h) => h.trainee === 'Changed').map((h) => h.id)).toEqual(['a-0007']);
    expectNewestFirst(merged);
  });
});
