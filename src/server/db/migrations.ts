// Versioned schema changes, applied at start-up by Kysely's Migrator: every pending migration runs
// inside one transaction under PostgreSQL's advisory lock, so two instances starting together
// cannot both apply one, and a failed migration leaves the database as it was. Never edit a
// migration that has shipped: add the next one.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/** A migration as the SQL statements it runs, in order. */
function steps(...statements: string[]): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const statement of statements) await sql.raw(statement).execute(db);
    },
  };
}

const accounts = steps(
  `create table users (
    id uuid primary key,
    username text not null unique,
    display_name text not null,
    role text not null check (role in ('trainee', 'coach', 'qa', 'admin')),
    password_hash text,
    oidc_subject text unique,
    created_at timestamptz default now() not null
  )`,
  `create table teams (
    id uuid primary key,
    name text not null unique,
    created_at timestamptz default now() not null
  )`,
  `create table team_members (
    team_id uuid not null references teams (id) on delete cascade,
    user_id uuid not null references users (id) on delete cascade,
    membership text not null check (membership in ('trainee', 'coach')),
    constraint team_members_pk primary key (team_id, user_id)
  )`,
  'create index team_members_user on team_members (user_id)',
  `create table sessions (
    token_hash text primary key,
    user_id uuid not null references users (id) on delete cascade,
    created_at timestamptz default now() not null,
    expires_at timestamptz not null
  )`,
  'create index sessions_user on sessions (user_id)',
  `create table login_attempts (
    id bigserial primary key,
    key text not null,
    at timestamptz default now() not null
  )`,
  'create index login_attempts_key_at on login_attempts (key, at)',
);

const attempts = steps(
  `create table attempts (
    id uuid primary key,
    trainee_id uuid not null references users (id),
    pack_id text not null,
    pack_version text not null,
    scenario_id text not null,
    scenario_title text not null,
    mode text not null check (mode in ('practice', 'assessment')),
    status text not null check (status in ('in-progress', 'completed', 'abandoned')),
    started_at timestamptz not null,
    updated_at timestamptz not null,
    summary jsonb,
    score real,
    passed boolean
  )`,
  // The review table's filters and its default order (newest first).
  'create index attempts_trainee_started on attempts (trainee_id, started_at desc)',
  'create index attempts_scenario_started on attempts (scenario_id, started_at desc)',
  'create index attempts_started on attempts (started_at desc)',
  'create index attempts_status on attempts (status)',
  `create table turns (
    attempt_id uuid not null references attempts (id) on delete cascade,
    idx integer not null check (idx >= 0),
    body jsonb not null,
    flagged boolean default false not null,
    constraint turns_pk primary key (attempt_id, idx)
  )`,
  `create table notes (
    id uuid primary key,
    attempt_id uuid not null references attempts (id) on delete cascade,
    author_id uuid not null references users (id),
    text text not null,
    at timestamptz not null
  )`,
  'create index notes_attempt on notes (attempt_id)',
  `create table disputes (
    id uuid primary key,
    attempt_id uuid not null references attempts (id) on delete cascade,
    body jsonb not null,
    updated_at timestamptz not null
  )`,
  'create index disputes_attempt on disputes (attempt_id)',
  `create table audit (
    id bigserial primary key,
    at timestamptz default now() not null,
    actor_id uuid not null,
    action text not null,
    attempt_id uuid,
    detail jsonb not null
  )`,
  'create index audit_attempt on audit (attempt_id)',
  // The audit trail is only ever appended to: the database itself refuses changes and deletions.
  `create function audit_append_only() returns trigger language plpgsql as $$
    begin raise exception 'the audit table is append-only'; end $$`,
  `create trigger audit_append_only before update or delete or truncate on audit
    for each statement execute function audit_append_only()`,
);

const packs = steps(
  `create table packs (
    pack_id text not null,
    version text not null,
    sha256 text not null,
    title text not null,
    source text not null,
    published_by uuid not null references users (id),
    published_at timestamptz default now() not null,
    constraint packs_pk primary key (pack_id, version)
  )`,
);

// The review table's other filters and sorts (src/server/attempts/review-query.ts), each with the
// default order (newest first) so a filtered page is read straight from the index.
const reviewIndexes = steps(
  `create index attempts_ending_started on attempts ((summary->'ending'->>'id'), started_at desc)`,
  'create index attempts_mode_started on attempts (mode, started_at desc)',
  'create index attempts_score on attempts (score, started_at desc)',
);

// A team file brought in by a coach or admin (src/server/team/import-routes.ts): what it said and
// who brought it in are kept beside the rows, so a decision from a file is never shown as made here.
const teamImport = steps(
  'alter table attempts add column imported jsonb',
  'alter table attempts add column not_rechecked jsonb',
  'alter table notes add column author_name text',
  'alter table notes add column imported jsonb',
  'alter table audit add column actor_name text',
  'alter table audit add column imported jsonb',
);

/** In order; the names sort in the same order, which Kysely requires. */
export const migrations: Record<string, Migration> = {
  '001-accounts': accounts,
  '002-attempts': attempts,
  '003-packs': packs,
  '004-review-indexes': reviewIndexes,
  '005-team-import': teamImport,
};

export const migrationProvider: MigrationProvider = { getMigrations: async () => migrations };
