// The attempts database's schema and its upgrades, one `case` per version.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { headOf } from '../../core/review/attempt-head.ts';
import type { AttemptHead, AttemptRecord } from '../../core/ports/index.ts';

export const DB_NAME = 'verbatim';
export const DB_VERSION = 5;

export interface VerbatimDB extends DBSchema {
  attempts: {
    key: string;
    value: AttemptRecord;
    /**
     * Version 5: a scenario is looked up by its pack id and its id together (`byPackScenario`,
     * `byTraineePackScenario`); the indexes on the scenario id alone, which mixed two packs' scenarios
     * of the same id, are gone.
     */
    indexes: {
      byTrainee: string;
      byPackScenario: [string, string];
      byTraineePackScenario: [string, string, string];
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
    /**
     * Version 3: the table's first page is read newest first without reading every head. Version 4:
     * a filter answers through an index before every head has been read. Version 5: the scenario
     * index is on the pack id and the scenario id together.
     */
    indexes: { byStartedAt: string; byTrainee: string; byPackScenario: [string, string]; byEnding: string };
  };
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

/**
 * Creates an index a later version deletes: the schema's type lists only today's indexes, so the
 * store is used untyped for it.
 */
const createRetiredIndex = (store: { createIndex: unknown }, name: string, keyPath: string | string[]) =>
  (store as unknown as IDBObjectStore).createIndex(name, keyPath);

/** Schema upgrades: append a `case` per version, never edit a released one. Cases fall through. */
export function upgrade(
  db: IDBPDatabase<VerbatimDB>,
  oldVersion: number,
  tx: IDBPTransaction<VerbatimDB, StoreNames<VerbatimDB>[], 'versionchange'>,
): void {
  /* eslint-disable no-fallthrough -- each version's step runs after the one before */
  switch (oldVersion) {
    case 0: {
      const attempts = db.createObjectStore('attempts', { keyPath: 'id' });
      attempts.createIndex('byTrainee', 'trainee');
      createRetiredIndex(attempts, 'byScenario', 'scenarioId');
      createRetiredIndex(attempts, 'byTraineeScenario', ['trainee', 'scenarioId']);
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
    case 2:
      tx.objectStore('heads').createIndex('byStartedAt', 'startedAt');
    case 3: {
      const heads = tx.objectStore('heads');
      heads.createIndex('byTrainee', 'trainee');
      createRetiredIndex(heads, 'byScenario', 'scenarioId');
      heads.createIndex('byEnding', 'summary.ending.id');
    }
    case 4: {
      // Indexes only: every record and head stays as it is. Index keys are computed from the stored
      // records by IndexedDB itself within this upgrade transaction.
      const attempts = tx.objectStore('attempts');
      const heads = tx.objectStore('heads');
      attempts.deleteIndex('byScenario');
      attempts.deleteIndex('byTraineeScenario');
      heads.deleteIndex('byScenario');
      attempts.createIndex('byPackScenario', ['packId', 'scenarioId']);
      attempts.createIndex('byTraineePackScenario', ['trainee', 'packId', 'scenarioId']);
      heads.createIndex('byPackScenario', ['packId', 'scenarioId']);
    }
  }
  /* eslint-enable no-fallthrough */
}
