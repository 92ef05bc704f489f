// Sessions live in the database (no server memory), keyed by the SHA-256 of a random token that
// only the browser's HttpOnly cookie holds.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema.ts';
import { batcher } from '../db/batch.ts';

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

/** The signed-in user of each token (null where none), in one query. */
async function usersForTokens(db: Kysely<Database>, tokens: string[]): Promise<(SessionUser | null)[]> {
  const hashes = tokens.map(hashToken);
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.token_hash', 'users.id', 'users.username', 'users.display_name', 'users.role'])
    .where('sessions.token_hash', 'in', [...new Set(hashes)])
    .where('sessions.expires_at', '>', new Date())
    .execute();
  const users = new Map(
    rows.map((r) => [
      r.token_hash,
      { id: r.id, username: r.username, displayName: r.display_name, role: r.role },
    ]),
  );
  return hashes.map((hash) => users.get(hash) ?? null);
}

/**
 * Every request looks its session up in the database (nothing is cached, so signing out ends a
 * session at once everywhere); lookups that arrive together go as one query (db/batch.ts).
 */
export function sessionLookup(db: Kysely<Database>): (token: string) => Promise<SessionUser | null> {
  return batcher((tokens: string[]) => usersForTokens(db, tokens));
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** Signs the user out on every device: every session's cookie stops working at once. */
export async function endAllSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
