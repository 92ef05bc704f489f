// Play-testing a scenario by typing: the call is replayed from the typed turns after each one
// (runCall is deterministic), so the panel always shows exactly what a trainee would get.
import type { LoadedPack } from '../../core/packs/index.ts';
import { runCall, type CallReport, type TraineeTurn } from '../../core/session/index.ts';

export class PlayTest {
  turns = $state.raw<TraineeTurn[]>([]);
  readonly #pack: LoadedPack;
  readonly #scenarioId: string;
  report: CallReport = $derived.by(() =>
    runCall(this.#pack, this.#scenarioId, this.turns, { mode: 'practice' }),
  );

  constructor(pack: LoadedPack, scenarioId: string) {
    this.#pack = pack;
    this.#scenarioId = scenarioId;
  }

  say(text: string): void {
    const t = text.trim();
    if (t === '' || this.report.ended) return;
    this.turns = [...this.turns, { text: t, source: 'typed' }];
  }

  /** Stays silent for the state's patience: the caller prompts or gives up. */
  silence(): void {
    if (this.report.ended) return;
    this.turns = [...this.turns, { source: 'typed' }];
  }

  undo(): void {
    this.turns = this.turns.slice(0, -1);
  }

  reset(): void {
    this.turns = [];
  }
}
