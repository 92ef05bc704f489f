// An attempt's head: what the review table shows, stored beside the record so the table reads
// small rows instead of whole calls.
import type { AttemptHead, AttemptRecord } from '../ports/attempt-store.ts';

export function headOf(record: AttemptRecord): AttemptHead {
  const { turns: _t, notes: _n, disputes: _d, updatedAt: _u, summary, ...head } = record;
  if (!summary) return { ...head, summary: null };
  const { statements: _s, moves: _m, ...brief } = summary;
  return { ...head, summary: brief };
}
