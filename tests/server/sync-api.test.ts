import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { useTestDatabases } from './use-databases.ts';
import { newAttempt, startTeamServer, turn, type TeamServer } from './team-api.ts';

useTestDatabases();

const summary = {
  ending: { id: 'done', title: 'Call closed', outcome: 'pass' },
  score: 82,
  passed: true,
  criticalErrors: [],
  statements: [{ scriptId: 'dpa', verdict: 'exact', score: 100 }],
  moves: [],
};

describe.each(databaseKinds)('attempt sync and review API (%s)', (kind) => {
  let server: TeamServer;
  beforeAll(async () => {
    server = await startTeamServer(kind);
  });
  afterAll(() => server.close());

  it('stores a turn sent twice once, and refuses different words for a stored turn', async () => {
    await server.account('tia', 'trainee');
    const tia = await server.signIn('tia');
    const id = crypto.randomUUID();
    const first = turn('Good morning, Child Maintenance Service');
    expect((await tia.request('PUT', `/api/attempts/${id}`, newAttempt())).status).toBe(200);
    expect((await tia.request('PUT', `/api/attempts/${id}`, newAttempt())).status).toBe(200);
    expect((await tia.request('PUT', `/api/attempts/${id}/turns/0`, first)).json).toEqual({ stored: true });
    expect((await tia.request('PUT', `/api/attempts/${id}/turns/0`, first)).json).toEqual({ stored: false });
    const clash = await tia.request('PUT', `/api/attempts/${id}/turns/0`, turn('other words'));
    expect(clash.status).toBe(409);
    expect(clash.json.error).toMatch(/Turn 1 of this attempt holds different words/);
    const bad = await tia.request('PUT', `/api/attempts/${id}/turns/1`, { text: 'no time' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/at/);
    expect(
      (
        await tia.request('POST', `/api/attempts/${id}/finish`, {
          status: 'completed',
          summary,
          updatedAt: new Date().toISOString(),
        })
      ).status,
    ).toBe(200);
    const record = (await tia.request('GET', `/api/attempts/${id}`)).json;
    expect(record.turns).toHaveLength(1);
    expect(record.summary).toEqual(summary);
    expect(record.score).toBe(82);
    expect(record.status).toBe('completed');
  });

  it('brings a trainee’s whole history down to a new PC', async () => {
    await server.account('nia', 'trainee');
    const nia = await server.signIn('nia');
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    for (const [i, id] of ids.entries()) {
      await nia.request(
        'PUT',
        `/api/attempts/${id}`,
        newAttempt({ startedAt: new Date(Date.UTC(2026, 0, i + 1)).toISOString() }),
      );
      await nia.request('PUT', `/api/attempts/${id}/turns/0`, turn(`call ${i}`));
    }
    const newPc = await server.signIn('nia');
    const { attempts } = (await newPc.request('GET', '/api/my/attempts')).json;
    expect(attempts.map((a: { id: string }) => a.id)).toEqual([ids[1], ids[0]]);
    expect(attempts[0].turns[0].text).toBe('call 1');
    expect(attempts[0].trainee).toBe('nia');
  });

  it('lets a coach filter, sort and page the team’s attempts, add notes and resolve disputes, all audited', async () => {
    const coach = await server.account('cora', 'coach');
    const trainee = await server.account('tom', 'trainee');
    await server.team('Blue', [
      { userId: coach, membership: 'coach' },
      { userId: trainee, membership: 'trainee' },
    ]);
    const tom = await server.signIn('tom');
    const scores = [40, 90, 65];
    const ids: string[] = [];
    for (const [i, score] of scores.entries()) {
      const id = crypto.randomUUID();
      ids.push(id);
      await tom.request(
        'PUT',
        `/api/attempts/${id}`,
        newAttempt({ scenarioId: i === 2 ? 'other' : 'new-application' }),
      );
      await tom.request('POST', `/api/attempts/${id}/finish`, {
        status: 'completed',
        summary: { ...summary, score, passed: score >= 50 },
        updatedAt: new Date().toISOString(),
      });
    }
    const cora = await server.signIn('cora');
    const byScore = await cora.request('GET', '/api/attempts?sort=score&order=desc&limit=2');
    expect(byScore.json.total).toBe(3);
    expect(byScore.json.items.map((a: { score: number }) => a.score)).toEqual([90, 65]);
    const page2 = await cora.request('GET', '/api/attempts?sort=score&order=desc&limit=2&offset=2');
    expect(page2.json.items.map((a: { score: number }) => a.score)).toEqual([40]);
    const failed = await cora.request('GET', '/api/attempts?passed=false&trainee=TOM');
    expect(failed.json.items.map((a: { id: string }) => a.id)).toEqual([ids[0]]);
    const scenario = await cora.request('GET', '/api/attempts?scenario=other');
    expect(scenario.json.items.map((a: { id: string }) => a.id)).toEqual([ids[2]]);

    const noteId = crypto.randomUUID();
    const note = { text: 'Slow down at the data protection statement.', at: new Date().toISOString() };
    expect((await cora.request('PUT', `/api/attempts/${ids[0]}/notes/${noteId}`, note)).json).toEqual({
      stored: true,
    });
    expect((await cora.request('PUT', `/api/attempts/${ids[0]}/notes/${noteId}`, note)).json).toEqual({
      stored: false,
    });
    const dispute = {
      id: crypto.randomUUID(),
      target: { kind: 'statement', scriptId: 'dpa' },
      original: 'fail',
      comment: 'I said it word for word',
      raisedBy: 'tom',
      raisedAt: new Date().toISOString(),
      resolution: null,
    };
    expect((await tom.request('PUT', `/api/attempts/${ids[0]}/disputes/${dispute.id}`, dispute)).status).toBe(
      200,
    );
    const override = {
      ...dispute,
      resolution: {
        kind: 'overridden',
        by: 'cora',
        at: new Date().toISOString(),
        reason: 'Misheard',
        verdict: 'exact',
      },
    };
    expect(
      (await cora.request('PUT', `/api/attempts/${ids[0]}/disputes/${dispute.id}`, override)).status,
    ).toBe(200);

    const seen = (await tom.request('GET', `/api/attempts/${ids[0]}`)).json;
    expect(seen.notes).toEqual([{ id: noteId, author: 'cora', text: note.text, at: note.at }]);
    expect(seen.disputes).toEqual([override]);
    const audit = (await cora.request('GET', `/api/attempts/${ids[0]}/audit`)).json.entries;
    expect(audit.map((e: { action: string; by: string }) => `${e.action} by ${e.by}`)).toEqual([
      'note.add by cora',
      'dispute.raise by tom',
      'dispute.override by cora',
    ]);
  });
});
