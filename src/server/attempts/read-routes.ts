// Reading attempts: the review table (filtered, sorted and paged by the database: review-query.ts),
// its filter choices, one whole record, its audit trail, and a trainee's own history for a new PC.
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { notFound } from '../http-error.ts';
import { requireUser } from '../auth/plugin.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { validated } from '../validation.ts';
import { visibleTo } from './visibility.ts';
import { ReviewQuery, reviewOptions, reviewPage } from './review-query.ts';

const PageQuery = ReviewQuery.pick({ limit: true, offset: true });
const IdParams = z.object({ id: z.uuid() });

type Db = Kysely<Database>;

export const attemptReadRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/attempts',
    validated({ querystring: ReviewQuery }, async (request) => {
      const { total, rows } = await reviewPage(db, requireUser(request), request.query);
      return { total, items: rows.map(toHead) };
    }),
  );

  app.get('/api/attempts/options', async (request) => reviewOptions(db, requireUser(request)));

  app.get(
    '/api/attempts/:id',
    validated({ params: IdParams }, async (request) => {
      const [record] = await loadRecords(db, requireUser(request), [request.params.id]);
      if (!record) throw notFound();
      return record;
    }),
  );

  app.get(
    '/api/attempts/:id/audit',
    validated({ params: IdParams }, async (request) =>
      auditTrail(db, requireUser(request), request.params.id),
    ),
  );

  /** Whole records of every attempt the asker may see, a page at a time (a coach's team view). */
  app.get(
    '/api/team/attempts',
    validated({ querystring: PageQuery }, async (request) =>
      teamPage(db, requireUser(request), request.query),
    ),
  );

  /** The signed-in trainee's own attempts, whole: a new PC brings its history down with this. */
  app.get('/api/my/attempts', async (request) => ownHistory(db, requireUser(request)));
};

/** One attempt's audit trail, oldest first; 404 when the asker may not see the attempt. */
async function auditTrail(db: Db, user: SessionUser, id: string) {
  const [record] = await loadRecords(db, user, [id]);
  if (!record) throw notFound();
  const rows = await db
    .selectFrom('audit')
    .innerJoin('users', 'users.id', 'audit.actor_id')
    .select(['audit.at', 'audit.action', 'audit.detail', 'users.username'])
    .where('audit.attempt_id', '=', id)
    .orderBy('audit.id')
    .execute();
  return {
    entries: rows.map((r) => ({
      at: r.at.toISOString(),
      action: r.action,
      by: r.username,
      detail: r.detail,
    })),
  };
}

/** Whole records of the attempts the asker may see, newest first, one page. */
async function teamPage(db: Db, user: SessionUser, page: { limit: number; offset: number }) {
  const base = db.selectFrom('attempts').where(visibleTo(user));
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const ids = await base
    .select('attempts.id')
    .orderBy('attempts.started_at', 'desc')
    .orderBy('attempts.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const records = await loadRecords(
    db,
    user,
    ids.map((r) => r.id),
  );
  return { total: Number(total), attempts: records };
}

/** The signed-in account's own attempts, whole, newest first. */
async function ownHistory(db: Db, user: SessionUser) {
  const ids = await db
    .selectFrom('attempts')
    .select('id')
    .where('trainee_id', '=', user.id)
    .orderBy('started_at', 'desc')
    .execute();
  return {
    attempts: await loadRecords(
      db,
      user,
      ids.map((r) => r.id),
    ),
  };
}

type AttemptRow = Awaited<ReturnType<typeof selectAttempts>>[number];

function selectAttempts(db: Db, user: SessionUser, ids: string[]) {
  return db
    .selectFrom('attempts')
    .innerJoin('users', 'users.id', 'attempts.trainee_id')
    .selectAll('attempts')
    .select(['users.username', 'users.display_name'])
    .where('attempts.id', 'in', ids)
    .where(visibleTo(user))
    .orderBy('attempts.started_at', 'desc')
    .execute();
}

/** A review table row; `misunderstood` counts the turns the trainee marked (the review page's query adds it). */
function toHead(r: AttemptRow & { misunderstood?: number | null }) {
  return {
    id: r.id,
    trainee: r.username,
    traineeName: r.display_name,
    packId: r.pack_id,
    packVersion: r.pack_version,
    scenarioId: r.scenario_id,
    scenarioTitle: r.scenario_title,
    mode: r.mode,
    status: r.status,
    startedAt: r.started_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    score: r.score,
    passed: r.passed,
    summary: summaryHead(r.summary),
    ...(r.misunderstood ? { misunderstood: r.misunderstood } : {}),
  };
}

/** The summary as the review table shows it: without the per-statement and per-move detail. */
function summaryHead(summary: unknown) {
  if (!summary || typeof summary !== 'object') return null;
  const { statements: _s, moves: _m, ...head } = summary as Record<string, unknown>;
  return head;
}

/** Whole records in the shape the browser's attempt store keeps (AttemptRecord), visible ones only. */
async function loadRecords(db: Db, user: SessionUser, ids: string[]) {
  if (ids.length === 0) return [];
  const attempts = await selectAttempts(db, user, ids);
  const visible = attempts.map((a) => a.id);
  if (visible.length === 0) return [];
  const [turns, notes, disputes] = await Promise.all([
    db.selectFrom('turns').selectAll().where('attempt_id', 'in', visible).orderBy('idx').execute(),
    db
      .selectFrom('notes')
      .innerJoin('users', 'users.id', 'notes.author_id')
      .select(['notes.id', 'notes.attempt_id', 'notes.text', 'notes.at', 'users.display_name'])
      .where('notes.attempt_id', 'in', visible)
      .orderBy('notes.at')
      .execute(),
    db.selectFrom('disputes').selectAll().where('attempt_id', 'in', visible).orderBy('updated_at').execute(),
  ]);
  return attempts.map((a) => ({
    ...toHead(a),
    summary: a.summary,
    turns: turns
      .filter((t) => t.attempt_id === a.id)
      .map((t) => ({ ...(t.body as object), flaggedForCoach: t.flagged || undefined })),
    notes: notes
      .filter((n) => n.attempt_id === a.id)
      .map((n) => ({ id: n.id, author: n.display_name, text: n.text, at: n.at.toISOString() })),
    disputes: disputes.filter((d) => d.attempt_id === a.id).map((d) => d.body),
  }));
}
