import { loadNodeScriptLibrary } from '../../src/cli/node-library.ts';
import type { CompiledScript } from '../../src/core/index.ts';

export const library = loadNodeScriptLibrary();

export function script(id: string, version?: string): CompiledScript {
  const s = library.get(id, version);
  if (s === undefined) throw new Error(`no script ${id}`);
  return s;
}
