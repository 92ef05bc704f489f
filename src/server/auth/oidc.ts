// OpenID Connect sign-in through the organisation's identity provider (openid-client): the
// authorization code flow with PKCE, state and nonce. The server keeps nothing between the two
// legs: what the callback must check travels in a short-lived HttpOnly cookie, and the provider's
// metadata is discovered once per process (and again after a failure).
import * as client from 'openid-client';

export interface OidcSettings {
  /** The provider's issuer URL (its /.well-known/openid-configuration is read). */
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE alone). */
  clientSecret?: string;
  /** This server's callback, exactly as registered at the provider: https://host/api/auth/oidc/callback */
  redirectUrl: string;
  /** Shown on the sign-in button: "Sign in with <name>". */
  name: string;
}

/** What the callback needs to check the provider's answer; kept in the browser between the legs. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
}

/** The claims an account is made or found from. */
export interface OidcIdentity {
  /** `<issuer> <sub>`: unique across providers, since an issuer URL holds no space. */
  key: string;
  preferredUsername?: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
}

/** Why a sign-in failed, as a code the app turns into words (src/ui/state/sso-words.ts). */
export type OidcFailure = 'cancelled' | 'expired' | 'refused' | 'unavailable' | 'no-name' | 'taken';

export class OidcError extends Error {
  constructor(
    readonly code: OidcFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Scopes asked for: who (openid), a name to show (profile) and an address to link by (email). */
const SCOPES = 'openid profile email';
/** Long enough to read a sign-in page and type a password; short enough that a stale tab expires. */
export const PENDING_SIGN_IN_SECONDS = 600;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export class OidcSignIn {
  #settings: OidcSettings;
  #configuration: Promise<client.Configuration> | null = null;

  constructor(settings: OidcSettings) {
    this.#settings = settings;
  }

  get name(): string {
    return this.#settings.name;
  }

  /** The provider's metadata, discovered on first use; a failed discovery is tried again next time. */
  #config(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.#settings;
    const url = new URL(issuer);
    // Plain HTTP only to a provider on this machine (development and the tests), never over a network.
    const insecure = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
    this.#configuration ??= client
      .discovery(
        url,
        clientId,
        clientSecret,
        clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.#configuration = null;
        throw error;
      });
    return this.#configuration;
  }

  /** The provider's sign-in address, and what the callback must find in the cookie. */
  async start(): Promise<{ url: URL; pending: PendingSignIn }> {
    const config = await this.#config().catch(() => {
      throw new OidcError('unavailable', 'The sign-in service could not be reached.');
    });
    const pending = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.#settings.redirectUrl,
      scope: SCOPES,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    });
    return { url, pending };
  }

  /**
   * Checks the provider's answer (state, PKCE, the ID token's signature, audience and nonce) and
   * returns who signed in. `query` is the callback's query string, without the `?`.
   */
  async finish(query: string, pending: PendingSignIn | null): Promise<OidcIdentity> {
    const answer = new URLSearchParams(query);
    if (answer.get('error') === 'access_denied') throw new OidcError('cancelled', 'Sign-in was cancelled.');
    if (!pending) throw new OidcError('expired', 'The sign-in took too long or began in another browser.');
    if (answer.get('state') !== pending.state)
      throw new OidcError('refused', 'The sign-in answer did not match the sign-in this browser began.');
    const config = await this.#config().catch(() => {
      throw new OidcError('unavailable', 'The sign-in service could not be reached.');
    });
    const current = new URL(this.#settings.redirectUrl);
    current.search = answer.toString();
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      // Many providers put only `sub` in the ID token and the profile behind the userinfo endpoint.
      const profile = config.serverMetadata().userinfo_endpoint
        ? await client.fetchUserInfo(config, tokens.access_token, idToken.sub)
        : {};
      claims = { ...profile, ...idToken };
    } catch {
      throw new OidcError('refused', 'The sign-in service did not confirm who signed in.');
    }
    const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
    return {
      key: `${String(claims.iss)} ${String(claims.sub)}`,
      preferredUsername: text(claims.preferred_username),
      email: text(claims.email),
      emailVerified: claims.email_verified === true,
      name: text(claims.name),
    };
  }
}

/** The cookie's value and back; anything unreadable counts as no pending sign-in. */
export const encodePending = (pending: PendingSignIn) =>
  Buffer.from(JSON.stringify(pending)).toString('base64url');

export function decodePending(value: string | undefined): PendingSignIn | null {
  if (!value) return null;
  try {
    const data = JSON.parse(Buffer.from(value, 'base64url').toString()) as Partial<PendingSignIn>;
    const ok = [data.state, data.nonce, data.verifier].every((v) => typeof v === 'string' && v.length > 0);
    return ok ? (data as PendingSignIn) : null;
  } catch {
    return null;
  }
}
