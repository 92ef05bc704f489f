// The attempts table's rows: the heads read for it, its filter, sort and page. Opening reads the
// first page, then every head in small requests; until every head is read, a filter is answered
// through the store's indexes (filterHeads) and the filters' choices come from them too, so filtering
// 50,000 attempts never waits for the whole read. A store that pages the table itself (a coach's
// view of the team, from the server's database) is asked for each page instead: `heads` is that page.
import type { AttemptHead, AttemptStore, ReviewPages } from '../../core/ports/index.ts';
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
import { messageOf } from '../../core/message-of.ts';

/** Rows per page of the attempts table: a page draws in one frame even on a slow machine. */
export const PAGE_SIZE = 100;

const sameFilter = (a: AttemptFilter, b: AttemptFilter) => JSON.stringify(a) === JSON.stringify(b);
const noOptions: FilterOptions = { trainees: [], scenarios: [], endings: [] };

/** The page a store that pages itself answered: for which query, and how many match in all. */
interface Served {
  key: string;
  total: number;
}

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

  /** Set when the store answers each page itself: `heads` is then the page it answered. */
  paged = $state.raw<ReviewPages | null>(null);
  served = $state.raw<Served | null>(null);
  /** Every attempt the store holds, without a filter (paged stores). */
  everything = $state<number | null>(null);
  /** Why the last page could not be read, in plain words. */
  pageError = $state<string | null>(null);
  #pageKey = $derived(
    JSON.stringify([this.filter, this.sortKey, this.sortDir, this.page * PAGE_SIZE, PAGE_SIZE]),
  );

  /** True while the rows shown are a filter's complete answer or every head. */
  complete = $derived(
    this.paged
      ? this.served?.key === this.#pageKey
      : this.total === null ||
          (Object.keys(this.filter).length > 0 &&
            this.queried !== null &&
            sameFilter(this.queried.filter, this.filter)),
  );
  visible = $derived(
    this.paged
      ? this.heads
      : sortAttempts(
          this.total !== null && this.complete
            ? this.queried!.heads
            : filterAttempts(this.heads, this.filter),
          this.sortKey,
          this.sortDir,
        ),
  );
  /** How many attempts the table holds, with the filter: every attempt's count until all are read. */
  count = $derived(
    this.paged
      ? (this.served?.total ?? 0)
      : this.total !== null && !Object.keys(this.filter).length
        ? this.total
        : this.visible.length,
  );
  pages = $derived(Math.max(1, Math.ceil(this.count / PAGE_SIZE)));
  pageRows = $derived(
    this.paged ? this.heads : this.visible.slice(this.page * PAGE_SIZE, (this.page + 1) * PAGE_SIZE),
  );
  options = $derived(
    this.paged
      ? (this.choices ?? noOptions)
      : this.total !== null && this.choices
        ? this.choices
        : filterOptions(this.heads),
  );
  /** How many attempts there are without a filter: the table's "of N". */
  outOf = $derived(this.paged ? (this.everything ?? this.count) : (this.total ?? this.heads.length));

  #store: () => Promise<AttemptStore>;
  /** Bumped whenever what is stored changes under a read of every head, so that read is dropped. */
  #generation = 0;

  constructor(store: () => Promise<AttemptStore>) {
    this.#store = store;
  }

  /** The first page and how many there are in all; then the filters' choices. */
  protected async readFirstPage(store: AttemptStore, limit: number): Promise<void> {
    if (store.reviewPages) return this.#openPaged(store.reviewPages);
    const first = await store.firstHeads(limit);
    this.heads = first.heads;
    this.total = first.total;
    if (store.filterChoices) void store.filterChoices().then((c) => (this.choices = c));
  }

  /** Reads every head (again); a read overtaken by a change is dropped for the newer one. */
  protected async readAllHeads(store: AttemptStore): Promise<void> {
    if (this.paged) return;
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
    if (this.paged) return this.#readPage();
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
    void this.#readPage();
  }

  goToPage(page: number): void {
    this.page = Math.min(Math.max(0, page), this.pages - 1);
    void this.#readPage();
  }

  setFilter(patch: Partial<AttemptFilter>): void {
    this.page = 0;
    const next = { ...this.filter, ...patch };
    for (const k of Object.keys(next) as (keyof AttemptFilter)[]) if (!next[k]) delete next[k];
    this.filter = next;
    if (this.paged) void this.#readPage();
    else if (this.total !== null && Object.keys(next).length) void this.#query(next);
  }

  async #query(filter: AttemptFilter): Promise<void> {
    const store = await this.#store();
    const heads = (await store.filterHeads?.(filter)) ?? null;
    if (heads && this.total !== null && sameFilter(filter, this.filter)) this.queried = { filter, heads };
  }

  async #openPaged(pages: ReviewPages): Promise<void> {
    this.paged = pages;
    void pages.options().then(
      (c) => (this.choices = c),
      () => undefined,
    );
    await this.#readPage(true);
  }

  /** Which page request was sent last: an answer to an older one is dropped. */
  #asked = 0;

  /** Asks the store for the page the filter, sort and page number now name. */
  async #readPage(opening = false): Promise<void> {
    const pages = this.paged;
    if (!pages) return;
    const key = this.#pageKey;
    const asked = ++this.#asked;
    const query = {
      filter: this.filter,
      sort: this.sortKey,
      dir: this.sortDir,
      offset: this.page * PAGE_SIZE,
      limit: PAGE_SIZE,
    };
    try {
      const answer = await pages.page(query);
      if (asked !== this.#asked) return;
      this.heads = answer.heads;
      this.served = { key, total: answer.total };
      this.pageError = null;
      if (!Object.keys(query.filter).length) this.everything = answer.total;
    } catch (e) {
      if (opening) throw e;
      if (asked === this.#asked) this.pageError = messageOf(e);
    }
  }
}
