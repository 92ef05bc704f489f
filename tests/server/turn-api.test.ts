// The outbox's turn routes on both databases: every waiting turn in one request (checked and stored
// as if sent alone, once even when sent twice), and the trainee's late "misunderstood" mark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { useTestDatabases } from './use-databases.ts';
import { newAttempt, startTeamServer, turn, type Client, type TeamServer } from './team-api.ts';

useTestDatabases();

describe.each(databaseKinds)('turn routes (%s)', (kind) => {
  let server: TeamServer;
  let tia: Client;
  let theo: Client;
  let cora: Client;
  beforeAll(async () => {
    server = await startTeamServer(kind);
    const ids = [await server.account('tia', 'trainee'), await server.account('theo', 'trainee')];
    const coach = await server.account('cora', 'coach');
    await server.team('North', [
      ...ids.map((userId) => ({ userId, membership: 'trainee' as const })),
      { userId: coach, membership: 'coach' },
    ]);
    [tia, theo, cora] = [
      await server.signIn('tia'),
      await server.signIn('theo'),
      await server.signIn('cora'),
    ];
  });
  afterAll(() => server.close());

  async function attemptOf(client: Client): Promise<string> {
    const id = crypto.randomUUID();
    expect((await client.request('PUT', `/api/attempts/${id}`, newAttempt())).status).toBe(200);
    return id;
  }

  it('stores a batch of turns across attempts once, each checked as if sent alone', async () => {
    const [a, b, theirs] = [await attemptOf(tia), await attemptOf(tia), await attemptOf(theo)];
    const batch = {
      turns: [
        { attemptId: a, index: 0, turn: turn('Good morning') },
        { attemptId: a, index: 1, turn: turn('Can I take your name?') },
        { attemptId: b, index: 0, turn: turn('Hello') },
      ],
    };
    const first = await tia.request('POST', '/api/turns', batch);
    expect(first.json).toEqual({ results: [{ stored: true }, { stored: true }, { stored: true }] });
    const again = await tia.request('POST', '/api/turns', batch);
    expect(again.json).toEqual({ results: [{ stored: false }, { stored: false }, { stored: false }] });

    const mixed = await tia.request('POST', '/api/turns', {
      turns: [
        { attemptId: a, index: 0, turn: turn('other words') },
        { attemptId: theirs, index: 0, turn: turn('into theo’s call') },
        { attemptId: a, index: 2, turn: turn('Thank you') },
      ],
    });
    expect(mixed.json.results[0]).toEqual({ status: 409, error: expect.stringMatching(/different words/) });
    expect(mixed.json.results[1]).toEqual({ status: 404, error: 'That attempt was not found.' });
    expect(mixed.json.results[2]).toEqual({ stored: true });
    expect((await theo.request('GET', `/api/attempts/${theirs}`)).json.turns).toEqual([]);
    const record = (await tia.request('GET', `/api/attempts/${a}`)).json;
    expect(record.turns.map((t: { text: string }) => t.text)).toEqual([
      'Good morning',
      'Can I take your name?',
      'Thank you',
    ]);
  });

  it('refuses a batch with a turn that is not valid, or too many turns, saying why', async () => {
    const a = await attemptOf(tia);
    const bad = await tia.request('POST', '/api/turns', {
      turns: [{ attemptId: a, index: 0, turn: { text: 'no time' } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/turns\.0\.turn\.at/);
    const many = Array.from({ length: 51 }, (_, index) => ({ attemptId: a, index, turn: turn('x') }));
    expect((await tia.request('POST', '/api/turns', { turns: many })).status).toBe(400);
    expect((await tia.request('POST', '/api/turns', { turns: [] })).status).toBe(400);
    const anonymous = await server.app.inject({
      method: 'POST',
      url: '/api/turns',
      payload: { turns: [{ attemptId: a, index: 0, turn: turn('x') }] },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it("puts the trainee's late mark on a synced turn for the coach, idempotently, and only on their own", async () => {
    const a = await attemptOf(tia);
    await tia.request('PUT', `/api/attempts/${a}/turns/0`, turn('I need to check your address'));
    const mark = { at: new Date().toISOString(), stateId: 'ask-address' };
    const path = `/api/attempts/${a}/turns/0/misunderstood`;
    expect((await tia.request('PUT', path, { mark })).json).toEqual({ misunderstood: true });
    expect((await tia.request('PUT', path, { mark })).json).toEqual({ misunderstood: true });
    const seen = (await cora.request('GET', `/api/attempts/${a}`)).json;
    expect(seen.turns[0].misunderstood).toEqual(mark);
    expect(seen.turns[0].text).toBe('I need to check your address');
    const row = async () =>
      (
        (await cora.request('GET', '/api/attempts')).json.items as { id: string; misunderstood?: number }[]
      ).find((h) => h.id === a);
    expect((await row())?.misunderstood).toBe(1);

    for (const other of [theo, cora]) {
      const refused = await other.request('PUT', path, { mark: null });
      expect(refused.status).toBe(404);
      expect(refused.json.error).toBe('That turn was not found.');
    }
    expect((await tia.request('PUT', `/api/attempts/${a}/turns/5/misunderstood`, { mark })).status).toBe(404);
    expect((await tia.request('PUT', path, { mark: { at: 'yesterday' } })).status).toBe(400);

    expect((await tia.request('PUT', path, { mark: null })).json).toEqual({ misunderstood: false });
    expect((await cora.request('GET', `/api/attempts/${a}`)).json.turns[0].misunderstood).toBeUndefined();
    expect(await row()).toBeDefined();
    expect((await row())?.misunderstood).toBeUndefined();
    const actions = await server.database.db
      .selectFrom('audit')
      .select('action')
      .where('attempt_id', '=', a)
      .orderBy('id')
      .execute();
    expect(actions.map((r) => r.action)).toEqual(['turn.misunderstood', 'turn.understood']);
  });

  it('takes the mark a resent turn carries, instead of calling it different words', async () => {
    const a = await attemptOf(tia);
    const sent = turn('My reference is on the letter');
    await tia.request('PUT', `/api/attempts/${a}/turns/0`, sent);
    const marked = { ...sent, misunderstood: { at: new Date().toISOString() } };
    expect((await tia.request('PUT', `/api/attempts/${a}/turns/0`, marked)).json).toEqual({ stored: false });
    expect((await cora.request('GET', `/api/attempts/${a}`)).json.turns[0].misunderstood).toEqual(
      marked.misunderstood,
    );
    const batch = await tia.request('POST', '/api/turns', {
      turns: [{ attemptId: a, index: 0, turn: sent }],
    });
    expect(batch.json).toEqual({ results: [{ stored: false }] });
    expect((await cora.request('GET', `/api/attempts/${a}`)).json.turns[0].misunderstood).toBeUndefined();
  });
});
