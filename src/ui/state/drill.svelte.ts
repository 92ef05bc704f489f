// The statement drill: say one statement again and again while its text fades — shown in full,
// then with words hidden, then not at all — with the word diff after each try.
import type { ScoreResult } from '../../core/index.ts';
import type { DrillScript, PracticeLibrary } from '../../core/ports/index.ts';
import { fadeWords, type DrillStage } from './fade-words.ts';

export interface DrillTry {
  said: string;
  stage: DrillStage;
  result: ScoreResult;
}

export class DrillState {
  script = $state.raw<DrillScript | null>(null);
  stage = $state<DrillStage>(0);
  tries = $state.raw<DrillTry[]>([]);
  last = $derived(this.tries.at(-1) ?? null);
  words = $derived(this.script ? fadeWords(this.script.wording, this.stage) : null);
  #library: PracticeLibrary;

  constructor(library: PracticeLibrary, scriptId: string | null) {
    this.#library = library;
    this.script = library.scripts.find((s) => s.id === scriptId) ?? null;
  }

  get scripts(): DrillScript[] {
    return this.#library.scripts;
  }

  /** Scores one try; a pass moves on to less text, a fail stays at this stage. */
  attempt(said: string): ScoreResult | null {
    const script = this.script;
    const text = said.trim();
    if (!script || !text) return null;
    const result = this.#library.drill(script.id, text);
    if (!result) return null;
    this.tries = [...this.tries, { said: text, stage: this.stage, result }];
    if (result.verdict !== 'fail' && this.stage < 2) this.stage = (this.stage + 1) as DrillStage;
    return result;
  }

  showMore(): void {
    if (this.stage > 0) this.stage = (this.stage - 1) as DrillStage;
  }

  restart(): void {
    this.stage = 0;
    this.tries = [];
  }
}
