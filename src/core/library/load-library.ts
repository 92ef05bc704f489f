// The one road from files to a library: statement and pack texts in, checked statements and compiled
// packs out. The app (src/adapters/builtin-library.ts), the pack validation worker, the packs screen
// and the CLI all read their files their own way and hand the texts here.
import { messageOf } from '../message-of.ts';
import { loadPack, type LoadedPack, type LoadPackResult } from '../packs/load-pack.ts';
import { formatPackError, type PackError } from '../packs/pack-errors.ts';
import { parsePackText } from '../packs/parse-pack-text.ts';
import type { SourceFile } from '../ports/pack-store.ts';
import { loadScriptLibrary, type ScriptLibrary } from '../scripts/script-library.ts';

export type { SourceFile };

/** Generated JSON Schema files live beside the data for editors; they are not data. */
export const isSchemaFile = (file: string): boolean => /\.schema\.json$/i.test(file);

export type ScriptsResult = { ok: true; library: ScriptLibrary } | { ok: false; errors: PackError[] };

const problem = (file: string, message: string): PackError => ({
  file,
  path: '',
  message,
  severity: 'error',
});

/** Statement files (JSON text) -> the statement library, or every problem with them. */
export function loadScriptTexts(files: readonly SourceFile[]): ScriptsResult {
  const data: { file: string; data: unknown }[] = [];
  const errors: PackError[] = [];
  for (const { file, text } of files.filter((f) => !isSchemaFile(f.file))) {
    try {
      data.push({ file, data: JSON.parse(text) as unknown });
    } catch (error) {
      errors.push(problem(file, `not valid JSON: ${messageOf(error)}`));
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const loaded = loadScriptLibrary(data);
  if (!loaded.ok) return { ok: false, errors: loaded.errors.map((e) => ({ ...e, severity: 'error' })) };
  return { ok: true, library: loaded.library };
}

/** One pack's text -> the compiled pack with its lint warnings, or every problem with line and column. */
export function loadPackText(text: string, file: string, scripts: ScriptLibrary): LoadPackResult {
  const parsed = parsePackText(text, file);
  if (!parsed.ok) return parsed;
  return loadPack(parsed.data, { file, scripts, source: text });
}

export interface LoadedLibrary {
  scripts: ScriptLibrary | null;
  packs: LoadedPack[];
  /** One plain line per problem, for the start page. */
  problems: string[];
}

/**
 * Statement and pack texts -> the loaded library. Packs are taken in the order given and the first pack
 * with an id wins, so a caller that lists imported packs first lets them replace built-in ones.
 */
export function loadLibrary(
  scriptFiles: readonly SourceFile[],
  packFiles: readonly SourceFile[],
): LoadedLibrary {
  const scripts = loadScriptTexts(scriptFiles);
  if (!scripts.ok) return { scripts: null, packs: [], problems: scripts.errors.map(formatPackError) };
  const problems: string[] = [];
  const packs: LoadedPack[] = [];
  for (const { file, text } of packFiles.filter((f) => !isSchemaFile(f.file))) {
    const result = loadPackText(text, file, scripts.library);
    if (!result.ok)
      problems.push(...result.errors.filter((e) => e.severity === 'error').map(formatPackError));
    else if (!packs.some((p) => p.id === result.pack.id)) packs.push(result.pack);
  }
  return { scripts: scripts.library, packs, problems };
}
