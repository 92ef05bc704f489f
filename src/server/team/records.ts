// Whole attempts as a team file holds them: every field the browser's export has (turns, notes,
// disputes and their resolutions, flags and marks, what a file brought in) plus each attempt's audit
// trail (who did what, when). The same shape is read back by the import, so a file round-trips.
import { DynamicModule, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import type { ReviewAttempt } from '../../core/review/index.ts';
import { HttpError, notFound } from '../http-error.ts';
import { visibleTo } from '../attempts/visibility.ts';

type Db = Kysely<Database>;

export interface AuditEntry {
  at: string;
  action: string;
  by: string;
  detail: unknown;
  imported?: unknown;
}

/** An attempt in a team file: the browser's record and its audit trail. */
export type TeamAttempt = ReviewAttempt & { audit: AuditEntry[] };

/**
 * Attempts read per query: a few hundred ids keep each `in (...)` list and its rows small, so a
 * team of 10,000 attempts is read in bounded steps.
 */
const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The ids of the attempts a team file of `user` covers, oldest first: a coach's teams (or one of
 * them), everything for an admin (or one team). A team the asker does not coach is not found.
 */
export async function scopeIds(db: Db, user: SessionUser, teamId?: string): Promise<string[]> {
  if (user.role !== 'coach' && user.role !== 'admin')
    throw new HttpError(403, "Only a coach or an admin can export or import a team's attempts.");
  let query = db.selectFrom('attempts').select('attempts.id').where(visibleTo(user));
  if (teamId) {
    const team = await db
      .selectFrom('teams')
      .select('teams.id')
      .where('teams.id', '=', teamId)
      .where((eb) =>
        user.role === 'admin'
          ? eb.lit(true)
          : eb.exists(
              eb
                .selectFrom('team_members')
                .select('team_members.user_id')
                .whereRef('team_members.team_id', '=', 'teams.id')
                .where('team_members.user_id', '=', user.id)
                .where('team_members.membership', '=', 'coach'),
            ),
      )
      .executeTakeFirst();
    if (!team) throw notFound('That team');
    query = query.where('attempts.trainee_id', 'in', (eb) =>
      eb
        .selectFrom('team_members')
        .select('team_members.user_id')
        .where('team_members.team_id', '=', teamId)
        .where('team_members.membership', '=', 'trainee'),
    );
  }
  const rows = await query.orderBy('attempts.started_at').orderBy('attempts.id').execute();
  return rows.map((r) => r.id);
}

/** Whole records of the given attempts (the caller has checked they may be seen), in the ids' order. */
export async function loadTeamAttempts(db: Db, ids: readonly string[]): Promise<TeamAttempt[]> {
  const out: TeamAttempt[] = [];
  for (const part of chunks(ids)) out.push(...(await loadChunk(db, part)));
  return out;
}

const iso = (d: Date) => d.toISOString();

function groupBy<T extends { attempt_id: string | null }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.attempt_id ?? '') ?? [];
    list.push(r);
    map.set(r.attempt_id ?? '', list);
  }
  return map;
}

/**
 * Every row of `table` (notes or the audit trail, joined by `query` to whoever wrote them) for the given
 * attempts, in the order written (rows of the same moment by id).
 */
function inWrittenOrder<T extends 'notes' | 'audit', O>(
  table: T,
  query: SelectQueryBuilder<Database, T | 'users', O>,
  ids: string[],
) {
  const { ref } = new DynamicModule();
  return query
    .selectAll(table)
    .where(ref(`${table}.attempt_id`), 'in', ids)
    .orderBy(ref(`${table}.at`))
    .orderBy(ref(`${table}.id`))
    .execute();
}

function selectChunk(db: Db, ids: string[]) {
  return Promise.all([
    db
      .selectFrom('attempts')
      .innerJoin('users', 'users.id', 'attempts.trainee_id')
      .selectAll('attempts')
      .select('users.username')
      .where('attempts.id', 'in', ids)
      .execute(),
    db.selectFrom('turns').selectAll().where('attempt_id', 'in', ids).orderBy('idx').execute(),
    inWrittenOrder(
      'notes',
      db.selectFrom('notes').innerJoin('users', 'users.id', 'notes.author_id').select('users.display_name'),
      ids,
    ),
    db.selectFrom('disputes').selectAll().where('attempt_id', 'in', ids).execute(),
    // An audit entry outlives its actor's account, so its name may be missing.
    inWrittenOrder(
      'audit',
      db.selectFrom('audit').leftJoin('users', 'users.id', 'audit.actor_id').select('users.username'),
      ids,
    ),
  ]);
}

async function loadChunk(db: Db, ids: string[]): Promise<TeamAttempt[]> {
  const [attempts, turns, notes, disputes, audit] = await selectChunk(db, ids);
  const group = <T extends { attempt_id: string | null }>(rows: T[]) => groupBy(rows);
  const rows: Rows = {
    turns: group(turns),
    notes: group(notes),
    disputes: group(disputes),
    audit: group(audit),
  };
  const byId = new Map(attempts.map((a) => [a.id, a]));
  return ids.flatMap((id) => {
    const a = byId.get(id);
    return a ? [toTeamAttempt(a, rows)] : [];
  });
}

type Selected<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
type Loaded = Selected<typeof selectChunk>;
interface Rows {
  turns: Map<string, Loaded[1]>;
  notes: Map<string, Loaded[2]>;
  disputes: Map<string, Loaded[3]>;
  audit: Map<string, Loaded[4]>;
}

function toTeamAttempt(a: Loaded[0][number], rows: Rows): TeamAttempt {
  const id = a.id;
  return {
    id,
    trainee: a.username,
    packId: a.pack_id,
    packVersion: a.pack_version,
    scenarioId: a.scenario_id,
    scenarioTitle: a.scenario_title,
    mode: a.mode,
    startedAt: iso(a.started_at),
    updatedAt: iso(a.updated_at),
    status: a.status,
    turns: (rows.turns.get(id) ?? []).map((t) => {
      const { flaggedForCoach: _f, ...body } = t.body as ReviewAttempt['turns'][number];
      return t.flagged ? { ...body, flaggedForCoach: true } : body;
    }),
    summary: a.summary as ReviewAttempt['summary'],
    notes: (rows.notes.get(id) ?? []).map((n) => ({
      id: n.id,
      author: n.author_name ?? n.display_name,
      text: n.text,
      at: iso(n.at),
      ...(n.imported ? { imported: n.imported as ReviewAttempt['imported'] } : {}),
    })),
    disputes: (rows.disputes.get(id) ?? [])
      .map((d) => d.body as ReviewAttempt['disputes'][number])
      .sort((x, y) => compare(x.raisedAt, y.raisedAt) || compare(x.id, y.id)),
    ...(a.imported ? { imported: a.imported as ReviewAttempt['imported'] } : {}),
    ...(a.not_rechecked ? { notRechecked: a.not_rechecked as ReviewAttempt['notRechecked'] } : {}),
    audit: (rows.audit.get(id) ?? []).map((e) => ({
      at: iso(e.at),
      action: e.action,
      by: e.actor_name ?? e.username ?? 'an account since removed',
      detail: e.detail,
      ...(e.imported ? { imported: e.imported } : {}),
    })),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
