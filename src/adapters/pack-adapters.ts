// The browser side of the packs screens: the pack database, the validation worker and the built-in
// files, put together once for src/main.ts to hand to the screens.
import type { PackAdapters, WorkerLike } from '../core/ports/index.ts';
import { builtinPackFiles } from './builtin-files.ts';
import { openPackStore } from './pack-store.ts';
import { builtinScripts, validateInWorker } from './pack-worker.ts';

const createWorker = (): WorkerLike =>
  new Worker(new URL('./pack-worker.ts', import.meta.url), { type: 'module', name: 'pack-validator' });

export function packAdapters(): PackAdapters {
  let scripts: ReturnType<typeof builtinScripts> | undefined;
  return {
    openStore: () => openPackStore(),
    validate: (request) => validateInWorker(request, { createWorker }),
    builtinFiles: builtinPackFiles,
    scripts: () => (scripts ??= builtinScripts()),
  };
}
