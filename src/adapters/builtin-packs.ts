// The packs and statements shipped with the app: read as text at build time and handed to the core,
// which validates them. Loaded lazily: the pack loader, scorer and statecharts are the heavy part.
import { buildLibrary, loadSources, type SourceFile } from './library.ts';
import type { PracticeLibrary } from '../ui/practice-library.ts';
import { importedPackFiles } from './installed-packs.ts';

const scriptFiles = import.meta.glob<string>('../../scripts-verbatim/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const packFiles = import.meta.glob<string>('../../scenarios/*.{yaml,yml,json}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const sources = (files: Record<string, string>): SourceFile[] =>
  Object.entries(files)
    .map(([path, text]) => ({ file: path.replace(/^(\.\.\/)+/, ''), text }))
    .sort((a, b) => a.file.localeCompare(b.file));

/** The built-in packs and any imported ones; an imported pack replaces a built-in pack with its id. */
export async function loadBuiltinLibrary(): Promise<PracticeLibrary> {
  const imported = await importedPackFiles();
  const library = loadSources(sources(scriptFiles), [...imported, ...sources(packFiles)]);
  const seen = new Set<string>();
  library.packs = library.packs.filter((pack) => {
    if (seen.has(pack.id)) return false;
    seen.add(pack.id);
    return true;
  });
  return buildLibrary(library);
}
