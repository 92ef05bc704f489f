// Every turn waiting to sync, of all the account's attempts on this machine, in as few requests as
// the server takes (POST /api/turns): after an outage a trainee's backlog goes in one request instead
// of one request per turn. The server answers for each turn as the route for one turn would.
import { ApiError, type Api } from './api-client.ts';
import { confirm, planAttempt, type SentMarks, type SyncOp } from './plan.ts';
import type { AttemptRecord } from '../../core/ports/index.ts';

/** The server's limit on turns per request (MAX_TURNS_PER_REQUEST in src/server/attempts/turn-routes.ts). */
export const TURNS_PER_REQUEST = 50;

/** One attempt being synced: the record, and what the server has confirmed of it so far. */
export interface Pending {
  record: AttemptRecord;
  marks: SentMarks;
}

/** The server's answer for one turn: stored now, already there, or refused with the single route's status. */
type TurnResult = { stored: boolean } | { status: number; error: string };

type TurnOp = Extract<SyncOp, { kind: 'turn' }>;

/**
 * Sends the waiting turns of `pending` (attempts the server already has), updating each entry's
 * marks and saving them with `save`. Throws the first failure worth retrying. When the server
 * refuses a whole request for good (a server without this route, or one turn it will not take),
 * it returns and leaves the turns waiting, to go one request each (so only a bad turn is refused).
 */
export async function sendTurnBatches(
  api: Api,
  pending: readonly Pending[],
  save: (entry: Pending) => Promise<void>,
): Promise<void> {
  const waiting = pending.flatMap((entry) =>
    entry.marks.created && !entry.marks.refused
      ? planAttempt(entry.record, entry.marks)
          .filter((op): op is TurnOp => op.kind === 'turn')
          .map((op) => ({ entry, op }))
      : [],
  );
  for (let start = 0; start < waiting.length; start += TURNS_PER_REQUEST) {
    const chunk = waiting.slice(start, start + TURNS_PER_REQUEST);
    let results: TurnResult[];
    try {
      const turns = chunk.map(({ entry, op }) => ({
        attemptId: entry.record.id,
        index: op.index,
        turn: op.body,
      }));
      results = (await api.request<{ results: TurnResult[] }>('POST', '/api/turns', { turns })).results;
    } catch (e) {
      if (e instanceof ApiError && !e.retryable && e.status !== 401) return;
      throw e;
    }
    const retry = apply(chunk, results);
    for (const entry of new Set(chunk.map((c) => c.entry))) await save(entry);
    if (retry) throw retry;
  }
}

/** Confirms each attempt's turns in order up to its first failure; returns a failure worth retrying. */
function apply(chunk: { entry: Pending; op: TurnOp }[], results: TurnResult[]): ApiError | null {
  let retry: ApiError | null = null;
  const stopped = new Set<Pending>();
  chunk.forEach(({ entry, op }, i) => {
    const result = results[i] ?? { status: 500, error: 'The team server did not answer for this turn.' };
    if (stopped.has(entry) || entry.marks.refused) return;
    if ('stored' in result) {
      entry.marks = confirm(entry.marks, op);
      return;
    }
    stopped.add(entry);
    const error = new ApiError(result.status, result.error);
    // Refused for good (another account's id, different words for a stored turn): said, not retried.
    if (!error.retryable) entry.marks = { ...entry.marks, refused: `${result.error} (turn)` };
    else retry ??= error;
  });
  return retry;
}
