// Sign in, who am I, sign out here, sign out everywhere.
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { HttpError } from '../http-error.ts';
import { normaliseUsername } from '../auth/accounts.ts';
import { dummyHash, verifyPassword } from '../auth/password.ts';
import { clearFailures, isThrottled, recordFailure } from '../auth/rate-limit.ts';
import { createSession, endAllSessions, endSession } from '../auth/sessions.ts';
import { clearSessionCookie, requireUser, setSessionCookie } from '../auth/plugin.ts';
import { validated } from '../validation.ts';

/** Long enough for a passphrase; short enough that hashing it costs nothing extra. */
const MAX_PASSWORD_LENGTH = 1024;
const SignIn = z.object({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export interface SessionRouteOptions {
  db: Kysely<Database>;
  passwordCost: number;
  secureCookies: 'auto' | boolean;
}

export const sessionRoutes: FastifyPluginAsync<SessionRouteOptions> = async (
  app,
  { db, passwordCost, secureCookies },
) => {
  // Made on the first sign-in that needs it, not at start-up: a restarting server under load has
  // better things to do with a second of CPU and 128 MB than a hash no one may ask for.
  let unknownUserHash: Promise<string> | undefined;

  app.post(
    '/api/session',
    validated({ body: SignIn }, async (request, reply) => {
      const username = normaliseUsername(request.body.username);
      if (await isThrottled(db, username, request.ip)) {
        reply.header('retry-after', '900');
        throw new HttpError(429, 'Too many failed sign-ins. Wait 15 minutes and try again.');
      }
      const user = await db
        .selectFrom('users')
        .select(['id', 'username', 'display_name', 'role', 'password_hash'])
        .where('username', '=', username)
        .executeTakeFirst();
      const ok = await verifyPassword(
        request.body.password,
        user?.password_hash ?? (await (unknownUserHash ??= dummyHash(passwordCost))),
      );
      if (!user || !user.password_hash || !ok) {
        await recordFailure(db, username, request.ip);
        throw new HttpError(401, 'That username and password do not match an account.');
      }
      await clearFailures(db, username);
      setSessionCookie(request, reply, await createSession(db, user.id), secureCookies);
      return {
        user: { id: user.id, username: user.username, displayName: user.display_name, role: user.role },
      };
    }),
  );

  app.get('/api/session', async (request) => ({ user: requireUser(request) }));

  /** Who is signed in, or null: the app asks on start-up, and a 401 there would only be noise. */
  app.get('/api/session/current', async (request) => ({ user: request.user }));

  app.delete('/api/session', async (request, reply) => {
    if (request.sessionToken) await endSession(db, request.sessionToken);
    clearSessionCookie(reply);
    return { signedOut: true };
  });

  app.post('/api/session/sign-out-everywhere', async (request, reply) => {
    const user = requireUser(request);
    await endAllSessions(db, user.id);
    clearSessionCookie(reply);
    return { signedOut: true };
  });
};
