// The pack API: text -> data -> a checked, compiled pack.
export { parsePackText, type ParsePackTextResult } from './parse-pack-text.ts';
export {
  loadPack,
  type LoadedPack,
  type LoadPackResult,
  type LoadPackOptions,
  type CompiledScenario,
} from './load-pack.ts';
export { formatPackError, formatPath, type PackError } from './pack-errors.ts';
export { PACK_LIMITS } from './pack-limits.ts';
export {
  PackSchema,
  ScenarioSchema,
  packJsonSchema,
  type PackSpec,
  type ScenarioSpec,
} from './pack-schema.ts';
export {
  buildCallMachine,
  LISTENING,
  type CallEvent,
  type CallContext,
  type CallMachine,
} from './build-machine.ts';
export { scenarioGraph } from './lint-pack.ts';
export {
  compareVersions,
  decideInstall,
  formatOf,
  planImport,
  type ImportPlan,
  type InstallDecision,
  type InstalledPackFacts,
} from './pack-versions.ts';
export { addIntentExample, nextPatchVersion, type AddExampleResult } from './add-example.ts';
export { movesFor, exampleOf, type MoveChoice } from './example-choices.ts';
