// The start page's catalogue: the scenarios of the loaded packs as plain data. Its own module, with
// type-only imports, so the first page can read the generated catalogue without the pack loader.
import type { CatalogueFile, ScenarioListing } from '../ports/practice-library.ts';
import { listScenarios } from '../session/list-scenarios.ts';
import type { LoadedLibrary } from './load-library.ts';

/** The start page's list: plain data, written to builtin-catalogue.json for the built-in packs. */
export function catalogueOf(library: LoadedLibrary): CatalogueFile {
  return {
    packs: library.packs.map((pack) => ({
      packId: pack.id,
      packVersion: pack.version,
      packTitle: pack.title,
      scenarios: listScenarios(pack).map(({ packId: _i, packVersion: _v, packTitle: _t, ...s }) => s),
    })),
    problems: library.problems,
  };
}

/** The catalogue's scenarios, each with its pack. */
export function catalogueScenarios(file: CatalogueFile): ScenarioListing[] {
  return file.packs.flatMap(({ scenarios, ...pack }) => scenarios.map((s) => ({ ...pack, ...s })));
}
