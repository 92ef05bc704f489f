// The small per-machine settings (who practises here, when attempts were last exported), and a
// mark kept outside IndexedDB so that a database the browser removed is noticed and reported.
import type { IDBPDatabase } from 'idb';
import type { VerbatimDB } from './db-schema.ts';
import type { Settings } from '../../core/ports/index.ts';

/** Names remembered on the start page: a training room's intake, with room to spare. */
export const MAX_KNOWN_TRAINEES = 50;

export function settingsOf(db: IDBPDatabase<VerbatimDB>) {
  async function read(): Promise<Settings> {
    const tx = db.transaction('settings');
    const [knownTrainees, currentTrainee, lastExportedAt] = await Promise.all([
      tx.store.get('knownTrainees'),
      tx.store.get('currentTrainee'),
      tx.store.get('lastExportedAt'),
    ]);
    return {
      knownTrainees: Array.isArray(knownTrainees)
        ? knownTrainees.filter((t): t is string => typeof t === 'string')
        : [],
      currentTrainee: typeof currentTrainee === 'string' ? currentTrainee : null,
      lastExportedAt: typeof lastExportedAt === 'string' ? lastExportedAt : null,
    };
  }

  async function write(patch: Partial<Settings>): Promise<Settings> {
    const tx = db.transaction('settings', 'readwrite');
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) await tx.store.put(value, key);
    }
    await tx.done;
    return read();
  }

  return { read, write };
}

/** Where the mark lives: localStorage in the browser; tests pass a Map-like fake or null. */
export type MarkStorage = Pick<Storage, 'getItem' | 'setItem'>;

const MARK_KEY = 'verbatim.attempts-database';

interface Mark {
  since: string;
  lastExportedAt: string | null;
}

export function readMark(storage: MarkStorage | null): Mark | null {
  try {
    const raw = storage?.getItem(MARK_KEY);
    if (!raw) return null;
    const mark = JSON.parse(raw) as Partial<Mark>;
    return typeof mark.since === 'string'
      ? {
          since: mark.since,
          lastExportedAt: typeof mark.lastExportedAt === 'string' ? mark.lastExportedAt : null,
        }
      : null;
  } catch {
    return null;
  }
}

export function writeMark(storage: MarkStorage | null, mark: Mark): void {
  try {
    storage?.setItem(MARK_KEY, JSON.stringify(mark));
  } catch {
    // No localStorage (private mode, policy): the loss of the database just cannot be noticed.
  }
}

export function defaultMarkStorage(): MarkStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
