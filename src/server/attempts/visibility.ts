// Who may see whose attempts. Every attempt query goes through `visibleTo`, so a record the asker
// may not see is simply not found (404), never "forbidden", and its id is never confirmed.
import { expressionBuilder, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';

type AttemptsEb = ExpressionBuilder<Database, 'attempts'>;

/** Trainees (and QA) see their own attempts; coaches also their teams' trainees'; admins all. */
export function visibleTo(user: SessionUser) {
  return (eb: AttemptsEb) => {
    if (user.role === 'admin') return eb.lit(true);
    if (user.role !== 'coach') return eb('attempts.trainee_id', '=', user.id);
    return eb.or([
      eb('attempts.trainee_id', '=', user.id),
      eb('attempts.trainee_id', 'in', traineesCoachedBy(user.id)),
    ]);
  };
}

/** The ids of the trainees in the teams `coachId` coaches: a subquery for `where(column, 'in', …)`. */
export function traineesCoachedBy(coachId: string) {
  return expressionBuilder<Database>()
    .selectFrom('team_members as member')
    .innerJoin('team_members as coach', 'coach.team_id', 'member.team_id')
    .select('member.user_id')
    .where('coach.user_id', '=', coachId)
    .where('coach.membership', '=', 'coach')
    .where('member.membership', '=', 'trainee');
}

/** The attempt's owner if `user` may see it, otherwise undefined (answer 404). */
export async function findVisible(db: Kysely<Database>, user: SessionUser, attemptId: string) {
  return db
    .selectFrom('attempts')
    .select(['id', 'trainee_id'])
    .where('id', '=', attemptId)
    .where(visibleTo(user))
    .executeTakeFirst();
}
