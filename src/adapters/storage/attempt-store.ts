// The attempts database. Every write that depends on what is stored (appending a turn, finishing a
// call) reads and writes inside one IndexedDB transaction: transactions over the same store are
// serialised across tabs, so two tabs can never interleave and corrupt one call.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { planMerge } from '../../core/review/index.ts';
import { headOf } from '../../core/review/attempt-head.ts';

export { headOf };
import type {
  AppendResult,
  AttemptHead,
  ImportResult,
  PersistenceState,
  AttemptQuery,
  AttemptRecord,
  AttemptStatus,
  AttemptStore,
  AttemptSummary,
  NewAttempt,
  Settings,
  StoredTurn,
} from '../../core/ports/index.ts';

export const DB_NAME = 'verbatim';
export const DB_VERSION = 2;

/** A write failed because the browser's storage for this site is full. */
export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super(
      'This computer has run out of space for saved calls. Export the attempts (Review, Export), then clear old ones or free disk space. Nothing was saved from the last change.',
      { cause },
    );
    this.name = 'StorageFullError';
  }
}

function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** Turns a quota failure into a plain message; other errors pass through. */
async function guard<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isQuotaError(e)) throw new StorageFullError(e);
    throw e;
  }
}

interface VerbatimDB extends DBSchema {
  attempts: {
    key: string;
    value: AttemptRecord;
    indexes: {
      byTrainee: string;
      byScenario: string;
      byTraineeScenario: [string, string];
      byStatus: string;
      byStartedAt: string;
      byTraineeStartedAt: [string, string];
    };
  };
  settings: {
    key: string;
    value: unknown;
  };
  /** Version 2: each attempt's head, kept in step with `attempts` in the same transactions. */
  heads: {
    key: string;
    value: AttemptHead;
  };
}

const defaultSettings: Settings = { knownTrainees: [], currentTrainee: null, lastExportedAt: null };
const MAX_KNOWN_TRAINEES = 50;

export interface OpenOptions {
  /** Database name (tests use a fresh one each). */
  name?: string;
  /** Called when a newer version of the app wants the database: the connection is closed. */
  onVersionChange?: () => void;
  now?: () => Date;
  newId?: () => string;
  /** The browser's StorageManager (tests pass a fake); defaults to navigator.storage; null: none. */
  storageManager?: Pick<StorageManager, 'persist' | 'persisted' | 'estimate'> | null;
}

/** Brings a record saved by schema version 1 up to version 2: notes and disputes always arrays. */
export function migrateRecordV1(record: unknown): AttemptRecord {
  const r = record as AttemptRecord;
  return {
    ...r,
    notes: Array.isArray(r.notes) ? r.notes : [],
    disputes: Array.isArray(r.disputes) ? r.disputes : [],
  };
}

/** Schema upgrades: append a `case` per version, never edit a released one. Cases fall through. */
function upgrade(
  db: IDBPDatabase<VerbatimDB>,
  oldVersion: number,
  tx: IDBPTransaction<VerbatimDB, StoreNames<VerbatimDB>[], 'versionchange'>,
): void {
  /* eslint-disable no-fallthrough -- each version's step runs after the one before */
  switch (oldVersion) {
    case 0: {
      const attempts = db.createObjectStore('attempts', { keyPath: 'id' });
      attempts.createIndex('byTrainee', 'trainee');
      attempts.createIndex('byScenario', 'scenarioId');
      attempts.createIndex('byTraineeScenario', ['trainee', 'scenarioId']);
      attempts.createIndex('byStatus', 'status');
      attempts.createIndex('byStartedAt', 'startedAt');
      db.createObjectStore('settings');
    }
    case 1: {
      const attempts = tx.objectStore('attempts');
      attempts.createIndex('byTraineeStartedAt', ['trainee', 'startedAt']);
      const heads = db.createObjectStore('heads', { keyPath: 'id' });
      // Rewrite every record in this same upgrade transaction: if it fails, version 1 stays intact.
      void attempts.openCursor().then(async function step(cursor): Promise<void> {
        if (!cursor) return;
        const record = migrateRecordV1(cursor.value);
        await Promise.all([cursor.update(record), heads.put(headOf(record))]);
        return cursor.continue().then(step);
      });
    }
  }
  /* eslint-enable no-fallthrough */
}

export async function openAttemptStore(options: OpenOptions = {}): Promise<AttemptStore> {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const db = await openDB<VerbatimDB>(options.name ?? DB_NAME, DB_VERSION, {
    upgrade: (database, oldVersion, _newVersion, tx) => upgrade(database, oldVersion, tx),
    blocking: () => {
      db.close();
      options.onVersionChange?.();
    },
  });
  const iso = () => now().toISOString();

  async function readSettings(): Promise<Settings> {
    const tx = db.transaction('settings');
    const [knownTrainees, currentTrainee, lastExportedAt] = await Promise.all([
      tx.store.get('knownTrainees'),
      tx.store.get('currentTrainee'),
      tx.store.get('lastExportedAt'),
    ]);
    return {
      knownTrainees: Array.isArray(knownTrainees)
        ? knownTrainees.filter((t): t is string => typeof t === 'string')
        : defaultSettings.knownTrainees,
      currentTrainee: typeof currentTrainee === 'string' ? currentTrainee : null,
      lastExportedAt: typeof lastExportedAt === 'string' ? lastExportedAt : null,
    };
  }

  async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
    const tx = db.transaction('settings', 'readwrite');
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) await tx.store.put(value, key);
    }
    await tx.done;
    return readSettings();
  }

  async function update(
    id: string,
    change: (record: AttemptRecord) => AttemptRecord | null,
  ): Promise<AttemptRecord | undefined> {
    const tx = db.transaction(['attempts', 'heads'], 'readwrite');
    const record = await tx.objectStore('attempts').get(id);
    if (!record) {
      await tx.done;
      return undefined;
    }
    const next = change(record);
    if (next)
      await Promise.all([tx.objectStore('attempts').put(next), tx.objectStore('heads').put(headOf(next))]);
    await tx.done;
    return next ?? record;
  }

  async function appendTurn(id: string, expectedIndex: number, turn: StoredTurn): Promise<AppendResult> {
    const tx = db.transaction('attempts', 'readwrite');
    const record = await tx.store.get(id);
    let result: AppendResult;
    if (!record) result = { ok: false, reason: 'missing' };
    else if (record.status !== 'in-progress') result = { ok: false, reason: 'closed', record };
    else if (record.turns.length !== expectedIndex) result = { ok: false, reason: 'conflict', record };
    else {
      const next: AttemptRecord = { ...record, turns: [...record.turns, turn], updatedAt: iso() };
      await tx.store.put(next);
      result = { ok: true, record: next };
    }
    await tx.done;
    return result;
  }

  const guardedUpdate = (id: string, change: (record: AttemptRecord) => AttemptRecord | null) =>
    guard(() => update(id, change));

  return {
    async create(attempt: NewAttempt): Promise<AttemptRecord> {
      const at = attempt.startedAt ?? iso();
      const record: AttemptRecord = {
        id: attempt.id ?? newId(),
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
      await guard(async () => {
        const tx = db.transaction(['attempts', 'heads'], 'readwrite');
        await Promise.all([
          tx.objectStore('attempts').add(record),
          tx.objectStore('heads').put(headOf(record)),
        ]);
        await tx.done;
      });
      return record;
    },

    get: (id) => db.get('attempts', id),

    async list(query: AttemptQuery = {}): Promise<AttemptRecord[]> {
      let records: AttemptRecord[];
      if (query.trainee !== undefined && query.scenarioId !== undefined) {
        records = await db.getAllFromIndex('attempts', 'byTraineeScenario', [
          query.trainee,
          query.scenarioId,
        ]);
      } else if (query.trainee !== undefined) {
        records = await db.getAllFromIndex('attempts', 'byTrainee', query.trainee);
      } else if (query.scenarioId !== undefined) {
        records = await db.getAllFromIndex('attempts', 'byScenario', query.scenarioId);
      } else {
        records = await db.getAll('attempts');
      }
      return records
        .filter((r) => query.status === undefined || r.status === query.status)
        .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
    },

    async listHeads(): Promise<AttemptHead[]> {
      const heads = await db.getAll('heads');
      return heads.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
    },

    async put(record: AttemptRecord): Promise<void> {
      await guard(async () => {
        const tx = db.transaction(['attempts', 'heads'], 'readwrite');
        await Promise.all([
          tx.objectStore('attempts').put(record),
          tx.objectStore('heads').put(headOf(record)),
        ]);
        await tx.done;
      });
    },

    appendTurn: (id: string, expectedIndex: number, turn: StoredTurn): Promise<AppendResult> =>
      guard(() => appendTurn(id, expectedIndex, turn)),

    flagTurn: (id, index, flagged) =>
      guardedUpdate(id, (record) => {
        const turn = record.turns[index];
        if (!turn) return null;
        const turns = record.turns.slice();
        turns[index] = { ...turn, flaggedForCoach: flagged };
        return { ...record, turns, updatedAt: iso() };
      }),

    finish: (id: string, summary: AttemptSummary | null, status: Exclude<AttemptStatus, 'in-progress'>) =>
      guardedUpdate(id, (record) =>
        record.status === 'in-progress' ? { ...record, summary, status, updatedAt: iso() } : null,
      ),

    modify: guardedUpdate,

    importAttempts: (records: AttemptRecord[]): Promise<ImportResult> =>
      guard(async () => {
        // One transaction reads what is here and writes the merge: all or nothing, and no other
        // tab can write between the read and the writes.
        const tx = db.transaction(['attempts', 'heads'], 'readwrite');
        const store = tx.objectStore('attempts');
        const ids = new Set(records.map((r) => r.id));
        const existing = (await Promise.all([...ids].map((id) => store.get(id)))).filter(
          (r): r is AttemptRecord => r !== undefined,
        );
        const plan = planMerge(existing, records);
        try {
          await Promise.all(
            plan.writes.flatMap((r) => [
              store.put(r as AttemptRecord),
              tx.objectStore('heads').put(headOf(r as AttemptRecord)),
            ]),
          );
          await tx.done;
        } catch (e) {
          try {
            tx.abort();
          } catch {
            // already aborted by the failed request
          }
          throw e;
        }
        return { added: plan.added, updated: plan.updated, unchanged: plan.unchanged };
      }),

    async clearAttempts(): Promise<void> {
      const tx = db.transaction(['attempts', 'heads'], 'readwrite');
      await Promise.all([tx.objectStore('attempts').clear(), tx.objectStore('heads').clear()]);
      await tx.done;
    },

    markExported: (at?: string) => writeSettings({ lastExportedAt: at ?? iso() }),

    async requestPersistence(): Promise<PersistenceState> {
      const storage =
        options.storageManager === undefined ? globalThis.navigator?.storage : options.storageManager;
      if (!storage?.persist) return 'unsupported';
      try {
        if (storage.persisted && (await storage.persisted())) return 'granted';
        return (await storage.persist()) ? 'granted' : 'denied';
      } catch {
        return 'unsupported';
      }
    },

    async estimate() {
      const storage =
        options.storageManager === undefined ? globalThis.navigator?.storage : options.storageManager;
      if (!storage?.estimate) return null;
      const e = await storage.estimate();
      return { usage: e.usage ?? 0, quota: e.quota ?? 0 };
    },

    async findInProgress(trainee: string, scenarioId: string): Promise<AttemptRecord | undefined> {
      const records = await db.getAllFromIndex('attempts', 'byTraineeScenario', [trainee, scenarioId]);
      return records
        .filter((r) => r.status === 'in-progress')
        .sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))[0];
    },

    getSettings: readSettings,
    updateSettings: writeSettings,

    async rememberTrainee(name: string): Promise<Settings> {
      const trimmed = name.trim();
      const current = await readSettings();
      const knownTrainees = [trimmed, ...current.knownTrainees.filter((t) => t !== trimmed)].slice(
        0,
        MAX_KNOWN_TRAINEES,
      );
      return writeSettings({ knownTrainees, currentTrainee: trimmed });
    },

    close: () => db.close(),
  };
}
