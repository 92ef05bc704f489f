// The attempts database. Every write that depends on what is stored (appending a turn, finishing a
// call) reads and writes inside one IndexedDB transaction: transactions over the same store are
// serialised across tabs, so two tabs can never interleave and corrupt one call.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type {
  AppendResult,
  AttemptQuery,
  AttemptRecord,
  AttemptStatus,
  AttemptStore,
  AttemptSummary,
  NewAttempt,
  Settings,
  StoredTurn,
} from './types.ts';

export const DB_NAME = 'verbatim';
export const DB_VERSION = 1;

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
    };
  };
  settings: {
    key: string;
    value: unknown;
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
}

/** Schema upgrades: append a `case` per version, never edit a released one. */
function upgrade(db: IDBPDatabase<VerbatimDB>, oldVersion: number): void {
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
  }
}

export async function openAttemptStore(options: OpenOptions = {}): Promise<AttemptStore> {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const db = await openDB<VerbatimDB>(options.name ?? DB_NAME, DB_VERSION, {
    upgrade: (database, oldVersion) => upgrade(database, oldVersion),
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
    const tx = db.transaction('attempts', 'readwrite');
    const record = await tx.store.get(id);
    if (!record) {
      await tx.done;
      return undefined;
    }
    const next = change(record);
    if (next) await tx.store.put(next);
    await tx.done;
    return next ?? record;
  }

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
      await db.add('attempts', record);
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

    async put(record: AttemptRecord): Promise<void> {
      await db.put('attempts', record);
    },

    async appendTurn(id: string, expectedIndex: number, turn: StoredTurn): Promise<AppendResult> {
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
    },

    flagTurn: (id, index, flagged) =>
      update(id, (record) => {
        const turn = record.turns[index];
        if (!turn) return null;
        const turns = record.turns.slice();
        turns[index] = { ...turn, flaggedForCoach: flagged };
        return { ...record, turns, updatedAt: iso() };
      }),

    finish: (id: string, summary: AttemptSummary | null, status: Exclude<AttemptStatus, 'in-progress'>) =>
      update(id, (record) =>
        record.status === 'in-progress' ? { ...record, summary, status, updatedAt: iso() } : null,
      ),

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
