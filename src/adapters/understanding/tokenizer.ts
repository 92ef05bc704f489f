// SentencePiece tokenizer of the Universal Sentence Encoder lite: a port of `Tokenizer.encode` from
// @tensorflow-models/universal-sentence-encoder (Apache-2.0), which ports SentencePiece's EncodeAsIds.
// The Viterbi search finds the most likely split of the text into the vocabulary's pieces.

const SEPARATOR = '\u2581';
/** The first pieces are reserved for unknown, control and user-defined symbols. */
const RESERVED_SYMBOLS = 6;

interface Node {
  children: Map<string, Node>;
  piece: { length: number; score: number; index: number } | null;
}

export class Tokenizer {
  readonly #vocabulary: readonly (readonly [string, number])[];
  readonly #root: Node = { children: new Map(), piece: null };

  constructor(vocabulary: readonly (readonly [string, number])[]) {
    this.#vocabulary = vocabulary;
    for (let i = RESERVED_SYMBOLS; i < vocabulary.length; i++) {
      const [word, score] = vocabulary[i]!;
      let node = this.#root;
      const symbols = [...word];
      for (const s of symbols) {
        let next = node.children.get(s);
        if (next === undefined) {
          next = { children: new Map(), piece: null };
          node.children.set(s, next);
        }
        node = next;
      }
      node.piece = { length: symbols.length, score, index: i };
    }
  }

  encode(text: string): number[] {
    const normalised = text.normalize('NFKC');
    const input = normalised.length > 0 ? SEPARATOR + normalised.replace(/ /g, SEPARATOR) : '';
    const symbols = [...input];
    const best = new Array<number>(symbols.length + 1).fill(0);
    const words = new Array<number>(symbols.length + 1).fill(0);
    const lengths = new Array<number>(symbols.length + 1).fill(1);
    // Forward pass: the lattice is explored in order of end position, as the original does.
    const ending: { start: number; length: number; score: number; index: number }[][] = symbols
      .map(() => [])
      .concat([[]]);
    for (let i = 0; i < symbols.length; i++) {
      let node = this.#root.children.get(symbols[i]!);
      let found = false;
      for (let j = i; j < symbols.length && node; j++) {
        if (node.piece) {
          ending[j + 1]!.push({ start: i, ...node.piece });
          found = true;
        }
        node = node.children.get(symbols[j + 1]!);
      }
      if (!found) ending[i + 1]!.push({ start: i, length: 1, score: 0, index: 0 });
    }
    for (let end = 0; end <= symbols.length; end++) {
      // The original walks start positions in ascending order and keeps the last best (>=).
      const pieces = ending[end]!.slice().sort((a, b) => a.start - b.start);
      for (const p of pieces) {
        const score = p.score + best[end - p.length]!;
        if (best[end] === 0 || score >= best[end]!) {
          best[end] = score;
          words[end] = p.index;
          lengths[end] = p.length;
        }
      }
    }
    const out: number[] = [];
    for (let at = symbols.length; at > 0;) {
      out.push(words[at]!);
      at -= words[at] === 0 ? lengths[at]! : [...this.#vocabulary[words[at]!]![0]].length;
    }
    const merged: number[] = [];
    let previousUnknown = false;
    for (const id of out) {
      if (!(previousUnknown && id === 0)) merged.push(id);
      previousUnknown = id === 0;
    }
    return merged.reverse();
  }
}
