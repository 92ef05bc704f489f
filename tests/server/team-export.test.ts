import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { useTestDatabases } from './use-databases.ts';
import { startTeamServer, type TeamServer } from './team-api.ts';
import { raw, teamFixture, type TeamFixture } from './team-files.ts';
import { ATTEMPT_COLUMNS, readAttemptsFile } from '../../src/core/review/index.ts';

useTestDatabases();

describe.each(databaseKinds)('team export (%s)', (kind) => {
  let server: TeamServer;
  let f: TeamFixture;
  beforeAll(async () => {
    server = await startTeamServer(kind);
    f = await teamFixture(server);
  });
  afterAll(() => server.close());

  it("exports a coach's team as the browser's JSON, with turns, flags, marks, notes, decisions and the audit trail", async () => {
    const r = await raw(server, f.coach, 'GET', '/api/team/export?format=json');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/application\/json/);
    expect(r.headers['content-disposition']).toMatch(
      /attachment; filename="verbatim-team-attempts-.*\.json"/,
    );
    // The browser's own import reads it (same shape, same rules).
    const parsed = readAttemptsFile(r.body);
    expect(parsed.ok).toBe(true);
    const file = JSON.parse(r.body);
    expect(file.attempts.map((a: { id: string }) => a.id)).toEqual([f.attemptId]);
    const [a] = file.attempts;
    expect(a.trainee).toBe('tia');
    expect(a.scenarioTitle).toBe('Zoë calls =SUM(A1)');
    expect(a.turns).toHaveLength(2);
    expect(a.turns[0].flaggedForCoach).toBe(true);
    expect(a.turns[1].misunderstood).toEqual({ at: '2026-03-07T09:30:25.000Z' });
    expect(a.turns[1].silenceBefore).toBe(1.5);
    expect(a.summary.score).toBe(82);
    expect(a.notes).toEqual([
      { id: expect.any(String), author: 'cleo', text: 'Good pace', at: '2026-03-07T10:00:00.000Z' },
    ]);
    expect(a.disputes[0].resolution).toMatchObject({ kind: 'overridden', by: 'cleo', verdict: 'exact' });
    const actions = a.audit.map((e: { action: string; by: string }) => `${e.action} by ${e.by}`);
    expect(actions).toEqual([
      'turn.flag by tia',
      'dispute.raise by tia',
      'note.add by cleo',
      'dispute.override by cleo',
    ]);
    for (const e of a.audit) expect(Date.parse(e.at)).not.toBeNaN();
  });

  it('exports one row per attempt as CSV with a BOM, formulas neutralised', async () => {
    const r = await raw(server, f.coach, 'GET', '/api/team/export?format=csv');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
    expect(r.body.startsWith('\uFEFF')).toBe(true);
    const lines = r.body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(ATTEMPT_COLUMNS.join(','));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(f.attemptId);
    expect(lines[1]).toContain(',tia,');
    expect(lines[1]).toContain('Zoë calls =SUM(A1)');
    expect(lines[1]).not.toMatch(/,=/);
  });

  it('an admin exports every team; a coach exports one of theirs by id', async () => {
    const all = JSON.parse((await raw(server, f.admin, 'GET', '/api/team/export')).body);
    expect(all.attempts.map((a: { id: string }) => a.id).sort()).toEqual(
      [f.attemptId, f.otherAttemptId].sort(),
    );
    const one = await raw(server, f.coach, 'GET', `/api/team/export?team=${f.teamId}`);
    expect(JSON.parse(one.body).attempts).toHaveLength(1);
    const blue = await raw(server, f.admin, 'GET', `/api/team/export?team=${f.otherTeamId}&format=csv`);
    expect(blue.body).toContain(f.otherAttemptId);
    expect(blue.body).not.toContain(f.attemptId);
  });

  it('a coach cannot export another team (not found); a trainee cannot export at all', async () => {
    const other = await raw(server, f.coach, 'GET', `/api/team/export?team=${f.otherTeamId}`);
    expect(other.status).toBe(404);
    expect(other.body).not.toContain(f.otherAttemptId);
    const mine = JSON.parse((await raw(server, f.otherCoach, 'GET', '/api/team/export')).body);
    expect(mine.attempts.map((a: { id: string }) => a.id)).toEqual([f.otherAttemptId]);
    for (const format of ['json', 'csv']) {
      const trainee = await raw(server, f.trainee, 'GET', `/api/team/export?format=${format}`);
      expect(trainee.status).toBe(403);
      expect(trainee.body).not.toContain(f.attemptId);
    }
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/team/export' });
    expect(anonymous.statusCode).toBe(401);
  });
});
