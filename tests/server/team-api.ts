// Test helpers: a server on a test database with a cheap password cost, and signed-in clients.
import type { FastifyInstance } from 'fastify';
import type { OpenDatabase } from '../../src/server/db/database.ts';
import type { DatabaseKind } from '../../src/server/db/database.ts';
import type { Role } from '../../src/server/db/schema.ts';
import { buildApp, type AppOptions } from '../../src/server/app.ts';
import { addMember, createAccount, createTeam } from '../../src/server/auth/accounts.ts';
import { openTestDatabase } from './databases.ts';

/** scrypt N for tests: the real cost (2^17) would make each sign-in take a second on CI. */
export const TEST_PASSWORD_COST = 2 ** 10;
export const PASSWORD = 'correct horse battery';

export interface Client {
  userId: string;
  cookie: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: any }>;
}

export interface TeamServer {
  app: FastifyInstance;
  database: OpenDatabase;
  account(username: string, role: Role): Promise<string>;
  signIn(username: string, password?: string): Promise<Client>;
  team(name: string, members: { userId: string; membership: 'trainee' | 'coach' }[]): Promise<string>;
  close(): Promise<void>;
}

export async function startTeamServer(
  kind: DatabaseKind,
  options: Omit<AppOptions, 'database'> = {},
): Promise<TeamServer> {
  const database = await openTestDatabase(kind);
  const app = await buildApp({ database, passwordCost: TEST_PASSWORD_COST, ...options });
  const call = async (
    method: string,
    url: string,
    cookie: string | undefined,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers: { ...(cookie ? { cookie } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return {
      status: response.statusCode,
      json: response.body ? response.json() : null,
      headers: response.headers,
    };
  };
  return {
    app,
    database,
    async account(username, role) {
      const user = await createAccount(
        database.db,
        { username, displayName: username, role, password: PASSWORD },
        TEST_PASSWORD_COST,
      );
      if (!user) throw new Error(`account ${username} exists`);
      return user.id;
    },
    async signIn(username, password = PASSWORD) {
      const response = await call('POST', '/api/session', undefined, { username, password });
      if (response.status !== 200)
        throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.json)}`);
      const setCookie = String(response.headers['set-cookie']);
      const cookie = setCookie.split(';')[0]!;
      return { userId: response.json.user.id, cookie, request: (m, u, b, h) => call(m, u, cookie, b, h) };
    },
    async team(name, members) {
      const team = await createTeam(database.db, name);
      if (!team) throw new Error(`team ${name} exists`);
      for (const m of members) await addMember(database.db, team.id, m.userId, m.membership);
      return team.id;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export function newAttempt(overrides: Record<string, unknown> = {}) {
  return {
    packId: 'cms-core',
    packVersion: '1.0.0',
    scenarioId: 'new-application',
    scenarioTitle: 'A new application',
    mode: 'practice',
    startedAt: new Date().toISOString(),
    ...overrides,
  };
}

export const turn = (text: string) => ({ text, source: 'typed', at: new Date().toISOString() });
