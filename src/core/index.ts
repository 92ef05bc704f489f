// The core's public API: the only path the UI, the adapters and the CLI import.
// core must not import adapters, ui or node:*: the CLI runs it in Node and the app in the browser.
export type * from './scoring/types.ts';
export { normalise } from './text/normalise.ts';
export { scoreStatement } from './scoring/verbatim.ts';
export {
  compileIntents,
  matchIntent,
  MATCHER_VERSION,
  plainText,
  embeddingTexts,
  turnTexts,
  type IntentModel,
  type VectorTable,
  type MatchOptions,
} from './scoring/intent.ts';
export { NO_MOVE_EXAMPLES } from './scoring/intent-no-move.ts';
export { loadScriptLibrary, type ScriptLibrary, type CompiledScript } from './scripts/script-library.ts';
export { ScriptSchema, type ScriptSpec } from './scripts/script-schema.ts';
export { prepareStatement, allowedDeviations, type PreparedStatement } from './scoring/verbatim.ts';
export * from './packs/index.ts';
export * from './session/index.ts';
export * from './review/index.ts';
export { createStatementFinder, type StatementFinder } from './scripts/identify-statement.ts';
export {
  SEED_DOCUMENTS,
  seedDocument,
  sourceTitle,
  citation,
  type SeedDocument,
} from './sources/seed-documents.ts';
export { messageOf } from './message-of.ts';
export * from './library/index.ts';
export type * from './ports/index.ts';
export * from './feedback/index.ts';
