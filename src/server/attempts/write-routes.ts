// What a signed-in browser's outbox sends. Every write is idempotent on ids the browser chose:
// sending the same attempt, turn, note or dispute twice stores it once.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DisputeSchema, SummarySchema } from '../../core/review/index.ts';
import type { Database } from '../db/schema.ts';
import { HttpError, notFound } from '../http-error.ts';
import { requireUser } from '../auth/plugin.ts';
import { validated } from '../validation.ts';
import { findVisible } from './visibility.ts';
import { turnRoutes } from './turn-routes.ts';
import { audit } from './audit.ts';

/** A long free-text field (a name, a note) is stored as given, up to this size. */
const MAX_TEXT = 100_000;
const AttemptParams = z.object({ id: z.uuid() });
const TurnParams = z.object({ id: z.uuid(), index: z.coerce.number().int().min(0).max(10_000) });
const ItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
const NewAttempt = z.object({
  packId: z.string().min(1).max(MAX_TEXT),
  packVersion: z.string().max(MAX_TEXT),
  scenarioId: z.string().min(1).max(MAX_TEXT),
  scenarioTitle: z.string().max(MAX_TEXT),
  mode: z.enum(['practice', 'assessment']),
  startedAt: z.iso.datetime({ offset: true }),
});
const Finish = z.object({
  status: z.enum(['completed', 'abandoned']),
  summary: SummarySchema.nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
});
const Note = z.object({ text: z.string().min(1).max(MAX_TEXT), at: z.iso.datetime({ offset: true }) });
const Flag = z.object({ flagged: z.boolean() });

type Db = Kysely<Database>;

export const attemptWriteRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.put('/api/attempts/:id', putAttempt(db));
  turnRoutes(app, db);
  app.put('/api/attempts/:id/turns/:index/flag', putTurnFlag(db));
  app.post('/api/attempts/:id/finish', finishAttempt(db));
  app.put('/api/attempts/:id/notes/:itemId', putNote(db));
  app.put('/api/attempts/:id/disputes/:itemId', putDispute(db));
};

/** The asker and the attempt of the route's `:id`, which they may see: else 404, as for a missing one. */
async function visibleAttempt(db: Db, request: FastifyRequest<{ Params: { id: string } }>) {
  const user = requireUser(request);
  const attempt = await findVisible(db, user, request.params.id);
  if (!attempt) throw notFound();
  return { user, attempt };
}

/** A new attempt, owned by the asker. */
function putAttempt(db: Db) {
  return validated({ params: AttemptParams, body: NewAttempt }, async (request) => {
    const user = requireUser(request);
    const b = request.body;
    await db
      .insertInto('attempts')
      .values({
        id: request.params.id,
        trainee_id: user.id,
        pack_id: b.packId,
        pack_version: b.packVersion,
        scenario_id: b.scenarioId,
        scenario_title: b.scenarioTitle,
        mode: b.mode,
        status: 'in-progress',
        started_at: b.startedAt,
        updated_at: b.startedAt,
        summary: null,
        score: null,
        passed: null,
      })
      .onConflict((c) => c.column('id').doNothing())
      .execute();
    // Someone else's id answers as not found, exactly like a missing one.
    const owner = await db
      .selectFrom('attempts')
      .select('trainee_id')
      .where('id', '=', request.params.id)
      .executeTakeFirst();
    if (owner?.trainee_id !== user.id) throw notFound();
    return { id: request.params.id };
  });
}

/** A coach or the trainee flags a turn for review. */
function putTurnFlag(db: Db) {
  return validated({ params: TurnParams, body: Flag }, async (request) => {
    const { user } = await visibleAttempt(db, request);
    const result = await db
      .updateTable('turns')
      .set({ flagged: request.body.flagged })
      .where('attempt_id', '=', request.params.id)
      .where('idx', '=', request.params.index)
      .executeTakeFirst();
    if (!result.numUpdatedRows) throw notFound('That turn');
    await audit(db, user.id, 'turn.flag', request.params.id, {
      index: request.params.index,
      flagged: request.body.flagged,
    });
    return { flagged: request.body.flagged };
  });
}

/** The trainee finishes or abandons their attempt. */
function finishAttempt(db: Db) {
  return validated({ params: AttemptParams, body: Finish }, async (request) => {
    const user = requireUser(request);
    const { status, summary, updatedAt } = request.body;
    const result = await db
      .updateTable('attempts')
      .set({
        status,
        updated_at: updatedAt,
        summary: summary ? JSON.stringify(summary) : null,
        score: summary?.score ?? null,
        passed: summary?.passed ?? null,
      })
      .where('id', '=', request.params.id)
      .where('trainee_id', '=', user.id)
      .executeTakeFirst();
    if (!result.numUpdatedRows) throw notFound();
    return { status };
  });
}

/** A note on an attempt the asker can see. */
function putNote(db: Db) {
  return validated({ params: ItemParams, body: Note }, async (request) => {
    const { user } = await visibleAttempt(db, request);
    const row = await db
      .insertInto('notes')
      .values({
        id: request.params.itemId,
        attempt_id: request.params.id,
        author_id: user.id,
        text: request.body.text,
        at: request.body.at,
      })
      .onConflict((c) => c.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row)
      await audit(db, user.id, 'note.add', request.params.id, { noteId: row.id, text: request.body.text });
    return { stored: Boolean(row) };
  });
}

/** A dispute raised by the trainee, or resolved by a coach. */
function putDispute(db: Db) {
  return validated({ params: ItemParams, body: DisputeSchema }, async (request) => {
    const { user, attempt } = await visibleAttempt(db, request);
    if (request.body.id !== request.params.itemId) throw notFound();
    const resolving = request.body.resolution !== null;
    // Trainees raise disputes on their own attempts; only a coach (or admin) resolves one.
    if (resolving && !['coach', 'admin'].includes(user.role))
      throw new HttpError(403, 'Only a coach can resolve a dispute.');
    if (!resolving && attempt.trainee_id !== user.id)
      throw new HttpError(403, 'Only the trainee can raise a dispute.');
    await db
      .insertInto('disputes')
      .values({
        id: request.params.itemId,
        attempt_id: request.params.id,
        body: JSON.stringify(request.body),
        updated_at: new Date(),
      })
      .onConflict((c) =>
        c.column('id').doUpdateSet({ body: JSON.stringify(request.body), updated_at: new Date() }),
      )
      .execute();
    const action = resolving
      ? `dispute.${request.body.resolution?.kind === 'overridden' ? 'override' : 'uphold'}`
      : 'dispute.raise';
    await audit(db, user.id, action, request.params.id, request.body);
    return { stored: true };
  });
}
