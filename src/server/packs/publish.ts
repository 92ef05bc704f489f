// Publishing a pack version: the text is checked by the app's own pack loader (loadPackText, as the
// packs screen and the validation worker use), stored once, and never changed afterwards: the same
// version again with the same text is a no-op, with different text it is refused. Every publication
// leaves an audit row.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { parse } from 'yaml';
import { loadPackText } from '../../core/library/load-library.ts';
import { compareVersions, formatOf } from '../../core/packs/pack-versions.ts';
import { PACK_LIMITS, formatPackError, type LoadedPack } from '../../core/packs/index.ts';
import type { ScriptLibrary } from '../../core/index.ts';
import type { Database } from '../db/schema.ts';
import { HttpError } from '../http-error.ts';

/** Errors listed in a refusal before the rest are counted (the packs screen shows the same list). */
const MAX_LISTED_ERRORS = 20;

export interface PublishRequest {
  file: string;
  text: string;
}

export interface PublishedPack {
  packId: string;
  version: string;
  title: string;
  sha256: string;
  publishedAt: string;
  publishedBy: string;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The compiled pack, or a 422 that lists every problem with its line and column. */
export function checkPack({ file, text }: PublishRequest, scripts: ScriptLibrary): LoadedPack {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > PACK_LIMITS.maxBytes)
    throw new HttpError(
      413,
      `The pack is too large (${bytes} bytes; the limit is ${PACK_LIMITS.maxBytes} bytes).`,
    );
  const result = loadPackText(text, file, scripts);
  if (result.ok) return result.pack;
  const errors = result.errors.filter((e) => e.severity === 'error').map(formatPackError);
  const more = errors.length > MAX_LISTED_ERRORS ? [`and ${errors.length - MAX_LISTED_ERRORS} more`] : [];
  throw new HttpError(
    422,
    `The pack does not load: ${[...errors.slice(0, MAX_LISTED_ERRORS), ...more].join('; ')}`,
  );
}

/** Stores a checked pack version; `created` is false when exactly this text was already published. */
export async function publishPack(
  db: Kysely<Database>,
  actorId: string,
  pack: LoadedPack,
  request: PublishRequest,
): Promise<{ created: boolean; pack: PublishedPack }> {
  const digest = sha256(request.text);
  return db.transaction().execute(async (tx) => {
    const stored = await findVersion(tx, pack.id, pack.version);
    if (stored) {
      if (stored.sha256 !== digest)
        throw new HttpError(
          409,
          `Version ${pack.version} of ${pack.id} is already published with different content. A published version never changes: raise the version number.`,
        );
      return { created: false, pack: stored };
    }
    await refuseOlder(tx, pack);
    await refuseScenarioClash(tx, pack);
    const inserted = await tx
      .insertInto('packs')
      .values({
        pack_id: pack.id,
        version: pack.version,
        sha256: digest,
        title: pack.title,
        source: request.text,
        published_by: actorId,
      })
      .onConflict((c) => c.columns(['pack_id', 'version']).doNothing())
      .returning('pack_id')
      .executeTakeFirst();
    // Published at the same moment by someone else: theirs stands.
    if (!inserted)
      throw new HttpError(
        409,
        `Version ${pack.version} of ${pack.id} was published at the same moment; try again.`,
      );
    await tx
      .insertInto('audit')
      .values({
        actor_id: actorId,
        action: 'publish-pack',
        attempt_id: null,
        detail: JSON.stringify({
          packId: pack.id,
          version: pack.version,
          sha256: digest,
          file: request.file,
        }),
      })
      .execute();
    return { created: true, pack: (await findVersion(tx, pack.id, pack.version))! };
  });
}

/** A newer version replaces an older one in every browser, so only a newer version may follow. */
async function refuseOlder(db: Kysely<Database>, pack: LoadedPack): Promise<void> {
  const versions = await db.selectFrom('packs').select('version').where('pack_id', '=', pack.id).execute();
  const newest = versions
    .map((v) => v.version)
    .sort(compareVersions)
    .at(-1);
  if (newest !== undefined && compareVersions(pack.version, newest) <= 0)
    throw new HttpError(
      409,
      `Version ${newest} of ${pack.id} is already published; publish a newer version than that.`,
    );
}

/** The scenario ids a published pack's text declares (YAML parses JSON packs too). */
export function scenarioIdsOf(source: string): string[] {
  try {
    const spec = parse(source) as { scenarios?: unknown } | null;
    if (!Array.isArray(spec?.scenarios)) return [];
    return spec.scenarios
      .map((s: unknown) => (s && typeof s === 'object' ? (s as { id?: unknown }).id : undefined))
      .filter((id): id is string => typeof id === 'string');
  } catch {
    return [];
  }
}

/**
 * A scenario id names one scenario across the team's published packs: a pack whose scenario id
 * another pack already publishes is refused (a new version of the same pack may keep its ids).
 */
async function refuseScenarioClash(db: Kysely<Database>, pack: LoadedPack): Promise<void> {
  const others = await db
    .selectFrom('packs')
    .select(['pack_id', 'version', 'source'])
    .where('pack_id', '<>', pack.id)
    .orderBy('pack_id')
    .orderBy('published_at')
    .execute();
  const clashes = new Map<string, string>();
  for (const other of others)
    for (const id of scenarioIdsOf(other.source))
      if (pack.scenarios.has(id) && !clashes.has(id)) clashes.set(id, other.pack_id);
  if (clashes.size === 0) return;
  const listed = [...clashes].map(([id, owner]) => `"${id}" (pack ${owner})`).join(', ');
  throw new HttpError(
    409,
    `${clashes.size === 1 ? 'A scenario id is' : 'Scenario ids are'} already published in another pack: ${listed}. Give ${clashes.size === 1 ? 'that scenario' : 'those scenarios'} new ids, or publish this as a new version of that pack.`,
  );
}

function selectPacks(db: Kysely<Database>) {
  return db
    .selectFrom('packs')
    .innerJoin('users', 'users.id', 'packs.published_by')
    .select([
      'packs.pack_id',
      'packs.version',
      'packs.title',
      'packs.sha256',
      'packs.published_at',
      'users.username',
    ]);
}

type PackRow = {
  pack_id: string;
  version: string;
  title: string;
  sha256: string;
  published_at: Date;
  username: string;
};

function toPublished(row: PackRow): PublishedPack {
  return {
    packId: row.pack_id,
    version: row.version,
    title: row.title,
    sha256: row.sha256,
    publishedAt: new Date(row.published_at).toISOString(),
    publishedBy: row.username,
  };
}

/** The name a published version is installed under in each browser, in the pack's own format. */
export function publishedFileName(packId: string, version: string, text: string): string {
  return `${packId}-${version}.${formatOf('', text)}`.replace(/[^\w.-]+/g, '_');
}

/** One published version with its text, as QA published it. */
export async function publishedSource(
  db: Kysely<Database>,
  packId: string,
  version: string,
): Promise<{ pack: PublishedPack; file: string; text: string } | undefined> {
  const row = await selectPacks(db)
    .select('packs.source')
    .where('packs.pack_id', '=', packId)
    .where('packs.version', '=', version)
    .executeTakeFirst();
  return (
    row && { pack: toPublished(row), file: publishedFileName(packId, version, row.source), text: row.source }
  );
}

export async function findVersion(
  db: Kysely<Database>,
  packId: string,
  version: string,
): Promise<PublishedPack | undefined> {
  const row = await selectPacks(db)
    .where('packs.pack_id', '=', packId)
    .where('packs.version', '=', version)
    .executeTakeFirst();
  return row && toPublished(row);
}

/** The newest published version of every pack: what each signed-in browser installs. */
export async function latestPacks(db: Kysely<Database>): Promise<PublishedPack[]> {
  const rows = await selectPacks(db).orderBy('packs.pack_id').execute();
  const newest = new Map<string, PackRow>();
  for (const row of rows) {
    const seen = newest.get(row.pack_id);
    if (!seen || compareVersions(row.version, seen.version) > 0) newest.set(row.pack_id, row);
  }
  return [...newest.values()].map(toPublished);
}
