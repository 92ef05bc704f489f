import { describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { migrate } from '../../src/server/db/database.ts';
import { migrations } from '../../src/server/db/migrations.ts';
import { databaseKinds, openTestDatabase } from './databases.ts';
import { useTestDatabases } from './use-databases.ts';

useTestDatabases();

/** Tables, columns, indexes and constraints as the catalogue describes them, for comparing schemas. */
async function describeSchema(db: Kysely<unknown>): Promise<string[]> {
  const columns = await sql<{ line: string }>`
    select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') as line
    from information_schema.columns where table_schema = 'public' order by 1`.execute(db);
  const indexes = await sql<{ line: string }>`
    select indexname || ' ' || indexdef as line from pg_indexes where schemaname = 'public' order by 1`.execute(
    db,
  );
  const constraints = await sql<{ line: string }>`
    select conname || ' ' || pg_get_constraintdef(oid) as line from pg_constraint
    where connamespace = 'public'::regnamespace order by 1`.execute(db);
  return [...columns.rows, ...indexes.rows, ...constraints.rows].map((r) => r.line);
}

const names = Object.keys(migrations);

describe.each(databaseKinds)('database migrations (%s)', (kind) => {
  it('migrates an empty database to the latest version, and a second run does nothing', async () => {
    const database = await openTestDatabase(kind);
    try {
      const tables = await describeSchema(database.db as Kysely<unknown>);
      expect(tables.some((line) => line.startsWith('attempts.id uuid'))).toBe(true);
      expect(await migrate(database.db)).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it.each(names.slice(0, -1))(
    'upgrades from version %s to the same schema as a fresh database',
    async (from) => {
      const fresh = await openTestDatabase(kind);
      const latest = await describeSchema(fresh.db as Kysely<unknown>).finally(() => fresh.close());
      const old = await openTestDatabase(kind, { migrateTo: from });
      try {
        const before = await describeSchema(old.db as Kysely<unknown>);
        expect(before).not.toEqual(latest);
        const applied = await migrate(old.db);
        expect(applied).toEqual(names.slice(names.indexOf(from) + 1));
        expect(await describeSchema(old.db as Kysely<unknown>)).toEqual(latest);
      } finally {
        await old.close();
      }
    },
  );

  it('keeps the audit table append-only', async () => {
    const database = await openTestDatabase(kind);
    try {
      await database.db
        .insertInto('audit')
        .values({ actor_id: crypto.randomUUID(), action: 'test', attempt_id: null, detail: '{}' })
        .execute();
      await expect(database.db.updateTable('audit').set({ action: 'changed' }).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(database.db.deleteFrom('audit').execute()).rejects.toThrow(/append-only/);
      expect((await database.db.selectFrom('audit').select('action').execute()).map((r) => r.action)).toEqual(
        ['test'],
      );
    } finally {
      await database.close();
    }
  });
});
