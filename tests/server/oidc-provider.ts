// A real OpenID Connect provider (oidc-provider) on loopback for the single sign-on tests, with its
// development sign-in pages (any login name is accepted; the accounts' claims come from `people`),
// and a browser-like client that follows redirects with a cookie jar and submits its forms.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface Person {
  preferred_username?: string;
  name?: string;
  email?: string;
  email_verified?: boolean;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  close(): Promise<void>;
}

export async function startProvider(
  people: Record<string, Person>,
  redirectUrl: string,
): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'verbatim';
  const clientSecret = 'a-test-secret-that-is-long-enough-for-hs256';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUrl],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email', 'email_verified'] },
    cookies: { keys: ['test-cookie-key'] },
    async findAccount(_ctx, sub) {
      return { accountId: sub, claims: async () => ({ sub, ...(people[sub] ?? {}) }) };
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUrl,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** Follows a provider's redirects like a browser (cookies kept per origin) until it leaves `origin`. */
export class ProviderBrowser {
  #cookies = new Map<string, string>();

  async get(url: string): Promise<Response> {
    return this.#send(url, { method: 'GET' });
  }

  async #send(url: string, init: RequestInit): Promise<Response> {
    const cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.#cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  }

  /**
   * From the provider's authorization URL to the redirect back to the client: signs in as `login`
   * on the login page and approves the consent page. Returns the URL the provider sent the browser to.
   */
  async signIn(authorizationUrl: string, login: string): Promise<URL> {
    const origin = new URL(authorizationUrl).origin;
    let url = authorizationUrl;
    for (let step = 0; step < 12; step++) {
      const response = await this.get(url);
      const location = response.headers.get('location');
      if (location) {
        const next = new URL(location, url);
        if (next.origin !== origin) return next;
        url = next.href;
        continue;
      }
      const page = await response.text();
      const form = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(page);
      if (!form)
        throw new Error(`the provider answered ${response.status} with no form: ${page.slice(0, 300)}`);
      const fields = new URLSearchParams();
      for (const [, name, value] of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
        fields.set(name!, value!);
      if (fields.get('prompt') === 'login') {
        fields.set('login', login);
        fields.set('password', 'anything');
      }
      const submitted = await this.#send(new URL(form[1]!, url).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: fields.toString(),
      });
      const after = submitted.headers.get('location');
      if (!after) throw new Error(`the provider's form answered ${submitted.status} without a redirect`);
      url = new URL(after, url).href;
    }
    throw new Error('the provider never sent the browser back');
  }
}
