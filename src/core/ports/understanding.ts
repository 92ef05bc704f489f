/** The sentence encoder port: texts in, one vector per text out (the app runs it in a worker). */
export interface SentenceEncoderPort {
  /** The model that makes the vectors: recorded with every decision made from them. */
  readonly model: string;
  /** A call's turns. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** A pack's examples: the same vectors, kept for later visits. */
  examples(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Loads the encoder once; `onProgress` hears how many of the model's files have arrived. */
export type LoadEncoder = (onProgress: (done: number, total: number) => void) => Promise<SentenceEncoderPort>;

/** Which matcher decided a call's moves: sentence vectors and words, or words alone. */
export type MatcherLabel = 'hybrid' | 'words only';
