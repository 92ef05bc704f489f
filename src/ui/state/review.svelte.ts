// The coaches' review screens: every saved attempt, filters, export and import, notes and disputes.
// Components only render this state and call its methods.
import type { AttemptHead, AttemptRecord, AttemptStore, Settings } from '../../core/ports/index.ts';
import { headOf } from '../../core/review/attempt-head.ts';
import {
  attemptsCsv,
  buildExport,
  filterAttempts,
  filterOptions,
  flagDispute,
  parseExport,
  resolveDispute,
  rescoreAttempts,
  sortAttempts,
  statementsCsv,
  type AttemptFilter,
  type FlagInput,
  type ResolveInput,
  type ScoreDifference,
  type SortDir,
  type SortKey,
  type StatementDetail,
} from '../../core/review/index.ts';
import type { CallReport, PracticeLibrary, TraineeTurn } from '../../core/ports/index.ts';
import { summarise } from './call-session.svelte.ts';
import { messageOf } from '../../core/message-of.ts';

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  differences: ScoreDifference[];
  unverified: string[];
}

export interface ReviewDeps {
  store: () => Promise<AttemptStore>;
  library: () => Promise<PracticeLibrary>;
  now: () => Date;
  newId?: () => string;
  /** Saves a file for the user (a download in the browser). */
  save?: (filename: string, text: string, type: string) => void;
}

function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const toTraineeTurns = (r: AttemptRecord): TraineeTurn[] =>
  r.turns.map(({ text, silenceBefore, alternatives, source }) => ({
    text,
    silenceBefore,
    alternatives,
    source,
  }));

export class ReviewState {
  /** The table's rows: heads only, so 10,000 attempts open quickly. */
  heads = $state.raw<AttemptHead[]>([]);
  /** Whole records (turns, notes, disputes), read when a page needs them. */
  attempts = $state.raw<AttemptRecord[]>([]);
  loaded = $state(false);
  full = $state(false);
  loadError = $state<string | null>(null);
  settings = $state.raw<Settings | null>(null);
  persistence = $state<'granted' | 'denied' | 'unsupported' | null>(null);

  filter = $state<AttemptFilter>({});
  sortKey = $state<SortKey>('date');
  sortDir = $state<SortDir>('desc');

  importErrors = $state.raw<string[]>([]);
  importReport = $state.raw<ImportReport | null>(null);
  busy = $state(false);
  /** The last write that failed, in plain words. */
  writeError = $state<string | null>(null);

  visible = $derived(sortAttempts(filterAttempts(this.heads, this.filter), this.sortKey, this.sortDir));
  options = $derived(filterOptions(this.heads));

  #deps: ReviewDeps;

  constructor(deps: ReviewDeps) {
    this.#deps = deps;
  }

  byId(id: string): AttemptRecord | undefined {
    return this.attempts.find((a) => a.id === id);
  }

  async load(): Promise<void> {
    try {
      const store = await this.#deps.store();
      performance.mark('review:read-start');
      const [heads, settings] = await Promise.all([store.listHeads(), store.getSettings()]);
      // Marks for the benchmark (tests/e2e/review.e2e.mjs): reading versus drawing the table.
      performance.measure('review:read', 'review:read-start');
      this.heads = heads;
      this.settings = settings;
      this.loaded = true;
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

  async #reloadAll(store: AttemptStore): Promise<void> {
    this.heads = await store.listHeads();
    if (this.full) await this.#reloadFull(store);
  }

  #loadingFull = false;

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

  sortBy(key: SortKey): void {
    if (this.sortKey === key) this.sortDir = this.sortDir === 'asc' ? 'desc' : 'asc';
    else {
      this.sortKey = key;
      this.sortDir = key === 'date' || key === 'score' ? 'desc' : 'asc';
    }
  }

  setFilter(patch: Partial<AttemptFilter>): void {
    const next = { ...this.filter, ...patch };
    for (const k of Object.keys(next) as (keyof AttemptFilter)[]) if (!next[k]) delete next[k];
    this.filter = next;
  }

  #stamp(): string {
    return this.#deps.now().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  }

  async exportJson(): Promise<void> {
    const now = this.#deps.now().toISOString();
    const store = await this.#deps.store();
    // Read fresh from the store: another tab may have saved a call since this page opened.
    const text = buildExport(await store.list(), { exportedAt: now });
    (this.#deps.save ?? download)(`verbatim-attempts-${this.#stamp()}.json`, text, 'application/json');
    this.settings = await store.markExported(now);
  }

  async exportCsv(kind: 'attempts' | 'statements'): Promise<void> {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, not state
    const shown = new Set(this.visible.map((h) => h.id));
    const store = await this.#deps.store();
    const rows = (await store.list()).filter((a) => shown.has(a.id));
    const text = kind === 'attempts' ? attemptsCsv(rows) : statementsCsv(rows);
    (this.#deps.save ?? download)(`verbatim-${kind}-${this.#stamp()}.csv`, text, 'text/csv');
  }

  async importText(text: string): Promise<void> {
    this.importErrors = [];
    this.importReport = null;
    const parsed = parseExport(text);
    if (!parsed.ok) {
      this.importErrors = parsed.errors;
      return;
    }
    this.busy = true;
    try {
      const library = await this.#deps.library().catch(() => null);
      const outcome = rescoreAttempts(parsed.file.attempts, (attempt) => {
        const scenario = library?.find(attempt.scenarioId);
        if (!library || !scenario) return null;
        return {
          summary: summarise(library.run(scenario, toTraineeTurns(attempt as AttemptRecord), attempt.mode)),
        };
      });
      const store = await this.#deps.store();
      const result = await store.importAttempts(outcome.attempts as AttemptRecord[]);
      this.importReport = {
        added: result.added.length,
        updated: result.updated.length,
        unchanged: result.unchanged.length,
        differences: outcome.differences,
        unverified: outcome.unverified,
      };
      await this.#reloadAll(store);
    } catch (e) {
      this.importErrors = [`Nothing was imported: ${messageOf(e)}`];
    } finally {
      this.busy = false;
    }
  }

  async clearAll(): Promise<void> {
    const store = await this.#deps.store();
    await store.clearAttempts();
    this.attempts = [];
    this.heads = [];
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

  #id(): string {
    return (this.#deps.newId ?? (() => crypto.randomUUID()))();
  }

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

  /** The whole call replayed with the installed scorer, for the diffs; null when the pack is not here. */
  async replay(id: string): Promise<CallReport | null> {
    const attempt = this.byId(id);
    if (!attempt) return null;
    const library = await this.#deps.library();
    const scenario = library.find(attempt.scenarioId);
    return scenario ? library.run(scenario, toTraineeTurns(attempt), attempt.mode) : null;
  }

  /** Words and key elements each statement missed, from replaying the trainee's calls. */
  async details(trainee: string): Promise<StatementDetail[]> {
    const library = await this.#deps.library().catch(() => null);
    if (!library) return [];
    const out: StatementDetail[] = [];
    for (const attempt of this.attempts) {
      if (attempt.trainee !== trainee || attempt.summary === null) continue;
      const scenario = library.find(attempt.scenarioId);
      if (!scenario) continue;
      for (const st of library.run(scenario, toTraineeTurns(attempt), attempt.mode).statements) {
        if (!st.result) continue;
        out.push({
          attemptId: attempt.id,
          scriptId: st.scriptId,
          missingWords: st.result.deviations.flatMap((d) =>
            d.kind === 'missing' || d.kind === 'replaced' ? [d.scriptWord] : [],
          ),
          missingKeyElements: st.result.missingKeyElements,
        });
      }
    }
    return out;
  }

  /** Script titles from the installed packs, for labels. */
  async titles(): Promise<ReadonlyMap<string, string>> {
    const library = await this.#deps.library().catch(() => null);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- built once, replaced, never mutated
    return new Map((library?.scripts ?? []).map((s) => [s.id, s.title]));
  }
}
