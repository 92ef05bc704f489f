// The practice library of this browser: the packs and statements shipped with the app, plus the packs
// QA imported. Loaded lazily: the pack loader, scorer and statecharts are the heavy part.
import { loadLibrary, practiceLibrary } from '../core/library/index.ts';
import type { PracticeLibrary, SourceFile } from '../core/ports/index.ts';
import { builtinPackFiles, builtinScriptFiles } from './builtin-files.ts';

/** The built-in packs and the imported ones; an imported pack replaces a built-in pack with its id. */
export function loadBuiltinLibrary(imported: readonly SourceFile[]): PracticeLibrary {
  return practiceLibrary(loadLibrary(builtinScriptFiles(), [...imported, ...builtinPackFiles()]));
}
