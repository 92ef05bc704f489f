// The packs and statements shipped with the app: read as text at build time and handed to the core,
// which validates them. Loaded lazily: the pack loader, scorer and statecharts are the heavy part.
import { buildLibrary, loadSources, type SourceFile } from './library.ts';
import type { PracticeLibrary } from '../ui/practice-library.ts';

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

export async function loadBuiltinLibrary(): Promise<PracticeLibrary> {
  return buildLibrary(loadSources(sources(scriptFiles), sources(packFiles)));
}
