// Login throttling kept in the database (so it holds across instances and restarts): failed
// sign-ins are counted per username and per address over a sliding window.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** OWASP Authentication Cheat Sheet: throttle after a handful of failures; 10 per 15 minutes per account. */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_USER = 10;
/** A training room shares one address behind NAT: allow a room's worth of typos. */
export const MAX_FAILURES_PER_ADDRESS = 100;

const windowStart = () => new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);

export async function isThrottled(db: Kysely<Database>, username: string, address: string): Promise<boolean> {
  const rows = await db
    .selectFrom('login_attempts')
    .select(['key', sql<number>`count(*)::int`.as('failures')])
    .where('key', 'in', [`user:${username}`, `ip:${address}`])
    .where('at', '>', windowStart())
    .groupBy('key')
    .execute();
  return rows.some((r) =>
    r.key.startsWith('user:') ? r.failures >= MAX_FAILURES_PER_USER : r.failures >= MAX_FAILURES_PER_ADDRESS,
  );
}

export async function recordFailure(db: Kysely<Database>, username: string, address: string): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values([{ key: `user:${username}` }, { key: `ip:${address}` }])
    .execute();
  await db.deleteFrom('login_attempts').where('at', '<', windowStart()).execute();
}

export async function clearFailures(db: Kysely<Database>, username: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', `user:${username}`).execute();
}
