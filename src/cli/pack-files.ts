// The CLI's file side: finds pack files, checks their size before reading, and loads the statement
// library. Everything past the bytes is the core's job.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isSchemaFile, loadPackText, loadScriptTexts, type ScriptsResult } from '../core/library/index.ts';
import { PACK_LIMITS, type LoadedPack, type PackError } from '../core/packs/index.ts';
import type { ScriptLibrary } from '../core/scripts/script-library.ts';

const PACK_EXTENSIONS = /\.(ya?ml|json)$/i;

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
      } else if (entry.isFile() && PACK_EXTENSIONS.test(entry.name) && !isSchemaFile(entry.name)) {
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

/** The statement library from a folder of JSON files, or every problem with it. */
export function loadScriptsFrom(dir: string = DEFAULT_SCRIPTS_DIR): ScriptsResult {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json') && !isSchemaFile(n))
      .sort();
  } catch {
    return { ok: false, errors: [problem(dir, 'the statement folder could not be read')] };
  }
  return loadScriptTexts(
    names.map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') })),
  );
}

export type PackFileResult =
  { ok: true; pack: LoadedPack; warnings: PackError[] } | { ok: false; errors: PackError[] };

/** Reads, parses and loads one pack file. */
export function loadPackFile(file: string, scripts: ScriptLibrary): PackFileResult {
  const read = readPackText(file);
  if (!read.ok) return read;
  return loadPackText(read.text, file, scripts);
}

/** Every pack under PATHS (files, or folders searched recursively) loaded, and every error found on the way. */
export function loadPackFiles(
  paths: readonly string[],
  library: ScriptLibrary,
): { packs: LoadedPack[]; errors: PackError[] } {
  const found = collectPackFiles(paths);
  const packs: LoadedPack[] = [];
  const errors = [...found.errors];
  for (const file of found.files) {
    const loaded = loadPackFile(file, library);
    if (loaded.ok) packs.push(loaded.pack);
    else errors.push(...loaded.errors);
  }
  return { packs, errors };
}
