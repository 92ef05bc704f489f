// One simulated trainee of the load test: the browser's own attempt store (over fake-indexeddb) and
// outbox (src/adapters/sync/outbox.ts). The call saves a turn every `spacing` ms whatever the network
// does; the outbox sends what waits as the browser would (every waiting turn in one request, retrying
// with backoff until the server has it).
import 'fake-indexeddb/auto';
import { openAttemptStore } from '../../../src/adapters/storage/attempt-store.ts';
import { createApi } from '../../../src/adapters/sync/api-client.ts';
import { Outbox } from '../../../src/adapters/sync/outbox.ts';
import { openMarks } from '../../../src/adapters/sync/sync-marks.ts';
import { syncingStore } from '../../../src/adapters/sync/syncing-store.ts';
import type { TeamUser } from '../../../src/core/ports/index.ts';

/** How often a trainee whose call has ended looks whether the server has confirmed everything. */
const DRAIN_POLL_MS = 100;

export interface Traffic {
  base: string;
  /** Give up after this time (Date.now()): the run is bounded whatever happens. */
  hardStop: number;
  /** Each turn's latency: the time of the request that stored it. */
  latencies: number[];
  /** Requests that failed for a while (no answer, a server error) and turns a batch did not store. */
  retries: number;
  turnsMade: number;
  requests: number;
}

/** A seeded account and its session cookie. */
export interface Account {
  user: TeamUser;
  cookie: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * fetch for one trainee's outbox: its session cookie on every request, each request counted, and
 * each turn a batch stored given that request's time.
 */
function countingFetch(traffic: Traffic, cookie: string): typeof fetch {
  return async (input, init = {}) => {
    traffic.requests++;
    const started = performance.now();
    const headers = { ...(init.headers as Record<string, string>), cookie };
    const response = await fetch(input, { ...init, headers }).catch((e: unknown) => {
      traffic.retries++;
      throw e;
    });
    const ms = performance.now() - started;
    if (response.status >= 500 || response.status === 429) traffic.retries++;
    else if (response.ok && init.method === 'POST' && String(input).endsWith('/api/turns')) {
      const { results } = (await response.clone().json()) as { results: object[] };
      const stored = results.filter((r) => 'stored' in r).length;
      if (stored < results.length) traffic.retries++;
      for (let i = 0; i < stored; i++) traffic.latencies.push(ms);
    }
    return response;
  };
}

/** Resolves once the server has confirmed all of the account's attempts; throws at the hard stop. */
async function drained(outbox: Outbox, username: string, hardStop: number): Promise<void> {
  while (Date.now() < hardStop) {
    const { turns, other } = await outbox.waiting(username);
    if (turns + other === 0) return;
    await sleep(DRAIN_POLL_MS);
  }
  throw new Error(`${username}: not stored before the deadline`);
}

/** One trainee's call: the attempt, then `turns` turns `spacing` ms apart, each sent by the outbox. */
export async function trainee(traffic: Traffic, account: Account, turns: number, spacing: number) {
  const { user, cookie } = account;
  const local = await openAttemptStore({ name: `load-${user.id}`, markStorage: null, storageManager: null });
  const marks = await openMarks(`load-${user.id}-sync`);
  const api = createApi(traffic.base, countingFetch(traffic, cookie));
  const outbox = new Outbox({ api, store: local, marks, now: () => new Date() }, () => {});
  const store = syncingStore(local, () => outbox.poke());
  try {
    // Start spread over the first turn's interval, as a room of trainees would.
    await sleep(Math.random() * spacing);
    outbox.setUser(user);
    const { id } = await store.create({
      trainee: user.username,
      packId: 'cms-core',
      packVersion: '1',
      scenarioId: 'load',
      scenarioTitle: 'Load',
      mode: 'practice',
    });
    for (let index = 0; index < turns; index++) {
      const due = Date.now() + spacing;
      const text = `turn ${index} of ${user.displayName}`;
      const saved = await store.appendTurn(id, index, {
        text,
        source: 'typed',
        at: new Date().toISOString(),
      });
      if (!saved.ok) throw new Error(`${text} was not saved: ${saved.reason}`);
      traffic.turnsMade++;
      await sleep(Math.max(0, due - Date.now()));
    }
    await drained(outbox, user.username, traffic.hardStop);
    return id;
  } finally {
    await outbox.stop();
    local.close();
    marks.close();
  }
}
