// Checking a team file before anything is stored: the browser import's rules (size, shape, unique
// ids, references that resolve, real ISO dates, every field's limit: src/core/review), then what
// the server needs besides (UUID ids, trainees the importer may act for, ids not taken elsewhere).
// Any problem refuses the whole file, each problem naming its attempt.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import {
  describePath,
  MAX_LISTED,
  readAttemptsFile,
  REVIEW_LIMITS,
  type ReviewAttempt,
} from '../../core/review/index.ts';
import { isRealIsoDateTime } from '../../core/review/dates.ts';
import { holdsNul } from '../validation.ts';
import { chunks, type AuditEntry } from './records.ts';
import { traineesCoachedBy } from '../attempts/visibility.ts';

type Db = Kysely<Database>;

/**
 * Audit entries per attempt: each note, dispute, decision and flag writes one, and an attempt holds
 * at most 200 notes, 200 disputes (raised and decided) and 500 turns (REVIEW_LIMITS), so 2,000.
 */
const MAX_AUDIT_ENTRIES = 2_000;

const AuditEntrySchema = z.object({
  at: z.string().max(40).refine(isRealIsoDateTime, { message: 'is not a date and time that exists' }),
  action: z.string().min(1).max(REVIEW_LIMITS.idChars),
  by: z.string().min(1).max(REVIEW_LIMITS.nameChars),
  detail: z.unknown(),
  imported: z.unknown().optional(),
});

const ExtrasSchema = z.object({
  attempts: z.array(z.looseObject({ audit: z.array(AuditEntrySchema).max(MAX_AUDIT_ENTRIES).optional() })),
});

export interface CheckedFile {
  attempts: ReviewAttempt[];
  /** Each attempt's audit trail from the file, by attempt id. */
  audit: Map<string, AuditEntry[]>;
  /** Trainee account id by username. */
  trainees: Map<string, string>;
}

export type CheckResult =
  | { ok: true; file: CheckedFile }
  /** `notFound`: the file names trainees the importer may not act for (answered as not found). */
  | { ok: false; errors: string[]; notFound?: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const where = (i: number, a: { id: string }) => `Attempt ${i + 1} (id ${JSON.stringify(a.id)})`;

/** What the database needs that the browser's rules do not: UUIDs, no NUL character. */
function storableProblems(attempts: readonly ReviewAttempt[]): string[] {
  const out: string[] = [];
  attempts.forEach((a, i) => {
    const bad = [a.id, ...a.notes.map((n) => n.id), ...a.disputes.map((d) => d.id)].filter(
      (id) => !UUID.test(id),
    );
    if (bad.length)
      out.push(
        `${where(i, a)}: the id ${JSON.stringify(bad[0])} is not a UUID; the team server keeps attempts, notes and disputes under UUIDs, as the app makes them.`,
      );
    if (holdsNul(a)) out.push(`${where(i, a)}: it holds the character U+0000 (NUL), which cannot be stored.`);
  });
  return out;
}

/** The file's audit trails, checked like the rest. */
function readAudit(text: string): { audit: Map<string, AuditEntry[]> } | { errors: string[] } {
  const raw = JSON.parse(text) as { attempts: unknown };
  const parsed = ExtrasSchema.safeParse(raw);
  if (!parsed.success)
    return {
      errors: parsed.error.issues.map(
        (issue) => `${describePath(issue.path, raw.attempts)}: ${issue.message}.`,
      ),
    };
  const audit = new Map<string, AuditEntry[]>();
  for (const a of parsed.data.attempts) audit.set(String(a.id), (a.audit ?? []) as AuditEntry[]);
  return { audit };
}

/** Trainee accounts the importer may bring attempts in for: a coach's teams' trainees; any for an admin. */
async function resolveTrainees(db: Db, user: SessionUser, names: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks(names)) {
    let query = db
      .selectFrom('users')
      .select(['users.id', 'users.username'])
      .where('users.username', 'in', part);
    if (user.role !== 'admin') query = query.where('users.id', 'in', traineesCoachedBy(user.id));
    for (const row of await query.execute()) found.set(row.username, row.id);
  }
  return found;
}

/** Ids in the file already used on this server by an attempt (or for a note or dispute) elsewhere. */
async function takenProblems(db: Db, attempts: readonly ReviewAttempt[], trainees: Map<string, string>) {
  const out: string[] = [];
  const index = new Map(attempts.map((a, i) => [a.id, i]));
  for (const part of chunks(attempts.map((a) => a.id))) {
    const rows = await db
      .selectFrom('attempts')
      .select(['id', 'trainee_id'])
      .where('id', 'in', part)
      .execute();
    for (const row of rows) {
      const i = index.get(row.id)!;
      const a = attempts[i]!;
      if (row.trainee_id !== trainees.get(a.trainee))
        out.push(`${where(i, a)}: an attempt with this id is already kept here for another trainee.`);
    }
  }
  const owner = new Map<string, number>();
  attempts.forEach((a, i) => [...a.notes, ...a.disputes].forEach((x) => owner.set(x.id, i)));
  for (const part of chunks([...owner.keys()])) {
    const [notes, disputes] = await Promise.all(
      (['notes', 'disputes'] as const).map((table) =>
        db.selectFrom(table).select(['id', 'attempt_id']).where('id', 'in', part).execute(),
      ),
    );
    for (const row of [...notes!, ...disputes!]) {
      const i = owner.get(row.id)!;
      const a = attempts[i]!;
      if (row.attempt_id !== a.id)
        out.push(`${where(i, a)}: the id ${JSON.stringify(row.id)} is already used here by another attempt.`);
    }
  }
  return out;
}

/** Reads and checks a team file whole; nothing is stored by this. */
export async function checkTeamFile(db: Db, user: SessionUser, text: string): Promise<CheckResult> {
  const read = readAttemptsFile(text);
  if (!read.ok) return read;
  const attempts = read.file.attempts;
  const extras = readAudit(text);
  if ('errors' in extras) return { ok: false, errors: limit(extras.errors) };
  const stored = storableProblems(attempts);
  if (stored.length) return { ok: false, errors: limit(stored) };
  const trainees = await resolveTrainees(db, user, [...new Set(attempts.map((a) => a.trainee))]);
  const unknown: string[] = [];
  attempts.forEach((a, i) => {
    if (!trainees.has(a.trainee))
      unknown.push(
        user.role === 'admin'
          ? `${where(i, a)}: there is no account ${JSON.stringify(a.trainee)} on this server; create it, then import again.`
          : `${where(i, a)}: no trainee ${JSON.stringify(a.trainee)} was found in the teams you coach.`,
      );
  });
  if (unknown.length) return { ok: false, errors: limit(unknown), notFound: true };
  const taken = await takenProblems(db, attempts, trainees);
  if (taken.length) return { ok: false, errors: limit(taken) };
  return { ok: true, file: { attempts, audit: extras.audit, trainees } };
}

function limit(errors: string[]): string[] {
  return errors.length > MAX_LISTED
    ? [...errors.slice(0, MAX_LISTED), `…and ${errors.length - MAX_LISTED} more.`]
    : errors;
}
