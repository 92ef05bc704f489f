// Storing a checked team file in one transaction. Attempts are merged by id with the browser's own
// rules (src/core/review/merge.ts): a new attempt is stored whole; one already here keeps its call
// and gains only the notes and decisions it lacks; nothing new, nothing written. Everything the file
// brings is marked as imported (which file, who imported it, when), and the import is audited.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { markImported, planMerge, type ImportMark, type ReviewAttempt } from '../../core/review/index.ts';
import { chunks, loadTeamAttempts, type AuditEntry } from './records.ts';
import type { CheckedFile } from './import-check.ts';

type Db = Kysely<Database>;
type Tx = Transaction<Database>;

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
}

export type StoreResult = { ok: true; summary: ImportSummary } | { ok: false; errors: string[] };

const json = (value: unknown) => JSON.stringify(value);

async function insertAttempt(tx: Tx, a: ReviewAttempt, traineeId: string) {
  await tx
    .insertInto('attempts')
    .values({
      id: a.id,
      trainee_id: traineeId,
      pack_id: a.packId,
      pack_version: a.packVersion,
      scenario_id: a.scenarioId,
      scenario_title: a.scenarioTitle,
      mode: a.mode,
      status: a.status,
      started_at: a.startedAt,
      updated_at: a.updatedAt,
      summary: a.summary ? json(a.summary) : null,
      score: a.summary?.score ?? null,
      passed: a.summary?.passed ?? null,
      imported: a.imported ? json(a.imported) : null,
      not_rechecked: a.notRechecked ? json(a.notRechecked) : null,
    })
    .execute();
  const turns = a.turns.map((t, idx) => ({
    attempt_id: a.id,
    idx,
    body: json(t),
    flagged: Boolean(t.flaggedForCoach),
  }));
  for (const part of chunks(turns)) await tx.insertInto('turns').values(part).execute();
}

async function insertNotes(tx: Tx, attemptId: string, notes: ReviewAttempt['notes'], importer: string) {
  if (notes.length === 0) return;
  await tx
    .insertInto('notes')
    .values(
      notes.map((n) => ({
        id: n.id,
        attempt_id: attemptId,
        author_id: importer,
        author_name: n.author,
        text: n.text,
        at: n.at,
        imported: n.imported ? json(n.imported) : null,
      })),
    )
    .execute();
}

async function upsertDisputes(tx: Tx, attemptId: string, disputes: ReviewAttempt['disputes']) {
  for (const d of disputes)
    await tx
      .insertInto('disputes')
      .values({ id: d.id, attempt_id: attemptId, body: json(d), updated_at: new Date() })
      .onConflict((c) => c.column('id').doUpdateSet({ body: json(d), updated_at: new Date() }))
      .execute();
}

async function insertAudit(
  tx: Tx,
  attemptId: string,
  entries: AuditEntry[],
  importer: string,
  mark: ImportMark,
) {
  const rows = entries.map((e) => ({
    at: e.at,
    actor_id: importer,
    actor_name: e.by,
    action: e.action,
    attempt_id: attemptId,
    detail: json(e.detail ?? null),
    imported: json(mark),
  }));
  for (const part of chunks(rows)) await tx.insertInto('audit').values(part).execute();
}

/** What an attempt already here gains from the file: the notes and disputes it lacks or left open. */
function gained(before: ReviewAttempt, after: ReviewAttempt) {
  const noteIds = new Set(before.notes.map((n) => n.id));
  const disputes = new Map(before.disputes.map((d) => [d.id, d]));
  return {
    notes: after.notes.filter((n) => !noteIds.has(n.id)),
    disputes: after.disputes.filter((d) => disputes.get(d.id) !== d),
  };
}

/** Stores the file (already checked) as `user`, under `mark`. */
export async function storeTeamFile(
  db: Db,
  user: SessionUser,
  file: CheckedFile,
  mark: ImportMark,
): Promise<StoreResult> {
  const incoming = file.attempts.map((a) => markImported(a, mark));
  return db.transaction().execute(async (tx) => {
    const existing = await loadTeamAttempts(
      tx,
      incoming.map((a) => a.id),
    );
    const plan = planMerge(existing, incoming);
    if (plan.problems.length) return { ok: false as const, errors: plan.problems };
    const before = new Map<string, ReviewAttempt>(existing.map((a) => [a.id, a]));
    for (const a of plan.writes) {
      const old = before.get(a.id);
      if (!old) {
        await insertAttempt(tx, a, file.trainees.get(a.trainee)!);
        await insertNotes(tx, a.id, a.notes, user.id);
        await upsertDisputes(tx, a.id, a.disputes);
        await insertAudit(tx, a.id, file.audit.get(a.id) ?? [], user.id, mark);
        continue;
      }
      const more = gained(old, a);
      await insertNotes(tx, a.id, more.notes, user.id);
      await upsertDisputes(tx, a.id, more.disputes);
      const detail = {
        file: mark.file,
        notes: more.notes.map((n) => n.id),
        disputes: more.disputes.map((d) => d.id),
      };
      await tx
        .insertInto('audit')
        .values({ actor_id: user.id, action: 'import.join', attempt_id: a.id, detail: json(detail) })
        .execute();
    }
    if (plan.writes.length)
      await tx
        .insertInto('audit')
        .values({
          actor_id: user.id,
          action: 'team.import',
          attempt_id: null,
          detail: json({ file: mark.file, added: plan.added, updated: plan.updated }),
        })
        .execute();
    return {
      ok: true as const,
      summary: { added: plan.added.length, updated: plan.updated.length, unchanged: plan.unchanged.length },
    };
  });
}
