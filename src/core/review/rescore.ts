// Imported scores are not trusted: each attempt is scored again from its turns with the scorer
// installed here, and any difference from the file is reported, so a number cannot be forged.
import type { ReviewAttempt, ReviewSummary } from './schema.ts';

export interface ScoreDifference {
  attemptId: string;
  field: string;
  inFile: string;
  rescored: string;
}

export interface RescoreOutcome {
  /** The attempts with the re-scored summary in place of the file's. */
  attempts: ReviewAttempt[];
  differences: ScoreDifference[];
  /** Attempts that could not be re-scored here (pack or scenario not installed): kept, marked. */
  unverified: string[];
}

/** `null`: cannot re-score (unknown pack or scenario); otherwise the summary (null: the call never ended). */
export type Rescorer = (attempt: ReviewAttempt) => { summary: ReviewSummary | null } | null;

const show = (v: unknown): string => (v === null || v === undefined ? '—' : String(v));

export function compareSummaries(
  attemptId: string,
  file: ReviewSummary | null,
  ours: ReviewSummary | null,
): ScoreDifference[] {
  const out: ScoreDifference[] = [];
  const add = (field: string, a: unknown, b: unknown) => {
    if (show(a) !== show(b)) out.push({ attemptId, field, inFile: show(a), rescored: show(b) });
  };
  add('score', file?.score, ours?.score);
  add('passed', file?.passed, ours?.passed);
  add('ending', file?.ending.id, ours?.ending.id);
  add('critical errors', file?.criticalErrors.length, ours?.criticalErrors.length);
  const theirs = new Map((file?.statements ?? []).map((s) => [s.scriptId, s]));
  for (const s of ours?.statements ?? []) {
    const t = theirs.get(s.scriptId);
    add(
      `statement ${s.scriptId}`,
      t ? `${show(t.verdict)} ${show(t.score)}` : undefined,
      `${show(s.verdict)} ${show(s.score)}`,
    );
  }
  const theirMoves = new Map((file?.moves ?? []).map((m) => [m.intentId, m]));
  for (const m of ours?.moves ?? []) add(`move ${m.intentId}`, theirMoves.get(m.intentId)?.made, m.made);
  return out;
}

export function rescoreAttempts(attempts: readonly ReviewAttempt[], rescore: Rescorer): RescoreOutcome {
  const outcome: RescoreOutcome = { attempts: [], differences: [], unverified: [] };
  for (const attempt of attempts) {
    if (attempt.status === 'in-progress' && attempt.summary === null) {
      outcome.attempts.push(attempt);
      continue;
    }
    const rescored = rescore(attempt);
    if (rescored === null) {
      outcome.unverified.push(attempt.id);
      outcome.attempts.push(attempt);
      continue;
    }
    const ours = rescored.summary;
    outcome.differences.push(...compareSummaries(attempt.id, attempt.summary, ours));
    outcome.attempts.push({ ...attempt, summary: ours });
  }
  return outcome;
}
