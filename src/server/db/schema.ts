// The team server's tables as Kysely sees them. Migrations (migrations.ts) create them; every
// query is typed against these interfaces, so a renamed column fails the type check.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Written as an ISO string or a Date, read back as a Date (both drivers). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in (now()) unless given. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: written as JSON text, read back parsed. */
type Json<T> = ColumnType<T, string, string>;

export type Role = 'trainee' | 'coach' | 'qa' | 'admin';
export const roles: readonly Role[] = ['trainee', 'coach', 'qa', 'admin'];

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  /** scrypt hash (password.ts); null for accounts that sign in only through OpenID Connect. */
  password_hash: string | null;
  /** Single sign-on identity: `<issuer> <sub>` (src/server/auth/oidc.ts); null for password-only accounts. */
  oidc_subject: string | null;
  created_at: DefaultTimestamp;
}

export interface TeamsTable {
  id: string;
  name: string;
  created_at: DefaultTimestamp;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  /** 'coach' members see the team's trainees' attempts. */
  membership: 'trainee' | 'coach';
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a copy of the table gives no one a working cookie. */
  token_hash: string;
  user_id: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export interface LoginAttemptsTable {
  id: Generated<string>;
  key: string;
  at: DefaultTimestamp;
}

export interface AttemptsTable {
  id: string;
  trainee_id: string;
  pack_id: string;
  pack_version: string;
  scenario_id: string;
  scenario_title: string;
  mode: 'practice' | 'assessment';
  status: 'in-progress' | 'completed' | 'abandoned';
  started_at: Timestamp;
  updated_at: Timestamp;
  summary: Json<unknown> | null;
  score: number | null;
  passed: boolean | null;
  /** Set when the attempt came from a team file: which file, who brought it in, when. */
  imported: Json<unknown> | null;
  /** The file's own "not re-checked" mark, kept as it came. */
  not_rechecked: Json<unknown> | null;
}

export interface TurnsTable {
  attempt_id: string;
  idx: number;
  body: Json<unknown>;
  flagged: boolean;
}

export interface NotesTable {
  id: string;
  attempt_id: string;
  author_id: string;
  text: string;
  at: Timestamp;
  /** A note from a team file: its author as the file names them (author_id is who imported it). */
  author_name: string | null;
  imported: Json<unknown> | null;
}

export interface DisputesTable {
  id: string;
  attempt_id: string;
  body: Json<unknown>;
  updated_at: Timestamp;
}

export interface AuditTable {
  id: Generated<string>;
  at: DefaultTimestamp;
  actor_id: string;
  action: string;
  attempt_id: string | null;
  detail: Json<unknown>;
  /** An entry from a team file: who the file says acted (actor_id is who imported it). */
  actor_name: string | null;
  imported: Json<unknown> | null;
}

export interface PacksTable {
  pack_id: string;
  version: string;
  sha256: string;
  title: string;
  /** The pack file's text as QA published it (YAML or JSON), validated before it was stored. */
  source: string;
  published_by: string;
  published_at: DefaultTimestamp;
}

export interface Database {
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  attempts: AttemptsTable;
  turns: TurnsTable;
  notes: NotesTable;
  disputes: DisputesTable;
  audit: AuditTable;
  packs: PacksTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
