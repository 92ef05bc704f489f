// The attempts table's filters and sort, kept pure so 10,000 rows filter in one pass.
import type { ReviewAttempt } from './schema.ts';

/** The fields the table shows and filters on: a whole attempt or just its head. */
export type AttemptHeadFields = Pick<
  ReviewAttempt,
  'id' | 'trainee' | 'scenarioId' | 'scenarioTitle' | 'packVersion' | 'startedAt' | 'mode'
> & {
  summary: Pick<NonNullable<ReviewAttempt['summary']>, 'ending' | 'score' | 'criticalErrors'> | null;
};

export interface AttemptFilter {
  trainee?: string;
  scenarioId?: string;
  /** Inclusive ISO dates (yyyy-mm-dd or full). */
  from?: string;
  to?: string;
  /** An ending id, or 'none' for calls that never ended. */
  ending?: string;
}

export type SortKey =
  'trainee' | 'scenario' | 'packVersion' | 'date' | 'mode' | 'ending' | 'score' | 'criticalErrors';
export type SortDir = 'asc' | 'desc';

/** The filter's "to" date as the last instant it includes: a day (yyyy-mm-dd) runs to its end. */
export const endOfDay = (to: string): string => (to.length === 10 ? `${to}T23:59:59.999Z` : to);

export function filterAttempts<T extends AttemptHeadFields>(attempts: readonly T[], f: AttemptFilter): T[] {
  const to = f.to ? endOfDay(f.to) : undefined;
  return attempts.filter(
    (a) =>
      (!f.trainee || a.trainee === f.trainee) &&
      (!f.scenarioId || a.scenarioId === f.scenarioId) &&
      (!f.from || a.startedAt >= f.from) &&
      (!to || a.startedAt <= to) &&
      (!f.ending || (f.ending === 'none' ? a.summary === null : a.summary?.ending.id === f.ending)),
  );
}

function sortValue(a: AttemptHeadFields, key: SortKey): string | number {
  switch (key) {
    case 'trainee':
      return a.trainee.toLowerCase();
    case 'scenario':
      return a.scenarioTitle.toLowerCase();
    case 'packVersion':
      return a.packVersion;
    case 'date':
      return a.startedAt;
    case 'mode':
      return a.mode;
    case 'ending':
      return a.summary?.ending.title.toLowerCase() ?? '';
    case 'score':
      return a.summary?.score ?? -1;
    case 'criticalErrors':
      return a.summary?.criticalErrors.length ?? -1;
  }
}

/** Stable: ties keep date order, newest first. */
export function sortAttempts<T extends AttemptHeadFields>(
  attempts: readonly T[],
  key: SortKey,
  dir: SortDir,
): T[] {
  // The table's own order (heads are kept newest first): one pass to see it, instead of a sort
  // that took 290 ms over 50,000 rows in Chromium. Ties are equal dates, so the order is the same.
  if (key === 'date' && dir === 'desc' && newestFirstAlready(attempts)) return attempts.slice();
  const sign = dir === 'asc' ? 1 : -1;
  const keyed = attempts.map((a) => ({ a, v: sortValue(a, key) }));
  keyed.sort((x, y) => {
    if (x.v < y.v) return -sign;
    if (x.v > y.v) return sign;
    return x.a.startedAt < y.a.startedAt ? 1 : x.a.startedAt > y.a.startedAt ? -1 : 0;
  });
  return keyed.map((k) => k.a);
}

function newestFirstAlready(attempts: readonly AttemptHeadFields[]): boolean {
  for (let i = 1; i < attempts.length; i++)
    if (attempts[i - 1]!.startedAt < attempts[i]!.startedAt) return false;
  return true;
}

export interface FilterOptions {
  trainees: string[];
  scenarios: { id: string; title: string }[];
  endings: { id: string; title: string }[];
}

export function filterOptions(attempts: readonly AttemptHeadFields[]): FilterOptions {
  const trainees = new Set<string>();
  const scenarios = new Map<string, string>();
  const endings = new Map<string, string>();
  for (const a of attempts) {
    trainees.add(a.trainee);
    scenarios.set(a.scenarioId, a.scenarioTitle);
    if (a.summary) endings.set(a.summary.ending.id, a.summary.ending.title);
  }
  const byTitle = (x: { title: string }, y: { title: string }) => (x.title < y.title ? -1 : 1);
  return {
    trainees: [...trainees].sort(),
    scenarios: [...scenarios].map(([id, title]) => ({ id, title })).sort(byTitle),
    endings: [...endings].map(([id, title]) => ({ id, title })).sort(byTitle),
  };
}
