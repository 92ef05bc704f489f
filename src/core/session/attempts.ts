// A call as the attempt store keeps it: the summary saved when a call ends (shown in review without
// replaying it), and the stored turns handed back to the replay.
import type { AttemptSummary, StoredTurn } from '../ports/attempt-store.ts';
import type { CallReport, TraineeTurn } from './types.ts';

/** The summary stored with a finished call; null while the call has no ending. */
export function summariseCall(report: CallReport): AttemptSummary | null {
  if (!report.ending) return null;
  return {
    ending: { id: report.ending.id, title: report.ending.title, outcome: report.ending.outcome },
    score: report.score,
    passed: report.passed,
    criticalErrors: report.criticalErrors.map(({ id, message }) => ({ id, message })),
    statements: report.statements.map((s) => ({
      scriptId: s.scriptId,
      verdict: s.result?.verdict ?? null,
      score: s.result?.score ?? null,
    })),
    moves: report.moves.map(({ intentId, made }) => ({ intentId, made })),
  };
}

/** A stored turn as the replay takes it: what was said or the silence, without when it was saved. */
export function traineeTurn(stored: StoredTurn): TraineeTurn {
  const turn: TraineeTurn = {};
  if (stored.text !== undefined) turn.text = stored.text;
  if (stored.silenceBefore !== undefined) turn.silenceBefore = stored.silenceBefore;
  if (stored.alternatives !== undefined) turn.alternatives = stored.alternatives;
  if (stored.source !== undefined) turn.source = stored.source;
  return turn;
}
