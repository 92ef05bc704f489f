// The server's settings, all from the environment (twelve-factor), with the defaults a training
// room needs: port 8080, embedded database in ./data/.
import { resolve } from 'node:path';
import type { OidcSettings } from './auth/oidc.ts';
import { DEFAULT_SCRYPT_COST } from './auth/password.ts';

/** The scrypt paper's figure for interactive sign-in (Percival 2009, section 7): no setting goes below it. */
export const MIN_SCRYPT_COST = 2 ** 14;
/** scrypt takes 128 * N * r bytes: 2^20 is already 1 GiB per sign-in at r = 8. */
export const MAX_SCRYPT_COST = 2 ** 20;

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
  /** scrypt's N for new passwords (SCRYPT_COST); a stored password keeps the cost it was made with. */
  passwordCost: number;
  /** Single sign-on, when OIDC_ISSUER is set. */
  oidc?: OidcSettings;
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
    passwordCost: readScryptCost(env.SCRYPT_COST),
    oidc: readOidc(env),
  };
}

/** SCRYPT_COST: a power of two from MIN_SCRYPT_COST to MAX_SCRYPT_COST; unset, the OWASP default. */
function readScryptCost(value: string | undefined): number {
  if (!value) return DEFAULT_SCRYPT_COST;
  const cost = Number(value);
  if (
    !Number.isInteger(cost) ||
    cost < MIN_SCRYPT_COST ||
    cost > MAX_SCRYPT_COST ||
    !Number.isInteger(Math.log2(cost))
  )
    throw new Error(
      `SCRYPT_COST must be a power of two from ${MIN_SCRYPT_COST} to ${MAX_SCRYPT_COST}, not "${value}"`,
    );
  return cost;
}

/** OIDC_ISSUER turns single sign-on on; then the client id and the redirect URL must be set too. */
function readOidc(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const redirectUrl = env.OIDC_REDIRECT_URL?.trim();
  if (!clientId || !redirectUrl)
    throw new Error('OIDC_ISSUER is set: OIDC_CLIENT_ID and OIDC_REDIRECT_URL must be set too');
  for (const [name, value] of [
    ['OIDC_ISSUER', issuer],
    ['OIDC_REDIRECT_URL', redirectUrl],
  ] as const) {
    if (!URL.canParse(value)) throw new Error(`${name} must be a URL, not "${value}"`);
  }
  return {
    issuer,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    redirectUrl,
    name: env.OIDC_NAME?.trim() || new URL(issuer).hostname,
  };
}
