// The one place that lists the files shipped with the app: statements and packs, read as text at
// build time. Everything past the text (parsing, validation, compiling) is the core's loader.
import type { SourceFile } from '../core/ports/index.ts';

const scriptTexts = import.meta.glob<string>('../../scripts-verbatim/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const packTexts = import.meta.glob<string>('../../scenarios/*.{yaml,yml,json}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Generated JSON Schema files sit beside the data for editors: they are left out here. */
const sources = (files: Record<string, string>): SourceFile[] =>
  Object.entries(files)
    .filter(([path]) => !/\.schema\.json$/i.test(path))
    .map(([path, text]) => ({ file: path.replace(/^(\.\.\/)+/, ''), text }))
    .sort((a, b) => a.file.localeCompare(b.file));

/** The statements in scripts-verbatim/, as text. */
export const builtinScriptFiles = (): SourceFile[] => sources(scriptTexts);

/** The packs in scenarios/, as text. */
export const builtinPackFiles = (): SourceFile[] => sources(packTexts);
