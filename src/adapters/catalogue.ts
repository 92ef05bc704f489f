// The start page's scenario list without the pack loader: the built-in packs' listing is
// generated from scenarios/ into builtin-catalogue.json (tests/adapters/builtin-catalogue.test.ts
// keeps it in step), so the first page needs neither the YAML parser, the schema library nor XState.
import type { Catalogue, ScenarioListing } from '../ui/practice-library.ts';
import builtin from './builtin-catalogue.json';

export interface CatalogueFile {
  packs: {
    packId: string;
    packVersion: string;
    packTitle: string;
    scenarios: { id: string; title: string; summary: string; contentNote?: string }[];
  }[];
  problems: string[];
}

export function listScenarios(file: CatalogueFile): ScenarioListing[] {
  return file.packs.flatMap((pack) =>
    pack.scenarios.map((s) => ({
      packId: pack.packId,
      packVersion: pack.packVersion,
      packTitle: pack.packTitle,
      ...s,
    })),
  );
}

export async function loadCatalogue(): Promise<Catalogue> {
  // Only when QA has imported packs does the start page need the pack loader to list them.
  const { installedSignature } = await import('./installed-packs.ts');
  if ((await installedSignature()) !== '') {
    const { loadBuiltinLibrary } = await import('./builtin.ts');
    const library = await loadBuiltinLibrary();
    return { scenarios: library.scenarios, problems: library.problems };
  }
  const file = builtin as CatalogueFile;
  return { scenarios: listScenarios(file), problems: file.problems };
}
