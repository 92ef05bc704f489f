// What a coach plans from: each trainee's scores over time, what they miss most, what everyone fails
// most, and each scenario's results. Verdicts are the effective ones (a coach's override counts). A
// scenario, and a move (an intent of a pack), is known by its pack id with its own id: two packs'
// `bogus-caller` are counted apart, and labelled with their packs.
import type { ReviewAttempt } from './schema.ts';
import { effectiveVerdict } from './disputes.ts';
import { countsInRates } from './rescore.ts';
import { scenarioChoiceKey, withScenarioLabels, type ScenarioRef } from './filter.ts';

export interface ScorePoint {
  attemptId: string;
  at: string;
  packId: string;
  scenarioId: string;
  scenarioTitle: string;
  /** The title, with the pack id when another pack's scenario among the points shares its title or id. */
  scenarioLabel: string;
  score: number;
  passed: boolean;
  /** The result came from a file and could not be re-checked here (and no coach has accepted it). */
  notRechecked: boolean;
}

export interface Tally {
  /** Tells rows apart (a move's includes its pack). */
  key: string;
  /** What the row shows. */
  label: string;
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
  const mine = attempts.filter((a): a is Scored => a.summary !== null && a.trainee === trainee);
  const labels = scenarioLabelsOf(mine);
  return mine
    .map((a) => ({
      attemptId: a.id,
      at: a.startedAt,
      packId: a.packId,
      scenarioId: a.scenarioId,
      scenarioTitle: a.scenarioTitle,
      scenarioLabel: labels.get(scenarioChoiceKey(a)) ?? a.scenarioTitle,
      score: a.summary.score,
      passed: a.summary.passed,
      notRechecked: !countsInRates(a),
    }))
    .sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
}

/** Each (pack, scenario) among `attempts` to its label (its newest title; the pack when needed). */
function scenarioLabelsOf(attempts: readonly ReviewAttempt[]): Map<string, string> {
  const found = new Map<string, ScenarioRef & { title: string }>();
  for (const a of attempts)
    found.set(scenarioChoiceKey(a), { packId: a.packId, scenarioId: a.scenarioId, title: a.scenarioTitle });
  return new Map(withScenarioLabels([...found.values()]).map((s) => [s.key, s.label]));
}

type Counts = Map<string, { label: string; count: number; of: number }>;

function ranked(counts: Counts, limit: number): Tally[] {
  return [...counts.entries()]
    .map(([key, v]) => ({ key, label: v.label, count: v.count, of: v.of }))
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count || b.count / b.of - a.count / a.of || (a.key < b.key ? -1 : 1))
    .slice(0, limit);
}

function bump(map: Counts, key: string, failed: boolean, label = key) {
  const v = map.get(key) ?? { label, count: 0, of: 0 };
  v.of += 1;
  if (failed) v.count += 1;
  map.set(key, v);
}

export interface MissedOptions {
  limit?: number;
}

/** Statements failed (or never said) most, by effective verdict. */
export function statementsFailedMost(attempts: readonly ReviewAttempt[], opts: MissedOptions = {}): Tally[] {
  const counts: Counts = new Map();
  for (const a of scored(attempts)) {
    for (const st of a.summary.statements) {
      const v = effectiveVerdict(a, { kind: 'statement', scriptId: st.scriptId }).verdict;
      bump(counts, st.scriptId, v === 'fail' || v === null);
    }
  }
  return ranked(counts, opts.limit ?? 10);
}

/**
 * Moves skipped most, by effective verdict. A move is an intent of a pack: two packs' intents of the
 * same id are counted apart, each labelled with its pack.
 */
export function movesSkippedMost(attempts: readonly ReviewAttempt[], opts: MissedOptions = {}): Tally[] {
  const counts: Counts = new Map();
  const packsOf = new Map<string, Set<string>>();
  for (const a of scored(attempts)) {
    for (const mv of a.summary.moves) {
      const v = effectiveVerdict(a, { kind: 'move', intentId: mv.intentId }).verdict;
      bump(counts, JSON.stringify([a.packId, mv.intentId]), v !== 'made', mv.intentId);
      packsOf.set(mv.intentId, (packsOf.get(mv.intentId) ?? new Set()).add(a.packId));
    }
  }
  return ranked(counts, opts.limit ?? 10).map((t) => {
    const [packId, intentId] = JSON.parse(t.key) as [string, string];
    return (packsOf.get(intentId)?.size ?? 0) > 1 ? { ...t, label: `${intentId} (pack ${packId})` } : t;
  });
}

/** Script words and key elements left out most, from re-scored statement details. */
export function missedMost(
  details: readonly StatementDetail[],
  opts: MissedOptions = {},
): { words: Tally[]; keyElements: Tally[] } {
  const words: Counts = new Map();
  const keys: Counts = new Map();
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

export interface ScenarioResult extends ScenarioRef {
  key: string;
  title: string;
  /** The title, with the pack id when another pack's scenario shares its title or id. */
  label: string;
  attempts: number;
  /** Finished attempts whose results count (not re-checked ones only once a coach accepts them). */
  completed: number;
  passes: number;
  /** Passes out of `completed`, as a whole percentage; null before any counts. */
  passRate: number | null;
  averageScore: number | null;
}

/** Each scenario's attempts, passes and average score: one row per pack and scenario id. */
export function scenarioResults(attempts: readonly ReviewAttempt[]): ScenarioResult[] {
  const by = new Map<string, ReviewAttempt[]>();
  for (const a of attempts) {
    const key = scenarioChoiceKey(a);
    const list = by.get(key);
    if (list) list.push(a);
    else by.set(key, [a]);
  }
  return withScenarioLabels(
    [...by.values()].map((list) => {
      const { packId, scenarioId, scenarioTitle } = list[0]!;
      const done = scored(list);
      const passes = done.filter((a) => a.summary.passed).length;
      return {
        packId,
        scenarioId,
        title: scenarioTitle,
        attempts: list.length,
        completed: done.length,
        passes,
        passRate: done.length ? Math.round((passes / done.length) * 100) : null,
        averageScore: done.length
          ? Math.round(done.reduce((s, a) => s + a.summary.score, 0) / done.length)
          : null,
      };
    }),
  );
}
