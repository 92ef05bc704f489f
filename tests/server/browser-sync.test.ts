// The browser's outbox against a real team server (embedded database): turns saved while the
// server is down are sent when it is back, each stored once; a coach's note made on the server
// comes down to the trainee's machine; a new machine brings the trainee's history down; attempts
// made under other names never leave the machine.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { openAttemptStore } from '../../src/adapters/storage/attempt-store.ts';
import { createApi } from '../../src/adapters/sync/api-client.ts';
import { openMarks } from '../../src/adapters/sync/sync-marks.ts';
import { syncingStore } from '../../src/adapters/sync/syncing-store.ts';
import { HttpTeamServer } from '../../src/adapters/sync/team-server.ts';
import type { AttemptStore } from '../../src/core/ports/index.ts';
import { markMisunderstood } from '../../src/core/review/misunderstood.ts';
import { SERVER_TEST_TIMEOUTS, stopDatabases } from './databases.ts';
import { PASSWORD, TEST_PASSWORD_COST, startTeamServer, type TeamServer } from './team-api.ts';
import { injectFetch, practiceAttempt, typed } from './browser.ts';

vi.setConfig(SERVER_TEST_TIMEOUTS);
afterAll(() => stopDatabases());

let server: TeamServer;
/** The app the fake network reaches; null while the server is "down". */
let live: FastifyInstance | null;
/** Every request the machines sent, as 'METHOD path'. */
const sentRequests: string[] = [];

let machines = 0;
async function machine(username: string) {
  const name = `machine-${++machines}`;
  const local = await openAttemptStore({ name });
  const team = new HttpTeamServer({
    api: createApi(
      '',
      injectFetch(
        () => live,
        (request) => sentRequests.push(request),
      ),
    ),
    local,
    marks: await openMarks(`${name}-sync`),
    now: () => new Date(),
  });
  await team.signIn(username, PASSWORD);
  const store: AttemptStore = syncingStore(local, () => team.outbox.poke());
  return { local, store, team };
}

describe('browser outbox and the team server', () => {
  let traineeId: string;
  beforeAll(async () => {
    server = await startTeamServer('embedded');
    live = server.app;
    traineeId = await server.account('tia', 'trainee');
    const coachId = await server.account('cora', 'coach');
    await server.team('North', [
      { userId: traineeId, membership: 'trainee' },
      { userId: coachId, membership: 'coach' },
    ]);
  });
  afterAll(() => server.close());

  it('sends turns saved while the server was down once it is back, each stored once', async () => {
    const a = await machine('tia');
    const record = await a.store.create(practiceAttempt('tia'));
    await a.store.appendTurn(record.id, 0, typed('Good morning, Child Maintenance Service'));
    await a.team.syncNow();
    expect(a.team.status).toMatchObject({ pendingTurns: 0, lastError: null });

    live = null;
    await a.store.appendTurn(record.id, 1, typed('Can I take your name please'));
    await a.store.appendTurn(record.id, 2, typed('Thank you'));
    await a.store.finish(record.id, null, 'abandoned');
    await a.team.syncNow();
    expect(a.team.status.pendingTurns).toBe(2);
    expect(a.team.status.pendingOther).toBe(1);
    expect(a.team.status.lastError).toMatch(/cannot be reached/);
    // The call's own copy was saved whatever the network did.
    expect((await a.local.get(record.id))?.turns).toHaveLength(3);

    // The server comes back as a new process on the same database.
    live = await buildApp({ database: server.database, passwordCost: TEST_PASSWORD_COST });
    sentRequests.length = 0;
    await a.team.syncNow();
    // Both waiting turns went in one request.
    expect(sentRequests.filter((r) => r.includes('/turns'))).toEqual(['POST /api/turns']);
    await a.team.syncNow();
    expect(a.team.status).toMatchObject({ pendingTurns: 0, pendingOther: 0, lastError: null });
    const rows = await server.database.db
      .selectFrom('turns')
      .select(['idx'])
      .where('attempt_id', '=', record.id)
      .orderBy('idx')
      .execute();
    expect(rows.map((r) => r.idx)).toEqual([0, 1, 2]);
    const stored = await server.database.db
      .selectFrom('attempts')
      .select(['status', 'trainee_id'])
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'abandoned', trainee_id: traineeId });
    await a.team.outbox.stop();
  });

  it("sends a 'misunderstood' mark made after the turn synced, and its undoing, for the coach to see", async () => {
    const a = await machine('tia');
    const record = await a.store.create(practiceAttempt('tia'));
    await a.store.appendTurn(record.id, 0, typed('I will need your partner’s address'));
    await a.team.syncNow();
    expect(a.team.status).toMatchObject({ pendingTurns: 0, pendingOther: 0 });

    const mark = { at: new Date().toISOString(), stateId: 'ask-address' };
    const toggle = (on: boolean) =>
      a.store.modify(record.id, (r) => markMisunderstood(r, 0, on ? mark : null, mark.at));
    live = null;
    await toggle(true);
    await a.team.syncNow();
    expect(a.team.status).toMatchObject({ pendingTurns: 0, pendingOther: 1 });
    live = server.app;
    await a.team.syncNow();
    expect(a.team.status).toMatchObject({ pendingOther: 0, lastError: null });
    const coach = await machine('cora');
    const seen = async () => (await coach.team.teamStore()!.get(record.id))?.turns[0]?.misunderstood;
    expect(await seen()).toEqual(mark);

    await toggle(false);
    await a.team.syncNow();
    expect(a.team.status).toMatchObject({ pendingOther: 0, lastError: null });
    expect(await seen()).toBeUndefined();
    await Promise.all([a, coach].map((m) => m.team.outbox.stop()));
  });

  it("keeps other names' attempts on the machine, and brings a coach's note and the history down", async () => {
    const a = await machine('tia');
    const mine = await a.store.create(practiceAttempt('tia'));
    await a.store.appendTurn(mine.id, 0, typed('Hello'));
    const other = await a.store.create(practiceAttempt('someone else'));
    await a.store.appendTurn(other.id, 0, typed('Not for the server'));
    await a.team.syncNow();
    const ids = (await server.database.db.selectFrom('attempts').select('id').execute()).map((r) => r.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(other.id);

    const coach = await machine('cora');
    const teamView = coach.team.teamStore();
    expect(teamView).not.toBeNull();
    const heads = await teamView!.listHeads();
    expect(heads.map((h) => h.id)).toContain(mine.id);
    // Whole records, paged by the server: the team's, with their turns; nothing kept off the server.
    const whole = await teamView!.list();
    expect(whole.find((r) => r.id === mine.id)?.turns.map((t) => t.text)).toEqual(['Hello']);
    expect(whole.map((r) => r.id)).not.toContain(other.id);
    expect(whole.map((r) => r.id).sort()).toEqual(heads.map((h) => h.id).sort());
    const note = {
      id: crypto.randomUUID(),
      author: 'Cora',
      text: 'Say the full greeting',
      at: new Date().toISOString(),
    };
    const noted = await teamView!.modify(mine.id, (r) => ({ ...r, notes: [...r.notes, note] }));
    expect(noted?.notes.map((n) => n.text)).toEqual(['Say the full greeting']);

    await a.team.syncNow();
    expect((await a.local.get(mine.id))?.notes.map((n) => n.text)).toEqual(['Say the full greeting']);
    expect(a.team.status).toMatchObject({ pendingTurns: 0, pendingOther: 0 });

    const b = await machine('tia');
    await b.team.syncNow();
    const history = await b.local.list({ trainee: 'tia' });
    expect(history.map((r) => r.id)).toContain(mine.id);
    expect(history.find((r) => r.id === mine.id)?.turns.map((t) => t.text)).toEqual(['Hello']);
    expect(b.team.status).toMatchObject({ pendingTurns: 0, pendingOther: 0 });
    await Promise.all([a, b, coach].map((m) => m.team.outbox.stop()));
  });
});
