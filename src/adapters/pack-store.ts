// Imported scenario packs, kept as the text QA imported. A database of its own ('verbatim-packs'),
// so its schema moves independently of the attempts database. The text is validated again every
// time it is loaded: stored packs are never trusted more than a freshly imported file.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const PACKS_DB_NAME = 'verbatim-packs';
export const PACKS_DB_VERSION = 1;

export interface StoredPack {
  /** The pack's own id: one stored version per id. */
  id: string;
  version: string;
  title: string;
  author: string;
  /** The file name it was imported from (or saved as). */
  file: string;
  format: 'yaml' | 'json';
  text: string;
  importedAt: string;
}

/** What happens when a pack with this id and version is imported. */
export type ImportPlan =
  | { kind: 'new' }
  | { kind: 'newer'; installed: string }
  | { kind: 'same'; installed: string }
  | { kind: 'older'; installed: string };

export interface PackStore {
  list(): Promise<StoredPack[]>;
  get(id: string): Promise<StoredPack | undefined>;
  /** Adds or replaces the pack with this id. */
  put(pack: Omit<StoredPack, 'importedAt'>): Promise<StoredPack>;
  remove(id: string): Promise<void>;
  close(): void;
}

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

/**
 * Compares dotted versions numerically (`1.10.0` > `1.9.2`); a pre-release (`2.0.0-beta`) sorts
 * before its release. Returns a negative number, zero or a positive number.
 */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core = '', pre] = v.trim().replace(/^v/i, '').split(/-(.*)/s, 2);
    return { parts: core.split('.').map((p) => Number.parseInt(p, 10) || 0), pre };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.max(x.parts.length, y.parts.length); i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre.localeCompare(y.pre, 'en', { numeric: true });
}

/** Whether an incoming pack is new, replaces an installed one, or is not newer than it. */
export function planImport(
  installed: { version: string } | undefined,
  incoming: { version: string },
): ImportPlan {
  if (!installed) return { kind: 'new' };
  const d = compareVersions(incoming.version, installed.version);
  if (d > 0) return { kind: 'newer', installed: installed.version };
  if (d === 0) return { kind: 'same', installed: installed.version };
  return { kind: 'older', installed: installed.version };
}

/** `yaml` or `json`, from the file name, else from the first character of the text. */
export function formatOf(file: string, text: string): 'yaml' | 'json' {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

/** The packs shipped with the app, as text: read-only, listed beside the imported ones. */
export async function builtinPackFiles(): Promise<{ file: string; text: string }[]> {
  const files = import.meta.glob<string>('../../scenarios/*.{yaml,yml,json}', {
    query: '?raw',
    import: 'default',
  });
  const out = await Promise.all(
    Object.entries(files)
      .filter(([path]) => !/\.schema\.json$/.test(path))
      .map(async ([path, load]) => ({ file: path.replace(/^(\.\.\/)+/, ''), text: await load() })),
  );
  return out.sort((a, b) => a.file.localeCompare(b.file));
}
