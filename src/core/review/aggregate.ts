// What a coach plans from: each trainee's scores over time, what they miss most, and what
// everyone fails most. Verdicts are the effective ones (a coach's override counts).
import type { ReviewAttempt } from './schema.ts';
import { effectiveVerdict } from './disputes.ts';
import { countsInRates } from './rescore.ts';

export interface ScorePoint {
  attemptId: string;
  at: string;
  scenarioId: string;
  scenarioTitle: string;
  score: number;
  passed: boolean;
  /** The result came from a file and could not be re-checked here (and no coach has accepted it). */
  notRechecked: boolean;
}

export interface Tally {
  key: string;
  count: number;
  /** Out of how many chances (attempts where it was judged). */
  of: number;
}

/** Per-statement detail from re-scoring a transcript; the store keeps only verdicts. */
export interface StatementDetail {
  attemptId: string;
  scriptId: string;
  missingWords: string[];
  missingKeyElements: string[];
}

type Scored = ReviewAttempt & { summary: NonNullable<ReviewAttempt['summary']> };

/** Attempts with a result that counts: results not re-checked here count once a coach accepts them. */
const scored = (attempts: readonly ReviewAttempt[]) =>
  attempts.filter((a): a is Scored => a.summary !== null && countsInRates(a));

/** Oldest first. */
export function scoresOverTime(attempts: readonly ReviewAttempt[], trainee: string): ScorePoint[] {
  return attempts
    .filter((a): a is Scored => a.summary !== null && a.trainee === trainee)
    .map((a) => ({
      attemptId: a.id,
      at: a.startedAt,
      scenarioId: a.scenarioId,
      scenarioTitle: a.scenarioTitle,
      score: a.summary.score,
      passed: a.summary.passed,
      notRechecked: !countsInRates(a),
    }))
    .sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
}

function ranked(counts: Map<string, { count: number; of: number }>, limit: number): Tally[] {
  return [...counts.entries()]
    .map(([key, v]) => ({ key, count: v.count, of: v.of }))
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count || b.count / b.of - a.count / a.of || (a.key < b.key ? -1 : 1))
    .slice(0, limit);
}

function bump(map: Map<string, { count: number; of: number }>, key: string, failed: boolean) {
  const v = map.get(key) ?? { count: 0, of: 0 };
  v.of += 1;
  if (failed) v.count += 1;
  map.set(key, v);
}

export interface MissedOptions {
  limit?: number;
}

/** Statements failed (or never said) most, by effective verdict. */
export function statementsFailedMost(attempts: readonly ReviewAttempt[], opts: MissedOptions = {}): Tally[] {
  const counts = new Map<string, { count: number; of: number }>();
  for (const a of scored(attempts)) {
    for (const st of a.summary.statements) {
      const v = effectiveVerdict(a, { kind: 'statement', scriptId: st.scriptId }).verdict;
      bump(counts, st.scriptId, v === 'fail' || v === null);
    }
  }
  return ranked(counts, opts.limit ?? 10);
}

/** Moves skipped most, by effective verdict. */
export function movesSkippedMost(attempts: readonly ReviewAttempt[], opts: MissedOptions = {}): Tally[] {
  const counts = new Map<string, { count: number; of: number }>();
  for (const a of scored(attempts)) {
    for (const mv of a.summary.moves) {
      const v = effectiveVerdict(a, { kind: 'move', intentId: mv.intentId }).verdict;
      bump(counts, mv.intentId, v !== 'made');
    }
  }
  return ranked(counts, opts.limit ?? 10);
}

/** Script words and key elements left out most, from re-scored statement details. */
export function missedMost(
  details: readonly StatementDetail[],
  opts: MissedOptions = {},
): { words: Tally[]; keyElements: Tally[] } {
  const words = new Map<string, { count: number; of: number }>();
  const keys = new Map<string, { count: number; of: number }>();
  for (const d of details) {
    for (const w of new Set(d.missingWords.map((x) => x.toLowerCase()))) bump(words, w, true);
    for (const k of new Set(d.missingKeyElements)) bump(keys, k, true);
  }
  const total = details.length;
  const withTotal = (t: Tally[]) => t.map((x) => ({ ...x, of: total }));
  return {
    words: withTotal(ranked(words, opts.limit ?? 10)),
    keyElements: withTotal(ranked(keys, opts.limit ?? 10)),
  };
}

export interface TraineeStatementRow {
  scriptId: string;
  attempts: number;
  exact: number;
  minor: number;
  fail: number;
  notSaid: number;
  bestScore: number | null;
  lastVerdict: string | null;
}

/** Per-statement results for one trainee, across their attempts. */
export function traineeStatementResults(
  attempts: readonly ReviewAttempt[],
  trainee: string,
): TraineeStatementRow[] {
  const rows = new Map<string, TraineeStatementRow>();
  const mine = scored(attempts)
    .filter((a) => a.trainee === trainee)
    .sort((x, y) => (x.startedAt < y.startedAt ? -1 : 1));
  for (const a of mine) {
    for (const st of a.summary.statements) {
      const row = rows.get(st.scriptId) ?? {
        scriptId: st.scriptId,
        attempts: 0,
        exact: 0,
        minor: 0,
        fail: 0,
        notSaid: 0,
        bestScore: null,
        lastVerdict: null,
      };
      const v = effectiveVerdict(a, { kind: 'statement', scriptId: st.scriptId }).verdict;
      row.attempts += 1;
      if (v === 'exact') row.exact += 1;
      else if (v === 'minor') row.minor += 1;
      else if (v === 'fail') row.fail += 1;
      else row.notSaid += 1;
      if (st.score !== null) row.bestScore = Math.max(row.bestScore ?? 0, st.score);
      row.lastVerdict = v ?? null;
      rows.set(st.scriptId, row);
    }
  }
  return [...rows.values()].sort((a, b) => (a.scriptId < b.scriptId ? -1 : 1));
}

export interface TraineeOverview {
  trainee: string;
  attempts: number;
  completed: number;
  averageScore: number | null;
  lastAt: string | null;
  passes: number;
}

export function traineeOverviews(attempts: readonly ReviewAttempt[]): TraineeOverview[] {
  const by = new Map<string, ReviewAttempt[]>();
  for (const a of attempts) by.set(a.trainee, [...(by.get(a.trainee) ?? []), a]);
  return [...by.entries()]
    .map(([trainee, list]) => {
      const done = scored(list);
      return {
        trainee,
        attempts: list.length,
        completed: done.length,
        averageScore: done.length
          ? Math.round(done.reduce((s, a) => s + a.summary.score, 0) / done.length)
          : null,
        lastAt: list.reduce<string | null>((m, a) => (m === null || a.startedAt > m ? a.startedAt : m), null),
        passes: done.filter((a) => a.summary.passed).length,
      };
    })
    .sort((a, b) => (a.trainee < b.trainee ? -1 : 1));
}
