// The messages between the page and the sentence encoder's worker.

export type EncoderRequest =
  | {
      kind: 'load';
      /** The model's name, recorded with every decision made from its vectors (8-bit weights in a build). */
      id: string;
      /** The model's files by the names model.json uses (and vocab.json): absolute URLs. */
      model: Record<string, string>;
      /** The backend's .wasm files by name: absolute URLs. */
      wasm: Record<string, string>;
    }
  /** A pack's examples: their vectors are kept for later visits. */
  | { kind: 'examples'; id: number; texts: string[] }
  /** A call's turns. */
  | { kind: 'embed'; id: number; texts: string[] };

export type EncoderReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'ready'; model: string; ms: number }
  | { kind: 'failed'; message: string }
  | { kind: 'vectors'; id: number; vectors: Float32Array[] }
  | { kind: 'error'; id: number; message: string };
