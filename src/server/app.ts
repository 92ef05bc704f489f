// The team server as a Fastify instance: the built app (with its Content-Security-Policy as a
// header) and the JSON API under /api/. It keeps no state between requests: sessions, rate limits
// and data all live in the database, so several instances can share one behind a load balancer.
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { OpenDatabase } from './db/database.ts';
import { appCsp, policyFor } from './csp.ts';
import { useZodValidation } from './validation.ts';
import { healthRoutes } from './routes/health.ts';
import { sessionRoutes } from './routes/session.ts';
import { oidcRoutes } from './routes/oidc.ts';
import { roleRoutes } from './routes/roles.ts';
import { OidcSignIn, type OidcSettings } from './auth/oidc.ts';
import { adminRoutes } from './routes/admin.ts';
import { attemptWriteRoutes } from './attempts/write-routes.ts';
import { attemptReadRoutes } from './attempts/read-routes.ts';
import { packRoutes } from './packs/routes.ts';
import { teamExportRoutes } from './team/export-routes.ts';
import { teamImportRoutes } from './team/import-routes.ts';
import { loadNodeScriptLibrary } from '../cli/node-library.ts';
import type { ScriptLibrary } from '../core/index.ts';
import { useSessions } from './auth/plugin.ts';
import { DEFAULT_SCRYPT_COST } from './auth/password.ts';

export interface AppOptions {
  database: OpenDatabase;
  /** The built app; when absent or not built, only the API is served. */
  distDir?: string;
  trustProxy?: boolean;
  logger?: boolean;
  /** Origins besides the server's own allowed to make state-changing requests. */
  trustedOrigins?: string[];
  secureCookies?: 'auto' | boolean;
  /** scrypt N for new passwords (tests lower it to save time; stored hashes carry their own). */
  passwordCost?: number;
  /** Single sign-on through the organisation's OpenID Connect provider, when it has one. */
  oidc?: OidcSettings;
}

/** Largest request body: a long call's turns with recogniser alternatives, or a pack file. */
const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
  });
  useZodValidation(app);
  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error(error);
    // Validation and client errors say what was wrong; server errors say nothing internal.
    return reply
      .status(status)
      .send({ error: status >= 500 ? 'The server could not do that.' : error.message });
  });
  const db = options.database.db;
  const passwordCost = options.passwordCost ?? DEFAULT_SCRYPT_COST;
  const secureCookies = options.secureCookies ?? 'auto';
  await useSessions(app, { db, trustedOrigins: options.trustedOrigins, secureCookies });
  await app.register(healthRoutes, { database: options.database });
  await app.register(sessionRoutes, { db, passwordCost, secureCookies });
  const oidc = options.oidc ? new OidcSignIn(options.oidc) : undefined;
  await app.register(oidcRoutes, { db, oidc, secureCookies });
  await app.register(adminRoutes, { db, passwordCost });
  await app.register(roleRoutes, { db });
  await app.register(attemptWriteRoutes, { db });
  await app.register(attemptReadRoutes, { db });
  await app.register(teamExportRoutes, { db });
  await app.register(teamImportRoutes, { db });
  let scripts: ScriptLibrary | undefined;
  await app.register(packRoutes, { db, scripts: () => (scripts ??= loadNodeScriptLibrary()) });
  if (options.distDir && existsSync(`${options.distDir}/index.html`)) await serveApp(app, options.distDir);
  return app;
}

async function serveApp(app: FastifyInstance, distDir: string): Promise<void> {
  const csp = await appCsp(distDir);
  await app.register(fastifyStatic, {
    root: distDir,
    index: 'index.html',
    cacheControl: false,
    setHeaders(reply, path) {
      reply.header('content-security-policy', policyFor(path, csp));
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      // The app looks for this to know a team server is there to sign in to (src/adapters/sync).
      reply.header('x-verbatim-team-server', '1');
      // index.html must always be fresh; hashed assets may be cached for ever.
      reply.header(
        'cache-control',
        /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}
