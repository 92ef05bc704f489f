// Replaying stored attempts for the review pages: only through the exact pack id and version an
// attempt was made with (see replayProblem), never through another pack that shares a scenario id, and
// with the decisions stored on its turns, so an old attempt reads as the trainee saw it. Reading it
// again with today's matcher and pack is a separate, explicit action (rescoreAttempt).
import type { AttemptRecord, MatcherLabel, TraineeTurn } from '../../core/ports/index.ts';
import {
  compareSummaries,
  compareTurns,
  readingsOf,
  replayProblem,
  type RecordedDecision,
  type ScoreDifference,
  type StatementDetail,
  type TurnDifference,
  type TurnReading,
  type VectorTable,
} from '../../core/index.ts';
import { MATCHER_VERSION } from '../../core/index.ts';
import type { CallReport, PracticeLibrary } from '../../core/ports/index.ts';
import { summariseCall } from '../../core/session/attempts.ts';
import { toTraineeTurns } from './review-import.ts';

/** The decisions stored on an attempt's turns, by turn index; none when it was saved before they were kept. */
export function storedDecisions(
  attempt: Pick<AttemptRecord, 'turns'>,
): (RecordedDecision | undefined)[] | undefined {
  if (!attempt.turns.some((t) => t.decision)) return undefined;
  return attempt.turns.map((t) =>
    t.decision
      ? { intent: t.decision.intent, ...(t.decision.credited ? { credited: t.decision.credited } : {}) }
      : undefined,
  );
}

/** The whole call as it was decided then, for the diffs; or why it cannot be replayed here. */
export function replayAttempt(library: PracticeLibrary, attempt: AttemptRecord): CallReport | string {
  const scenario = library.find(attempt.scenarioId, attempt.packId);
  const problem = replayProblem(attempt, scenario);
  if (problem !== null || !scenario) return problem ?? 'its scenario is not installed here';
  const turns = toTraineeTurns(attempt);
  return library.run(scenario, turns, attempt.mode, attempt.id, undefined, storedDecisions(attempt));
}

/** What reads an attempt's turns again: today's matcher, and the vectors it needs. */
export interface RescoreUnderstanding {
  /** Loads what the matcher needs for this scenario's pack; resolves when settled either way. */
  prepare(exampleTexts: readonly string[]): Promise<void>;
  readonly matcher: MatcherLabel;
  vectorsFor(turns: readonly TraineeTurn[], matcher: MatcherLabel): Promise<VectorTable | undefined>;
}

/** An attempt read again with today's matcher and pack, beside the call as it was decided then. */
export interface Rescored {
  packVersion: string;
  matcher: MatcherLabel;
  version: string;
  /** The turns read differently, in the feedback's words. */
  turns: TurnDifference[];
  /** The result's differences (score, ending, statements, moves): `inFile` is then, `rescored` now. */
  summary: ScoreDifference[];
}

/** The turns as decided then: the replay with stored decisions, or (its version gone) the decisions alone. */
function readingsThen(library: PracticeLibrary, attempt: AttemptRecord): Map<number, TurnReading> {
  const then = replayAttempt(library, attempt);
  if (typeof then !== 'string') return readingsOf(then);
  return new Map(
    attempt.turns.flatMap((t, i) =>
      t.decision
        ? [[i, { said: t.text ?? '', intent: t.decision.intent, criticalError: null }] as const]
        : [],
    ),
  );
}

/**
 * Reads an attempt's turns again through the installed version of its pack with today's matcher, and
 * lists what differs from the call as decided then. Nothing is saved: the attempt keeps its history.
 */
export async function rescoreAttempt(
  library: PracticeLibrary,
  attempt: AttemptRecord,
  understanding: RescoreUnderstanding,
): Promise<Rescored | string> {
  const scenario = library.find(attempt.scenarioId, attempt.packId);
  if (!scenario || scenario.packId !== attempt.packId)
    return `pack ${attempt.packId} has no scenario "${attempt.scenarioId}" installed here`;
  await understanding.prepare(library.exampleTexts(scenario));
  const turns = toTraineeTurns(attempt);
  const matcher = understanding.matcher;
  const vectors = await understanding.vectorsFor(turns, matcher);
  const now = library.run(scenario, turns, attempt.mode, attempt.id, vectors);
  // Without the version it was made with, only the moves stored on the turns can be compared.
  const sameVersion = scenario.packVersion === attempt.packVersion;
  const comparable = (m: Map<number, TurnReading>) =>
    sameVersion ? m : new Map([...m].map(([i, r]) => [i, { ...r, criticalError: null }]));
  return {
    packVersion: scenario.packVersion,
    matcher,
    version: MATCHER_VERSION,
    turns: compareTurns(comparable(readingsThen(library, attempt)), comparable(readingsOf(now))),
    summary: compareSummaries(attempt.id, attempt.summary, summariseCall(now)),
  };
}

/** Words and key elements each statement missed, from replaying one trainee's calls. */
export function missedDetails(
  library: PracticeLibrary,
  attempts: readonly AttemptRecord[],
  trainee: string,
): StatementDetail[] {
  const out: StatementDetail[] = [];
  for (const attempt of attempts) {
    if (attempt.trainee !== trainee || attempt.summary === null) continue;
    const report = replayAttempt(library, attempt);
    if (typeof report === 'string') continue;
    for (const st of report.statements) {
      if (!st.result) continue;
      out.push({
        attemptId: attempt.id,
        scriptId: st.scriptId,
        missingWords: st.result.deviations.flatMap((d) =>
          d.kind === 'missing' || d.kind === 'replaced' ? [d.scriptWord] : [],
        ),
        missingKeyElements: st.result.missingKeyElements,
      });
    }
  }
  return out;
}
