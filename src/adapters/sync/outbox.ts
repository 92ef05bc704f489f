// The outbox: sends what the signed-in account saved on this machine to the team server, in the
// background, idempotently (the ids were chosen here), retrying with backoff until the server has
// it. A call never waits for it: the attempt store saves first and only then pokes the outbox.
import type { AttemptStore, SyncStatus, TeamUser } from '../../core/ports/index.ts';
import { ApiError, type Api } from './api-client.ts';
import type { MarksStore } from './sync-marks.ts';
import { confirm, countPending, planAttempt, type SyncOp } from './plan.ts';
import { sendTurnBatches, type Pending } from './turn-batch.ts';
import { mergeAttempt, type ServerAttempt } from './merge.ts';
import { messageOf } from '../../core/message-of.ts';

/** First retry after a failure; doubled each time up to the cap (with jitter so a room of PCs spreads out). */
const RETRY_START_MS = 1000;
/** A restarted server is found within a minute at worst. */
const RETRY_CAP_MS = 60_000;
/** How often a signed-in machine fetches coaches' notes and resolutions without being asked. */
const PULL_INTERVAL_MS = 30_000;

export interface OutboxDeps {
  api: Api;
  store: AttemptStore;
  marks: MarksStore;
  now: () => Date;
  random?: () => number;
}

export class Outbox {
  status: SyncStatus = {
    pendingTurns: 0,
    pendingOther: 0,
    syncing: false,
    lastError: null,
    lastSyncedAt: null,
  };
  #user: TeamUser | null = null;
  #deps: OutboxDeps;
  #running: Promise<void> | null = null;
  #again = false;
  #pullNext = false;
  #failures = 0;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #poll: ReturnType<typeof setInterval> | null = null;
  #onChange: () => void;

  constructor(deps: OutboxDeps, onChange: () => void) {
    this.#deps = deps;
    this.#onChange = onChange;
  }

  /** Starts (or stops, with null) sending for this account. */
  setUser(user: TeamUser | null): void {
    this.#user = user;
    if (this.#poll) clearInterval(this.#poll);
    this.#poll = null;
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
    this.#set({ pendingTurns: 0, pendingOther: 0, lastError: null });
    if (!user) return;
    this.#poll = setInterval(() => void this.run(true), PULL_INTERVAL_MS);
    void this.run(true);
  }

  /** Something was saved: send it soon. */
  poke(): void {
    if (this.#user) void this.run(false);
  }

  /** Sends what is waiting (and, with `pull`, brings the account's attempts down); resolves when done. */
  async run(pull: boolean): Promise<void> {
    this.#pullNext ||= pull;
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#loop().finally(() => (this.#running = null));
    return this.#running;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      const pull = this.#pullNext;
      this.#pullNext = false;
      await this.#pass(pull);
    } while (this.#again && this.#user);
  }

  async #pass(pull: boolean): Promise<void> {
    const user = this.#user;
    if (!user) return;
    this.#set({ syncing: true });
    try {
      await this.#push(user);
      if (pull) await this.#pull();
      this.#failures = 0;
      this.#set({ lastError: null, lastSyncedAt: this.#deps.now().toISOString() });
    } catch (e) {
      this.#set({ lastError: messageOf(e) });
      if (!(e instanceof ApiError) || e.retryable) this.#scheduleRetry(pull);
    } finally {
      this.#set({ syncing: false });
      await this.#count(user).catch(() => undefined);
    }
  }

  /**
   * Sends what the server has not confirmed: the new attempts first, then every waiting turn of them
   * all in as few requests as the server takes, then the rest (flags, marks, endings, notes,
   * disputes) attempt by attempt, in order. Stops at the first failure worth retrying.
   */
  async #push(user: TeamUser): Promise<void> {
    const { store, marks: marksStore, api } = this.#deps;
    const pending: Pending[] = [];
    for (const record of await store.list({ trainee: user.username }))
      if (!record.imported) pending.push({ record, marks: await marksStore.get(record.id) });
    for (const entry of pending) if (!entry.marks.created) await this.#send(user, entry, 'create');
    if (this.#user !== user) return;
    await sendTurnBatches(api, pending, (entry) => marksStore.put(entry.marks));
    for (const entry of pending) await this.#send(user, entry);
  }

  /** Sends the attempt's unconfirmed parts (or only those of one kind) one request each, in order. */
  async #send(user: TeamUser, entry: Pending, only?: SyncOp['kind']): Promise<void> {
    const { marks: marksStore, api } = this.#deps;
    if (this.#user !== user) return;
    for (const op of planAttempt(entry.record, entry.marks)) {
      if (only && op.kind !== only) continue;
      try {
        await api.request(op.method, op.path, op.body);
        entry.marks = confirm(entry.marks, op);
      } catch (e) {
        if (e instanceof ApiError && !e.retryable && e.status !== 401) {
          // Refused for good (another account's id, different words for a stored turn): said, not retried.
          entry.marks = { ...entry.marks, refused: `${e.message} (${op.kind})` };
          break;
        }
        await marksStore.put(entry.marks);
        throw e;
      }
    }
    await marksStore.put(entry.marks);
  }

  async #pull(): Promise<void> {
    const { store, marks: marksStore, api } = this.#deps;
    const { attempts } = await api.request<{ attempts: ServerAttempt[] }>('GET', '/api/my/attempts');
    for (const server of attempts) {
      const merged = mergeAttempt(server, await store.get(server.id), await marksStore.get(server.id));
      if (merged.record) await store.put(merged.record);
      await marksStore.put(merged.marks);
    }
  }

  async #count(user: TeamUser): Promise<void> {
    const { turns, other } = await this.waiting(user.username);
    this.#set({ pendingTurns: turns, pendingOther: other });
  }

  /** What of this account's attempts on this machine the server has not yet confirmed. */
  async waiting(username: string): Promise<{ turns: number; other: number }> {
    let turns = 0;
    let other = 0;
    for (const record of await this.#deps.store.list({ trainee: username })) {
      if (record.imported) continue;
      const pending = countPending(planAttempt(record, await this.#deps.marks.get(record.id)));
      turns += pending.turns;
      other += pending.other;
    }
    return { turns, other };
  }

  #scheduleRetry(pull: boolean): void {
    if (this.#retry) clearTimeout(this.#retry);
    // Signed out (or stopped) while a pass failed: nothing is sent, so nothing is retried.
    if (!this.#user) return;
    const random = this.#deps.random ?? Math.random;
    const wait = Math.min(RETRY_START_MS * 2 ** this.#failures, RETRY_CAP_MS) * (0.5 + random());
    this.#failures++;
    this.#retry = setTimeout(() => {
      this.#retry = null;
      void this.run(pull);
    }, wait);
  }

  /** Tries again now (the browser says it is back online, or the user asked). */
  retryNow(): void {
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
    this.#failures = 0;
    this.poke();
  }

  #set(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    this.#onChange();
  }

  /** Stops sending; resolves once a pass under way has ended. */
  async stop(): Promise<void> {
    this.setUser(null);
    await this.#running;
  }
}
