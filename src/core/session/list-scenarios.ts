// The start page's list of a pack's scenarios. Kept apart from the briefing so the first page, which
// reads only this, does not load the feedback words and the seed-document table.
import type { LoadedPack } from '../packs/load-pack.ts';
import type { ScenarioListing } from '../ports/practice-library.ts';

export function listScenarios(pack: LoadedPack): ScenarioListing[] {
  return pack.spec.scenarios.map((s) => ({
    packId: pack.id,
    packVersion: pack.version,
    packTitle: pack.title,
    id: s.id,
    title: s.title,
    summary: s.summary,
    direction: s.direction,
    ...(s.procedures.length > 0 ? { procedures: [...s.procedures] } : {}),
    ...(s.contentNote !== undefined ? { contentNote: s.contentNote } : {}),
  }));
}
