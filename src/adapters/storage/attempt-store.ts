// The attempts database. Every write that depends on what is stored (appending a turn, finishing a
// call) reads and writes inside one IndexedDB transaction: transactions over the same store are
// serialised across tabs, so two tabs can never interleave and corrupt one call. Every write goes
// through `guard`, so a failed one always reaches the caller as an error with a plain message.
import { openDB, type IDBPDatabase } from 'idb';
import {
  allHeads,
  clearRecords,
  deleteTraineeRecords,
  estimateStorage,
  filteredHeads,
  firstHeads,
  headChoices,
  importRecords,
  listRecords,
  requestPersistence,
} from './bulk.ts';
import { DB_NAME, DB_VERSION, upgrade, type VerbatimDB } from './db-schema.ts';
import { headOf } from '../../core/review/attempt-head.ts';
import {
  defaultMarkStorage,
  MAX_KNOWN_TRAINEES,
  readMark,
  settingsOf,
  writeMark,
  type MarkStorage,
} from './settings-store.ts';
import { guard } from './store-errors.ts';
import type { AttemptFilter, FilterOptions } from '../../core/review/index.ts';
import type {
  AppendResult,
  AttemptHead,
  AttemptQuery,
  AttemptRecord,
  AttemptStatus,
  AttemptStore,
  AttemptSummary,
  ImportResult,
  NewAttempt,
  PersistenceState,
  Settings,
  StorageLoss,
  StoredTurn,
} from '../../core/ports/index.ts';

export { headOf };
export { DB_NAME, DB_VERSION, migrateRecordV1 } from './db-schema.ts';
export { ImportRefusedError, StorageFullError, StorageGoneError, StorageWriteError } from './store-errors.ts';

export interface OpenOptions {
  /** Database name (tests use a fresh one each). */
  name?: string;
  /** Called when a newer version of the app wants the database: the connection is closed. */
  onVersionChange?: () => void;
  /** Called when the browser closes the database under the app (its storage was cleared). */
  onGone?: () => void;
  now?: () => Date;
  newId?: () => string;
  /** The browser's StorageManager (tests pass a fake); defaults to navigator.storage; null: none. */
  storageManager?: Pick<StorageManager, 'persist' | 'persisted' | 'estimate'> | null;
  /** Where the database's existence is remembered outside it (localStorage; null: nowhere). */
  markStorage?: MarkStorage | null;
}

export async function openAttemptStore(options: OpenOptions = {}): Promise<AttemptStore> {
  let created = false;
  let gone = false;
  const db: IDBPDatabase<VerbatimDB> = await openDB<VerbatimDB>(options.name ?? DB_NAME, DB_VERSION, {
    upgrade: (database, oldVersion, _newVersion, tx) => {
      created = oldVersion === 0;
      upgrade(database, oldVersion, tx);
    },
    blocking: () => {
      db.close();
      options.onVersionChange?.();
    },
    terminated: () => {
      gone = true;
      options.onGone?.();
    },
  });
  const marks = options.markStorage === undefined ? defaultMarkStorage() : options.markStorage;
  const before = readMark(marks);
  // A database made just now where one was made before: the browser removed the old one. The loss
  // is kept in the new database's settings and reported until the next export.
  let loss = (await db.get('settings', 'storageLoss')) as StorageLoss | undefined | null;
  if (created && before) {
    loss = { since: before.since, lastExportedAt: before.lastExportedAt };
    await db.put('settings', loss, 'storageLoss');
  }
  if (!before || created) writeMark(marks, { since: new Date().toISOString(), lastExportedAt: null });
  return new IdbAttemptStore(db, options, marks, loss ?? null, () => gone);
}

class IdbAttemptStore implements AttemptStore {
  readonly #db: IDBPDatabase<VerbatimDB>;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #settings: ReturnType<typeof settingsOf>;
  readonly #options: OpenOptions;
  readonly #marks: MarkStorage | null;
  readonly #isGone: () => boolean;
  loss: StorageLoss | null;

  constructor(
    db: IDBPDatabase<VerbatimDB>,
    options: OpenOptions,
    marks: MarkStorage | null,
    loss: StorageLoss | null,
    isGone: () => boolean,
  ) {
    this.#db = db;
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? (() => crypto.randomUUID());
    this.#settings = settingsOf(db);
    this.#marks = marks;
    this.loss = loss;
    this.#isGone = isGone;
  }

  get gone(): boolean {
    return this.#isGone();
  }

  #iso(): string {
    return this.#now().toISOString();
  }

  /** Writes a record and its head in one transaction. */
  async #write(records: AttemptRecord[], mode: 'add' | 'put' = 'put'): Promise<void> {
    const tx = this.#db.transaction(['attempts', 'heads'], 'readwrite');
    await Promise.all([
      ...records.map((r) => tx.objectStore('attempts')[mode](r)),
      ...records.map((r) => tx.objectStore('heads').put(headOf(r))),
      tx.done,
    ]);
  }

  async create(attempt: NewAttempt): Promise<AttemptRecord> {
    const at = attempt.startedAt ?? this.#iso();
    const record: AttemptRecord = {
      id: attempt.id ?? this.#newId(),
      trainee: attempt.trainee,
      packId: attempt.packId,
      packVersion: attempt.packVersion,
      scenarioId: attempt.scenarioId,
      scenarioTitle: attempt.scenarioTitle,
      mode: attempt.mode,
      startedAt: at,
      updatedAt: at,
      status: 'in-progress',
      turns: [],
      summary: null,
      notes: [],
      disputes: [],
    };
    await guard(() => this.#write([record], 'add'));
    return record;
  }

  get = (id: string): Promise<AttemptRecord | undefined> => this.#db.get('attempts', id);

  put(record: AttemptRecord): Promise<void> {
    return guard(() => this.#write([record]));
  }

  appendTurn(id: string, expectedIndex: number, turn: StoredTurn): Promise<AppendResult> {
    return guard(async () => {
      const tx = this.#db.transaction('attempts', 'readwrite');
      const record = await tx.store.get(id);
      let result: AppendResult;
      if (!record) result = { ok: false, reason: 'missing' };
      else if (record.status !== 'in-progress') result = { ok: false, reason: 'closed', record };
      else if (record.turns.length !== expectedIndex) result = { ok: false, reason: 'conflict', record };
      else {
        const next: AttemptRecord = { ...record, turns: [...record.turns, turn], updatedAt: this.#iso() };
        await tx.store.put(next);
        result = { ok: true, record: next };
      }
      await tx.done;
      return result;
    });
  }

  modify(
    id: string,
    change: (record: AttemptRecord) => AttemptRecord | null,
  ): Promise<AttemptRecord | undefined> {
    return guard(async () => {
      const tx = this.#db.transaction(['attempts', 'heads'], 'readwrite');
      const record = await tx.objectStore('attempts').get(id);
      const next = record ? change(record) : null;
      if (next)
        await Promise.all([tx.objectStore('attempts').put(next), tx.objectStore('heads').put(headOf(next))]);
      await tx.done;
      return record ? (next ?? record) : undefined;
    });
  }

  flagTurn(id: string, index: number, flagged: boolean): Promise<AttemptRecord | undefined> {
    return this.modify(id, (record) => {
      const turn = record.turns[index];
      if (!turn) return null;
      const turns = record.turns.slice();
      turns[index] = { ...turn, flaggedForCoach: flagged };
      return { ...record, turns, updatedAt: this.#iso() };
    });
  }

  finish(
    id: string,
    summary: AttemptSummary | null,
    status: Exclude<AttemptStatus, 'in-progress'>,
  ): Promise<AttemptRecord | undefined> {
    return this.modify(id, (record) =>
      record.status === 'in-progress' ? { ...record, summary, status, updatedAt: this.#iso() } : null,
    );
  }

  async markExported(at?: string): Promise<Settings> {
    const when = at ?? this.#iso();
    const settings = await guard(() => this.#settings.write({ lastExportedAt: when }));
    await this.#db.delete('settings', 'storageLoss');
    this.loss = null;
    const mark = readMark(this.#marks);
    writeMark(this.#marks, { since: mark?.since ?? when, lastExportedAt: when });
    return settings;
  }

  async findInProgress(trainee: string, packId: string, scenarioId: string) {
    const scenario = { packId, scenarioId };
    return (await listRecords(this.#db, { trainee, scenario, status: 'in-progress' }))[0];
  }

  getSettings(): Promise<Settings> {
    return this.#settings.read();
  }

  updateSettings(patch: Partial<Settings>): Promise<Settings> {
    return guard(() => this.#settings.write(patch));
  }

  async rememberTrainee(name: string): Promise<Settings> {
    const trimmed = name.trim();
    const current = await this.#settings.read();
    const knownTrainees = [trimmed, ...current.knownTrainees.filter((t) => t !== trimmed)].slice(
      0,
      MAX_KNOWN_TRAINEES,
    );
    return this.updateSettings({ knownTrainees, currentTrainee: trimmed });
  }

  async forgetTrainee(name: string): Promise<Settings> {
    const current = await this.#settings.read();
    return this.updateSettings({
      knownTrainees: current.knownTrainees.filter((t) => t !== name),
      ...(current.currentTrainee === name ? { currentTrainee: null } : {}),
    });
  }

  list(query: AttemptQuery = {}): Promise<AttemptRecord[]> {
    return listRecords(this.#db, query);
  }

  listHeads(): Promise<AttemptHead[]> {
    return allHeads(this.#db);
  }

  filterHeads = (filter: AttemptFilter): Promise<AttemptHead[] | null> => filteredHeads(this.#db, filter);
  filterChoices = (): Promise<FilterOptions> => headChoices(this.#db);

  firstHeads(limit: number): Promise<{ heads: AttemptHead[]; total: number }> {
    return firstHeads(this.#db, limit);
  }

  importAttempts(records: AttemptRecord[]): Promise<ImportResult> {
    return guard(() => importRecords(this.#db, records));
  }

  clearAttempts(): Promise<void> {
    return guard(() => clearRecords(this.#db));
  }

  deleteTrainee(trainee: string): Promise<number> {
    return guard(() => deleteTraineeRecords(this.#db, trainee));
  }

  requestPersistence(): Promise<PersistenceState> {
    return requestPersistence(this.#options.storageManager);
  }

  estimate = (): Promise<{ usage: number; quota: number } | null> =>
    estimateStorage(this.#options.storageManager);

  close = (): void => this.#db.close();
}
