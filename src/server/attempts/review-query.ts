// The review table's query, done by the database: the same filters and sort keys as the app's own
// table (src/core/review/filter.ts), over indexed columns (migrations 002 and 004), a page at a time.
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { visibleTo } from './visibility.ts';

/** A review page: enough rows to fill a screen, small enough to answer fast. */
export const MAX_PAGE = 200;
/** Longest filter value looked up (ids and names are shorter; hostile ones are simply not found). */
const MAX_FILTER = 500;
/** A date (yyyy-mm-dd) or a full ISO date-time. */
const When = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const ReviewQuery = z.object({
  trainee: z.string().max(MAX_FILTER).optional(),
  /** A pack id: with `scenario`, one pack's scenario (two packs may use the same scenario id). */
  pack: z.string().max(MAX_FILTER).optional(),
  scenario: z.string().max(MAX_FILTER).optional(),
  status: z.enum(['in-progress', 'completed', 'abandoned']).optional(),
  passed: z.enum(['true', 'false']).optional(),
  mode: z.enum(['practice', 'assessment']).optional(),
  /** An ending id, or 'none' for calls that never ended. */
  ending: z.string().max(MAX_FILTER).optional(),
  from: When.optional(),
  to: When.optional(),
  sort: z
    .enum([
      'startedAt',
      'date',
      'score',
      'trainee',
      'scenario',
      'packVersion',
      'mode',
      'ending',
      'criticalErrors',
    ])
    .default('startedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ReviewQuery = z.infer<typeof ReviewQuery>;

type Db = Kysely<Database>;
type Query = SelectQueryBuilder<Database, 'attempts' | 'users', object>;

const endingId = sql<string | null>`attempts.summary->'ending'->>'id'`;

/** The visible attempts that pass every filter, joined to their trainee. */
export function filtered(db: Db, user: SessionUser, q: Partial<ReviewQuery>): Query {
  let query = db
    .selectFrom('attempts')
    .innerJoin('users', 'users.id', 'attempts.trainee_id')
    .where(visibleTo(user));
  if (q.trainee) query = query.where('users.username', '=', q.trainee.toLowerCase());
  if (q.scenario) query = query.where('attempts.scenario_id', '=', q.scenario);
  if (q.pack) query = query.where('attempts.pack_id', '=', q.pack);
  if (q.status) query = query.where('attempts.status', '=', q.status);
  if (q.passed) query = query.where('attempts.passed', '=', q.passed === 'true');
  if (q.mode) query = query.where('attempts.mode', '=', q.mode);
  if (q.ending === 'none') query = query.where('attempts.summary', 'is', null);
  else if (q.ending) query = query.where(endingId, '=', q.ending);
  if (q.from) query = query.where('attempts.started_at', '>=', new Date(q.from));
  // A date alone means up to the end of that day, as in the app's own filter.
  if (q.to) {
    const to = q.to.length === 10 ? `${q.to}T23:59:59.999Z` : q.to;
    query = query.where('attempts.started_at', '<=', new Date(to));
  }
  return query;
}

/** What each sort key orders by (the same values as the app's sortAttempts). */
function sortExpression(sort: ReviewQuery['sort']) {
  switch (sort) {
    case 'startedAt':
    case 'date':
      return sql`attempts.started_at`;
    case 'score':
      return sql`attempts.score`;
    case 'trainee':
      return sql`users.username`;
    case 'scenario':
      return sql`lower(attempts.scenario_title)`;
    case 'packVersion':
      return sql`attempts.pack_version`;
    case 'mode':
      return sql`attempts.mode`;
    case 'ending':
      return sql`lower(attempts.summary->'ending'->>'title')`;
    case 'criticalErrors':
      return sql`jsonb_array_length(attempts.summary->'criticalErrors')`;
  }
}

/** One page of heads in the asked order (ties newest first), and how many match in all. */
export async function reviewPage(db: Db, user: SessionUser, q: ReviewQuery) {
  const query = filtered(db, user, q);
  const { total } = await query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  // Calls with no score (or no ending) sort as the lowest, as in the app's table.
  const direction = q.order === 'asc' ? sql`asc nulls first` : sql`desc nulls last`;
  const rows = await query
    .selectAll('attempts')
    .select(['users.username', 'users.display_name'])
    // How many of the attempt's turns the trainee marked "The caller misunderstood me", for the coach's table.
    .select((eb) =>
      eb
        .selectFrom('turns')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('turns.attempt_id', '=', 'attempts.id')
        .where(sql<boolean>`turns.body ? 'misunderstood'`)
        .as('misunderstood'),
    )
    .orderBy(sql`${sortExpression(q.sort)} ${direction}`)
    .orderBy('attempts.started_at', 'desc')
    .orderBy('attempts.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total: Number(total), rows };
}

/** The filter menus' choices: every trainee, scenario and ending among the visible attempts. */
export async function reviewOptions(db: Db, user: SessionUser) {
  const base = () => filtered(db, user, {});
  const [trainees, scenarios, endings] = await Promise.all([
    base().select('users.username').distinct().orderBy('users.username').execute(),
    base()
      .select([
        'attempts.pack_id as packId',
        'attempts.scenario_id as scenarioId',
        'attempts.scenario_title as title',
      ])
      .distinct()
      .orderBy('attempts.scenario_title')
      .execute(),
    base()
      .select([endingId.as('id'), sql<string>`attempts.summary->'ending'->>'title'`.as('title')])
      .where('attempts.summary', 'is not', null)
      .distinct()
      .orderBy('title')
      .execute(),
  ]);
  return {
    trainees: trainees.map((t) => t.username),
    scenarios,
    endings: endings.filter((e): e is { id: string; title: string } => e.id !== null),
  };
}
