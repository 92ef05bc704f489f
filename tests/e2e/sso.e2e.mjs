// Single sign-on in a real browser: the team server (embedded database in a temp folder, serving
// the built app) configured for a real OpenID Connect provider (oidc-provider on loopback). The
// sign-in page offers "Sign in with Example Agency" (and passes axe); following it through the
// provider's own sign-in and consent pages brings the person back signed in, with a session the
// app's later requests carry. A sign-in that comes back refused is explained on the page.
import { test } from 'node:test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect } from './harness.mjs';
import { freePort, useTeamBrowser } from './team-helpers.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');

let provider;
let base;

/** The provider first (it must know the server's callback), then the server pointed at it. */
async function withProvider() {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const redirect = `${base}/api/auth/oidc/callback`;
  provider = spawn(process.execPath, [tsx, join(root, 'tests/e2e/sso-provider.ts'), redirect], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = await once(createInterface({ input: provider.stdout }), 'line');
  const settings = JSON.parse(line);
  return {
    port,
    env: {
      OIDC_ISSUER: settings.issuer,
      OIDC_CLIENT_ID: settings.clientId,
      OIDC_CLIENT_SECRET: settings.clientSecret,
      OIDC_REDIRECT_URL: redirect,
      OIDC_NAME: 'Example Agency',
    },
  };
}

/** Stops the provider, once the server that relied on it has stopped. */
async function stopProvider() {
  if (!provider) return;
  provider.kill('SIGTERM');
  await new Promise((done) => (provider.exitCode === null ? provider.once('exit', done) : done()));
}

const team = useTeamBrowser({}, { serverOptions: withProvider, cleanup: stopProvider });

async function signInPage() {
  const page = await team.open('', {});
  await page.locator('[data-team-link]').click();
  await page.getByRole('heading', { name: 'Sign in to your team' }).waitFor();
  return page;
}

test('"Sign in with Example Agency" goes through the provider and comes back signed in', async () => {
  const page = await signInPage();
  const button = page.getByRole('link', { name: 'Sign in with Example Agency' });
  await button.waitFor();
  await expect.noAxe(page, 'sign-in page with single sign-on');
  // The provider's development pages fetch web fonts from the internet (unreachable here) and a
  // favicon it does not have: allowed while there, and the app is checked afresh on return.
  page.allowedProblems = [/ERR_NAME_NOT_RESOLVED/, /404 \(Not Found\)/];
  await button.click();
  // The provider's own pages: sign in (its development login takes any name), then consent.
  await page.locator('input[name="login"]').fill('alice');
  await page.locator('input[name="password"]').fill('anything');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect.text(page.locator('[data-signed-in]'), /Alice Example \(alice, trainee\)/);
  page.problems.length = 0;
  page.allowedProblems = [];
  // The session cookie works for the app's own requests after the trip through the provider.
  await page.reload();
  await expect.text(page.locator('[data-signed-in]'), /\(alice, trainee\)/);
});

test('a sign-in that comes back unconfirmed is explained, and the page still passes axe', async () => {
  const page = await signInPage();
  // No sign-in was begun in this browser: the callback refuses it and says so.
  await page.goto(`${base}/api/auth/oidc/callback?code=stolen&state=guessed`);
  await expect.text(page.locator('[data-sso-error]'), /took too long or was begun in another browser/);
  await page.getByRole('link', { name: 'Sign in with Example Agency' }).waitFor();
  await expect.noAxe(page, 'sign-in page after a refused single sign-on');
});
