// The team server's busiest request: a room of trainees' turns arriving at once (200 turn PUTs in
// flight together) through the whole server (Fastify, session lookup, validation, database) on the
// embedded database, in process. Turns and session lookups that arrive together go to the database
// as one statement each (src/server/db/batch.ts); the load test (tests/server/load) measures the
// same over HTTP with a restart. Target (issue 12): p95 under 50 ms for one turn.
import { bench, describe } from 'vitest';
import { startTeamServer } from '../server/team-api.ts';

const TRAINEES = 200;
const server = await startTeamServer('embedded');
const trainees = await Promise.all(
  Array.from({ length: TRAINEES }, async (_, i) => {
    await server.account(`bench-${i}`, 'trainee');
    const client = await server.signIn(`bench-${i}`);
    const attempt = crypto.randomUUID();
    await client.request('PUT', `/api/attempts/${attempt}`, {
      packId: 'cms-core',
      packVersion: '1',
      scenarioId: 'bench',
      scenarioTitle: 'Bench',
      mode: 'practice',
      startedAt: new Date().toISOString(),
    });
    return { client, attempt };
  }),
);
let turn = 0;

describe('team server', () => {
  bench(
    `${TRAINEES} trainees' turns arriving together (embedded database)`,
    async () => {
      const index = turn++;
      const answers = await Promise.all(
        trainees.map(({ client, attempt }) =>
          client.request('PUT', `/api/attempts/${attempt}/turns/${index}`, {
            text: `turn ${index}`,
            source: 'typed',
            at: new Date().toISOString(),
          }),
        ),
      );
      if (answers.some((a) => a.status !== 200)) throw new Error('a turn was refused');
    },
    { iterations: 20, warmupIterations: 2 },
  );
});
