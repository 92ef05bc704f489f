// The outbox's plan: what of one attempt saved on this machine the server has not yet confirmed,
// as the requests that send it. Computed from the attempt (the working copy in IndexedDB) and the
// marks of what the server confirmed, so nothing saved is ever lost between the two: a turn saved
// while the network is down is simply still "waiting" until a request for it succeeds.
import type { AttemptRecord, StoredTurn } from '../../core/ports/index.ts';

type Mark = NonNullable<StoredTurn['misunderstood']>;
/** The turn as sent: without the coach flag, which has its own request (it may change later). */
export type TurnBody = Omit<StoredTurn, 'flaggedForCoach'>;

/** What the server has confirmed of one attempt (kept in IndexedDB, sync-marks.ts). */
export interface SentMarks {
  id: string;
  created: boolean;
  /** Turns 0..turns-1 are stored on the server. */
  turns: number;
  /** The flag state the server holds for each stored turn. */
  flags: boolean[];
  /**
   * The "caller misunderstood me" mark the server holds for each stored turn, as canonical JSON
   * ('null' for none); absent in marks saved before marks were synced, read as none.
   */
  misread?: string[];
  /** The ending status the server holds, if any. */
  finished: string | null;
  noteIds: string[];
  /** Each dispute as last confirmed (JSON), by id. */
  disputes: Record<string, string>;
  /** Set when the server refused this attempt for good (4xx): said to the user, not retried. */
  refused?: string;
}

export type SyncOp =
  | { kind: 'create'; method: 'PUT'; path: string; body: unknown }
  | { kind: 'turn'; method: 'PUT'; path: string; body: TurnBody; index: number; flagged: boolean }
  | { kind: 'flag'; method: 'PUT'; path: string; body: { flagged: boolean }; index: number }
  | { kind: 'misread'; method: 'PUT'; path: string; body: { mark: Mark | null }; index: number }
  | { kind: 'finish'; method: 'POST'; path: string; body: unknown; status: string }
  | { kind: 'note'; method: 'PUT'; path: string; body: unknown; noteId: string }
  | { kind: 'dispute'; method: 'PUT'; path: string; body: unknown; disputeId: string; json: string };

/** JSON with keys sorted: PostgreSQL's jsonb does not keep the order they were sent in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function emptyMarks(id: string): SentMarks {
  return { id, created: false, turns: 0, flags: [], finished: null, noteIds: [], disputes: {} };
}

/** A turn's mark as the marks keep it. */
export const markJson = (turn: Pick<StoredTurn, 'misunderstood'>) => canonical(turn.misunderstood ?? null);

function turnBody(turn: StoredTurn): TurnBody {
  const { flaggedForCoach: _flag, ...body } = turn;
  return body;
}

export function planAttempt(record: AttemptRecord, marks: SentMarks): SyncOp[] {
  if (marks.refused) return [];
  const base = `/api/attempts/${encodeURIComponent(record.id)}`;
  const ops: SyncOp[] = [];
  if (!marks.created) {
    const { packId, packVersion, scenarioId, scenarioTitle, mode, startedAt } = record;
    ops.push({
      kind: 'create',
      method: 'PUT',
      path: base,
      body: { packId, packVersion, scenarioId, scenarioTitle, mode, startedAt },
    });
  }
  record.turns.forEach((turn, index) => {
    const flagged = Boolean(turn.flaggedForCoach);
    if (index >= marks.turns)
      ops.push({
        kind: 'turn',
        method: 'PUT',
        path: `${base}/turns/${index}`,
        body: turnBody(turn),
        index,
        flagged,
      });
    if (flagged !== (index < marks.turns ? Boolean(marks.flags[index]) : false))
      ops.push({
        kind: 'flag',
        method: 'PUT',
        path: `${base}/turns/${index}/flag`,
        body: { flagged },
        index,
      });
    if (index < marks.turns && markJson(turn) !== (marks.misread?.[index] ?? 'null'))
      ops.push({
        kind: 'misread',
        method: 'PUT',
        path: `${base}/turns/${index}/misunderstood`,
        body: { mark: turn.misunderstood ?? null },
        index,
      });
  });
  if (record.status !== 'in-progress' && marks.finished !== record.status) {
    const body = { status: record.status, summary: record.summary, updatedAt: record.updatedAt };
    ops.push({ kind: 'finish', method: 'POST', path: `${base}/finish`, body, status: record.status });
  }
  for (const note of record.notes) {
    if (note.imported || marks.noteIds.includes(note.id)) continue;
    const body = { text: note.text, at: note.at };
    ops.push({ kind: 'note', method: 'PUT', path: `${base}/notes/${note.id}`, body, noteId: note.id });
  }
  for (const dispute of record.disputes) {
    const json = canonical(dispute);
    if (marks.disputes[dispute.id] === json) continue;
    const path = `${base}/disputes/${dispute.id}`;
    ops.push({ kind: 'dispute', method: 'PUT', path, body: dispute, disputeId: dispute.id, json });
  }
  return ops;
}

/** The marks once `op` has been confirmed by the server. */
export function confirm(marks: SentMarks, op: SyncOp): SentMarks {
  switch (op.kind) {
    case 'create':
      return { ...marks, created: true };
    case 'turn': {
      const flags = [...marks.flags];
      flags[op.index] = false;
      const misread = [...(marks.misread ?? [])];
      misread[op.index] = markJson(op.body);
      return { ...marks, turns: Math.max(marks.turns, op.index + 1), flags, misread };
    }
    case 'misread': {
      const misread = [...(marks.misread ?? [])];
      misread[op.index] = canonical(op.body.mark);
      return { ...marks, misread };
    }
    case 'flag': {
      const flags = [...marks.flags];
      flags[op.index] = op.body.flagged;
      return { ...marks, flags };
    }
    case 'finish':
      return { ...marks, finished: op.status };
    case 'note':
      return { ...marks, noteIds: [...marks.noteIds, op.noteId] };
    case 'dispute':
      return { ...marks, disputes: { ...marks.disputes, [op.disputeId]: op.json } };
  }
}

/** How many turns, and other changes, `ops` still has to send. */
export function countPending(ops: readonly SyncOp[]): { turns: number; other: number } {
  const turns = ops.filter((op) => op.kind === 'turn').length;
  return { turns, other: ops.length - turns };
}
