// The coaches' review screens: every saved attempt, filters, export and import, notes and disputes.
// Components only render this state and call its methods.
import type {
  AttemptHead,
  AttemptRecord,
  AttemptStore,
  Settings,
  StorageLoss,
} from '../../core/ports/index.ts';
import { headOf } from '../../core/review/attempt-head.ts';
import {
  flagDispute,
  resolveDispute,
  type FlagInput,
  type ResolveInput,
  type StatementDetail,
  type TextSource,
} from '../../core/review/index.ts';
import type { CallReport, PracticeLibrary } from '../../core/ports/index.ts';
import { messageOf } from '../../core/message-of.ts';
import { importAttempts, type ImportReport } from './review-import.ts';
import { missedDetails, replayAttempt } from './review-replay.ts';
import { download } from './download.ts';
import { exportAllJson, exportShownCsv } from './review-export.ts';
import { nextFrame } from '../dom.ts';
import { PAGE_SIZE, ReviewRows } from './review-rows.svelte.ts';

export type { ImportReport };
export { PAGE_SIZE };

export interface ReviewDeps {
  store: () => Promise<AttemptStore>;
  library: () => Promise<PracticeLibrary>;
  now: () => Date;
  newId?: () => string;
  /** Saves a file for the user (a download in the browser). */
  save?: (filename: string, text: string, type: string) => void;
}

export class ReviewState extends ReviewRows {
  /** Whole records (turns, notes, disputes), read when a page needs them. */
  attempts = $state.raw<AttemptRecord[]>([]);
  loaded = $state(false);
  full = $state(false);
  loadError = $state<string | null>(null);
  settings = $state.raw<Settings | null>(null);
  persistence = $state<'granted' | 'denied' | 'unsupported' | null>(null);

  importErrors = $state.raw<string[]>([]);
  importReport = $state.raw<ImportReport | null>(null);
  busy = $state(false);
  /** While a file is imported: attempts checked so far, out of how many. */
  progress = $state.raw<{ done: number; total: number } | null>(null);
  /** The last write that failed, in plain words. */
  writeError = $state<string | null>(null);

  /** Set when the browser removed this machine's saved attempts since the app last ran. */
  loss = $state.raw<StorageLoss | null>(null);
  #deps: ReviewDeps;

  constructor(deps: ReviewDeps) {
    super(deps.store);
    this.#deps = deps;
  }

  byId(id: string): AttemptRecord | undefined {
    return this.attempts.find((a) => a.id === id);
  }

  /**
   * Opens the table with its first page (read newest first through an index, however many attempts
   * there are), then reads every head for filtering, sorting and the other pages.
   */
  async load(): Promise<void> {
    try {
      const store = await this.#deps.store();
      performance.mark('review:read-start');
      const [, settings] = await Promise.all([this.readFirstPage(store, PAGE_SIZE), store.getSettings()]);
      // Marks for the benchmark (tests/e2e/review.e2e.mjs): reading versus drawing the table.
      performance.measure('review:read', 'review:read-start');
      this.settings = settings;
      this.loss = store.loss;
      this.loaded = true;
      // Let the first page be drawn before every head is read (and decoded on this thread).
      await nextFrame();
      await this.readAllHeads(store);
      this.persistence = await store.requestPersistence();
    } catch (e) {
      this.loadError = messageOf(e);
      this.loaded = true;
    }
  }

  async #reloadFull(store: AttemptStore): Promise<void> {
    this.attempts = await store.list();
    this.full = true;
  }

  /**
   * After an import (whole records read again when next needed) or a trainee's deletion (theirs
   * dropped): the heads put in place without reading them all again.
   */
  async #changed(store: AttemptStore, heads: AttemptHead[], removed?: string): Promise<void> {
    if (removed !== undefined) this.attempts = this.attempts.filter((a) => a.trainee !== removed);
    else {
      this.full = false;
      this.attempts = [];
    }
    await this.headsChanged(store, heads, removed);
  }

  #loadingFull = false;

  /** After attempts were added elsewhere (a team file imported on the server): read the table again. */
  async refresh(): Promise<void> {
    await this.#changed(await this.#deps.store(), []);
  }

  /** Reads whole records, for the pages that need turns, notes and disputes. */
  async ensureFull(): Promise<void> {
    if (this.full || this.#loadingFull) return;
    this.#loadingFull = true;
    try {
      await this.#reloadFull(await this.#deps.store());
    } finally {
      this.#loadingFull = false;
    }
  }

  async exportJson(): Promise<void> {
    this.settings = await exportAllJson(await this.#deps.store(), this.#deps.now(), this.#save);
  }

  async exportCsv(kind: 'attempts' | 'statements'): Promise<void> {
    const ids = this.visible.map((h) => h.id);
    await exportShownCsv(await this.#deps.store(), ids, kind, this.#deps.now(), this.#save);
  }

  #save = (filename: string, text: string, type: string) =>
    (this.#deps.save ?? download)(filename, text, type);

  /** Imports a file's text. `by` is who is importing: shown beside every decision the file brings. */
  async importText(text: TextSource, fileName = 'attempts.json', by = ''): Promise<void> {
    this.importErrors = [];
    this.importReport = null;
    this.busy = true;
    try {
      const [library, store] = await Promise.all([
        this.#deps.library().catch(() => null),
        this.#deps.store(),
      ]);
      const at = this.#deps.now().toISOString();
      const progress = (done: number, total: number) => (this.progress = { done, total });
      const outcome = await importAttempts({
        text,
        mark: { file: fileName, by, at },
        library,
        store,
        progress,
      });
      if (outcome.ok) {
        this.importReport = outcome.report;
        // The report is drawn first, the table's rows in a later task: the two together held the page.
        await nextFrame();
        await this.#changed(store, outcome.added);
      } else this.importErrors = outcome.errors;
    } catch (e) {
      this.importErrors = [`Nothing was imported: ${messageOf(e)}`];
    } finally {
      this.busy = false;
      this.progress = null;
    }
  }

  /** A coach accepts a result that could not be re-checked here: it then counts in pass rates. */
  async accept(id: string, by: string): Promise<string | null> {
    if (!by.trim()) return 'Give your name.';
    const at = this.#deps.now().toISOString();
    await this.#modify(id, (r) =>
      r.notRechecked && !r.notRechecked.accepted
        ? { ...r, notRechecked: { ...r.notRechecked, accepted: { by: by.trim(), at } } }
        : null,
    );
    return this.writeError;
  }

  async clearAll(): Promise<void> {
    const store = await this.#deps.store();
    await store.clearAttempts();
    this.attempts = [];
    this.heads = [];
  }

  /** Deletes one trainee's attempts and forgets the name on this machine. */
  async deleteTrainee(trainee: string): Promise<number> {
    const store = await this.#deps.store();
    const removed = await store.deleteTrainee(trainee);
    this.settings = await store.forgetTrainee(trainee);
    await this.#changed(store, [], trainee);
    return removed;
  }

  async #modify(id: string, change: (r: AttemptRecord) => AttemptRecord | null): Promise<void> {
    this.writeError = null;
    try {
      const store = await this.#deps.store();
      const next = await store.modify(id, change);
      if (next) {
        this.attempts = this.attempts.map((a) => (a.id === id ? next : a));
        this.heads = this.heads.map((h) => (h.id === id ? headOf(next) : h));
      }
    } catch (e) {
      this.writeError = messageOf(e);
    }
  }

  #id = (): string => (this.#deps.newId ?? (() => crypto.randomUUID()))();

  async addNote(id: string, author: string, text: string): Promise<string | null> {
    if (!text.trim()) return 'Write a note first.';
    if (!author.trim()) return 'Give your name.';
    const note = {
      id: this.#id(),
      author: author.trim(),
      text: text.trim(),
      at: this.#deps.now().toISOString(),
    };
    await this.#modify(id, (r) => ({ ...r, notes: [...r.notes, note] }));
    return this.writeError;
  }

  async flag(id: string, input: FlagInput): Promise<string | null> {
    let error: string | null = null;
    const stamp = { id: this.#id(), now: this.#deps.now().toISOString() };
    await this.#modify(id, (r) => {
      const res = flagDispute(r, input, stamp);
      if (!res.ok) error = res.error;
      return res.ok ? (res.attempt as AttemptRecord) : null;
    });
    return error ?? this.writeError;
  }

  async resolve(id: string, disputeId: string, input: ResolveInput): Promise<string | null> {
    let error: string | null = null;
    const now = this.#deps.now().toISOString();
    await this.#modify(id, (r) => {
      const res = resolveDispute(r, disputeId, input, now);
      if (!res.ok) error = res.error;
      return res.ok ? (res.attempt as AttemptRecord) : null;
    });
    return error ?? this.writeError;
  }

  /** The whole call replayed through the pack version it was made with; a string saying why not. */
  async replay(id: string): Promise<CallReport | string | null> {
    const attempt = this.byId(id);
    return attempt ? replayAttempt(await this.#deps.library(), attempt) : null;
  }

  /** Words and key elements each statement missed, from replaying the trainee's calls. */
  async details(trainee: string): Promise<StatementDetail[]> {
    const library = await this.#deps.library().catch(() => null);
    return library ? missedDetails(library, this.attempts, trainee) : [];
  }

  /** Script titles from the installed packs, for labels. */
  async titles(): Promise<ReadonlyMap<string, string>> {
    const library = await this.#deps.library().catch(() => null);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- built once, replaced, never mutated
    return new Map((library?.scripts ?? []).map((s) => [s.id, s.title]));
  }
}
