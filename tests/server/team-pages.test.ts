// The coach's pages that need whole records (one attempt, group coaching, disputes) read them from
// the team server 200 at a time: a team with more attempts than one such page is shown whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { useTestDatabases } from './use-databases.ts';
import { startTeamServer, type TeamServer } from './team-api.ts';
import { createApi } from '../../src/adapters/sync/api-client.ts';
import { teamStore } from '../../src/adapters/sync/team-store.ts';
import type { AttemptStore } from '../../src/core/ports/index.ts';

useTestDatabases();

/** More than the server's largest page (200) of whole records. */
const ATTEMPTS = 205;

describe.each(databaseKinds)("a coach's whole-record pages past 200 attempts (%s)", (kind) => {
  let server: TeamServer;
  beforeAll(async () => {
    server = await startTeamServer(kind);
  });
  afterAll(() => server.close());

  it('reads every attempt of the team, each once, newest first', async () => {
    const coach = await server.account('cleo', 'coach');
    const trainee = await server.account('tia', 'trainee');
    await server.team('Green', [
      { userId: coach, membership: 'coach' },
      { userId: trainee, membership: 'trainee' },
    ]);
    const rows = Array.from({ length: ATTEMPTS }, (_, i) => {
      const at = new Date(Date.UTC(2026, 2, 1, 8, i)).toISOString();
      return {
        id: crypto.randomUUID(),
        trainee_id: trainee,
        pack_id: 'cms-core',
        pack_version: '1.0.0',
        scenario_id: 'new-application',
        scenario_title: `Call ${i + 1}`,
        mode: 'practice' as const,
        status: 'in-progress' as const,
        started_at: at,
        updated_at: at,
      };
    });
    await server.database.db.insertInto('attempts').values(rows).execute();
    const client = await server.signIn('cleo');
    const asked: string[] = [];
    const fetcher = (async (url: string, init: RequestInit = {}) => {
      asked.push(url);
      const response = await server.app.inject({
        method: (init.method ?? 'GET') as 'GET',
        url,
        headers: { cookie: client.cookie },
      });
      return new Response(response.body || null, { status: response.statusCode });
    }) as typeof fetch;
    const store = teamStore(createApi('', fetcher), {} as AttemptStore);
    const all = await store.list();
    expect(all).toHaveLength(ATTEMPTS);
    expect(new Set(all.map((a) => a.id)).size).toBe(ATTEMPTS);
    expect(all[0]!.scenarioTitle).toBe(`Call ${ATTEMPTS}`);
    expect(all.at(-1)!.scenarioTitle).toBe('Call 1');
    expect(asked.filter((u) => u.startsWith('/api/team/attempts'))).toEqual([
      '/api/team/attempts?limit=200&offset=0',
      '/api/team/attempts?limit=200&offset=200',
    ]);
  });
});
