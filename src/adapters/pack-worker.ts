// Pack validation off the page. An imported file is untrusted: a YAML file can be built to take a
// long time to parse, so it is checked in a Web Worker that is terminated when it overruns, and
// files over the size limit are refused before a worker is even started.
//
// This module is both sides: `validateInWorker` (the page) and, when loaded as a worker, the
// handler that answers it. The page starts it with
// `new Worker(new URL('../../adapters/pack-worker.ts', import.meta.url), { type: 'module' })`.
import type { ScriptLibrary } from '../core/index.ts';
import { loadPackText, loadScriptTexts } from '../core/library/index.ts';
import { PACK_LIMITS } from '../core/packs/pack-limits.ts';
import { messageOf } from '../core/message-of.ts';
import type { PackValidation, ValidationRequest, WorkerLike } from '../core/ports/index.ts';
import { builtinScriptFiles } from './builtin-files.ts';

export interface ValidateOptions {
  createWorker: () => WorkerLike;
  /** Milliseconds before the worker is terminated. */
  timeoutMs?: number;
  /** Bytes (UTF-8) above which the file is refused unread. */
  maxBytes?: number;
}

export const VALIDATION_TIMEOUT_MS = 10_000;

const failure = (file: string, message: string): PackValidation => ({
  ok: false,
  errors: [{ file, path: '', message, severity: 'error' }],
});

/** Validates pack text in a fresh worker; always resolves, with errors as values. */
export function validateInWorker(
  request: ValidationRequest,
  options: ValidateOptions,
): Promise<PackValidation> {
  const { text, file } = request;
  const maxBytes = options.maxBytes ?? PACK_LIMITS.maxBytes;
  const timeoutMs = options.timeoutMs ?? VALIDATION_TIMEOUT_MS;
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > maxBytes) {
    return Promise.resolve(
      failure(file, `the file is too large (${bytes} bytes; the limit is ${maxBytes} bytes)`),
    );
  }
  return new Promise((resolve) => {
    let worker: WorkerLike;
    try {
      worker = options.createWorker();
    } catch (error) {
      resolve(failure(file, `the pack could not be checked (${messageOf(error)})`));
      return;
    }
    let settled = false;
    const finish = (result: PackValidation) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish(
          failure(
            file,
            `checking the pack took longer than ${Math.round(timeoutMs / 1000)} seconds, so it was stopped`,
          ),
        ),
      timeoutMs,
    );
    worker.onmessage = (event) =>
      finish(isValidation(event.data) ? event.data : failure(file, 'the checker sent back nothing usable'));
    worker.onerror = (event) => {
      event.preventDefault?.();
      finish(failure(file, `the pack could not be checked (${event.message || 'the checker stopped'})`));
    };
    worker.postMessage({ text, file });
  });
}

function isValidation(v: unknown): v is PackValidation {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as { ok?: unknown; errors?: unknown; pack?: unknown };
  return r.ok === true ? typeof r.pack === 'object' && r.pack !== null : Array.isArray(r.errors);
}

/** Text -> checked pack summary, with every problem. Pure apart from the script library handed in. */
export function validatePackText(text: string, file: string, scripts: ScriptLibrary): PackValidation {
  const result = loadPackText(text, file, scripts);
  if (!result.ok) return { ok: false, errors: result.errors };
  const { pack } = result;
  return {
    ok: true,
    warnings: result.warnings,
    pack: {
      id: pack.id,
      version: pack.version,
      title: pack.title,
      author: pack.author,
      description: pack.description,
      scenarios: [...pack.scenarios.values()].map((s) => ({ id: s.spec.id, title: s.spec.title })),
    },
  };
}

/** The statement library the built-in packs use, or null when it does not load (the library reports why). */
export function builtinScripts(): ScriptLibrary | null {
  const loaded = loadScriptTexts(builtinScriptFiles());
  return loaded.ok ? loaded.library : null;
}

/** Answers validation requests on a worker scope. */
export function serveValidation(
  scope: {
    onmessage: ((e: MessageEvent<ValidationRequest>) => void) | null;
    postMessage(m: PackValidation): void;
  },
  scripts: () => ScriptLibrary | null,
): void {
  scope.onmessage = (event) => {
    const { text, file } = event.data;
    let result: PackValidation;
    try {
      const library = scripts();
      result = library
        ? validatePackText(String(text), String(file), library)
        : failure(String(file), 'the statement library could not be loaded');
    } catch (error) {
      result = failure(String(file), `the pack could not be checked (${messageOf(error)})`);
    }
    scope.postMessage(result);
  };
}

// When this module is a worker's entry, answer the page.
const workerScope = (globalThis as { WorkerGlobalScope?: new () => unknown }).WorkerGlobalScope;
if (typeof workerScope === 'function' && globalThis instanceof workerScope) {
  let cached: ScriptLibrary | null | undefined;
  serveValidation(
    globalThis as unknown as Parameters<typeof serveValidation>[0],
    () => (cached ??= builtinScripts()),
  );
}
