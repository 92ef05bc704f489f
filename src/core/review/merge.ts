// Import merges by stable id: an attempt already here is never duplicated. Notes and disputes
// added elsewhere are joined in by their own ids; the call itself (turns, summary) is kept as stored.
import { attemptProblems } from './invariants.ts';
import type { ReviewAttempt } from './schema.ts';

export interface MergePlan {
  /** Records to write, in one transaction: new attempts and existing ones with new notes or disputes. */
  writes: ReviewAttempt[];
  added: string[];
  /** Existing attempts that gained notes or disputes from the file. */
  updated: string[];
  /** Already here, nothing new. */
  unchanged: string[];
  /**
   * What the file's notes and disputes would break in an attempt already here (a dispute about a
   * verdict the stored call does not have): any problem means nothing may be written.
   */
  problems: string[];
}

function unionById<T extends { id: string }>(mine: readonly T[], theirs: readonly T[]): T[] {
  const ids = new Set(mine.map((x) => x.id));
  return [...mine, ...theirs.filter((x) => !ids.has(x.id))];
}

/** A dispute resolved in the file but open here takes the resolution; a resolution is never undone. */
function mergeDisputes(
  mine: ReviewAttempt['disputes'],
  theirs: ReviewAttempt['disputes'],
): ReviewAttempt['disputes'] {
  const byId = new Map(theirs.map((d) => [d.id, d]));
  const joined = mine.map((d) => {
    const other = byId.get(d.id);
    return d.resolution === null && other?.resolution ? { ...d, resolution: other.resolution } : d;
  });
  return unionById(joined, theirs);
}

export function planMerge(existing: readonly ReviewAttempt[], incoming: readonly ReviewAttempt[]): MergePlan {
  const here = new Map(existing.map((a) => [a.id, a]));
  const plan: MergePlan = { writes: [], added: [], updated: [], unchanged: [], problems: [] };
  for (const attempt of incoming) {
    const mine = here.get(attempt.id);
    if (!mine) {
      plan.writes.push(attempt);
      plan.added.push(attempt.id);
      continue;
    }
    const notes = unionById(mine.notes, attempt.notes);
    const disputes = mergeDisputes(mine.disputes, attempt.disputes);
    const changed =
      notes.length !== mine.notes.length ||
      disputes.length !== mine.disputes.length ||
      disputes.some((d, i) => d !== mine.disputes[i]);
    if (changed) {
      const merged = { ...mine, notes, disputes };
      for (const p of attemptProblems(merged))
        plan.problems.push(`Attempt ${JSON.stringify(mine.id)}, joined with the one here: ${p}.`);
      plan.writes.push(merged);
      plan.updated.push(attempt.id);
    } else plan.unchanged.push(attempt.id);
  }
  return plan;
}
