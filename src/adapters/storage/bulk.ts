// Reads and writes over many attempts at once: the review table's rows, import, deletion, and the
// browser's storage persistence. Each write is one transaction: all of it happens or none.
import type { IDBPDatabase } from 'idb';
import {
  endOfDay,
  filterAttempts,
  filterOptions,
  MAX_LISTED,
  planMerge,
  type AttemptFilter,
  type FilterOptions,
} from '../../core/review/index.ts';
import type { VerbatimDB } from './db-schema.ts';
import { headOf } from '../../core/review/attempt-head.ts';
import { ImportRefusedError } from './store-errors.ts';
import type {
  AttemptHead,
  AttemptQuery,
  AttemptRecord,
  ImportResult,
  PersistenceState,
} from '../../core/ports/index.ts';

type DB = IDBPDatabase<VerbatimDB>;

export const newestFirst = (a: { startedAt: string }, b: { startedAt: string }) =>
  a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0;

export async function listRecords(db: DB, query: AttemptQuery): Promise<AttemptRecord[]> {
  let records: AttemptRecord[];
  const { trainee, scenario } = query;
  if (trainee !== undefined && scenario !== undefined) {
    const key: [string, string, string] = [trainee, scenario.packId, scenario.scenarioId];
    records = await db.getAllFromIndex('attempts', 'byTraineePackScenario', key);
  } else if (trainee !== undefined) {
    records = await db.getAllFromIndex('attempts', 'byTrainee', trainee);
  } else if (scenario !== undefined) {
    const key: [string, string] = [scenario.packId, scenario.scenarioId];
    records = await db.getAllFromIndex('attempts', 'byPackScenario', key);
  } else {
    records = await db.getAll('attempts');
  }
  return records.filter((r) => query.status === undefined || r.status === query.status).sort(newestFirst);
}

/**
 * The newest heads, for the table's first page, without reading every head: a cursor on the date
 * index steps back `limit` entries (two requests, not one per row) to find the oldest date on the
 * page, then one read takes the heads from that date on. Ties on that date may add a few rows, cut off
 * after sorting.
 */
export async function firstHeads(db: DB, limit: number): Promise<{ heads: AttemptHead[]; total: number }> {
  const tx = db.transaction('heads');
  const index = tx.store.index('byStartedAt');
  const newest = await index.openKeyCursor(null, 'prev');
  const oldestOnPage = newest && limit > 1 ? await newest.advance(limit - 1) : newest;
  const [heads, total] = await Promise.all([
    index.getAll(oldestOnPage ? IDBKeyRange.lowerBound(oldestOnPage.key) : null),
    tx.store.count(),
  ]);
  return { heads: heads.sort(newestFirst).slice(0, limit), total };
}

/**
 * Heads read per request when every head is read. Chromium decodes a request's results in one task
 * on the page's thread: 50,000 heads in one request held the page for 2.6 s (profiled with a
 * 'longtask' observer, tests/e2e/review.e2e.mjs), about 50 µs a head, so 500 keep a task near 25 ms.
 */
const HEADS_PER_READ = 500;

/** Every head, newest first, read in requests of HEADS_PER_READ so the page is never held long. */
export async function allHeads(db: DB): Promise<AttemptHead[]> {
  const tx = db.transaction('heads');
  const heads: AttemptHead[] = [];
  let after: IDBKeyRange | null = null;
  for (;;) {
    const batch = await tx.store.getAll(after, HEADS_PER_READ);
    for (const h of batch) heads.push(h);
    if (batch.length < HEADS_PER_READ) break;
    after = IDBKeyRange.lowerBound(batch[batch.length - 1]!.id, true);
  }
  return heads.sort(newestFirst);
}

/**
 * The heads an indexed filter picks (trainee, scenario of a pack, ending, dates), read through the narrowest
 * index it names, then filtered exactly; null when the filter names nothing indexed.
 */
export async function filteredHeads(db: DB, f: AttemptFilter): Promise<AttemptHead[] | null> {
  const index = db.transaction('heads').store;
  let picked: AttemptHead[];
  if (f.trainee) picked = await index.index('byTrainee').getAll(f.trainee);
  else if (f.scenario)
    picked = await index.index('byPackScenario').getAll([f.scenario.packId, f.scenario.scenarioId]);
  else if (f.ending && f.ending !== 'none') picked = await index.index('byEnding').getAll(f.ending);
  else if (f.from || f.to) {
    const to = f.to ? endOfDay(f.to) : undefined;
    const range =
      f.from && to
        ? f.from <= to
          ? IDBKeyRange.bound(f.from, to)
          : null
        : f.from
          ? IDBKeyRange.lowerBound(f.from)
          : IDBKeyRange.upperBound(to!);
    picked = range ? await index.index('byStartedAt').getAll(range) : [];
  } else return null;
  return filterAttempts(picked, f).sort(newestFirst);
}

/**
 * The filters' choices (trainees, scenarios, endings) from the heads' indexes, one step per distinct
 * value: the lists are complete before every head has been read.
 */
export async function headChoices(db: DB): Promise<FilterOptions> {
  const store = db.transaction('heads').store;
  const distinct = async <K extends 'byTrainee' | 'byPackScenario' | 'byEnding'>(name: K) => {
    const found: AttemptHead[] = [];
    for (let c = await store.index(name).openCursor(null, 'nextunique'); c; c = await c.continue())
      found.push(c.value);
    return found;
  };
  const [trainees, scenarios, endings] = await Promise.all([
    distinct('byTrainee'),
    distinct('byPackScenario'),
    distinct('byEnding'),
  ]);
  return filterOptions([...trainees, ...scenarios, ...endings]);
}

/**
 * Records read or written per batch inside one transaction. A batch's requests are issued, then
 * awaited, so the page can draw and take input between batches: issuing all 16,000 writes of an
 * 8,000-attempt import at once held the page for 2.6 s (profiled in Chromium); batches of 100 still
 * made tasks of 100-280 ms on a busy machine (each put copies its record on the page's thread), so
 * 25 records keep a batch within the slice the import keeps to (src/ui/state/review-import.ts).
 */
const BATCH = 25;

async function inBatches<T, R>(items: readonly T[], each: (item: T) => Promise<R>[]): Promise<R[]> {
  const out: R[] = [];
  // A request IndexedDB refuses at once (a record without its key) throws rather than rejects: it
  // becomes a rejection here, so that the batch's other requests, which the abort then rejects, are
  // still awaited together instead of left unhandled.
  const settle = (item: T): Promise<R>[] => {
    try {
      return each(item);
    } catch (e) {
      return [Promise.reject(e as Error)];
    }
  };
  for (let i = 0; i < items.length; i += BATCH)
    out.push(...(await Promise.all(items.slice(i, i + BATCH).flatMap(settle))));
  return out;
}

export async function importRecords(db: DB, records: AttemptRecord[]): Promise<ImportResult> {
  // One transaction reads what is here and writes the merge: all or nothing, and no other
  // tab can write between the read and the writes.
  const tx = db.transaction(['attempts', 'heads'], 'readwrite');
  const store = tx.objectStore('attempts');
  // Only the attempts already here are read whole; the others are known absent from the keys.
  const here = new Set(await store.getAllKeys());
  const ids = [...new Set(records.map((r) => r.id))].filter((id) => here.has(id));
  const existing = (await inBatches(ids, (id) => [store.get(id)])).filter(
    (r): r is AttemptRecord => r !== undefined,
  );
  const plan = planMerge(existing, records);
  try {
    // The same cap as the file's own checks (MAX_LISTED, README "What an import checks": the first 50).
    if (plan.problems.length) throw new ImportRefusedError(plan.problems.slice(0, MAX_LISTED));
    await inBatches(plan.writes as AttemptRecord[], (r) => [
      store.put(r),
      tx.objectStore('heads').put(headOf(r)),
    ]);
    await tx.done;
  } catch (e) {
    tx.done.catch(() => undefined); // the abort below rejects it: already reported as `e`
    try {
      tx.abort();
    } catch {
      // already aborted by the failed request
    }
    throw e;
  }
  return { added: plan.added, updated: plan.updated, unchanged: plan.unchanged };
}

export async function clearRecords(db: DB): Promise<void> {
  const tx = db.transaction(['attempts', 'heads'], 'readwrite');
  await Promise.all([tx.objectStore('attempts').clear(), tx.objectStore('heads').clear(), tx.done]);
}

export async function deleteTraineeRecords(db: DB, trainee: string): Promise<number> {
  const tx = db.transaction(['attempts', 'heads'], 'readwrite');
  const ids = await tx.objectStore('attempts').index('byTrainee').getAllKeys(trainee);
  await Promise.all([
    ...ids.flatMap((id) => [tx.objectStore('attempts').delete(id), tx.objectStore('heads').delete(id)]),
    tx.done,
  ]);
  return ids.length;
}

type Manager = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'> | null | undefined;
const managerOf = (m: Manager) => (m === undefined ? globalThis.navigator?.storage : m);

export async function requestPersistence(manager: Manager): Promise<PersistenceState> {
  const storage = managerOf(manager);
  if (!storage?.persist) return 'unsupported';
  try {
    if (storage.persisted && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}

export async function estimateStorage(manager: Manager): Promise<{ usage: number; quota: number } | null> {
  const storage = managerOf(manager);
  if (!storage?.estimate) return null;
  const e = await storage.estimate();
  return { usage: e.usage ?? 0, quota: e.quota ?? 0 };
}
