// An ended sign-in against a real team server (embedded database): when the session expires or the
// account is signed out everywhere, the machine says so (who, what waits), stops sending, keeps every
// waiting turn, and sends them all once the trainee signs in again; a reload still tells.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openAttemptStore } from '../../../src/adapters/storage/attempt-store.ts';
import { createApi } from '../../../src/adapters/sync/api-client.ts';
import { openMarks } from '../../../src/adapters/sync/sync-marks.ts';
import { HttpTeamServer } from '../../../src/adapters/sync/team-server.ts';
import type { AttemptStore } from '../../../src/core/ports/index.ts';
import { SERVER_TEST_TIMEOUTS, stopDatabases } from '../../server/databases.ts';
import { PASSWORD, startTeamServer, type TeamServer } from '../../server/team-api.ts';
import { injectFetch, practiceAttempt, typed } from '../../server/browser.ts';

vi.setConfig(SERVER_TEST_TIMEOUTS);
afterAll(() => stopDatabases());

let server: TeamServer;

/** One browser: its cookie jar, its IndexedDB and its localStorage, kept across "reloads". */
function browser() {
  const fetcher = injectFetch(() => server.app);
  const saved = new Map<string, string>();
  const remember = {
    getItem: (k: string) => saved.get(k) ?? null,
    setItem: (k: string, v: string) => void saved.set(k, v),
    removeItem: (k: string) => void saved.delete(k),
  };
  return { fetcher, remember };
}

let machines = 0;
async function machine(username: string) {
  const name = `ended-${++machines}`;
  const local: AttemptStore = await openAttemptStore({ name });
  const marks = await openMarks(`${name}-sync`);
  const b = browser();
  const open = async () => {
    const team = new HttpTeamServer({
      api: createApi('', b.fetcher),
      local,
      marks,
      now: () => new Date(),
      remember: b.remember,
    });
    await team.resume();
    return team;
  };
  const team = await open();
  await team.signIn(username, PASSWORD);
  return { local, team, reload: open };
}

const storedTurns = async (id: string) =>
  (
    await server.database.db
      .selectFrom('turns')
      .select('idx')
      .where('attempt_id', '=', id)
      .orderBy('idx')
      .execute()
  ).map((r) => r.idx);

describe('a sign-in the server ended', () => {
  beforeAll(async () => {
    server = await startTeamServer('embedded');
    const tia = await server.account('tia', 'trainee');
    await server.team('North', [{ userId: tia, membership: 'trainee' }]);
  });
  afterAll(() => server.close());

  it('says so when the session expires, keeps the waiting turns, and sends them after signing in again', async () => {
    const { local, team, reload } = await machine('tia');
    const record = await local.create(practiceAttempt('tia'));
    await local.appendTurn(record.id, 0, typed('Good morning'));
    await team.syncNow();
    expect(await storedTurns(record.id)).toEqual([0]);

    await server.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .execute();
    await local.appendTurn(record.id, 1, typed('Can I take your name'));
    await local.appendTurn(record.id, 2, typed('Thank you'));
    await team.syncNow();
    expect(team.user).toBeNull();
    expect(team.ended).toEqual({ username: 'tia', pendingTurns: 2, pendingOther: 0 });
    expect(await storedTurns(record.id)).toEqual([0]);
    expect((await local.get(record.id))?.turns).toHaveLength(3);

    // Opened again later (a reload): the remembered account tells it, with what still waits.
    const again = await reload();
    expect(again.user).toBeNull();
    expect(again.ended).toEqual({ username: 'tia', pendingTurns: 2, pendingOther: 0 });

    await again.signIn('tia', PASSWORD);
    expect(again.ended).toBeNull();
    await again.syncNow();
    expect(again.status).toMatchObject({ pendingTurns: 0, lastError: null });
    expect(await storedTurns(record.id)).toEqual([0, 1, 2]);
    await team.outbox.stop();
    await again.outbox.stop();
  });

  it('says so when the account was signed out everywhere from another machine, and not after signing out here', async () => {
    const { local, team, reload } = await machine('tia');
    const other = await server.signIn('tia');
    expect((await other.request('POST', '/api/session/sign-out-everywhere')).status).toBe(200);
    const record = await local.create(practiceAttempt('tia'));
    await local.appendTurn(record.id, 0, typed('Hello'));
    await team.syncNow();
    expect(team.ended).toMatchObject({ username: 'tia', pendingTurns: 1, pendingOther: 1 });

    const back = await reload();
    await back.signIn('tia', PASSWORD);
    await back.syncNow();
    expect(await storedTurns(record.id)).toEqual([0]);
    await back.signOut();
    expect(back.ended).toBeNull();
    const later = await reload();
    expect(later.ended).toBeNull();
    expect(later.user).toBeNull();
    await Promise.all([team, back, later].map((t) => t.outbox.stop()));
  });
});
