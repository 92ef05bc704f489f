// Moves over a call: each move the scenario lists is credited on the first turn that makes it, in time
// or late. A late move is "made late (turn N, expected by turn M)", never "missed".
import type { CompiledScenario, LoadedPack } from '../packs/load-pack.ts';
import type { IntentMatch } from '../scoring/types.ts';
import { madeLate } from '../feedback/words.ts';
import type { MoveOutcome } from './types.ts';

export class MoveCredit {
  readonly #sc: CompiledScenario;
  readonly #labels: LoadedPack['intents'];
  readonly #within: Map<string, number | undefined>;
  readonly #made = new Map<string, { turnIndex: number; onTime: boolean }>();

  constructor(pack: LoadedPack, sc: CompiledScenario) {
    this.#sc = sc;
    this.#labels = pack.intents;
    this.#within = new Map(sc.spec.moves.map((m) => [m.intent, m.within?.turns]));
  }

  /** Whether a move was made on this call, in time or late. */
  made(intentId: string): boolean {
    return this.#made.has(intentId);
  }

  /**
   * Credits the moves one turn makes; returns the move the state itself chose (its feedback).
   * `credited`: the moves recorded for this turn when it was played, credited as they were then.
   */
  creditTurn(
    turnIndex: number,
    stateId: string,
    said: string,
    credited?: readonly string[],
  ): IntentMatch | null {
    const intent = this.#sc.judge.intentAt(stateId, said);
    this.#credit(intent?.intent ?? null, turnIndex);
    if (credited) {
      for (const id of credited) this.#credit(id, turnIndex);
      return intent;
    }
    // A turn can make more than one move ("I'll stay on the line. Where are you right now?"): each move
    // still to be made is checked on its own.
    for (const m of this.#sc.spec.moves) {
      if (m.intent !== intent?.intent && !this.#made.has(m.intent))
        this.#credit(this.#sc.judge.intentAmong([m.intent], said).intent, turnIndex);
    }
    return intent;
  }

  #credit(id: string | null, turnIndex: number): void {
    // Turns only move forward: the first turn that makes a move is the one that counts.
    if (id === null || !this.#within.has(id) || this.#made.has(id)) return;
    const within = this.#within.get(id);
    this.#made.set(id, { turnIndex, onTime: within === undefined || turnIndex < within });
  }

  outcomes(): MoveOutcome[] {
    return this.#sc.spec.moves.map((m) => {
      const made = this.#made.get(m.intent);
      const withinTurns = m.within?.turns ?? null;
      return {
        intentId: m.intent,
        label: this.#labels.get(m.intent)?.label ?? m.intent,
        required: m.required,
        made: made?.onTime ?? false,
        turnIndex: made?.turnIndex ?? null,
        withinTurns,
        ...(made && !made.onTime ? { note: madeLate(made.turnIndex, withinTurns!) } : {}),
      };
    });
  }
}
