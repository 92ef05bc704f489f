// An attempt's head: what the review table shows, stored beside the record so the table reads
// small rows instead of whole calls.
import type { AttemptHead, AttemptRecord } from '../ports/attempt-store.ts';

export function headOf(record: AttemptRecord): AttemptHead {
  const { turns, notes: _n, disputes: _d, updatedAt: _u, summary, ...rest } = record;
  const marked = turns.filter((t) => t.misunderstood).length;
  const head = marked > 0 ? { ...rest, misunderstood: marked } : rest;
  if (!summary) return { ...head, summary: null };
  const { statements: _s, moves: _m, ...brief } = summary;
  return { ...head, summary: brief };
}

/**
 * `heads` (newest first) with `changed` put in place: each replaces the head with its id or is added,
 * in one pass over `heads` rather than a sort of them all.
 */
export function newestFirstMerge(
  heads: readonly AttemptHead[],
  changed: readonly AttemptHead[],
): AttemptHead[] {
  const ids = new Set(changed.map((h) => h.id));
  const incoming = [...changed].sort((a, b) =>
    a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0,
  );
  const out: AttemptHead[] = [];
  let j = 0;
  for (const h of heads) {
    if (ids.has(h.id)) continue;
    while (j < incoming.length && incoming[j]!.startedAt > h.startedAt) out.push(incoming[j++]!);
    out.push(h);
  }
  while (j < incoming.length) out.push(incoming[j++]!);
  return out;
}
