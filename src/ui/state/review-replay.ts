// Replaying stored attempts for the review pages: only through the exact pack id and version an
// attempt was made with (see replayProblem), never through another pack that shares a scenario id.
import type { AttemptRecord } from '../../core/ports/index.ts';
import { replayProblem, type StatementDetail } from '../../core/review/index.ts';
import type { CallReport, PracticeLibrary } from '../../core/ports/index.ts';
import { toTraineeTurns } from './review-import.ts';

/** The whole call, for the diffs; or why it cannot be replayed here. */
export function replayAttempt(library: PracticeLibrary, attempt: AttemptRecord): CallReport | string {
  const scenario = library.find(attempt.scenarioId);
  const problem = replayProblem(attempt, scenario);
  if (problem !== null || !scenario) return problem ?? 'its scenario is not installed here';
  return library.run(scenario, toTraineeTurns(attempt), attempt.mode, attempt.id);
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
