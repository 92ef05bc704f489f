// The packs a trainee can practise: the built-in ones and those QA imported at #/packs (kept in the
// 'verbatim-packs' database). An imported pack with the id of a built-in one replaces it.
import type { SourceFile } from './library.ts';

/** Imported pack files, or none when this browser has no IndexedDB or nothing was imported. */
export async function importedPackFiles(): Promise<SourceFile[]> {
  try {
    const { openPackStore } = await import('./pack-store.ts');
    const store = await openPackStore();
    try {
      return (await store.list()).map((p) => ({ file: `imported/${p.file}`, text: p.text }));
    } finally {
      store.close();
    }
  } catch {
    return [];
  }
}

/** What changes when QA imports, replaces or removes a pack: used to know when to reload the library. */
export async function installedSignature(): Promise<string> {
  try {
    const { openPackStore } = await import('./pack-store.ts');
    const store = await openPackStore();
    try {
      return (await store.list())
        .map((p) => `${p.id}@${p.version}@${p.importedAt}`)
        .sort()
        .join('|');
    } finally {
      store.close();
    }
  } catch {
    return '';
  }
}
