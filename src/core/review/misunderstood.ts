// Learning from real calls: the trainee marks a turn the caller misunderstood; the coach sees the mark
// in review; QA lists the marked words of a pack and turns them into examples (packs/add-example.ts).
import type { AttemptRecord, StoredTurn } from '../ports/attempt-store.ts';

/** The mark on a turn: when the trainee made it, and the state the call was in (for QA's choice of move). */
export type MisunderstoodMark = NonNullable<StoredTurn['misunderstood']>;

/**
 * The record with the turn at `index` marked (or, with `mark` null, unmarked), `updatedAt` set to
 * `at`; null when there is no such turn or nothing changes, so the store writes nothing.
 */
export function markMisunderstood(
  record: AttemptRecord,
  index: number,
  mark: MisunderstoodMark | null,
  at: string,
): AttemptRecord | null {
  const turn = record.turns[index];
  if (!turn || (mark === null) === (turn.misunderstood === undefined)) return null;
  const { misunderstood: _old, ...rest } = turn;
  const turns = record.turns.slice();
  turns[index] = mark ? { ...rest, misunderstood: mark } : rest;
  return { ...record, turns, updatedAt: at };
}

/** Indexes of the turns the trainee marked as misunderstood. */
export const misunderstoodTurns = (turns: readonly StoredTurn[]): number[] =>
  turns.flatMap((t, i) => (t.misunderstood ? [i] : []));

/** One marked turn, as QA sees it on the pack's page. */
export interface MisunderstoodUtterance {
  attemptId: string;
  turnIndex: number;
  text: string;
  trainee: string;
  scenarioId: string;
  scenarioTitle: string;
  packVersion: string;
  /** The state the call was in; absent when the mark did not say. */
  stateId?: string;
  at: string;
}

/** One key per marked turn (its attempt and index). */
export const misreadKey = (u: MisunderstoodUtterance) => `${u.attemptId}:${u.turnIndex}`;

/** Every marked turn with words in the attempts of pack `packId`, newest mark first. */
export function misunderstoodUtterances(
  records: readonly AttemptRecord[],
  packId: string,
): MisunderstoodUtterance[] {
  const out: MisunderstoodUtterance[] = [];
  for (const r of records) {
    if (r.packId !== packId) continue;
    r.turns.forEach((t, turnIndex) => {
      if (!t.misunderstood || !t.text?.trim()) return;
      out.push({
        attemptId: r.id,
        turnIndex,
        text: t.text.trim(),
        trainee: r.trainee,
        scenarioId: r.scenarioId,
        scenarioTitle: r.scenarioTitle,
        packVersion: r.packVersion,
        ...(t.misunderstood.stateId ? { stateId: t.misunderstood.stateId } : {}),
        at: t.misunderstood.at,
      });
    });
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
