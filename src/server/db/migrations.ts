// Versioned schema changes, applied at start-up by Kysely's Migrator: every pending migration runs
// inside one transaction under PostgreSQL's advisory lock, so two instances starting together
// cannot both apply one, and a failed migration leaves the database as it was. Never edit a
// migration that has shipped: add the next one.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

type AnyDb = Kysely<unknown>;

const accounts: Migration = {
  // long: a shipped migration is never edited (see above), so it stays the one list of what it created.
  async up(db: AnyDb) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('trainee', 'coach', 'qa', 'admin')`))
      .addColumn('password_hash', 'text')
      .addColumn('oidc_subject', 'text', (c) => c.unique())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createTable('teams')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createTable('team_members')
      .addColumn('team_id', 'uuid', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('membership', 'text', (c) => c.notNull().check(sql`membership in ('trainee', 'coach')`))
      .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
      .execute();
    await db.schema.createIndex('team_members_user').on('team_members').column('user_id').execute();
    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
    await db.schema
      .createTable('login_attempts')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createIndex('login_attempts_key_at')
      .on('login_attempts')
      .columns(['key', 'at'])
      .execute();
  },
};

const attempts: Migration = {
  // long: as for the first migration, one shipped list of what it created.
  async up(db: AnyDb) {
    await db.schema
      .createTable('attempts')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('trainee_id', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('pack_id', 'text', (c) => c.notNull())
      .addColumn('pack_version', 'text', (c) => c.notNull())
      .addColumn('scenario_id', 'text', (c) => c.notNull())
      .addColumn('scenario_title', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('practice', 'assessment')`))
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('in-progress', 'completed', 'abandoned')`),
      )
      .addColumn('started_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('summary', 'jsonb')
      .addColumn('score', 'real')
      .addColumn('passed', 'boolean')
      .execute();
    // The review table's filters and its default order (newest first).
    await db.schema
      .createIndex('attempts_trainee_started')
      .on('attempts')
      .columns(['trainee_id', 'started_at desc'])
      .execute();
    await db.schema
      .createIndex('attempts_scenario_started')
      .on('attempts')
      .columns(['scenario_id', 'started_at desc'])
      .execute();
    await db.schema.createIndex('attempts_started').on('attempts').column('started_at desc').execute();
    await db.schema.createIndex('attempts_status').on('attempts').column('status').execute();
    await db.schema
      .createTable('turns')
      .addColumn('attempt_id', 'uuid', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
      .addColumn('idx', 'integer', (c) => c.notNull().check(sql`idx >= 0`))
      .addColumn('body', 'jsonb', (c) => c.notNull())
      .addColumn('flagged', 'boolean', (c) => c.notNull().defaultTo(false))
      .addPrimaryKeyConstraint('turns_pk', ['attempt_id', 'idx'])
      .execute();
    await db.schema
      .createTable('notes')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('attempt_id', 'uuid', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
      .addColumn('author_id', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('notes_attempt').on('notes').column('attempt_id').execute();
    await db.schema
      .createTable('disputes')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('attempt_id', 'uuid', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
      .addColumn('body', 'jsonb', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('disputes_attempt').on('disputes').column('attempt_id').execute();
    await db.schema
      .createTable('audit')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('actor_id', 'uuid', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('attempt_id', 'uuid')
      .addColumn('detail', 'jsonb', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_attempt').on('audit').column('attempt_id').execute();
    // The audit trail is only ever appended to: the database itself refuses changes and deletions.
    await sql`create function audit_append_only() returns trigger language plpgsql as $$
      begin raise exception 'the audit table is append-only'; end $$`.execute(db);
    await sql`create trigger audit_append_only before update or delete or truncate on audit
      for each statement execute function audit_append_only()`.execute(db);
  },
};

const packs: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('packs')
      .addColumn('pack_id', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('published_by', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('packs_pk', ['pack_id', 'version'])
      .execute();
  },
};

const reviewIndexes: Migration = {
  // The review table's other filters and sorts (src/server/attempts/review-query.ts), each with the
  // default order (newest first) so a filtered page is read straight from the index.
  async up(db: AnyDb) {
    await db.schema
      .createIndex('attempts_ending_started')
      .on('attempts')
      .expression(sql`(summary->'ending'->>'id'), started_at desc`)
      .execute();
    await db.schema
      .createIndex('attempts_mode_started')
      .on('attempts')
      .columns(['mode', 'started_at desc'])
      .execute();
    await db.schema
      .createIndex('attempts_score')
      .on('attempts')
      .columns(['score', 'started_at desc'])
      .execute();
  },
};

const teamImport: Migration = {
  // A team file brought in by a coach or admin (src/server/team/import-routes.ts): what it said and
  // who brought it in are kept beside the rows, so a decision from a file is never shown as made here.
  async up(db: AnyDb) {
    await db.schema.alterTable('attempts').addColumn('imported', 'jsonb').execute();
    await db.schema.alterTable('attempts').addColumn('not_rechecked', 'jsonb').execute();
    await db.schema.alterTable('notes').addColumn('author_name', 'text').execute();
    await db.schema.alterTable('notes').addColumn('imported', 'jsonb').execute();
    await db.schema.alterTable('audit').addColumn('actor_name', 'text').execute();
    await db.schema.alterTable('audit').addColumn('imported', 'jsonb').execute();
  },
};

/** In order; the names sort in the same order, which Kysely requires. */
export const migrations: Record<string, Migration> = {
  '001-accounts': accounts,
  '002-attempts': attempts,
  '003-packs': packs,
  '004-review-indexes': reviewIndexes,
  '005-team-import': teamImport,
};

export const migrationProvider: MigrationProvider = { getMigrations: async () => migrations };
