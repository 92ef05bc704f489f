// Accounts and teams: the functions the API and the admin command share.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema.ts';
import { hashPassword } from './password.ts';

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  password?: string;
  oidcSubject?: string;
}

/** Usernames compare without case or surrounding spaces (what people type at a sign-in box). */
export const normaliseUsername = (name: string) => name.trim().normalize('NFC').toLowerCase();

export async function createAccount(db: Kysely<Database>, account: NewAccount, passwordCost?: number) {
  const id = randomUUID();
  const password_hash = account.password ? await hashPassword(account.password, passwordCost) : null;
  const row = await db
    .insertInto('users')
    .values({
      id,
      username: normaliseUsername(account.username),
      display_name: account.displayName,
      role: account.role,
      password_hash,
      oidc_subject: account.oidcSubject ?? null,
    })
    .onConflict((c) => c.column('username').doNothing())
    .returning(['id', 'username', 'display_name', 'role'])
    .executeTakeFirst();
  return row ? { id: row.id, username: row.username, displayName: row.display_name, role: row.role } : null;
}

export async function createTeam(db: Kysely<Database>, name: string) {
  const row = await db
    .insertInto('teams')
    .values({ id: randomUUID(), name })
    .onConflict((c) => c.column('name').doNothing())
    .returning(['id', 'name'])
    .executeTakeFirst();
  return row ?? null;
}

export async function addMember(
  db: Kysely<Database>,
  teamId: string,
  userId: string,
  membership: 'trainee' | 'coach',
) {
  await db
    .insertInto('team_members')
    .values({ team_id: teamId, user_id: userId, membership })
    .onConflict((c) => c.columns(['team_id', 'user_id']).doUpdateSet({ membership }))
    .execute();
}
