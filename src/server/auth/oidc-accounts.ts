// The account a single sign-on belongs to: the one already linked to that identity; else, on the
// first sign-in, an account an admin prepared under the person's verified email address; else a new
// trainee account (an admin can change its role).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { createAccount, normaliseUsername } from './accounts.ts';
import type { SessionUser } from './sessions.ts';
import { OidcError, type OidcIdentity } from './oidc.ts';

const asUser = (row: { id: string; username: string; display_name: string; role: SessionUser['role'] }) => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
});

const columns = ['id', 'username', 'display_name', 'role'] as const;

/** The account already linked to this identity, if any. */
function linkedTo(db: Kysely<Database>, identity: OidcIdentity) {
  return db.selectFrom('users').select(columns).where('oidc_subject', '=', identity.key).executeTakeFirst();
}

export async function accountForIdentity(db: Kysely<Database>, identity: OidcIdentity): Promise<SessionUser> {
  const linked = await linkedTo(db, identity);
  if (linked) return asUser(linked);

  // Only a verified address links to an existing account: anyone may type any preferred name.
  if (identity.email && identity.emailVerified) {
    const prepared = await db
      .updateTable('users')
      .set({ oidc_subject: identity.key })
      .where('username', '=', normaliseUsername(identity.email))
      .where('oidc_subject', 'is', null)
      .returning(columns)
      .executeTakeFirst();
    if (prepared) return asUser(prepared);
  }

  const username = identity.preferredUsername ?? identity.email;
  if (!username)
    throw new OidcError('no-name', 'The sign-in service gave no username or email address for this account.');
  const created = await createAccount(db, {
    username,
    displayName: identity.name ?? username,
    role: 'trainee',
    oidcSubject: identity.key,
  });
  if (created) return created;
  // Two first sign-ins of one person at once: the other one created it.
  const raced = await linkedTo(db, identity);
  if (raced) return asUser(raced);
  throw new OidcError(
    'taken',
    `An account named ${normaliseUsername(username)} already exists here and is not linked to this sign-in.`,
  );
}
