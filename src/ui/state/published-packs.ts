// The team's published packs, installed in this browser through the packs screen's one install path
// (PacksState.installPublished: the worker's check, then the same install rules as an import). Only
// versions newer than the installed one are fetched; attempts keep the version they were made with.
import { compareVersions } from '../../core/packs/pack-versions.ts';
import { messageOf } from '../../core/message-of.ts';
import type { PackError } from '../../core/packs/index.ts';
import type { TeamServer } from '../../core/ports/index.ts';
import type { PacksState } from './packs.svelte.ts';

/** Installs what the team server publishes that this browser lacks; the ids and versions installed. */
export async function installPublishedPacks(server: TeamServer, packs: PacksState): Promise<string[]> {
  const published = await server.publishedPacks();
  if (!packs.ready) await packs.load();
  const installed: string[] = [];
  const problems: PackError[] = [];
  for (const p of published) {
    const have = packs.find(p.packId);
    if (have && compareVersions(have.version, p.version) >= 0) continue;
    try {
      const { file, text } = await server.fetchPack(p.packId, p.version);
      if (await packs.installPublished(text, file)) installed.push(`${p.packId} ${p.version}`);
      else problems.push(...packs.errors);
    } catch (error) {
      problems.push({ file: p.packId, path: '', severity: 'error', message: messageOf(error) });
    }
  }
  if (problems.length) packs.errors = problems;
  if (installed.length) packs.notice = `Installed from the team server: ${installed.join(', ')}.`;
  return installed;
}
