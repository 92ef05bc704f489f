// Embedded PostgreSQL (PGlite) behind the same Kysely PostgresDialect as a real server, so both
// run the same SQL. PGlite is one connection, so this pool hands it to one caller at a time (a
// transaction holds it from BEGIN to COMMIT). Written here rather than taken from a dialect
// package because the published ones pin older PGlite majors.
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

export function pglitePool(pg: PGlite, { closeOnEnd = true } = {}): PostgresPool {
  let tail: Promise<void> = Promise.resolve();
  const client = {
    async query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
      const result = await pg.query<R>(sql, [...parameters]);
      return {
        command: (result as { command?: string }).command as PostgresQueryResult<R>['command'],
        rowCount: result.affectedRows ?? result.rows.length,
        rows: result.rows,
      };
    },
  };
  return {
    connect() {
      let release!: () => void;
      const turn = tail;
      tail = new Promise<void>((done) => (release = done));
      return turn.then(() => ({ ...client, release: () => release() }) as unknown as PostgresPoolClient);
    },
    async end() {
      await tail;
      if (closeOnEnd) await pg.close();
    },
  };
}
