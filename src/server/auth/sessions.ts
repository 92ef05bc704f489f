// Sessions live in the database (no server memory), keyed by the SHA-256 of a random token that
// only the browser's HttpOnly cookie holds.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema.ts';

/** A working day with margin: a trainee signs in once per shift. */
export const SESSION_HOURS = 12;
export const SESSION_COOKIE = 'verbatim_session';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createSession(db: Kysely<Database>, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      expires_at: new Date(Date.now() + SESSION_HOURS * 3600_000),
    })
    .execute();
  return token;
}

export async function userForToken(db: Kysely<Database>, token: string): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role'])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.expires_at', '>', new Date())
    .executeTakeFirst();
  return row ? { id: row.id, username: row.username, displayName: row.display_name, role: row.role } : null;
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** Signs the user out on every device: every session's cookie stops working at once. */
export async function endAllSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
