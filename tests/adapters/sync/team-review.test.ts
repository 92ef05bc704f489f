// A coach's review pages read through the adapter from a real team server (embedded database): the
// filter, sort and page reach the database, and only the coach's team comes back.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../../src/adapters/sync/api-client.ts';
import { pageSearch, teamReviewPages } from '../../../src/adapters/sync/team-review.ts';
import type { ReviewPageQuery, ReviewPages } from '../../../src/core/ports/index.ts';
import { SERVER_TEST_TIMEOUTS, stopDatabases } from '../../server/databases.ts';
import { newAttempt, startTeamServer, type TeamServer } from '../../server/team-api.ts';

vi.setConfig(SERVER_TEST_TIMEOUTS);
afterAll(() => stopDatabases());

const base: ReviewPageQuery = { filter: {}, sort: 'date', dir: 'desc', offset: 0, limit: 100 };

describe('pageSearch', () => {
  it('names the filter and sort as the API does, leaving empty filters out', () => {
    const search = pageSearch({
      ...base,
      filter: {
        trainee: 'ann',
        scenario: { packId: 'p-1', scenarioId: 's-1' },
        from: '2026-03-01',
        ending: 'none',
      },
      sort: 'score',
      dir: 'asc',
      offset: 200,
    });
    expect(Object.fromEntries(new URLSearchParams(search))).toEqual({
      trainee: 'ann',
      pack: 'p-1',
      scenario: 's-1',
      from: '2026-03-01',
      ending: 'none',
      sort: 'score',
      order: 'asc',
      limit: '100',
      offset: '200',
    });
  });
});

describe('teamReviewPages against the team server', () => {
  let server: TeamServer;
  let pages: ReviewPages;
  /** Every request the coach's browser sent, as path and query. */
  const sent: string[] = [];

  beforeAll(async () => {
    server = await startTeamServer('embedded');
    const coach = await server.account('cleo', 'coach');
    const ann = await server.account('ann', 'trainee');
    const bob = await server.account('bob', 'trainee');
    const other = await server.account('oz', 'trainee');
    await server.team('North', [
      { userId: coach, membership: 'coach' },
      { userId: ann, membership: 'trainee' },
      { userId: bob, membership: 'trainee' },
    ]);
    await server.team('South', [{ userId: other, membership: 'trainee' }]);
    const summary = (score: number) => ({
      ending: { id: 'done', title: 'Call closed', outcome: 'pass' },
      score,
      passed: score >= 50,
      criticalErrors: [],
      statements: [],
      moves: [],
    });
    // ann: five calls on 1-5 March scoring 10..50 (the third in another pack, same scenario id); bob: one on 6 March scoring 90; oz (another team): one.
    const calls = [
      ...[1, 2, 3, 4, 5].map((d) => ({ who: 'ann', day: d, score: d * 10 })),
      { who: 'bob', day: 6, score: 90 },
      { who: 'oz', day: 7, score: 100 },
    ];
    for (const c of calls) {
      const client = await server.signIn(c.who);
      const id = crypto.randomUUID();
      const startedAt = `2026-03-0${c.day}T10:00:00.000Z`;
      const scenarioTitle = `${c.who} call ${c.day}`;
      await client.request(
        'PUT',
        `/api/attempts/${id}`,
        newAttempt({ startedAt, scenarioTitle, ...(c.day === 3 ? { packId: 'other-pack' } : {}) }),
      );
      await client.request('POST', `/api/attempts/${id}/finish`, {
        status: 'completed',
        summary: summary(c.score),
        updatedAt: startedAt,
      });
    }
    const signedIn = await server.signIn('cleo');
    const fetcher = (async (url: string, init: RequestInit = {}) => {
      sent.push(url);
      const response = await server.app.inject({
        method: (init.method ?? 'GET') as 'GET',
        url,
        headers: { cookie: signedIn.cookie },
      });
      return new Response(response.body || null, { status: response.statusCode });
    }) as typeof fetch;
    pages = teamReviewPages(createApi('', fetcher));
  });
  afterAll(() => server.close());

  const titles = async (query: Partial<ReviewPageQuery>) =>
    (await pages.page({ ...base, ...query })).heads.map((h) => h.scenarioTitle);

  it("reads a page of the coach's team, newest first, with the total, and never another team's", async () => {
    const page = await pages.page({ ...base, limit: 4 });
    expect(page.total).toBe(6);
    expect(page.heads.map((h) => h.scenarioTitle)).toEqual([
      'bob call 6',
      'ann call 5',
      'ann call 4',
      'ann call 3',
    ]);
    expect(page.heads[0]).toMatchObject({ trainee: 'bob', status: 'completed', summary: { score: 90 } });
    expect(page.heads[0]).not.toHaveProperty('passed');
    expect(sent.at(-1)).toBe('/api/attempts?sort=date&order=desc&limit=4&offset=0');
  });

  it('has the database filter, sort and page', async () => {
    expect(
      await titles({ filter: { trainee: 'ann' }, sort: 'score', dir: 'asc', limit: 2, offset: 2 }),
    ).toEqual(['ann call 3', 'ann call 4']);
    expect(sent.at(-1)).toBe('/api/attempts?trainee=ann&sort=score&order=asc&limit=2&offset=2');
    expect(await titles({ filter: { from: '2026-03-04', to: '2026-03-05' } })).toEqual([
      'ann call 5',
      'ann call 4',
    ]);
    expect((await pages.page({ ...base, filter: { trainee: 'oz' } })).total).toBe(0);
    const scenario = { packId: 'other-pack', scenarioId: 'new-application' };
    expect(await titles({ filter: { scenario } })).toEqual(['ann call 3']);
  });

  it("lists the filters' choices from the team's attempts", async () => {
    const options = await pages.options();
    expect(options.trainees).toEqual(['ann', 'bob']);
    expect(options.endings).toEqual([{ id: 'done', title: 'Call closed' }]);
    // One pack's scenario under many titles: one choice. Another pack's scenario of the same id: its own.
    expect(options.scenarios.map((s) => s.label)).toEqual([
      'ann call 1 (pack cms-core)',
      'ann call 3 (pack other-pack)',
    ]);
  });
});
