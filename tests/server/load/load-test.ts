// Load test for the team server: simulated trainees, each with an outbox that retries with
// backoff, send turns to a real server process on loopback; the server is killed and restarted
// in the middle; afterwards every turn must be stored exactly once. Bounded: it stops by itself
// after the run plus a drain deadline, whatever happens.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../../src/server/db/database.ts';
import { hashPassword } from '../../../src/server/auth/password.ts';
import { createSession } from '../../../src/server/auth/sessions.ts';

export interface LoadOptions {
  trainees: number;
  turns: number;
  seconds: number;
  /** PostgreSQL URL; absent = the embedded database in a temp folder. */
  databaseUrl?: string;
  /** Kill the server (SIGKILL) at this fraction of the run and start it again. */
  killAt?: number;
  /** Give up waiting for the outboxes this long after the run. */
  drainSeconds?: number;
  log?: (line: string) => void;
}

export interface LoadReport {
  database: 'embedded' | 'postgresql';
  turnsSent: number;
  turnsStored: number;
  duplicates: number;
  missing: number;
  retries: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  /**
   * CPU time per turn sent, in ms, of the server process(es) after start-up and of this process's
   * simulated trainees: what each turn costs, whatever else the machine is running.
   */
  serverCpuPerTurn: number;
  clientCpuPerTurn: number;
}

const root = resolve(import.meta.dirname, '../../..');
/** Outbox retry: start at 100 ms, double, cap at 2 s (a browser's outbox uses the same shape). */
const BACKOFF_START_MS = 100;
const BACKOFF_CAP_MS = 2000;
/** The browser outbox's deadline is 15 s; here shorter, so a hung request cannot eat the drain time. */
const REQUEST_TIMEOUT_MS = 5000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

function startServer(port: number, env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    [
      join(root, 'node_modules/tsx/dist/cli.mjs'),
      // LOAD_PROFILE=<folder>: the server writes a V8 CPU profile there when it stops.
      ...(process.env.LOAD_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LOAD_PROFILE}`] : []),
      join(root, 'src/server/main.ts'),
    ],
    {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', DIST_DIR: join(root, 'no-dist') },
      stdio: 'ignore',
    },
  );
}

async function waitHealthy(base: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not become healthy in time');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A process's CPU time so far (user + system), from /proc (Linux); 0 where that cannot be read. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

const serverPid = (pidFile: string) => Number(readFileSync(pidFile, 'utf8'));

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Accounts and sessions made directly in the database (one password hash shared: hashing is not under test). */
async function seed(env: Record<string, string>, trainees: number) {
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    const hash = await hashPassword('load-test-password', 2 ** 10);
    const cookies: string[] = [];
    for (let i = 0; i < trainees; i++) {
      const id = crypto.randomUUID();
      await database.db
        .insertInto('users')
        .values({
          id,
          username: `load-${id}`,
          display_name: `Trainee ${i}`,
          role: 'trainee',
          password_hash: hash,
          oidc_subject: null,
        })
        .execute();
      cookies.push(`verbatim_session=${await createSession(database.db, id)}`);
    }
    return cookies;
  } finally {
    await database.close();
  }
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? (() => {});
  const dataDir = options.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'verbatim-load-'));
  const env: Record<string, string> = options.databaseUrl
    ? { DATABASE_URL: options.databaseUrl }
    : { DATA_DIR: dataDir! };
  const port = await freePort();
  const pidFile = join(tmpdir(), `verbatim-load-${port}.pid`);
  env.PID_FILE = pidFile;
  const base = `http://127.0.0.1:${port}`;
  const drainMs = (options.drainSeconds ?? 120) * 1000;
  const cookies = await seed(env, options.trainees);
  startServer(port, env);
  try {
    await waitHealthy(base, Date.now() + drainMs);
    log(`server up; ${options.trainees} trainees x ${options.turns} turns over ${options.seconds} s`);
    let serverCpu = -cpuMs(serverPid(pidFile));
    const clientCpu = process.cpuUsage();
    const latencies: number[] = [];
    let retries = 0;
    let sent = 0;
    const attemptIds = cookies.map(() => crypto.randomUUID());
    const started = Date.now();
    const hardStop = started + options.seconds * 1000 + drainMs;

    /** PUT with retries until stored (or the hard stop): the outbox's contract. */
    const send = async (cookie: string, path: string, body: unknown, timed: boolean) => {
      let wait = BACKOFF_START_MS;
      while (Date.now() < hardStop) {
        const t0 = performance.now();
        const response = await fetch(`${base}${path}`, {
          method: 'PUT',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify(body),
          // A request to a server killed mid-answer can hang on its socket: the outbox gives up and retries.
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        }).catch(() => null);
        if (response?.ok) {
          await response.arrayBuffer();
          if (timed) latencies.push(performance.now() - t0);
          return;
        }
        if (response && response.status < 500)
          throw new Error(`${path}: ${response.status} ${await response.text()}`);
        retries++;
        await new Promise((r) => setTimeout(r, wait * (0.5 + Math.random())));
        wait = Math.min(wait * 2, BACKOFF_CAP_MS);
      }
      throw new Error(`${path}: not stored before the deadline`);
    };

    const spacing = (options.seconds * 1000) / options.turns;
    const killer =
      options.killAt === undefined
        ? Promise.resolve()
        : (async () => {
            await new Promise((r) => setTimeout(r, options.seconds * 1000 * options.killAt!));
            log('killing the server (SIGKILL)');
            // The pid the server wrote itself: the process spawned here may be a launcher.
            const pid = Number(readFileSync(pidFile, 'utf8'));
            serverCpu += cpuMs(pid);
            process.kill(pid, 'SIGKILL');
            while (alive(pid)) await new Promise((r) => setTimeout(r, 20));
            const stillUp = await fetch(`${base}/api/health`).then(
              async (r) => `${r.status} ${await r.text()}`,
              (e: Error) => `refused ${e.message}`,
            );
            log(`server killed; health ${stillUp}`);
            // Stay down for one turn's interval, so every trainee's outbox meets the outage.
            await new Promise((r) => setTimeout(r, spacing));
            startServer(port, env);
            await waitHealthy(base, hardStop);
            serverCpu -= cpuMs(serverPid(pidFile));
            log(`server back after ${((Date.now() - started) / 1000).toFixed(1)} s`);
          })();

    const trainees = cookies.map(async (cookie, i) => {
      const id = attemptIds[i]!;
      // Start spread over the first turn's interval, as a room of trainees would.
      await new Promise((r) => setTimeout(r, Math.random() * spacing));
      await send(
        cookie,
        `/api/attempts/${id}`,
        {
          packId: 'cms-core',
          packVersion: '1',
          scenarioId: 'load',
          scenarioTitle: 'Load',
          mode: 'practice',
          startedAt: new Date().toISOString(),
        },
        false,
      );
      for (let t = 0; t < options.turns; t++) {
        const due = Date.now() + spacing;
        sent++;
        await send(
          cookie,
          `/api/attempts/${id}/turns/${t}`,
          { text: `turn ${t} of trainee ${i}`, source: 'typed', at: new Date().toISOString() },
          true,
        );
        await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      }
    });
    await Promise.all([...trainees, killer]);
    const seconds = (Date.now() - started) / 1000;

    const pid = Number(readFileSync(pidFile, 'utf8'));
    serverCpu += cpuMs(pid);
    const { user, system } = process.cpuUsage(clientCpu);
    process.kill(pid, 'SIGTERM');
    while (alive(pid)) await new Promise((r) => setTimeout(r, 20));
    const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      const rows = await sql<{ attempt_id: string; n: number; distinct_idx: number; max_idx: number }>`
        select attempt_id, count(*)::int as n, count(distinct idx)::int as distinct_idx, max(idx)::int as max_idx
        from turns where attempt_id = any(${attemptIds}::uuid[]) group by attempt_id`.execute(database.db);
      const stored = rows.rows.reduce((sum, r) => sum + r.n, 0);
      const duplicates = rows.rows.reduce((sum, r) => sum + (r.n - r.distinct_idx), 0);
      const expected = options.trainees * options.turns;
      const sorted = [...latencies].sort((a, b) => a - b);
      return {
        database: options.databaseUrl ? 'postgresql' : 'embedded',
        turnsSent: sent,
        turnsStored: stored,
        duplicates,
        missing: expected - (stored - duplicates),
        retries,
        seconds,
        throughput: sent / seconds,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        serverCpuPerTurn: serverCpu / sent,
        clientCpuPerTurn: (user + system) / 1000 / sent,
      };
    } finally {
      await database.close();
    }
  } finally {
    if (existsSync(pidFile) && alive(Number(readFileSync(pidFile, 'utf8'))))
      process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
    rmSync(pidFile, { force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
