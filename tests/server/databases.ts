// The server tests run against both databases: embedded PGlite (in memory) and a real PostgreSQL,
// from DATABASE_URL when set, otherwise a throwaway cluster started here (initdb into a temp
// folder, listening only on a unix socket in that folder) and removed afterwards.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import {
  openDatabase,
  type DatabaseKind,
  type DatabaseOptions,
  type OpenDatabase,
} from '../../src/server/db/database.ts';

export const databaseKinds: DatabaseKind[] = ['embedded', 'postgresql'];

/** Debian installs each major version under /usr/lib/postgresql/<major>/bin: the newest one here. */
function debianPostgresBin(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    : [];
  majors.sort((a, b) => Number(b) - Number(a));
  return join(root, majors[0] ?? '15', 'bin');
}

const PG_BIN = process.env.PG_BIN ?? debianPostgresBin();

interface Cluster {
  url: string;
  stop(): void;
}

let cluster: Cluster | undefined;

/** PostgreSQL refuses to run as root: the cluster then runs as the `postgres` system user. */
function asPostgres(command: string, args: string[]): void {
  const root = userInfo().uid === 0;
  const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  // 'ignore', not a pipe: the server pg_ctl starts would hold a pipe open and the call never return.
  execFileSync(file, argv, { stdio: 'ignore' });
}

function startCluster(): Cluster {
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    throw new Error(
      `PostgreSQL is not installed (${PG_BIN}/initdb): install Debian's postgresql or set DATABASE_URL`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-pg-'));
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  asPostgres(join(PG_BIN, 'initdb'), [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  const options = `-k ${dir} -c listen_addresses='' -c fsync=off -c max_connections=200`;
  asPostgres(join(PG_BIN, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-o',
    options,
    '-w',
    '-s',
    'start',
  ]);
  return {
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`,
    stop() {
      try {
        asPostgres(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', '-s', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A server URL for a fresh, empty database of its own on the PostgreSQL server. */
export async function freshPostgresUrl(): Promise<string> {
  const base = process.env.DATABASE_URL ?? (cluster ??= startCluster()).url;
  const name = `verbatim_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base.replace(/^postgres(ql)?:/, 'http:'));
  url.pathname = `/${name}`;
  return url.toString().replace(/^http:/, 'postgres:');
}

/** Starts both databases up front (beforeAll, with a long timeout: a busy machine takes many seconds). */
export async function startDatabases(): Promise<void> {
  if (!process.env.DATABASE_URL) cluster ??= startCluster();
  await (embedded ??= PGlite.create());
}

/** Server tests wait on a real database: minutes to start on a busy CI machine, seconds per test. */
export const SERVER_TEST_TIMEOUTS = { testTimeout: 60_000, hookTimeout: 240_000 };

/** Stops the throwaway cluster and the embedded database, if this file started them (call in afterAll). */
export async function stopDatabases(): Promise<void> {
  cluster?.stop();
  cluster = undefined;
  await (await embedded)?.close();
  embedded = undefined;
}

// Starting PGlite compiles its WebAssembly and runs initdb (seconds on a busy machine), so a test
// file starts one and each test database empties it first. Tests in a file run one at a time.
let embedded: Promise<PGlite> | undefined;

/**
 * Opens (and migrates) a fresh database of the given kind. An embedded one replaces the previous
 * one (close that first); PostgreSQL ones are separate databases and may be open together.
 */
export async function openTestDatabase(
  kind: DatabaseKind,
  options: Omit<DatabaseOptions, 'url'> = {},
): Promise<OpenDatabase> {
  if (kind === 'postgresql') return openDatabase({ ...options, url: await freshPostgresUrl() });
  const pglite = await (embedded ??= PGlite.create());
  await pglite.exec('drop schema public cascade; create schema public;');
  return openDatabase({ ...options, pglite });
}

/** Empties an open database back to no tables (for comparing schemas within one embedded instance). */
export async function emptyDatabase(database: OpenDatabase): Promise<void> {
  await sql`drop schema public cascade`.execute(database.db);
  await sql`create schema public`.execute(database.db);
}
