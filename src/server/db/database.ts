// Opens the team server's database: PostgreSQL when DATABASE_URL is set, otherwise embedded
// PostgreSQL (PGlite) with its files in the data folder. Both go through Kysely's PostgresDialect,
// and both are migrated to the latest schema before the server answers.
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import type { Database } from './schema.ts';
import { migrationProvider } from './migrations.ts';
import { pglitePool } from './pglite-pool.ts';
import { messageOf } from '../../core/message-of.ts';

export type DatabaseKind = 'postgresql' | 'embedded';

export interface OpenDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://... ; when absent, the embedded database is used. */
  url?: string;
  /** Folder for the embedded database's files; absent = in memory (tests). */
  dataDir?: string;
  /** Migrate up to this migration only (tests of upgrades from earlier versions). */
  migrateTo?: string;
  /** Most connections to PostgreSQL from this instance. */
  poolSize?: number;
  /** An embedded database already started (tests share one: starting PGlite takes seconds); left open on close. */
  pglite?: PGlite;
}

/** Connections per instance: PostgreSQL's default max_connections (100) over a few instances. */
const DEFAULT_POOL_SIZE = 20;

export async function openDatabase(options: DatabaseOptions = {}): Promise<OpenDatabase> {
  const { db, kind } = options.url ? await postgres(options) : await embedded(options);
  try {
    await migrate(db, options.migrateTo);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, kind, close: () => db.destroy() };
}

async function postgres(options: DatabaseOptions) {
  const pg = await import('pg');
  const pool = new pg.default.Pool({
    connectionString: options.url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
  });
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    kind: 'postgresql' as const,
  };
}

async function embedded(options: DatabaseOptions) {
  const pg = options.pglite ?? (await (await import('@electric-sql/pglite')).PGlite.create(options.dataDir));
  const pool = pglitePool(pg, { closeOnEnd: !options.pglite });
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), kind: 'embedded' as const };
}

/** Applies pending migrations (all in one transaction); throws with the failing migration's error. */
export async function migrate(db: Kysely<Database>, to?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = to ? await migrator.migrateTo(to) : await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Database migration ${failed ?? ''} failed: ${messageOf(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
