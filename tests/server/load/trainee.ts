// One simulated trainee of the load test, shaped like the browser: the call makes a turn every
// `spacing` ms whatever the network does, and the outbox sends every waiting turn in one request
// (POST /api/turns, as src/adapters/sync/turn-batch.ts does), retrying with backoff until stored.
import { TURNS_PER_REQUEST } from '../../../src/adapters/sync/turn-batch.ts';

/** Outbox retry: start at 100 ms, double, cap at 2 s (a browser's outbox uses the same shape). */
const BACKOFF_START_MS = 100;
const BACKOFF_CAP_MS = 2000;
/**
 * The browser outbox's deadline (REQUEST_TIMEOUT_MS in src/adapters/sync/api-client.ts): a shorter
 * one would have the trainees give up on turns a busy server is still storing, and send them again.
 */
const REQUEST_TIMEOUT_MS = 15_000;

export interface Traffic {
  base: string;
  /** Give up after this time (Date.now()): the run is bounded whatever happens. */
  hardStop: number;
  /** Each turn's latency: the time of the request that stored it. */
  latencies: number[];
  retries: number;
  turnsMade: number;
  requests: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends until the server answers 2xx (or the hard stop); returns the answer's JSON and its time. */
async function send(traffic: Traffic, cookie: string, method: string, path: string, body: unknown) {
  let wait = BACKOFF_START_MS;
  while (Date.now() < traffic.hardStop) {
    const t0 = performance.now();
    traffic.requests++;
    const response = await fetch(`${traffic.base}${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      // A request to a server killed mid-answer can hang on its socket: the outbox gives up and retries.
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    }).catch(() => null);
    const json = response?.ok ? ((await response.json().catch(() => null)) as unknown) : null;
    if (json) return { json, ms: performance.now() - t0 };
    if (response && response.status < 500)
      throw new Error(`${path}: ${response.status} ${await response.text()}`);
    traffic.retries++;
    await sleep(wait * (0.5 + Math.random()));
    wait = Math.min(wait * 2, BACKOFF_CAP_MS);
  }
  throw new Error(`${path}: not stored before the deadline`);
}

type Result = { stored: boolean } | { status: number; error: string };
interface Waiting {
  attemptId: string;
  index: number;
  turn: { text: string; source: 'typed'; at: string };
}

/** Sends the waiting turns in order, a batch at a time, until the call has ended and none wait. */
async function outbox(
  traffic: Traffic,
  cookie: string,
  waiting: Waiting[],
  call: { ended: boolean; wake: () => void },
) {
  while (!call.ended || waiting.length > 0) {
    if (waiting.length === 0) {
      await new Promise<void>((r) => (call.wake = r));
      continue;
    }
    const batch = waiting.slice(0, TURNS_PER_REQUEST);
    const { json, ms } = await send(traffic, cookie, 'POST', '/api/turns', { turns: batch });
    const results = (json as { results: Result[] }).results;
    const failed = results.findIndex((r) => !('stored' in r));
    if (failed >= 0 && (results[failed] as { status: number }).status < 500)
      throw new Error(`turn refused: ${JSON.stringify(results[failed])}`);
    // Stored up to the first turn the server could not store this time (sent again next round).
    const done = failed >= 0 ? failed : batch.length;
    if (done < batch.length) traffic.retries++;
    for (let i = 0; i < done; i++) traffic.latencies.push(ms);
    waiting.splice(0, done);
  }
}

/** One trainee's call: the attempt, then `turns` turns `spacing` ms apart, each sent by the outbox. */
export async function trainee(
  traffic: Traffic,
  cookie: string,
  name: string,
  turns: number,
  spacing: number,
) {
  const attemptId = crypto.randomUUID();
  // Start spread over the first turn's interval, as a room of trainees would.
  await sleep(Math.random() * spacing);
  await send(traffic, cookie, 'PUT', `/api/attempts/${attemptId}`, {
    packId: 'cms-core',
    packVersion: '1',
    scenarioId: 'load',
    scenarioTitle: 'Load',
    mode: 'practice',
    startedAt: new Date().toISOString(),
  });
  const waiting: Waiting[] = [];
  const call = { ended: false, wake: () => {} };
  const talk = async () => {
    for (let index = 0; index < turns; index++) {
      const due = Date.now() + spacing;
      waiting.push({
        attemptId,
        index,
        turn: { text: `turn ${index} of ${name}`, source: 'typed', at: new Date().toISOString() },
      });
      traffic.turnsMade++;
      call.wake();
      await sleep(Math.max(0, due - Date.now()));
    }
    call.ended = true;
    call.wake();
  };
  await Promise.all([talk(), outbox(traffic, cookie, waiting, call)]);
  return attemptId;
}
