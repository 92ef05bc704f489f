// Single sign-on against a real OpenID Connect provider (oidc-provider on loopback): the whole
// authorization code flow with PKCE, driven by HTTP requests as a browser would make them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { useTestDatabases } from './use-databases.ts';
import { startTeamServer, type TeamServer } from './team-api.ts';
import { ProviderBrowser, startProvider, type TestProvider } from './oidc-provider.ts';

useTestDatabases();

const REDIRECT = 'http://verbatim.test/api/auth/oidc/callback';
const people = {
  'sub-alice': { preferred_username: 'alice', name: 'Alice Example', email: 'alice@example.org' },
  'sub-bob': { preferred_username: 'bobby', name: 'Bob', email: 'bob@example.org', email_verified: true },
  'sub-mallory': {
    preferred_username: 'carol@example.org',
    email: 'carol@example.org',
    email_verified: false,
  },
  'sub-nameless': {},
};

let provider: TestProvider;
beforeAll(async () => {
  provider = await startProvider(people, REDIRECT);
});
afterAll(() => provider?.close());

const cookieOf = (setCookie: string | string[] | undefined, name: string) =>
  [setCookie ?? []]
    .flat()
    .map((line) => line.split(';')[0]!)
    .find((pair) => pair.startsWith(`${name}=`) && pair.length > name.length + 1);

describe.each(databaseKinds)('single sign-on (%s)', (kind) => {
  let server: TeamServer;
  beforeAll(async () => {
    server = await startTeamServer(kind, {
      oidc: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        redirectUrl: REDIRECT,
        name: 'Example Agency',
      },
    });
  });
  afterAll(() => server?.close());

  /** GET /api/auth/oidc/start: the provider's URL and the pending sign-in's cookie. */
  async function start() {
    const response = await server.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(response.statusCode).toBe(302);
    const pending = cookieOf(response.headers['set-cookie'], 'verbatim_oidc');
    expect(pending).toBeDefined();
    return { location: new URL(String(response.headers.location)), pending: pending! };
  }

  async function callback(back: URL, cookie: string | undefined) {
    const response = await server.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: cookie ? { cookie } : {},
    });
    expect(response.statusCode).toBe(302);
    return {
      location: String(response.headers.location),
      session: cookieOf(response.headers['set-cookie'], 'verbatim_session'),
    };
  }

  async function signInAs(sub: string) {
    const { location, pending } = await start();
    const back = await new ProviderBrowser().signIn(location.href, sub);
    return callback(back, pending);
  }

  const whoAmI = async (session: string) =>
    (await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session } })).json();

  it('says single sign-on is offered, under the organisation name', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/auth/methods' });
    expect(response.json()).toEqual({
      password: true,
      singleSignOn: { name: 'Example Agency', start: '/api/auth/oidc/start' },
    });
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const { location } = await start();
    expect(location.origin).toBe(provider.issuer);
    const params = location.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('redirect_uri')).toBe(REDIRECT);
  });

  it('signs a new person in as a trainee with a working session, and the same account next time', async () => {
    const first = await signInAs('sub-alice');
    expect(first.location).toBe('/#/team');
    expect(first.session).toBeDefined();
    const { user } = await whoAmI(first.session!);
    expect(user).toMatchObject({ username: 'alice', displayName: 'Alice Example', role: 'trainee' });
    // The session is an ordinary one: the API works with it, and signing out ends it.
    const attempts = await server.app.inject({
      method: 'GET',
      url: '/api/my/attempts',
      headers: { cookie: first.session! },
    });
    expect(attempts.statusCode).toBe(200);
    const again = await signInAs('sub-alice');
    expect((await whoAmI(again.session!)).user.id).toBe(user.id);
    await server.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: again.session! } });
    const after = await server.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: again.session! },
    });
    expect(after.statusCode).toBe(401);
  });

  it('links an account an admin prepared under a verified email address, keeping its role', async () => {
    const prepared = await server.account('bob@example.org', 'coach');
    const { session } = await signInAs('sub-bob');
    const { user } = await whoAmI(session!);
    expect(user).toMatchObject({ id: prepared, username: 'bob@example.org', role: 'coach' });
  });

  it('never links by an unverified address or a chosen name: the existing account is left alone', async () => {
    await server.account('carol@example.org', 'admin');
    const result = await signInAs('sub-mallory');
    expect(result.location).toBe('/#/team/sso/taken');
    expect(result.session).toBeUndefined();
  });

  it('refuses an account with neither username nor email', async () => {
    const result = await signInAs('sub-nameless');
    expect(result).toEqual({ location: '/#/team/sso/no-name', session: undefined });
  });

  it('refuses an answer whose state does not match, and one with no sign-in begun', async () => {
    const { location, pending } = await start();
    const back = await new ProviderBrowser().signIn(location.href, 'sub-alice');
    expect(back.searchParams.get('code')).toBeTruthy();
    const forged = new URL(back);
    forged.searchParams.set('state', 'not-the-state-this-browser-was-given');
    expect(await callback(forged, pending)).toEqual({ location: '/#/team/sso/refused', session: undefined });
    expect(await callback(back, undefined)).toEqual({ location: '/#/team/sso/expired', session: undefined });
    // Another browser's pending sign-in (its own state, verifier and nonce) cannot redeem this code.
    const other = await start();
    expect(await callback(back, other.pending)).toEqual({
      location: '/#/team/sso/refused',
      session: undefined,
    });
  });

  it('lets an admin change an account role, audited, and no one else', async () => {
    await server.account('root', 'admin');
    const admin = await server.signIn('root');
    const { session } = await signInAs('sub-alice');
    const alice = (await whoAmI(session!)).user;
    const asAlice = await server.app.inject({
      method: 'PUT',
      url: `/api/users/${alice.id}/role`,
      headers: { cookie: session! },
      payload: { role: 'admin' },
    });
    expect(asAlice.statusCode).toBe(403);
    const changed = await admin.request('PUT', `/api/users/${alice.id}/role`, { role: 'coach' });
    expect(changed).toMatchObject({ status: 200, json: { user: { id: alice.id, role: 'coach' } } });
    expect((await whoAmI(session!)).user.role).toBe('coach');
    const audit = await server.database.db
      .selectFrom('audit')
      .select(['action', 'actor_id'])
      .where('action', '=', 'change-role')
      .execute();
    expect(audit).toEqual([{ action: 'change-role', actor_id: admin.userId }]);
    const missing = await admin.request('PUT', `/api/users/${crypto.randomUUID()}/role`, { role: 'qa' });
    expect(missing.status).toBe(404);
    const self = await admin.request('PUT', `/api/users/${admin.userId}/role`, { role: 'trainee' });
    expect(self.status).toBe(409);
  });
});

describe('a server without single sign-on', () => {
  it('offers passwords only and has no single sign-on routes', async () => {
    const server = await startTeamServer('embedded');
    try {
      const methods = await server.app.inject({ method: 'GET', url: '/api/auth/methods' });
      expect(methods.json()).toEqual({ password: true, singleSignOn: null });
      const start = await server.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(start.statusCode).toBe(404);
    } finally {
      await server.close();
    }
  });
});
