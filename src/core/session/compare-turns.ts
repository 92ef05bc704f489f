// Re-scoring a stored call: the call as it was decided then beside the same turns read by today's
// matcher and pack, turn by turn, in the words the feedback uses. Only turns that read differently are
// listed; a call that goes another way from some turn on lists each turn after it that differs too.
import type { IntentMatch } from '../scoring/types.ts';
import type { CallReport } from './types.ts';

export interface TurnDifference {
  turnIndex: number;
  /** What the trainee said (the alternative the turn was judged by, as replayed today). */
  said: string;
  then: string;
  now: string;
}

/**
 * A turn's reading in words: the move understood (or none, or unclear) and any critical error. Only what
 * changes the call counts: a different nearest example behind the same "no move" is not a difference.
 */
export function describeReading(intent: IntentMatch | null, criticalError: string | null): string {
  const move = intent?.intent
    ? `understood as ${intent.intent.replace(/-/g, ' ')}`
    : intent?.unclear
      ? 'unclear: the caller asked to hear it another way'
      : 'no move';
  return criticalError ? `${move}; critical error: ${criticalError}` : move;
}

/** How one turn was read: what was said, the move (or none), and the critical error it raised. */
export interface TurnReading {
  said: string;
  intent: IntentMatch | null;
  criticalError: string | null;
}

/** Each trainee turn of a replayed call, by turn index. */
export function readingsOf(report: CallReport): Map<number, TurnReading> {
  const out = new Map<number, TurnReading>();
  for (const e of report.transcript)
    if (e.speaker === 'trainee')
      out.set(e.turnIndex, {
        said: e.text,
        intent: e.feedback.intent,
        criticalError: e.feedback.criticalError,
      });
  return out;
}

const describe = (r: TurnReading | undefined): string =>
  r ? describeReading(r.intent, r.criticalError) : 'not reached: the call had ended';

/** The turns whose reading differs between the call as decided then and as read now. */
export function compareTurns(
  then: ReadonlyMap<number, TurnReading>,
  now: ReadonlyMap<number, TurnReading>,
): TurnDifference[] {
  const indexes = [...new Set([...then.keys(), ...now.keys()])].sort((a, b) => a - b);
  return indexes.flatMap((turnIndex) => {
    const [a, b] = [then.get(turnIndex), now.get(turnIndex)];
    const [was, is] = [describe(a), describe(b)];
    return was === is ? [] : [{ turnIndex, said: (b ?? a)?.said ?? '', then: was, now: is }];
  });
}
