// The server's settings, all from the environment (twelve-factor), with the defaults a training
// room needs: port 8080, embedded database in ./data/.
import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  /** The embedded database's folder (unused with DATABASE_URL). */
  dataDir: string;
  /** The built app to serve. */
  distDir: string;
  /** Origins, besides the server's own, allowed to make state-changing requests. */
  trustedOrigins: string[];
  /** Cookies marked Secure: 'auto' follows the request's protocol (X-Forwarded-Proto behind a proxy). */
  secureCookies: 'auto' | boolean;
  /** Trust X-Forwarded-* from a reverse proxy. */
  trustProxy: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const secure = env.SECURE_COOKIES;
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    distDir: resolve(env.DIST_DIR ?? 'dist'),
    trustedOrigins: (env.TRUSTED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    secureCookies: secure === 'true' ? true : secure === 'false' ? false : 'auto',
    trustProxy: env.TRUST_PROXY === 'true',
  };
}
