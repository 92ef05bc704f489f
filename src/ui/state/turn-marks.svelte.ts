// "The caller misunderstood me" on a trainee's turn, during a call or in its debrief: stored on the
// saved turn (the attempt store's `modify`, one transaction), shown as marked, and undone the same way.
import type { AttemptRecord, AttemptStore } from '../../core/ports/index.ts';
import { markMisunderstood, misunderstoodTurns } from '../../core/review/misunderstood.ts';
import { messageOf } from '../../core/message-of.ts';

export interface TurnMarksDeps {
  store: () => Promise<AttemptStore>;
  now: () => Date;
}

export class TurnMarks {
  /** The last change, in words, for the turn it was made on (shown beside the button, announced). */
  message = $state<{ turnIndex: number; text: string } | null>(null);
  error = $state<string | null>(null);
  #attemptId = $state<string | null>(null);
  #marked = $state.raw<readonly number[]>([]);
  #deps: TurnMarksDeps;

  constructor(deps: TurnMarksDeps) {
    this.#deps = deps;
  }

  isMarked(attemptId: string | null, turnIndex: number): boolean {
    return attemptId !== null && attemptId === this.#attemptId && this.#marked.includes(turnIndex);
  }

  /** The marks already saved on a call that is resumed. */
  load(record: Pick<AttemptRecord, 'id' | 'turns'>): void {
    this.#attemptId = record.id;
    this.#marked = misunderstoodTurns(record.turns);
    this.message = null;
    this.error = null;
  }

  /**
   * Marks the turn (or takes the mark off when it is marked). `saved` resolves once the turn itself is
   * saved, so a mark made the moment the feedback appears is not lost.
   */
  async toggle(
    attemptId: string | null,
    turnIndex: number,
    stateId: string,
    saved: Promise<unknown> = Promise.resolve(),
  ): Promise<void> {
    if (attemptId === null) return;
    if (attemptId !== this.#attemptId) this.load({ id: attemptId, turns: [] });
    const marking = !this.#marked.includes(turnIndex);
    const at = this.#deps.now().toISOString();
    this.error = null;
    try {
      await saved;
      const store = await this.#deps.store();
      const record = await store.modify(attemptId, (r) =>
        markMisunderstood(r, turnIndex, marking ? { at, stateId } : null, at),
      );
      if (!record?.turns[turnIndex]) throw new Error('This answer is not saved in this browser.');
      this.#marked = misunderstoodTurns(record.turns);
      const answer = `Answer ${turnIndex + 1}`;
      this.message = {
        turnIndex,
        text: marking
          ? `${answer} marked: the caller misunderstood you. Your coach will see it.`
          : `${answer} is no longer marked.`,
      };
    } catch (error) {
      this.error = `The mark was not saved. ${messageOf(error)}`;
    }
  }
}
