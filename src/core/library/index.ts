// Files as text -> a library: the one loader shared by the app, the pack worker and the CLI.
export {
  isSchemaFile,
  loadLibrary,
  loadPackText,
  loadScriptTexts,
  type LoadedLibrary,
  type ScriptsResult,
  type SourceFile,
} from './load-library.ts';
export { catalogueOf, catalogueScenarios } from './catalogue.ts';
export { packExampleTexts, practiceLibrary } from './practice-library.ts';
