// A real team server for browser tests: the embedded database in a temp folder, serving the built
// app, an admin made with the CLI, and API calls with a session cookie for seeding accounts and data.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distDir, expect, useServedBrowser } from './harness.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
export const PASSWORD = 'team test password';

export async function freePort() {
  const s = createServer();
  await new Promise((done) => s.listen(0, '127.0.0.1', done));
  const { port } = s.address();
  await new Promise((done) => s.close(done));
  return port;
}

/**
 * Starts the server with admin `ada` (on `port`, with `env` added to its environment, when given);
 * `stop()` kills it and removes its data.
 */
export async function startTeamServer({ port: chosenPort, env: extraEnv = {} } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-team-e2e-'));
  // The lowest cost the server allows: signing in stays quick on a loaded two-core CI machine.
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DIST_DIR: distDir,
    HOST: '127.0.0.1',
    SCRYPT_COST: String(2 ** 14),
    ...extraEnv,
  };
  const made = spawnSync(
    process.execPath,
    [tsx, join(root, 'src/server/admin-cli.ts'), 'create-admin', 'ada'],
    {
      env: { ...env, VERBATIM_ADMIN_PASSWORD: PASSWORD },
      encoding: 'utf8',
    },
  );
  assert.equal(made.status, 0, made.stderr);
  const port = chosenPort ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [tsx, join(root, 'src/server/main.ts')], {
    env: { ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  await expect.eventually(async () => assert.equal((await fetch(`${base}/api/health`)).status, 200), {
    timeout: 120_000,
    message: 'the team server to answer',
  });

  /** A JSON request; asserts it succeeded. Returns the answer and the session cookie it set. */
  async function api(method, path, body, cookie) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return { json, cookie: response.headers.get('set-cookie')?.split(';')[0] };
  }
  const signIn = async (username) =>
    (await api('POST', '/api/session', { username, password: PASSWORD })).cookie;

  /** Makes accounts ({ name: role }) and one team of them; returns their ids. */
  async function team(name, people) {
    const admin = await signIn('ada');
    const ids = {};
    for (const [username, role] of Object.entries(people)) {
      const displayName = username[0].toUpperCase() + username.slice(1);
      ids[username] = (
        await api('POST', '/api/users', { username, displayName, role, password: PASSWORD }, admin)
      ).json.user.id;
    }
    const made = (await api('POST', '/api/teams', { name }, admin)).json.team;
    for (const [username, role] of Object.entries(people))
      if (role === 'trainee' || role === 'coach')
        await api('PUT', `/api/teams/${made.id}/members`, { userId: ids[username], membership: role }, admin);
    return ids;
  }

  async function stop() {
    child.kill('SIGTERM');
    await new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done()));
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { base, url: `${base}/`, api, signIn, team, stop, close: stop };
}

/** Signs in from the app's header link with the test password. */
export async function signInToTeam(page, username) {
  await page.locator('[data-team-link]').click();
  await page.getByRole('heading', { name: 'Sign in to your team' }).waitFor();
  await page.locator('#team-username').fill(username);
  await page.locator('#team-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.text(page.locator('[data-signed-in]'), new RegExp(`\\(${username}, `));
}

/**
 * Registers a team browser test's hooks (useServedBrowser): before all, a team server with `people`
 * ({ name: role }) in team North, then `seed(server)` if given, and a browser; after each test, its
 * pages closed and checked for problems; after all, both stopped, then `cleanup()` if given.
 * `serverOptions()`, if given, answers the options of startTeamServer. `open(path)` gives a fresh
 * browser (its own IndexedDB and cookies) at the server, with the fake speech unless told otherwise.
 */
export function useTeamBrowser(people, { seed, serverOptions, cleanup } = {}) {
  return useServedBrowser(async () => startTeamServer(await serverOptions?.()), {
    async prepare(server) {
      if (Object.keys(people).length) await server.team('North', people);
      await seed?.(server);
    },
    pageOptions: { fakeSpeech: true },
    cleanup,
  });
}
