// The outbox's own IndexedDB database: for each attempt, what the team server has confirmed
// (plan.ts). Kept apart from the attempts database so the working copy's schema is untouched.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { emptyMarks, type SentMarks } from './plan.ts';

interface SyncDB extends DBSchema {
  sent: { key: string; value: SentMarks };
}

export interface MarksStore {
  get(id: string): Promise<SentMarks>;
  put(marks: SentMarks): Promise<void>;
  close(): void;
}

export async function openMarks(name = 'verbatim-sync'): Promise<MarksStore> {
  const db: IDBPDatabase<SyncDB> = await openDB<SyncDB>(name, 1, {
    upgrade(database) {
      database.createObjectStore('sent', { keyPath: 'id' });
    },
  });
  return {
    get: async (id) => (await db.get('sent', id)) ?? emptyMarks(id),
    put: async (marks) => {
      await db.put('sent', marks);
    },
    close: () => db.close(),
  };
}
