// Imported scenario packs, kept as the text QA imported. A database of its own ('verbatim-packs'),
// so its schema moves independently of the attempts database. The text is validated again every
// time it is loaded: stored packs are never trusted more than a freshly imported file.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PackStore, StoredPack } from '../core/ports/index.ts';

export const PACKS_DB_NAME = 'verbatim-packs';
export const PACKS_DB_VERSION = 1;

interface PacksDB extends DBSchema {
  packs: { key: string; value: StoredPack };
}

export interface OpenPackStoreOptions {
  name?: string;
  onVersionChange?: () => void;
  now?: () => Date;
}

/** Schema upgrades: append a `case` per version, never edit a released one. */
function upgrade(db: IDBPDatabase<PacksDB>, oldVersion: number): void {
  switch (oldVersion) {
    case 0:
      db.createObjectStore('packs', { keyPath: 'id' });
  }
}

export async function openPackStore(options: OpenPackStoreOptions = {}): Promise<PackStore> {
  const now = options.now ?? (() => new Date());
  const db = await openDB<PacksDB>(options.name ?? PACKS_DB_NAME, PACKS_DB_VERSION, {
    upgrade: (database, oldVersion) => upgrade(database, oldVersion),
    blocking: () => {
      db.close();
      options.onVersionChange?.();
    },
  });
  return {
    async list() {
      const all = await db.getAll('packs');
      return all.filter(isStoredPack).sort((a, b) => a.id.localeCompare(b.id));
    },
    async get(id) {
      const found = await db.get('packs', id);
      return isStoredPack(found) ? found : undefined;
    },
    async put(pack) {
      const record: StoredPack = { ...pack, importedAt: now().toISOString() };
      await db.put('packs', record);
      return record;
    },
    async remove(id) {
      await db.delete('packs', id);
    },
    close: () => db.close(),
  };
}

function isStoredPack(v: unknown): v is StoredPack {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    ['id', 'version', 'title', 'author', 'file', 'text', 'importedAt'].every(
      (k) => typeof r[k] === 'string',
    ) &&
    (r.format === 'yaml' || r.format === 'json')
  );
}
