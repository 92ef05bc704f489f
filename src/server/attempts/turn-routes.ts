// The turns a trainee's outbox sends, the busiest writes: one at a time, or every waiting turn in
// one request (each checked and stored exactly as if sent alone), and the trainee's "the caller
// misunderstood me" mark on a turn already sent. All idempotent: the ids were chosen in the browser.
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { TurnSchema } from '../../core/review/index.ts';
import type { Database } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { HttpError, notFound } from '../http-error.ts';
import { requireUser } from '../auth/plugin.ts';
import { validated } from '../validation.ts';
import { audit } from './audit.ts';
import { turnWriter, type NewTurn, type WriteResult } from './turn-writer.ts';

/**
 * Most turns one batch request may carry: a room's outbox after a long outage sends in a few
 * requests, and 50 long voice turns with alternatives stay well under the 2 MB body limit (app.ts).
 */
export const MAX_TURNS_PER_REQUEST = 50;

const TurnIndex = z.coerce.number().int().min(0).max(10_000);
const TurnParams = z.object({ id: z.uuid(), index: TurnIndex });
const TurnBatch = z.object({
  turns: z
    .array(z.object({ attemptId: z.uuid(), index: TurnIndex, turn: TurnSchema }))
    .min(1)
    .max(MAX_TURNS_PER_REQUEST),
});
const Mark = TurnSchema.shape.misunderstood.unwrap();
const MarkBody = z.object({ mark: Mark.nullable() });

type P<T extends z.ZodType> = z.infer<T>;
type Db = Kysely<Database>;
type Turn = P<typeof TurnSchema>;
type Write = (turn: NewTurn) => Promise<WriteResult>;

/** One turn of a batch as answered: stored now, already there, or refused (with the single route's status). */
export type TurnResult = { stored: boolean } | { status: number; error: string };

export function turnRoutes(app: FastifyInstance, db: Db): void {
  const write = turnWriter(db);
  app.put(
    '/api/attempts/:id/turns/:index',
    validated({ params: TurnParams, body: TurnSchema }, async (request) => {
      const { id, index } = request.params;
      return { stored: await storeTurn(db, write, requireUser(request), id, index, request.body) };
    }),
  );
  // Every waiting turn of one trainee, in any of their attempts: one request, one answer per turn.
  app.post(
    '/api/turns',
    validated({ body: TurnBatch }, async (request) => {
      const user = requireUser(request);
      const results = await Promise.all(
        request.body.turns.map(({ attemptId, index, turn }) =>
          storeTurn(db, write, user, attemptId, index, turn).then(
            (stored): TurnResult => ({ stored }),
            (e: unknown): TurnResult =>
              e instanceof HttpError
                ? { status: e.statusCode, error: e.message }
                : { status: 500, error: 'The server could not store this turn.' },
          ),
        ),
      );
      return { results };
    }),
  );
  app.put(
    '/api/attempts/:id/turns/:index/misunderstood',
    validated({ params: TurnParams, body: MarkBody }, async (request) => {
      const user = requireUser(request);
      const { id, index } = request.params;
      const mark = request.body.mark;
      if (!(await setMark(db, user, id, index, mark)) && !(await ownTurn(db, user.id, id, index)))
        throw notFound('That turn');
      return { misunderstood: mark !== null };
    }),
  );
}

/** Stores a turn into the asker's own attempt; false when it was already there with the same words. */
async function storeTurn(
  db: Db,
  write: Write,
  user: SessionUser,
  attemptId: string,
  index: number,
  turn: Turn,
): Promise<boolean> {
  const body = JSON.stringify(turn);
  const existing = await write({
    userId: user.id,
    attemptId,
    index,
    body,
    flagged: turn.flaggedForCoach ?? false,
  });
  if (existing === true) return true;
  if (!existing) throw notFound();
  // The mark may have been made (or undone) after the turn was first sent: a resent turn carries the
  // trainee's latest choice, so it is not different words.
  const { misunderstood: storedMark, ...stored } = existing.body as Turn;
  const { misunderstood: sentMark, ...sent } = turn;
  if (canonical(stored) !== canonical(sent))
    throw new HttpError(409, `Turn ${index + 1} of this attempt holds different words.`);
  if (canonical(storedMark ?? null) !== canonical(sentMark ?? null))
    await setMark(db, user, attemptId, index, sentMark ?? null);
  return false;
}

async function ownTurn(db: Db, userId: string, attemptId: string, index: number) {
  return db
    .selectFrom('turns')
    .innerJoin('attempts', 'attempts.id', 'turns.attempt_id')
    .select('turns.body')
    .where('turns.attempt_id', '=', attemptId)
    .where('turns.idx', '=', index)
    .where('attempts.trainee_id', '=', userId)
    .executeTakeFirst();
}

/**
 * Puts the trainee's mark on their own turn (or takes it off, with null), audited when it changes;
 * true when it changed. False when it was already so, or the turn is not theirs or not there.
 */
async function setMark(
  db: Db,
  user: SessionUser,
  attemptId: string,
  index: number,
  mark: P<typeof Mark> | null,
): Promise<boolean> {
  const json = mark ? JSON.stringify(mark) : null;
  const { rows } = await sql<{ idx: number }>`
    update turns set body = case when ${json}::jsonb is null then body - 'misunderstood'
      else jsonb_set(body, '{misunderstood}', ${json}::jsonb) end
    where attempt_id = ${attemptId}::uuid and idx = ${index}::int
      and attempt_id in (select id from attempts where trainee_id = ${user.id}::uuid)
      and (body -> 'misunderstood') is distinct from ${json}::jsonb
    returning idx`.execute(db);
  if (rows.length === 0) return false;
  await audit(db, user.id, mark ? 'turn.misunderstood' : 'turn.understood', attemptId, { index, mark });
  return true;
}

/** JSON with keys sorted: PostgreSQL's jsonb does not keep the order they were sent in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
