// The packs QA imported at #/packs (kept in the 'verbatim-packs' database), read once per use: the
// start page's catalogue and the practice library are both built from one read.
import type { SourceFile, StoredPack } from '../core/ports/index.ts';
import { openPackStore } from './pack-store.ts';

export interface InstalledPacks {
  /** The imported packs' texts, named as the library reports them. */
  files: SourceFile[];
  /** What changes when QA imports, replaces or removes a pack: used to know when to reload the library. */
  signature: string;
}

/** The imported packs, or none when this browser has no IndexedDB or nothing was imported. */
export async function readInstalledPacks(): Promise<InstalledPacks> {
  let stored: StoredPack[];
  try {
    const store = await openPackStore();
    try {
      stored = await store.list();
    } finally {
      store.close();
    }
  } catch {
    stored = [];
  }
  return {
    files: stored.map((p) => ({ file: `imported/${p.file}`, text: p.text })),
    signature: stored
      .map((p) => `${p.id}@${p.version}@${p.importedAt}`)
      .sort()
      .join('|'),
  };
}
