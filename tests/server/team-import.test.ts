import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databaseKinds } from './databases.ts';
import { useTestDatabases } from './use-databases.ts';
import { startTeamServer, type TeamServer } from './team-api.ts';
import { raw, teamAccounts, teamFixture } from './team-files.ts';
import type { DatabaseKind } from '../../src/server/db/database.ts';

useTestDatabases();

type Json = any;

/** The file without what an import adds (its marks) and without the moment of export. */
function withoutImportMarks(file: Json): Json {
  return JSON.parse(JSON.stringify({ ...file, exportedAt: null }), (key, value) =>
    key === 'imported' ? undefined : value,
  );
}

async function counts(server: TeamServer) {
  const out: Record<string, number> = {};
  for (const table of ['attempts', 'turns', 'notes', 'disputes', 'audit']) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
      server.database.db,
    );
    out[table] = rows[0]!.n;
  }
  return out;
}

describe.each(databaseKinds)('team import (%s)', (kind: DatabaseKind) => {
  let server: TeamServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** A reviewed team's export, taken from a server that is then closed. */
  async function exported(): Promise<{ text: string; attemptId: string }> {
    server = await startTeamServer(kind);
    const f = await teamFixture(server);
    const text = (await raw(server, f.coach, 'GET', '/api/team/export')).body;
    await server.close();
    server = undefined;
    return { text, attemptId: f.attemptId };
  }

  /** A server with the same accounts and teams but no attempts, and its coach signed in. */
  async function emptyServer() {
    server = await startTeamServer(kind);
    await teamAccounts(server);
    return { coach: await server.signIn('cleo'), other: await server.signIn('olga') };
  }

  it('round-trips: export, import into an empty database, export again gives the same JSON, marked as imported', async () => {
    const { text, attemptId } = await exported();
    const { coach } = await emptyServer();
    const s = server!;
    const first = await raw(s, coach, 'POST', '/api/team/import?file=green.json', text);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ added: 1, updated: 0, unchanged: 0 });
    const again = JSON.parse((await raw(s, coach, 'GET', '/api/team/export')).body);
    expect(withoutImportMarks(again)).toEqual(withoutImportMarks(JSON.parse(text)));
    const [a] = again.attempts;
    const mark = { file: 'green.json', by: 'cleo', at: expect.any(String) };
    expect(a.imported).toEqual(mark);
    expect(a.notes[0].imported).toEqual(mark);
    expect(a.disputes[0].resolution.imported).toEqual(mark);
    for (const entry of a.audit) expect(entry.imported).toEqual(mark);
    // The review pages read the same decisions, marked, from the usual route.
    const record = (await coach.request('GET', `/api/attempts/${attemptId}`)).json;
    expect(record.disputes[0].resolution.imported).toEqual(mark);

    // Importing the same file twice stores nothing new.
    const before = await counts(s);
    const second = await raw(s, coach, 'POST', '/api/team/import?file=green.json', text);
    expect(JSON.parse(second.body)).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(await counts(s)).toEqual(before);
    const third = JSON.parse((await raw(s, coach, 'GET', '/api/team/export')).body);
    expect({ ...third, exportedAt: null }).toEqual({ ...again, exportedAt: null });
  });

  it('refuses a broken file whole, saying where, and stores nothing', async () => {
    const { text } = await exported();
    const { coach } = await emptyServer();
    const s = server!;
    const file = JSON.parse(text);
    const attempt = file.attempts[0];
    const second = { ...attempt, id: crypto.randomUUID(), notes: [attempt.notes[0], attempt.notes[0]] };
    const cases: [Json, RegExp][] = [
      [{ ...file, attempts: [attempt, second] }, /Attempt 2 .*two notes have the id/],
      [{ ...file, attempts: [{ ...attempt, startedAt: '2026-02-30T09:30:00Z' }] }, /Attempt 1 .*startedAt/],
      [{ ...file, attempts: [attempt, attempt] }, /appears more than once/],
      [{ ...file, attempts: [{ ...attempt, id: 'not-a-uuid' }] }, /"not-a-uuid" is not a UUID/],
      [
        { ...file, attempts: [{ ...attempt, audit: [{ at: 'March 7', action: 'x', by: 'y', detail: 1 }] }] },
        /Attempt 1 .*field "audit.0.at"/,
      ],
      [
        {
          ...file,
          attempts: [
            {
              ...attempt,
              disputes: [{ ...attempt.disputes[0], target: { kind: 'statement', scriptId: 'nope' } }],
            },
          ],
        },
        /statement "nope", which this attempt has no verdict for/,
      ],
    ];
    for (const [bad, message] of cases) {
      const r = await raw(s, coach, 'POST', '/api/team/import', JSON.stringify(bad));
      expect(r.status).toBe(400);
      const body = JSON.parse(r.body);
      expect(body.error).toMatch(/^The file was not imported \(nothing was stored\)/);
      expect(body.problems.join('\n')).toMatch(message);
    }
    const huge = await raw(s, coach, 'POST', '/api/team/import', ' '.repeat(33_000_000));
    expect(huge.status).toBe(400);
    expect(JSON.parse(huge.body).problems[0]).toMatch(/can be at most 32 MB/);
    expect((await counts(s)).attempts).toBe(0);
  });

  it('a coach cannot import into another team (not found); a trainee cannot import at all', async () => {
    const { text } = await exported();
    const { other } = await emptyServer();
    const s = server!;
    const r = await raw(s, other, 'POST', '/api/team/import', text);
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body).problems[0]).toMatch(/no trainee "tia" was found in the teams you coach/);
    const trainee = await s.signIn('tia');
    expect((await raw(s, trainee, 'POST', '/api/team/import', text)).status).toBe(403);
    expect((await counts(s)).attempts).toBe(0);
    // An admin may import for any account.
    const admin = await s.signIn('ada');
    const ok = await raw(s, admin, 'POST', '/api/team/import?file=all.json', text);
    expect(JSON.parse(ok.body)).toEqual({ added: 1, updated: 0, unchanged: 0 });
  });

  it('joins a note and a decision from a file into an attempt already here, marked as imported', async () => {
    const { text, attemptId } = await exported();
    const { coach } = await emptyServer();
    const s = server!;
    const file = JSON.parse(text);
    const attempt = file.attempts[0];
    const open = { ...attempt, notes: [], disputes: [{ ...attempt.disputes[0], resolution: null }] };
    expect(
      JSON.parse(
        (await raw(s, coach, 'POST', '/api/team/import', JSON.stringify({ ...file, attempts: [open] }))).body,
      ),
    ).toEqual({ added: 1, updated: 0, unchanged: 0 });
    const r = await raw(s, coach, 'POST', '/api/team/import?file=later.json', text);
    expect(JSON.parse(r.body)).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const record = (await coach.request('GET', `/api/attempts/${attemptId}`)).json;
    expect(record.notes.map((n: Json) => n.author)).toEqual(['cleo']);
    expect(record.disputes[0].resolution).toMatchObject({
      kind: 'overridden',
      imported: { file: 'later.json', by: 'cleo' },
    });
    const trail = (await coach.request('GET', `/api/attempts/${attemptId}/audit`)).json.entries;
    expect(trail.at(-1)).toMatchObject({ action: 'import.join', by: 'cleo' });
  });
});
