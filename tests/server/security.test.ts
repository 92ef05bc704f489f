import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { useTestDatabases } from './use-databases.ts';
import { newAttempt, startTeamServer, turn, type TeamServer } from './team-api.ts';

useTestDatabases();

describe.each(databaseKinds)('team server security (%s)', (kind) => {
  let server: TeamServer;
  beforeAll(async () => {
    server = await startTeamServer(kind);
  });
  afterAll(() => server.close());

  it('answers a trainee asking for another trainee’s attempt exactly as for a missing one', async () => {
    await server.account('ann', 'trainee');
    await server.account('bob', 'trainee');
    const ann = await server.signIn('ann');
    const bob = await server.signIn('bob');
    const id = crypto.randomUUID();
    expect((await ann.request('PUT', `/api/attempts/${id}`, newAttempt())).status).toBe(200);
    expect((await ann.request('PUT', `/api/attempts/${id}/turns/0`, turn('hello'))).status).toBe(200);
    const missing = await bob.request('GET', `/api/attempts/${crypto.randomUUID()}`);
    const others = await bob.request('GET', `/api/attempts/${id}`);
    expect(others.status).toBe(404);
    expect(others.json).toEqual(missing.json);
    // Nor can Bob write to it: not a turn, not a finish, not a claim on the same id.
    expect((await bob.request('PUT', `/api/attempts/${id}/turns/1`, turn('mine now'))).status).toBe(404);
    expect(
      (
        await bob.request('POST', `/api/attempts/${id}/finish`, {
          status: 'abandoned',
          summary: null,
          updatedAt: new Date().toISOString(),
        })
      ).status,
    ).toBe(404);
    expect((await bob.request('PUT', `/api/attempts/${id}`, newAttempt())).status).toBe(404);
    expect((await bob.request('GET', '/api/attempts')).json.items).toEqual([]);
    const record = (await ann.request('GET', `/api/attempts/${id}`)).json;
    expect(record.turns.map((t: { text: string }) => t.text)).toEqual(['hello']);
    expect(record.status).toBe('in-progress');
  });

  it('shows a coach the attempts of the teams they coach, and no other team’s', async () => {
    const coach = await server.account('coach-cy', 'coach');
    const mine = await server.account('trainee-in', 'trainee');
    const other = await server.account('trainee-out', 'trainee');
    await server.team('Team In', [
      { userId: coach, membership: 'coach' },
      { userId: mine, membership: 'trainee' },
    ]);
    await server.team('Team Out', [{ userId: other, membership: 'trainee' }]);
    const inId = crypto.randomUUID();
    const outId = crypto.randomUUID();
    await (await server.signIn('trainee-in')).request('PUT', `/api/attempts/${inId}`, newAttempt());
    await (await server.signIn('trainee-out')).request('PUT', `/api/attempts/${outId}`, newAttempt());
    const cy = await server.signIn('coach-cy');
    const list = await cy.request('GET', '/api/attempts');
    expect(list.json.items.map((a: { id: string }) => a.id)).toEqual([inId]);
    expect((await cy.request('GET', `/api/attempts/${outId}`)).status).toBe(404);
    expect(
      (
        await cy.request('PUT', `/api/attempts/${outId}/notes/${crypto.randomUUID()}`, {
          text: 'x',
          at: new Date().toISOString(),
        })
      ).status,
    ).toBe(404);
    expect((await cy.request('GET', '/api/teams')).json.teams.map((t: { name: string }) => t.name)).toEqual([
      'Team In',
    ]);
  });

  it('lets an admin add an existing account to an existing team, and answers 404 when either is missing', async () => {
    await server.account('adele', 'admin');
    const trainee = await server.account('tobias', 'trainee');
    const team = await server.team('Team Members', []);
    const adele = await server.signIn('adele');
    const add = (teamId: string, userId: string) =>
      adele.request('PUT', `/api/teams/${teamId}/members`, { userId, membership: 'trainee' });
    const missing = { status: 404, json: { error: 'That team or account was not found.' } };
    expect(await add(crypto.randomUUID(), trainee)).toMatchObject(missing);
    expect(await add(team, crypto.randomUUID())).toMatchObject(missing);
    expect(await add(team, trainee)).toMatchObject({ status: 200, json: { added: true } });
    const members = await server.database.db
      .selectFrom('team_members')
      .select(['user_id', 'membership'])
      .where('team_id', '=', team)
      .execute();
    expect(members).toEqual([{ user_id: trainee, membership: 'trainee' }]);
  });

  it('refuses a trainee acting as coach, QA or admin', async () => {
    await server.account('tess', 'trainee');
    const tess = await server.signIn('tess');
    expect(
      (
        await tess.request('POST', '/api/users', {
          username: 'x',
          displayName: 'x',
          role: 'admin',
          password: 'longenough',
        })
      ).status,
    ).toBe(403);
    expect((await tess.request('GET', '/api/users')).status).toBe(403);
    expect((await tess.request('POST', '/api/teams', { name: 'mine' })).status).toBe(403);
    expect((await tess.request('GET', '/api/teams')).status).toBe(403);
    const id = crypto.randomUUID();
    await tess.request('PUT', `/api/attempts/${id}`, newAttempt());
    const resolved = {
      id: crypto.randomUUID(),
      target: { kind: 'statement', scriptId: 's1' },
      original: 'fail',
      comment: 'I said it',
      raisedBy: 'tess',
      raisedAt: new Date().toISOString(),
      resolution: {
        kind: 'overridden',
        by: 'tess',
        at: new Date().toISOString(),
        reason: 'self-serve',
        verdict: 'exact',
      },
    };
    expect((await tess.request('PUT', `/api/attempts/${id}/disputes/${resolved.id}`, resolved)).status).toBe(
      403,
    );
  });

  it('refuses a state-changing request from another origin', async () => {
    await server.account('olly', 'trainee');
    const olly = await server.signIn('olly');
    const id = crypto.randomUUID();
    const evil = await olly.request('PUT', `/api/attempts/${id}`, newAttempt(), {
      origin: 'https://evil.example',
    });
    expect(evil.status).toBe(403);
    const crossSite = await olly.request('PUT', `/api/attempts/${id}`, newAttempt(), {
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    expect((await olly.request('GET', `/api/attempts/${id}`)).status).toBe(404);
    const own = await olly.request('PUT', `/api/attempts/${id}`, newAttempt(), {
      origin: 'http://localhost:80',
      host: 'localhost:80',
    });
    expect(own.status).toBe(200);
  });

  it('stores hostile strings and gives them back as the same text; refuses what is over the limits', async () => {
    const hostile = [
      "Robert'); DROP TABLE attempts;--",
      '<script>alert(1)</script><img src=x onerror=alert(2)>',
      'and \u2067isolate\u2069 \u05e9\u05dc\u05d5\u05dd',
      'x'.repeat(10_000),
    ];
    await server.account('hal', 'trainee');
    const hal = await server.signIn('hal');
    const id = crypto.randomUUID();
    const made = await hal.request(
      'PUT',
      `/api/attempts/${id}`,
      newAttempt({ scenarioTitle: hostile[1], scenarioId: hostile[0] }),
    );
    expect(made.status).toBe(200);
    for (const [i, text] of hostile.entries()) {
      expect((await hal.request('PUT', `/api/attempts/${id}/turns/${i}`, turn(text))).status).toBe(200);
    }
    const record = (await hal.request('GET', `/api/attempts/${id}`)).json;
    expect(record.turns.map((t: { text: string }) => t.text)).toEqual(hostile);
    expect(record.scenarioTitle).toBe(hostile[1]);
    expect(record.scenarioId).toBe(hostile[0]);
    const filtered = await hal.request('GET', `/api/attempts?scenario=${encodeURIComponent(hostile[0]!)}`);
    expect(filtered.json.items.map((a: { id: string }) => a.id)).toEqual([id]);
    // Past the attempt format's limit on a turn's text (100,000 characters), the turn is refused whole and
    // nothing of it is stored.
    const refused = await hal.request('PUT', `/api/attempts/${id}/turns/4`, turn('x'.repeat(100_000)));
    expect(refused.status).toBe(400);
    const after = (await hal.request('GET', `/api/attempts/${id}`)).json;
    expect(after.turns).toHaveLength(hostile.length);
    // The database cannot hold U+0000: refused with a reason (not a server error), and nothing stored.
    const nul = await hal.request('PUT', `/api/attempts/${id}/turns/4`, turn('before\u0000after'));
    expect(nul.status).toBe(400);
    expect(nul.json.error).toMatch(/U\+0000/);
    const query = await hal.request('GET', `/api/attempts?scenario=${encodeURIComponent('a\u0000b')}`);
    expect(query.status).toBe(400);
    expect((await hal.request('GET', `/api/attempts/${id}`)).json.turns).toHaveLength(hostile.length);
  });

  it('stops a stolen session cookie working after sign-out everywhere', async () => {
    await server.account('sam', 'trainee');
    const laptop = await server.signIn('sam');
    const stolen = await server.signIn('sam');
    expect((await stolen.request('GET', '/api/session')).status).toBe(200);
    expect((await laptop.request('POST', '/api/session/sign-out-everywhere')).status).toBe(200);
    expect((await stolen.request('GET', '/api/session')).status).toBe(401);
    expect((await stolen.request('GET', '/api/session/current')).json).toEqual({ user: null });
    expect(
      (await stolen.request('PUT', `/api/attempts/${crypto.randomUUID()}`, { ...{}, packId: 'x' })).status,
    ).toBe(400);
    expect((await stolen.request('PUT', `/api/attempts/${crypto.randomUUID()}`, newAttempt())).status).toBe(
      401,
    );
    expect((await laptop.request('GET', '/api/session')).status).toBe(401);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie, Secure over HTTPS', async () => {
    await server.account('cat', 'trainee');
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'cat', password: 'correct horse battery' },
      headers: { 'x-forwarded-proto': 'https' },
    });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/); // plain HTTP here, and the proxy header is not trusted by default
  });

  it('rate-limits failed sign-ins for an account, with a clear message', async () => {
    await server.account('rita', 'trainee');
    const attempt = (password: string) =>
      server.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'rita', password } });
    for (let i = 0; i < 10; i++) expect((await attempt('wrong password')).statusCode).toBe(401);
    const blocked = await attempt('correct horse battery');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toMatch(/Too many failed sign-ins/);
    expect(blocked.headers['retry-after']).toBe('900');
  });

  it('answers a wrong password and an unknown user with the same message', async () => {
    await server.account('uma', 'trainee');
    const wrong = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'uma', password: 'nope nope' },
    });
    const unknown = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'nobody', password: 'nope nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });
});
