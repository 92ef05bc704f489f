export { loadBuiltinLibrary } from './builtin-packs.ts';
