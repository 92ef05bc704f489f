// The unsent answer of each call in progress, kept for this tab (sessionStorage) under the attempt's
// id: the browser's Back button or a reload in the middle of a call loses nothing typed. It stays on
// this machine, like the attempt itself, and goes when the answer is sent.

/** The part of the Web Storage API the drafts use; tests pass a Map-backed fake. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const KEY_PREFIX = 'verbatim.draft.';

export class DraftKeeper {
  readonly #storage: DraftStorage | null;

  constructor(storage: DraftStorage | null) {
    this.#storage = storage;
  }

  /** The unsent answer kept for this attempt, if any. */
  load(attemptId: string): string | null {
    try {
      return this.#storage?.getItem(KEY_PREFIX + attemptId) ?? null;
    } catch {
      return null;
    }
  }

  /** Keeps what is in the answer box now (nothing kept for an empty box). */
  save(attemptId: string | null, text: string): void {
    if (attemptId === null) return;
    try {
      if (text.trim()) this.#storage?.setItem(KEY_PREFIX + attemptId, text);
      else this.#storage?.removeItem(KEY_PREFIX + attemptId);
    } catch {
      // Storage full or blocked: the draft is simply not kept, as before.
    }
  }

  clear(attemptId: string | null): void {
    this.save(attemptId, '');
  }
}
