// Who is asking: the session cookie is looked up in the database on every request (no server
// memory), and state-changing requests must come from the app's own origin.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema.ts';
import { HttpError, forbidden, unauthenticated } from '../http-error.ts';
import { SESSION_COOKIE, SESSION_HOURS, sessionLookup, type SessionUser } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionToken: string | null;
  }
}

export interface SessionOptions {
  db: Kysely<Database>;
  /** Origins besides the server's own allowed to POST/PUT/DELETE. */
  trustedOrigins?: string[];
  /** true/false, or 'auto': Secure when the request came over HTTPS. */
  secureCookies?: 'auto' | boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function useSessions(app: FastifyInstance, options: SessionOptions): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  const userForToken = sessionLookup(options.db);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    if (!SAFE_METHODS.has(request.method)) checkOrigin(request, options.trustedOrigins ?? []);
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.user = await userForToken(token);
    request.sessionToken = request.user ? token : null;
  });
}

/**
 * Cross-site request forgery defence: a browser always sends Origin on a cross-origin POST, so a
 * request whose Origin (or, failing that, Sec-Fetch-Site) names another site is refused. Clients
 * that are not browsers send neither and carry no ambient cookie to abuse.
 */
function checkOrigin(request: FastifyRequest, trusted: string[]): void {
  const origin = request.headers.origin;
  if (origin) {
    const own = `${request.protocol}://${request.host}`;
    if (origin === own || trusted.includes(origin)) return;
    throw new HttpError(403, 'Requests from another site are refused.');
  }
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site')
    throw new HttpError(403, 'Requests from another site are refused.');
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  secure: 'auto' | boolean = 'auto',
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: secure === 'auto' ? request.protocol === 'https' : secure,
    maxAge: SESSION_HOURS * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw unauthenticated();
  return request.user;
}

export function requireRole(request: FastifyRequest, ...allowed: Role[]): SessionUser {
  const user = requireUser(request);
  if (!allowed.includes(user.role)) throw forbidden();
  return user;
}
