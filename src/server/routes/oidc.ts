// Sign-in methods, and single sign-on through OpenID Connect: /api/auth/oidc/start sends the browser
// to the provider; the provider sends it back to /api/auth/oidc/callback, which starts the same
// database session (and cookie) as a password sign-in and returns to the app's team page.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { setSessionCookie } from '../auth/plugin.ts';
import { createSession } from '../auth/sessions.ts';
import {
  OidcError,
  PENDING_SIGN_IN_SECONDS,
  decodePending,
  encodePending,
  type OidcSignIn,
} from '../auth/oidc.ts';
import { accountForIdentity } from '../auth/oidc-accounts.ts';

export interface OidcRouteOptions {
  db: Kysely<Database>;
  oidc?: OidcSignIn;
  secureCookies: 'auto' | boolean;
}

const PENDING_COOKIE = 'verbatim_oidc';
const CALLBACK_PATH = '/api/auth/oidc';
export const OIDC_START_PATH = `${CALLBACK_PATH}/start`;
/** Where the app shows the outcome: its team page, with a failure's code when there is one. */
const APP_TEAM_PAGE = '/#/team';

export const oidcRoutes: FastifyPluginAsync<OidcRouteOptions> = async (app, { db, oidc, secureCookies }) => {
  /** Which sign-ins this server offers (the app shows "Sign in with <name>" only when it is here). */
  app.get('/api/auth/methods', async () => ({
    password: true,
    singleSignOn: oidc ? { name: oidc.name, start: OIDC_START_PATH } : null,
  }));
  if (!oidc) return;

  const secure = (request: FastifyRequest) =>
    secureCookies === 'auto' ? request.protocol === 'https' : secureCookies;
  const failed = (reply: FastifyReply, error: unknown) => {
    const code = error instanceof OidcError ? error.code : 'unavailable';
    if (!(error instanceof OidcError)) reply.log.error(error);
    return reply.redirect(`${APP_TEAM_PAGE}/sso/${code}`);
  };

  app.get(OIDC_START_PATH, async (request, reply) => {
    try {
      const { url, pending } = await oidc.start();
      // Lax, not Strict: the provider's redirect back is a cross-site navigation that must carry it.
      reply.setCookie(PENDING_COOKIE, encodePending(pending), {
        path: CALLBACK_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(request),
        maxAge: PENDING_SIGN_IN_SECONDS,
      });
      return reply.redirect(url.href);
    } catch (error) {
      return failed(reply, error);
    }
  });

  app.get(`${CALLBACK_PATH}/callback`, async (request, reply) => {
    const pending = decodePending(request.cookies[PENDING_COOKIE]);
    // One use only, whatever the outcome.
    reply.clearCookie(PENDING_COOKIE, { path: CALLBACK_PATH });
    try {
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      const identity = await oidc.finish(query, pending);
      const user = await accountForIdentity(db, identity);
      setSessionCookie(request, reply, await createSession(db, user.id), secureCookies);
      return reply.redirect(APP_TEAM_PAGE);
    } catch (error) {
      return failed(reply, error);
    }
  });
};
