// The attempts table's rows: the heads read for it, its filter, sort and page. Opening reads the
// first page, then every head in small requests; until every head is read, a filter is answered
// through the store's indexes (filterHeads) and the filters' choices come from them too, so filtering
// 50,000 attempts never waits for the whole read.
import type { AttemptHead, AttemptStore } from '../../core/ports/index.ts';
import {
  filterAttempts,
  filterOptions,
  sortAttempts,
  type AttemptFilter,
  type FilterOptions,
  type SortDir,
  type SortKey,
} from '../../core/review/index.ts';
import { newestFirstMerge } from '../../core/review/attempt-head.ts';

/** Rows per page of the attempts table: a page draws in one frame even on a slow machine. */
export const PAGE_SIZE = 100;

const sameFilter = (a: AttemptFilter, b: AttemptFilter) => JSON.stringify(a) === JSON.stringify(b);

export class ReviewRows {
  /** The table's rows: heads only, so 10,000 attempts open quickly. */
  heads = $state.raw<AttemptHead[]>([]);
  /** While only the first page is read: how many attempts there are in all. */
  total = $state<number | null>(null);
  // Raw: a filter is replaced whole, and a proxy read per row made filtering 50,000 rows slow.
  filter = $state.raw<AttemptFilter>({});
  sortKey = $state<SortKey>('date');
  sortDir = $state<SortDir>('desc');
  page = $state(0);
  /** A filter's rows read through the store's indexes while not every head is read yet. */
  queried = $state.raw<{ filter: AttemptFilter; heads: AttemptHead[] } | null>(null);
  /** The filters' choices from the store's indexes, while not every head is read yet. */
  choices = $state.raw<FilterOptions | null>(null);

  /** True while the rows shown are a filter's complete answer or every head. */
  complete = $derived(
    this.total === null ||
      (Object.keys(this.filter).length > 0 &&
        this.queried !== null &&
        sameFilter(this.queried.filter, this.filter)),
  );
  visible = $derived(
    sortAttempts(
      this.total !== null && this.complete ? this.queried!.heads : filterAttempts(this.heads, this.filter),
      this.sortKey,
      this.sortDir,
    ),
  );
  /** How many attempts the table holds, with the filter: every attempt's count until all are read. */
  count = $derived(
    this.total !== null && !Object.keys(this.filter).length ? this.total : this.visible.length,
  );
  pages = $derived(Math.max(1, Math.ceil(this.count / PAGE_SIZE)));
  pageRows = $derived(this.visible.slice(this.page * PAGE_SIZE, (this.page + 1) * PAGE_SIZE));
  options = $derived(this.total !== null && this.choices ? this.choices : filterOptions(this.heads));

  #store: () => Promise<AttemptStore>;
  /** Bumped whenever what is stored changes under a read of every head, so that read is dropped. */
  #generation = 0;

  constructor(store: () => Promise<AttemptStore>) {
    this.#store = store;
  }

  /** The first page and how many there are in all; then the filters' choices. */
  protected async readFirstPage(store: AttemptStore, limit: number): Promise<void> {
    const first = await store.firstHeads(limit);
    this.heads = first.heads;
    this.total = first.total;
    if (store.filterChoices) void store.filterChoices().then((c) => (this.choices = c));
  }

  /** Reads every head (again); a read overtaken by a change is dropped for the newer one. */
  protected async readAllHeads(store: AttemptStore): Promise<void> {
    const generation = ++this.#generation;
    const heads = await store.listHeads();
    if (generation !== this.#generation) return;
    this.heads = heads;
    this.total = null;
    this.queried = null;
    this.choices = null;
  }

  /** Puts changed heads in place without reading every head again (or reads again mid-read). */
  protected async headsChanged(store: AttemptStore, changed: AttemptHead[], removed?: string): Promise<void> {
    if (this.total !== null) return this.readAllHeads(store);
    const kept = removed === undefined ? this.heads : this.heads.filter((h) => h.trainee !== removed);
    this.heads = newestFirstMerge(kept, changed);
  }

  sortBy(key: SortKey): void {
    if (this.sortKey === key) this.sortDir = this.sortDir === 'asc' ? 'desc' : 'asc';
    else {
      this.sortKey = key;
      this.sortDir = key === 'date' || key === 'score' ? 'desc' : 'asc';
    }
  }

  goToPage(page: number): void {
    this.page = Math.min(Math.max(0, page), this.pages - 1);
  }

  setFilter(patch: Partial<AttemptFilter>): void {
    this.page = 0;
    const next = { ...this.filter, ...patch };
    for (const k of Object.keys(next) as (keyof AttemptFilter)[]) if (!next[k]) delete next[k];
    this.filter = next;
    if (this.total !== null && Object.keys(next).length) void this.#query(next);
  }

  async #query(filter: AttemptFilter): Promise<void> {
    const store = await this.#store();
    const heads = (await store.filterHeads?.(filter)) ?? null;
    if (heads && this.total !== null && sameFilter(filter, this.filter)) this.queried = { filter, heads };
  }
}
