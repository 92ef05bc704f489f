// A large text kept as the pieces it was read in. Joining a 13 MB attempts file into one string
// copied it in one task of 150-270 ms on a busy two-core machine (profiled in Chromium and Node,
// tests/e2e/integrity.e2e.mjs), and a rope of `+` costs the same copy when it is first read. The
// import's scanner reads characters in order and cuts out one attempt at a time, so it never needs
// the whole file as one string: a `TextSource` gives it what it reads, and a plain string is one too.

/** What the attempts file's reader needs from a text: a plain string, or its pieces. */
export interface TextSource {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start: number, end?: number): string;
}

export class PieceText implements TextSource {
  readonly length: number;
  readonly #pieces: string[];
  /** Where each piece starts in the whole text. */
  readonly #starts: number[];
  /** The piece the last read fell in: reading in order stays there until it runs out. */
  #at = 0;

  constructor(pieces: readonly string[]) {
    this.#pieces = pieces.filter((p) => p.length > 0);
    this.#starts = [];
    let at = 0;
    for (const p of this.#pieces) {
      this.#starts.push(at);
      at += p.length;
    }
    this.length = at;
  }

  /** The pieces, in order, none of them empty. */
  get pieces(): readonly string[] {
    return this.#pieces;
  }

  /** The piece holding `index` (0 <= index < length). */
  #pieceOf(index: number): number {
    const at = this.#at;
    if (index >= this.#starts[at]! && index < this.#starts[at]! + this.#pieces[at]!.length) return at;
    let [lo, hi] = [0, this.#pieces.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return (this.#at = lo);
  }

  charCodeAt(index: number): number {
    if (!(index >= 0 && index < this.length)) return NaN;
    const p = this.#pieceOf(index);
    return this.#pieces[p]!.charCodeAt(index - this.#starts[p]!);
  }

  slice(start: number, end: number = this.length): string {
    // As String.prototype.slice: a negative index counts from the end.
    const clamp = (i: number) => (i < 0 ? Math.max(0, this.length + i) : Math.min(i, this.length));
    const from = clamp(start);
    const to = Math.max(from, clamp(end));
    if (from === to) return '';
    const parts: string[] = [];
    for (let p = this.#pieceOf(from); p < this.#pieces.length && this.#starts[p]! < to; p++) {
      const begin = this.#starts[p]!;
      parts.push(this.#pieces[p]!.slice(Math.max(0, from - begin), to - begin));
    }
    return parts.join('');
  }
}

/** A text's pieces in order: a string is one piece. */
export const piecesOf = (text: TextSource): readonly string[] =>
  typeof text === 'string' ? [text] : text instanceof PieceText ? text.pieces : [text.slice(0)];
