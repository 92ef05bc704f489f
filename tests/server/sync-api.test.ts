import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
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

  it('filters by ending, mode and date, sorts by any column of the table, and lists the filter choices', async () => {
    const coach = await server.account('cleo', 'coach');
    const trainees = [await server.account('ann', 'trainee'), await server.account('zed', 'trainee')];
    await server.team('Green', [
      { userId: coach, membership: 'coach' },
      ...trainees.map((userId) => ({ userId, membership: 'trainee' as const })),
    ]);
    const calls = [
      { who: 'ann', day: '2026-03-01', mode: 'practice', ending: 'done', title: 'Call closed', errors: 0 },
      {
        who: 'zed',
        day: '2026-03-02',
        mode: 'assessment',
        ending: 'hung-up',
        title: 'Caller hung up',
        errors: 2,
      },
      { who: 'ann', day: '2026-03-03', mode: 'assessment', ending: null, title: '', errors: 0 },
    ];
    const ids: string[] = [];
    for (const c of calls) {
      const client = await server.signIn(c.who);
      const id = crypto.randomUUID();
      ids.push(id);
      const startedAt = `${c.day}T10:00:00.000Z`;
      await client.request(
        'PUT',
        `/api/attempts/${id}`,
        newAttempt({ mode: c.mode, startedAt, scenarioTitle: `S ${c.who}` }),
      );
      if (c.ending) {
        const finished = await client.request('POST', `/api/attempts/${id}/finish`, {
          status: 'completed',
          summary: {
            ...summary,
            ending: { id: c.ending, title: c.title, outcome: 'pass' },
            criticalErrors: Array.from({ length: c.errors }, (_, i) => ({ id: `e${i}`, message: 'x' })),
          },
          updatedAt: startedAt,
        });
        expect(finished.status).toBe(200);
      }
    }
    const cleo = await server.signIn('cleo');
    const ask = async (query: string) =>
      (await cleo.request('GET', `/api/attempts?${query}`)).json.items.map((a: { id: string }) =>
        ids.indexOf(a.id),
      );
    expect(await ask('ending=hung-up')).toEqual([1]);
    expect(await ask('ending=none')).toEqual([2]);
    expect(await ask('mode=assessment')).toEqual([2, 1]);
    expect(await ask('from=2026-03-02&to=2026-03-02')).toEqual([1]);
    expect(await ask('from=2026-03-02')).toEqual([2, 1]);
    expect(await ask('sort=trainee&order=desc')).toEqual([1, 2, 0]);
    expect(await ask('sort=ending&order=asc')).toEqual([2, 0, 1]);
    expect(await ask('sort=criticalErrors&order=desc')).toEqual([1, 0, 2]);
    expect(await ask('sort=date&order=asc')).toEqual([0, 1, 2]);
    expect((await cleo.request('GET', '/api/attempts?from=yesterday')).status).toBe(400);
    const options = (await cleo.request('GET', '/api/attempts/options')).json;
    expect(options.trainees).toEqual(['ann', 'zed']);
    expect(options.endings).toEqual(
      [
        { id: 'hung-up', title: 'Caller hung up' },
        { id: 'done', title: 'Call closed' },
      ].sort((a, b) => a.title.localeCompare(b.title)),
    );
    expect(options.scenarios).toEqual([
      { packId: 'cms-core', scenarioId: 'new-application', title: 'S ann' },
      { packId: 'cms-core', scenarioId: 'new-application', title: 'S zed' },
    ]);
    expect(await ask('pack=cms-core&scenario=new-application&sort=date&order=asc')).toEqual([0, 1, 2]);
    expect(await ask('pack=other-pack&scenario=new-application')).toEqual([]);
  });

  it('answers the review filters from indexes', async () => {
    const plan = async (where: string) => {
      await sql`set enable_seqscan = off`.execute(server.database.db);
      try {
        const rows = await sql<{
          'QUERY PLAN': string;
        }>`explain select id from attempts where ${sql.raw(where)} order by started_at desc limit 100`.execute(
          server.database.db,
        );
        return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
      } finally {
        await sql`set enable_seqscan = on`.execute(server.database.db);
      }
    };
    expect(await plan(`(summary->'ending'->>'id') = 'done'`)).toMatch(/attempts_ending_started/);
    expect(await plan(`mode = 'assessment'`)).toMatch(/attempts_mode_started/);
    expect(await plan(`scenario_id = 'x'`)).toMatch(/attempts_scenario_started/);
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
