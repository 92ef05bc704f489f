// Single sign-on in a real browser: the team server (embedded database in a temp folder, serving
// the built app) configured for a real OpenID Connect provider (oidc-provider on loopback). The
// sign-in page offers "Sign in with Example Agency" (and passes axe); following it through the
// provider's own sign-in and consent pages brings the person back signed in, with a session the
// app's later requests carry. A sign-in that comes back refused is explained on the page.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  closePage,
  distDir,
  expectEventually,
  expectNoAxe,
  expectText,
  launchBrowser,
  newPage,
  unexpectedProblems,
} from './harness.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');

let provider;
let server;
let base;
let browser;
let dataDir;
const pages = [];

async function freePort() {
  const s = createServer();
  await new Promise((done) => s.listen(0, '127.0.0.1', done));
  const { port } = s.address();
  await new Promise((done) => s.close(done));
  return port;
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'verbatim-sso-e2e-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const redirect = `${base}/api/auth/oidc/callback`;
  provider = spawn(process.execPath, [tsx, join(root, 'tests/e2e/sso-provider.ts'), redirect], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = await once(createInterface({ input: provider.stdout }), 'line');
  const settings = JSON.parse(line);
  server = spawn(process.execPath, [tsx, join(root, 'src/server/main.ts')], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DIST_DIR: distDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      OIDC_ISSUER: settings.issuer,
      OIDC_CLIENT_ID: settings.clientId,
      OIDC_CLIENT_SECRET: settings.clientSecret,
      OIDC_REDIRECT_URL: redirect,
      OIDC_NAME: 'Example Agency',
    },
    stdio: 'ignore',
  });
  await expectEventually(async () => assert.equal((await fetch(`${base}/api/health`)).status, 200), {
    timeout: 120_000,
    message: 'the team server to answer',
  });
  browser = await launchBrowser();
});

afterEach(async () => {
  const problems = pages.flatMap((p) => unexpectedProblems(p).map((text) => `${p.url()}: ${text}`));
  for (const page of pages.splice(0)) await closePage(page).catch(() => {});
  assert.deepEqual(problems, [], 'no console errors, page errors or CSP violations');
});

after(async () => {
  await browser?.close();
  for (const child of [server, provider]) {
    if (!child) continue;
    child.kill('SIGTERM');
    await new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done()));
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function signInPage() {
  const page = await newPage(browser, `${base}/`);
  pages.push(page);
  await page.locator('[data-team-link]').click();
  await page.getByRole('heading', { name: 'Sign in to your team' }).waitFor();
  return page;
}

test('"Sign in with Example Agency" goes through the provider and comes back signed in', async () => {
  const page = await signInPage();
  const button = page.getByRole('link', { name: 'Sign in with Example Agency' });
  await button.waitFor();
  await expectNoAxe(page, 'sign-in page with single sign-on');
  // The provider's development pages fetch web fonts from the internet (unreachable here) and a
  // favicon it does not have: allowed while there, and the app is checked afresh on return.
  page.allowedProblems = [/ERR_NAME_NOT_RESOLVED/, /404 \(Not Found\)/];
  await button.click();
  // The provider's own pages: sign in (its development login takes any name), then consent.
  await page.locator('input[name="login"]').fill('alice');
  await page.locator('input[name="password"]').fill('anything');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectText(page.locator('[data-signed-in]'), /Alice Example \(alice, trainee\)/);
  page.problems.length = 0;
  page.allowedProblems = [];
  // The session cookie works for the app's own requests after the trip through the provider.
  await page.reload();
  await expectText(page.locator('[data-signed-in]'), /\(alice, trainee\)/);
});

test('a sign-in that comes back unconfirmed is explained, and the page still passes axe', async () => {
  const page = await signInPage();
  // No sign-in was begun in this browser: the callback refuses it and says so.
  await page.goto(`${base}/api/auth/oidc/callback?code=stolen&state=guessed`);
  await expectText(page.locator('[data-sso-error]'), /took too long or was begun in another browser/);
  await page.getByRole('link', { name: 'Sign in with Example Agency' }).waitFor();
  await expectNoAxe(page, 'sign-in page after a refused single sign-on');
});
