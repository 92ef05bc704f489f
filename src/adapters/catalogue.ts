// The start page's scenario list without the pack loader: the built-in packs' listing is
// generated from scenarios/ into builtin-catalogue.json (tests/adapters/builtin-catalogue.test.ts
// keeps it in step), so the first page needs neither the YAML parser, the schema library nor XState.
import type { Catalogue, CatalogueFile, SourceFile } from '../core/ports/index.ts';
import { catalogueScenarios } from '../core/library/catalogue.ts';
import builtin from './builtin-catalogue.json';

export async function loadCatalogue(imported: readonly SourceFile[]): Promise<Catalogue> {
  // Only when QA has imported packs does the start page need the pack loader to list them.
  if (imported.length > 0) {
    const { loadBuiltinLibrary } = await import('./builtin-library.ts');
    const { scenarios, problems } = loadBuiltinLibrary(imported);
    return { scenarios, problems };
  }
  const file = builtin as CatalogueFile;
  return { scenarios: catalogueScenarios(file), problems: file.problems };
}
