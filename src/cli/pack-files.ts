// The CLI's file side: finds pack files, checks their size before reading, and loads the statement
// library. Everything past the bytes is the core's job.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadPack,
  parsePackText,
  PACK_LIMITS,
  type LoadedPack,
  type PackError,
} from '../core/packs/index.ts';
import { loadScriptLibrary, type ScriptLibrary } from '../core/scripts/script-library.ts';

const PACK_EXTENSIONS = /\.(ya?ml|json)$/i;
/** Generated JSON Schema files live beside the packs for editors; they are not packs. */
const SCHEMA_FILE = /\.schema\.json$/i;

export const DEFAULT_SCRIPTS_DIR = 'scripts-verbatim';

const problem = (file: string, message: string): PackError => ({
  file,
  path: '',
  message,
  severity: 'error',
});

/** The pack files named by PATHS (files, or folders searched recursively), in a stable order. */
export function collectPackFiles(paths: readonly string[]): { files: string[]; errors: PackError[] } {
  const files: string[] = [];
  const errors: PackError[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full);
      } else if (entry.isFile() && PACK_EXTENSIONS.test(entry.name) && !SCHEMA_FILE.test(entry.name)) {
        files.push(full);
      }
    }
  };
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      errors.push(problem(path, 'no such file or folder'));
      continue;
    }
    if (stat.isDirectory()) walk(path);
    else files.push(path);
  }
  return { files, errors };
}

/** Reads a pack file as text, refusing it before reading when it is over the size limit. */
export function readPackText(file: string): { ok: true; text: string } | { ok: false; errors: PackError[] } {
  try {
    const size = statSync(file).size;
    if (size > PACK_LIMITS.maxBytes) {
      return {
        ok: false,
        errors: [
          problem(file, `the file is too large (${size} bytes; the limit is ${PACK_LIMITS.maxBytes})`),
        ],
      };
    }
    if (size === 0) return { ok: false, errors: [problem(file, 'the file is empty')] };
    const bytes = readFileSync(file);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    return { ok: true, text };
  } catch (error) {
    return {
      ok: false,
      errors: [
        problem(file, `the file could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`),
      ],
    };
  }
}

export function loadScriptsFrom(
  dir: string = DEFAULT_SCRIPTS_DIR,
): { ok: true; library: ScriptLibrary } | { ok: false; errors: PackError[] } {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json') && !SCHEMA_FILE.test(n))
      .sort();
  } catch {
    return { ok: false, errors: [problem(dir, 'the statement folder could not be read')] };
  }
  const files: { file: string; data: unknown }[] = [];
  const errors: PackError[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      files.push({ file, data: JSON.parse(readFileSync(file, 'utf8')) as unknown });
    } catch (error) {
      errors.push(problem(file, `not valid JSON: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const loaded = loadScriptLibrary(files);
  if (!loaded.ok)
    return {
      ok: false,
      errors: loaded.errors.map((e: { file: string; path: string; message: string }) => ({
        ...e,
        severity: 'error' as const,
      })),
    };
  return { ok: true, library: loaded.library };
}

export type PackFileResult =
  { ok: true; pack: LoadedPack; warnings: PackError[] } | { ok: false; errors: PackError[] };

/** Reads, parses and loads one pack file. */
export function loadPackFile(file: string, scripts: ScriptLibrary): PackFileResult {
  const read = readPackText(file);
  if (!read.ok) return read;
  const parsed = parsePackText(read.text, file);
  if (!parsed.ok) return parsed;
  return loadPack(parsed.data, { file, scripts, source: read.text });
}
