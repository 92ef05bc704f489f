// The audit table: who did what to which attempt, and when. Only ever appended to.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export async function audit(
  db: Kysely<Database>,
  actorId: string,
  action: string,
  attemptId: string,
  detail: unknown,
): Promise<void> {
  await db
    .insertInto('audit')
    .values({ actor_id: actorId, action, attempt_id: attemptId, detail: JSON.stringify(detail) })
    .execute();
}
