// How the caller understands the trainee on this page: the hybrid matcher once the language model and
// the pack's example vectors are loaded (off the page, in a worker), words alone if they cannot load.
import type { LoadEncoder, MatcherLabel, SentenceEncoderPort, TraineeTurn } from '../../core/ports/index.ts';
import type { VectorTable } from '../../core/index.ts';
import { plainText, turnTexts } from '../../core/index.ts';
import { messageOf } from '../../core/message-of.ts';

/** 'off': the trainee chose words only in the settings, so no model is loaded. */
export type UnderstandingStatus = 'idle' | 'off' | 'loading' | 'ready' | 'failed';

export class Understanding {
  status = $state<UnderstandingStatus>('idle');
  /** Share of the model's files loaded, 0..1. */
  progress = $state(0);
  failure = $state<string | null>(null);
  /** While loading: the model's files, then the pack's examples (embedded once per pack version). */
  stage = $state<'model' | 'examples'>('model');
  #load: LoadEncoder;
  #wordsOnly: () => boolean;
  #encoder: SentenceEncoderPort | null = null;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache the replay reads; a new VectorTable marks each change
  #table = new Map<string, Float32Array>();
  #preparing: Promise<void> | null = null;

  constructor(load: LoadEncoder, wordsOnly: () => boolean = () => false) {
    this.#load = load;
    this.#wordsOnly = wordsOnly;
  }

  get matcher(): MatcherLabel {
    return this.status === 'ready' && !this.#wordsOnly() ? 'hybrid' : 'words only';
  }

  /** Loads the model and the pack's example vectors; resolves (never rejects) when settled either way. */
  prepare(exampleTexts: readonly string[]): Promise<void> {
    if (this.#preparing === null && this.#wordsOnly()) {
      this.status = 'off';
      return Promise.resolve();
    }
    this.#preparing ??= this.#prepare(exampleTexts);
    return this.#preparing;
  }

  async #prepare(exampleTexts: readonly string[]): Promise<void> {
    this.status = 'loading';
    try {
      const encoder = await this.#load((done, total) => (this.progress = total > 0 ? done / total : 0));
      this.stage = 'examples';
      const vectors = await encoder.examples(exampleTexts);
      exampleTexts.forEach((t, i) => this.#table.set(t, vectors[i]!));
      this.#encoder = encoder;
      this.progress = 1;
      this.status = 'ready';
    } catch (error) {
      this.failure = messageOf(error);
      this.status = 'failed';
    }
  }

  /**
   * Vectors for a call's turns (embedding those not seen before), or none when the call runs on words
   * alone. A turn whose vector cannot be made is decided on its words (the run falls back per turn).
   */
  async vectorsFor(turns: readonly TraineeTurn[], matcher: MatcherLabel): Promise<VectorTable | undefined> {
    const encoder = this.#encoder;
    if (matcher !== 'hybrid' || encoder === null) return undefined;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, not state
    const missing = [...new Set(turnTexts(turns).map(plainText))].filter(
      (t) => t !== '' && !this.#table.has(t),
    );
    if (missing.length > 0) {
      try {
        const vectors = await encoder.embed(missing);
        missing.forEach((t, i) => this.#table.set(t, vectors[i]!));
      } catch {
        // Only this turn is judged on its words; the model may answer the next one.
      }
    }
    const table = this.#table;
    return { model: encoder.model, get: (plain) => table.get(plain) };
  }
}
