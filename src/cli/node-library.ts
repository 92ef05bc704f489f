// Node loaders for the data folders: read with node:fs, handed to the core as unknown.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadScriptLibrary, type ScriptLibrary } from '../core/index.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export function loadNodeScriptLibrary(dir = join(ROOT, 'scripts-verbatim')): ScriptLibrary {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort()
    .map((f) => ({
      file: join('scripts-verbatim', f),
      data: JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown,
    }));
  const loaded = loadScriptLibrary(files);
  if (!loaded.ok) {
    throw new Error(loaded.errors.map((e) => `${e.file}: ${e.path}: ${e.message}`).join('\n'));
  }
  return loaded.library;
}
