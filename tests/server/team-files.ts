// Shared by the team export and import tests: a team whose trainee practised through the API (turns
// with a flag and a "misunderstood" mark, a finished result, a coach's note, a dispute the coach
// overrode), plus a second team the first coach does not coach.
import type { TeamServer, Client } from './team-api.ts';
import { newAttempt, PASSWORD } from './team-api.ts';

export const summary = {
  ending: { id: 'done', title: 'Call closed', outcome: 'pass' },
  score: 82,
  passed: true,
  criticalErrors: [],
  statements: [{ scriptId: 'dpa', verdict: 'minor', score: 70 }],
  moves: [],
};

export interface TeamFixture {
  coach: Client;
  otherCoach: Client;
  trainee: Client;
  admin: Client;
  teamId: string;
  otherTeamId: string;
  attemptId: string;
  otherAttemptId: string;
}

/** Accounts and teams only (the same names on every server, so a file moves between them). */
export async function teamAccounts(server: TeamServer) {
  const ids = {
    coach: await server.account('cleo', 'coach'),
    other: await server.account('olga', 'coach'),
    trainee: await server.account('tia', 'trainee'),
    stranger: await server.account('sam', 'trainee'),
    admin: await server.account('ada', 'admin'),
  };
  const teamId = await server.team('Green', [
    { userId: ids.coach, membership: 'coach' },
    { userId: ids.trainee, membership: 'trainee' },
  ]);
  const otherTeamId = await server.team('Blue', [
    { userId: ids.other, membership: 'coach' },
    { userId: ids.stranger, membership: 'trainee' },
  ]);
  return { ids, teamId, otherTeamId };
}

async function ok(response: Promise<{ status: number; json: unknown }>) {
  const r = await response;
  if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}

/** One finished attempt by `client`, with two turns (the first flagged), returning its id. */
export async function practise(client: Client, startedAt: string, words = 'Good morning'): Promise<string> {
  const id = crypto.randomUUID();
  const base = `/api/attempts/${id}`;
  await ok(client.request('PUT', base, newAttempt({ startedAt, scenarioTitle: 'Zoë calls =SUM(A1)' })));
  const at = (s: number) => new Date(Date.parse(startedAt) + s * 1000).toISOString();
  await ok(client.request('PUT', `${base}/turns/0`, { text: words, source: 'typed', at: at(5) }));
  await ok(
    client.request('PUT', `${base}/turns/1`, {
      text: '+44 7700 900123',
      source: 'voice',
      at: at(20),
      silenceBefore: 1.5,
      misunderstood: { at: at(25) },
    }),
  );
  await ok(client.request('PUT', `${base}/turns/0/flag`, { flagged: true }));
  await ok(client.request('POST', `${base}/finish`, { status: 'completed', summary, updatedAt: at(60) }));
  return id;
}

/** The trainee disputes the statement verdict; the coach notes the attempt and overrides the verdict. */
export async function review(trainee: Client, coach: Client, attemptId: string, at: string) {
  const base = `/api/attempts/${attemptId}`;
  const dispute = {
    id: crypto.randomUUID(),
    target: { kind: 'statement', scriptId: 'dpa' },
    original: 'minor',
    comment: 'I said it word for word',
    raisedBy: 'tia',
    raisedAt: at,
    resolution: null,
  };
  await ok(trainee.request('PUT', `${base}/disputes/${dispute.id}`, dispute));
  await ok(coach.request('PUT', `${base}/notes/${crypto.randomUUID()}`, { text: 'Good pace', at }));
  const resolution = { kind: 'overridden', by: 'cleo', at, reason: 'Heard it in full', verdict: 'exact' };
  await ok(coach.request('PUT', `${base}/disputes/${dispute.id}`, { ...dispute, resolution }));
}

/** The whole fixture on a fresh server: accounts, teams, one reviewed attempt per team. */
export async function teamFixture(server: TeamServer): Promise<TeamFixture> {
  const { teamId, otherTeamId } = await teamAccounts(server);
  const [coach, otherCoach, trainee, stranger, admin] = await Promise.all(
    ['cleo', 'olga', 'tia', 'sam', 'ada'].map((name) => server.signIn(name, PASSWORD)),
  );
  const attemptId = await practise(trainee!, '2026-03-07T09:30:00.000Z');
  await review(trainee!, coach!, attemptId, '2026-03-07T10:00:00.000Z');
  const otherAttemptId = await practise(stranger!, '2026-03-08T09:30:00.000Z', 'Hello there');
  return {
    coach: coach!,
    otherCoach: otherCoach!,
    trainee: trainee!,
    admin: admin!,
    teamId,
    otherTeamId,
    attemptId,
    otherAttemptId,
  };
}

/** GET or POST as `client`, answering the raw text (a CSV is not JSON). */
export async function raw(
  server: TeamServer,
  client: Client,
  method: 'GET' | 'POST',
  url: string,
  body?: string,
) {
  const response = await server.app.inject({
    method,
    url,
    headers: { cookie: client.cookie, ...(body === undefined ? {} : { 'content-type': 'text/plain' }) },
    ...(body === undefined ? {} : { payload: body }),
  });
  return { status: response.statusCode, body: response.body, headers: response.headers };
}
