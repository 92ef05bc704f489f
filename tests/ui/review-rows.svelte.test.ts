// The review table pages past 200 rows (issue 14, item 9): 100 rows a page, every attempt reachable,
// a filter starting again at the first page; and a scenario filter keeps two packs apart.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openAttemptStore } from '../../src/adapters/storage/attempt-store.ts';
import type { AttemptStore } from '../../src/core/ports/index.ts';
import { PAGE_SIZE, ReviewRows } from '../../src/ui/state/review-rows.svelte.ts';
import { reviewRecord } from '../e2e/review-record.mjs';

const opened: AttemptStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));
let n = 0;

/** The rows as the screen has them once every head is read. */
class Rows extends ReviewRows {
  readAll = (store: AttemptStore) => this.readAllHeads(store);
}

async function rowsOf(count: number) {
  const store = await openAttemptStore({ name: `rows-${++n}`, markStorage: null, storageManager: null });
  opened.push(store);
  const records = Array.from({ length: count }, (_, i) =>
    i === 0
      ? { ...reviewRecord(i), packId: 'innocent-pack', scenarioId: 'scenario-1', scenarioTitle: 'Scenario 1' }
      : reviewRecord(i),
  );
  await store.importAttempts(records);
  const rows = new Rows(() => Promise.resolve(store));
  await rows.readAll(store);
  return rows;
}

describe('the review table', () => {
  it('shows 250 attempts on three pages of at most 100 rows, each attempt once', async () => {
    const rows = await rowsOf(250);
    expect(PAGE_SIZE).toBe(100);
    expect(rows.count).toBe(250);
    expect(rows.pages).toBe(3);
    const seen: string[] = [];
    for (let page = 0; page < rows.pages; page++) {
      rows.goToPage(page);
      expect(rows.pageRows.length).toBe(page < 2 ? 100 : 50);
      seen.push(...rows.pageRows.map((h) => h.id));
    }
    expect(new Set(seen).size).toBe(250);
    rows.goToPage(99);
    expect(rows.page).toBe(2);
    rows.setFilter({ trainee: 'Trainee 3' });
    expect(rows.page).toBe(0);
    expect(rows.count).toBe(7);
  });

  it('filters one pack’s scenario, not every pack’s scenario of that id', async () => {
    const rows = await rowsOf(40);
    rows.setFilter({ scenario: { packId: 'cms-core', scenarioId: 'scenario-1' } });
    expect(rows.visible.map((h) => h.packId)).toEqual(Array(5).fill('cms-core'));
    rows.setFilter({ scenario: { packId: 'innocent-pack', scenarioId: 'scenario-1' } });
    expect(rows.visible.map((h) => h.id)).toEqual(['bench-0']);
    const labels = rows.options.scenarios.filter((s) => s.scenarioId === 'scenario-1').map((s) => s.label);
    expect(labels).toEqual(['Scenario 1 (pack cms-core)', 'Scenario 1 (pack innocent-pack)']);
  });
});
