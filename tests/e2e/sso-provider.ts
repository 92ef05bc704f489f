// Started by tests/e2e/sso.e2e.mjs (through tsx): the test OpenID Connect provider on loopback, for
// the redirect URL given as the first argument. Prints its settings as one line of JSON, then runs
// until it is killed.
import { startProvider } from '../server/oidc-provider.ts';

const redirectUrl = process.argv[2];
if (!redirectUrl) throw new Error('usage: sso-provider.ts <redirect URL>');
const provider = await startProvider(
  { alice: { preferred_username: 'alice', name: 'Alice Example', email: 'alice@example.org' } },
  redirectUrl,
);
const { issuer, clientId, clientSecret } = provider;
process.stdout.write(`${JSON.stringify({ issuer, clientId, clientSecret })}\n`);
process.once('SIGTERM', () => void provider.close().then(() => process.exit(0)));
