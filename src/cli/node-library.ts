// The statement library for the CLI commands that need no pack: read with node:fs through the same
// loader as `validate` and `play`, and stopped with every problem when it does not load.
import { join, resolve } from 'node:path';
import { formatPackError, type ScriptLibrary } from '../core/index.ts';
import { loadScriptsFrom } from './pack-files.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export function loadNodeScriptLibrary(dir = join(ROOT, 'scripts-verbatim')): ScriptLibrary {
  const loaded = loadScriptsFrom(dir);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatPackError).join('\n'));
  return loaded.library;
}
