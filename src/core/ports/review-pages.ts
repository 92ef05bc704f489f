/**
 * Review pages answered by whoever holds the attempts: the team server's database filters, sorts and
 * pages a coach's view of the team, so the browser never reads every attempt to show one page.
 */
import type { AttemptHead } from './attempt-store.ts';
import type { AttemptFilter, FilterOptions, SortDir, SortKey } from '../review/filter.ts';

export interface ReviewPageQuery {
  filter: AttemptFilter;
  sort: SortKey;
  dir: SortDir;
  /** Rows to skip (page number times the page size) and the page size. */
  offset: number;
  limit: number;
}

export interface ReviewPage {
  /** The page's heads, in the asked order. */
  heads: AttemptHead[];
  /** How many attempts match the filter in all. */
  total: number;
}

export interface ReviewPages {
  page(query: ReviewPageQuery): Promise<ReviewPage>;
  /** The filters' choices: every trainee, scenario and ending among the attempts that may be seen. */
  options(): Promise<FilterOptions>;
}
