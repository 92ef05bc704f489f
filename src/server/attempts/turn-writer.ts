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

/**
 * What became of a turn: `true` stored now; otherwise the body already stored at that place in the
 * sender's own attempt (a resend), or null when the sender has no such attempt.
 */
export type WriteResult = true | { body: unknown } | null;

/** Returns a function that stores a turn, in a batch with the others waiting (db/batch.ts). */
export function turnWriter(db: Kysely<Database>): (turn: NewTurn) => Promise<WriteResult> {
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
    const fresh = turns.map((t) => inserted.delete(key(t.attemptId, t.index, t.userId)));
    if (fresh.every(Boolean)) return fresh.map((): WriteResult => true);
    // Resends (a retry after a lost answer, or after a restart) are common under load: what is
    // already stored for all of them is read in one more statement, not one each.
    const again = turns.filter((_t, i) => !fresh[i]);
    const { rows: existing } = await sql<{
      attempt_id: string;
      idx: number;
      trainee_id: string;
      body: unknown;
    }>`
      select turns.attempt_id, turns.idx, attempts.trainee_id, turns.body
      from (values ${sql.join(again.map((t) => sql`(${t.attemptId}::uuid, ${t.userId}::uuid, ${t.index}::int)`))})
        as v (attempt_id, trainee_id, idx)
      join attempts on attempts.id = v.attempt_id and attempts.trainee_id = v.trainee_id
      join turns on turns.attempt_id = v.attempt_id and turns.idx = v.idx`.execute(db);
    const bodies = new Map(existing.map((r) => [key(r.attempt_id, r.idx, r.trainee_id), r.body]));
    return turns.map((t, i): WriteResult => {
      if (fresh[i]) return true;
      const k = key(t.attemptId, t.index, t.userId);
      return bodies.has(k) ? { body: bodies.get(k) } : null;
    });
  });
}
