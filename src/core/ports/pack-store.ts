// The pack store port: imported scenario packs kept as the text QA imported, and the messages the
// pack validator (a worker) exchanges with the page. Implemented by src/adapters/pack-store.ts and
// src/adapters/pack-worker.ts; the packs screens see only these shapes.
import type { PackError } from '../packs/pack-errors.ts';
import type { ScriptLibrary } from '../scripts/script-library.ts';

export interface StoredPack {
  /** The pack's own id: one stored version per id. */
  id: string;
  version: string;
  title: string;
  author: string;
  /** The file name it was imported from (or saved as). */
  file: string;
  format: 'yaml' | 'json';
  text: string;
  importedAt: string;
}

export interface PackStore {
  list(): Promise<StoredPack[]>;
  get(id: string): Promise<StoredPack | undefined>;
  /** Adds or replaces the pack with this id. */
  put(pack: Omit<StoredPack, 'importedAt'>): Promise<StoredPack>;
  remove(id: string): Promise<void>;
  close(): void;
}

/** A file as text, with the name its problems are reported against. */
export interface SourceFile {
  file: string;
  text: string;
}

/** Plain data about a valid pack: all a worker can send back (machines do not cross threads). */
export interface PackSummary {
  id: string;
  version: string;
  title: string;
  author: string;
  description: string;
  scenarios: { id: string; title: string }[];
}

export type PackValidation =
  { ok: true; pack: PackSummary; warnings: PackError[] } | { ok: false; errors: PackError[] };

export interface ValidationRequest {
  text: string;
  file: string;
}

/** The part of a Worker the page uses, so tests can hand in a fake. */
export interface WorkerLike {
  postMessage(message: ValidationRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<PackValidation>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** What the packs screens need from the browser: wired in src/main.ts, faked in tests. */
export interface PackAdapters {
  openStore(): Promise<PackStore>;
  /** Checks a file off the page, within size and time limits; always resolves, with errors as values. */
  validate(request: ValidationRequest): Promise<PackValidation>;
  /** The packs shipped with the app, as text. */
  builtinFiles(): SourceFile[];
  /** The statement library the packs use; null when it does not load. */
  scripts(): ScriptLibrary | null;
}
