// Bringing the server's copy of the signed-in account's attempts down: a new PC gets the history,
// and every PC gets the notes coaches wrote and the disputes they resolved. The machine's own
// unsent changes always win; what the server adds is merged in by id.
import type { AttemptNote, AttemptRecord, Dispute, StoredTurn } from '../../core/ports/index.ts';
import { canonical, emptyMarks, markJson, type SentMarks } from './plan.ts';

/** An attempt as GET /api/my/attempts returns it. */
export interface ServerAttempt extends Omit<AttemptRecord, 'notes' | 'disputes'> {
  notes: Pick<AttemptNote, 'id' | 'author' | 'text' | 'at' | 'imported'>[];
  disputes: Dispute[];
}

function localTurn(turn: StoredTurn): StoredTurn {
  const { flaggedForCoach, ...rest } = turn;
  return flaggedForCoach ? { ...rest, flaggedForCoach } : rest;
}

export function fromServer(s: ServerAttempt): AttemptRecord {
  return {
    id: s.id,
    trainee: s.trainee,
    packId: s.packId,
    packVersion: s.packVersion,
    scenarioId: s.scenarioId,
    scenarioTitle: s.scenarioTitle,
    mode: s.mode,
    startedAt: s.startedAt,
    updatedAt: s.updatedAt,
    status: s.status,
    turns: s.turns.map(localTurn),
    summary: s.summary,
    notes: s.notes.map((n) => ({
      id: n.id,
      author: n.author,
      text: n.text,
      at: n.at,
      ...(n.imported ? { imported: n.imported } : {}),
    })),
    disputes: s.disputes,
    // What came from a team file stays marked as imported, and a result not re-checked stays so marked.
    ...(s.imported ? { imported: s.imported } : {}),
    ...(s.notRechecked ? { notRechecked: s.notRechecked } : {}),
  };
}

/** Marks for a record exactly as the server holds it: nothing to send. */
export function marksFor(record: AttemptRecord): SentMarks {
  return {
    ...emptyMarks(record.id),
    created: true,
    turns: record.turns.length,
    flags: record.turns.map((t) => Boolean(t.flaggedForCoach)),
    misread: record.turns.map(markJson),
    finished: record.status === 'in-progress' ? null : record.status,
    noteIds: record.notes.map((n) => n.id),
    disputes: Object.fromEntries(record.disputes.map((d) => [d.id, canonical(d)])),
  };
}

export interface Merged {
  /** The record to save, or null when this machine's copy already has everything. */
  record: AttemptRecord | null;
  marks: SentMarks;
}

export function mergeAttempt(
  server: ServerAttempt,
  local: AttemptRecord | undefined,
  marks: SentMarks,
): Merged {
  const incoming = fromServer(server);
  if (!local) return { record: incoming, marks: marksFor(incoming) };
  const newNotes = incoming.notes.filter((n) => !local.notes.some((l) => l.id === n.id));
  const disputes = [...local.disputes];
  const confirmed = { ...marks.disputes };
  let changed = newNotes.length > 0;
  for (const d of incoming.disputes) {
    const at = disputes.findIndex((l) => l.id === d.id);
    const json = canonical(d);
    // A dispute changed here and not yet sent stays as it is here.
    const unsent = at >= 0 && marks.disputes[d.id] !== canonical(disputes[at]);
    if (unsent) continue;
    confirmed[d.id] = json;
    if (at >= 0 && canonical(disputes[at]) === json) continue;
    if (at >= 0) disputes[at] = d;
    else disputes.push(d);
    changed = true;
  }
  const nextMarks: SentMarks = {
    ...marks,
    created: true,
    noteIds: [...new Set([...marks.noteIds, ...incoming.notes.map((n) => n.id)])],
    disputes: confirmed,
  };
  if (!changed) return { record: null, marks: nextMarks };
  const notes = [...local.notes, ...newNotes].sort((a, b) => a.at.localeCompare(b.at));
  return { record: { ...local, notes, disputes }, marks: nextMarks };
}
