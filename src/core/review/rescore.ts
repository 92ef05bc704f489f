// Imported results are not trusted: each attempt is replayed from its turns against the exact pack
// id and version it was made with, and any difference from the file is reported, so a number
// cannot be forged. When that version is not installed here, the file's result is kept and marked
// "not re-checked" (never replayed through another pack that happens to share a scenario id).
import type { ReviewAttempt, ReviewSummary } from './schema.ts';

export interface ScoreDifference {
  attemptId: string;
  field: string;
  inFile: string;
  rescored: string;
}

export interface RescoreOutcome {
  /** The attempts with the re-scored summary in place of the file's, or marked not re-checked. */
  attempts: ReviewAttempt[];
  differences: ScoreDifference[];
  /** Attempts that could not be re-checked here: kept with the file's result, marked. */
  unverified: string[];
}

/** The scenario an attempt can be replayed through, as the library lists it. */
export interface InstalledScenario {
  packId: string;
  packVersion: string;
  id: string;
}

/**
 * Why an attempt cannot be replayed through what is installed, or null when it can: scenario
 * identity is (pack id, scenario id), and the pack version must be the one the attempt was made with.
 */
export function replayProblem(
  attempt: Pick<ReviewAttempt, 'packId' | 'packVersion' | 'scenarioId'>,
  installed: InstalledScenario | undefined,
): string | null {
  const what = `pack ${attempt.packId} version ${attempt.packVersion}`;
  if (!installed || installed.packId !== attempt.packId)
    return `${what} is not installed here (no scenario "${attempt.scenarioId}" in pack ${attempt.packId})`;
  if (installed.packVersion !== attempt.packVersion)
    return `${what} is not installed here (version ${installed.packVersion} is)`;
  return null;
}

/** The re-scored summary (null: the call never ended), or why the attempt cannot be re-checked here. */
export type Rescorer = (
  attempt: ReviewAttempt,
) => { summary: ReviewSummary | null } | { notRechecked: string };

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

/** Re-checks one attempt; adds its differences to `outcome`. */
export function rescoreOne(attempt: ReviewAttempt, rescore: Rescorer, outcome: RescoreOutcome): void {
  const { notRechecked: _drop, ...rest } = attempt;
  if (attempt.status === 'in-progress' && attempt.summary === null) {
    outcome.attempts.push(rest);
    return;
  }
  const rescored = rescore(attempt);
  if ('notRechecked' in rescored) {
    // A coach's acceptance in the file is not carried over: a coach here decides.
    outcome.unverified.push(attempt.id);
    outcome.attempts.push({ ...rest, notRechecked: { reason: rescored.notRechecked } });
    return;
  }
  outcome.differences.push(...compareSummaries(attempt.id, attempt.summary, rescored.summary));
  outcome.attempts.push({ ...rest, summary: rescored.summary });
}

export function rescoreAttempts(attempts: readonly ReviewAttempt[], rescore: Rescorer): RescoreOutcome {
  const outcome: RescoreOutcome = { attempts: [], differences: [], unverified: [] };
  for (const attempt of attempts) rescoreOne(attempt, rescore, outcome);
  return outcome;
}

/** Whether a result counts in pass rates and averages: re-checked, made here, or accepted by a coach. */
export const countsInRates = (attempt: Pick<ReviewAttempt, 'notRechecked'>): boolean =>
  !attempt.notRechecked || attempt.notRechecked.accepted !== undefined;
