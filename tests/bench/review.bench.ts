// Opening the review list with 10,000 and 50,000 stored attempts: the attempt store's reads on an
// in-memory IndexedDB, with the core's filter and sort, as the review screen does them.
// Targets (issue 14, README "Reviewing attempts"): the first page of 10,000 in under 300 ms, of 50,000
// in under 1 s. The time until every head is read, filtered and sorted (when filters and the other
// pages work) is reported beside it, and so is a filter answered through the heads' indexes before
// every head is read (a trainee; one scenario of one pack), as the screen answers one while the rest
// load. Opening reads heads only: nothing is re-scored or replayed. The same figures in Chromium come
// from the benchmark in tests/e2e/review.e2e.mjs.
import 'fake-indexeddb/auto';
import { bench, describe } from 'vitest';
import { openAttemptStore } from '../../src/adapters/storage/attempt-store.ts';
import type { AttemptStore } from '../../src/core/ports/index.ts';
import { headOf } from '../../src/core/review/attempt-head.ts';
import {
  filterAttempts,
  filterOptions,
  sortAttempts,
  type AttemptFilter,
} from '../../src/core/review/index.ts';
import { PAGE_SIZE } from '../../src/ui/state/review.svelte.ts';
import { reviewRecord } from '../e2e/review-record.mjs';

/** A store holding `n` attempts, written as the app writes them (record and head together). */
async function seeded(n: number): Promise<AttemptStore> {
  const name = `review-bench-${n}`;
  const store = await openAttemptStore({ name, storageManager: null, markStorage: null });
  const request = indexedDB.open(name);
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    request.onsuccess = () => ok(request.result);
    request.onerror = () => fail(request.error);
  });
  const tx = db.transaction(['attempts', 'heads'], 'readwrite');
  for (let i = 0; i < n; i++) {
    const r = reviewRecord(i);
    tx.objectStore('attempts').put(r);
    tx.objectStore('heads').put(headOf(r));
  }
  await new Promise((ok, fail) => {
    tx.oncomplete = ok;
    tx.onerror = () => fail(tx.error);
  });
  db.close();
  return store;
}

/** The table's first page as the review screen opens it: the newest heads, filtered and sorted. */
async function openFirstPage(store: AttemptStore, n: number): Promise<void> {
  const { heads, total } = await store.firstHeads(PAGE_SIZE);
  const rows = sortAttempts(filterAttempts(heads, {}), 'date', 'desc').slice(0, PAGE_SIZE);
  if (rows.length !== PAGE_SIZE || total !== n) throw new Error(`${rows.length} rows of ${total}`);
}

/** Every head read, as filters, sorting and the other pages need them. */
async function readEveryHead(store: AttemptStore, n: number): Promise<void> {
  const heads = await store.listHeads();
  const rows = sortAttempts(filterAttempts(heads, { trainee: 'Trainee 7' }), 'score', 'desc');
  filterOptions(heads);
  if (heads.length !== n || rows.length !== n / 40) throw new Error(`${heads.length} heads`);
}

/** A filter answered through an index, as the screen answers one before every head is read. */
async function filterThroughIndex(store: AttemptStore, n: number, filter: AttemptFilter): Promise<void> {
  const heads = await store.filterHeads!(filter);
  const rows = sortAttempts(heads ?? [], 'date', 'desc').slice(0, PAGE_SIZE);
  if (heads?.length !== n / 40 || rows.length !== PAGE_SIZE) throw new Error(`${heads?.length} heads`);
}

const stores = new Map<number, AttemptStore>();
async function seed(n: number): Promise<void> {
  if (!stores.has(n)) stores.set(n, await seeded(n));
}

for (const n of [10_000, 50_000]) {
  describe(`review list with ${n.toLocaleString('en-GB')} attempts`, () => {
    bench('open: the first page of rows read and sorted', () => openFirstPage(stores.get(n)!, n), {
      setup: () => seed(n),
      iterations: 10,
    });
    bench(
      'complete: every head read, filtered by trainee and sorted by score',
      () => readEveryHead(stores.get(n)!, n),
      {
        setup: () => seed(n),
        iterations: 5,
      },
    );
    bench(
      'filter: one trainee through the index, before every head is read',
      () => filterThroughIndex(stores.get(n)!, n, { trainee: 'Trainee 7' }),
      { setup: () => seed(n), iterations: 10 },
    );
    // Every eighth attempt is in scenario 3 of cms-core (reviewRecord), every fortieth is trainee 7's.
    bench(
      'filter: one scenario of one pack through the index, before every head is read',
      async () => {
        const heads = await stores.get(n)!.filterHeads!({
          scenario: { packId: 'cms-core', scenarioId: 'scenario-3' },
        });
        if (heads?.length !== n / 8) throw new Error(`${heads?.length} heads`);
      },
      { setup: () => seed(n), iterations: 10 },
    );
  });
}
