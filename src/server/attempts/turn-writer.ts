// Turns are the busiest write (every answer of every trainee): they are stored in batches (see
// db/batch.ts), one INSERT for all the turns waiting, each only into its sender's own attempt and
// only once.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { batcher } from '../db/batch.ts';

export interface NewTurn {
  userId: string;
  attemptId: string;
  index: number;
  /** The turn as JSON text. */
  body: string;
  flagged: boolean;
}

/** Returns a function that stores a turn and says whether it was new (false: already there, or not the sender's attempt). */
export function turnWriter(db: Kysely<Database>): (turn: NewTurn) => Promise<boolean> {
  return batcher(async (turns: NewTurn[]) => {
    const rows = sql.join(
      turns.map(
        (t) =>
          sql`(${t.attemptId}::uuid, ${t.userId}::uuid, ${t.index}::int, ${t.body}::jsonb, ${t.flagged}::boolean)`,
      ),
    );
    const { rows: stored } = await sql<{ attempt_id: string; idx: number; trainee_id: string }>`
      insert into turns (attempt_id, idx, body, flagged)
      select v.attempt_id, v.idx, v.body, v.flagged
      from (values ${rows}) as v (attempt_id, trainee_id, idx, body, flagged)
      join attempts on attempts.id = v.attempt_id and attempts.trainee_id = v.trainee_id
      on conflict (attempt_id, idx) do nothing
      returning attempt_id, idx,
        (select trainee_id from attempts where attempts.id = turns.attempt_id) as trainee_id`.execute(db);
    // Keyed by the owner too: a turn sent into someone else's attempt is never the one stored.
    const key = (attempt: string, index: number, owner: string) => `${attempt}/${index}/${owner}`;
    const inserted = new Set(stored.map((r) => key(r.attempt_id, r.idx, r.trainee_id)));
    // The same turn twice in one batch (a retry racing its original): only the first is new.
    return turns.map((t) => inserted.delete(key(t.attemptId, t.index, t.userId)));
  });
}
