// Load test for the team server: simulated trainees, each with the browser's attempt store and
// outbox (trainee.ts), send turns to a real server process
// on loopback; the server is killed and restarted
// in the middle; afterwards every turn must be stored exactly once. Bounded: it stops by itself
// after the run plus a drain deadline, whatever happens.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../../src/server/db/database.ts';
import { hashPassword } from '../../../src/server/auth/password.ts';
import { createSession } from '../../../src/server/auth/sessions.ts';
import { trainee, type Account, type Traffic } from './trainee.ts';
import type { TeamUser } from '../../../src/core/ports/index.ts';

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
  /** Time the server process(es) were ready to run but waited for a CPU, per turn, in ms (Linux schedstat). */
  serverCpuWaitPerTurn: number;
  /** Requests sent, retries included: with batching, fewer than turns. */
  requests: number;
  /** The machine's 1-minute load average at the end of the run (2 cores: above 2, work waits for a CPU). */
  loadAverage: number;
}

const root = resolve(import.meta.dirname, '../../..');

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

/** How long a process has waited for a CPU while ready to run, in ms (/proc/<pid>/schedstat); 0 where unknown. */
function cpuWaitMs(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return 0;
  }
}

const serverPid = (pidFile: string) => Number(readFileSync(pidFile, 'utf8'));

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Accounts and sessions made directly in the database (one password hash shared: hashing is not under test). */
async function seed(env: Record<string, string>, trainees: number): Promise<Account[]> {
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    const hash = await hashPassword('load-test-password', 2 ** 10);
    const accounts: Account[] = [];
    for (let i = 0; i < trainees; i++) {
      const id = crypto.randomUUID();
      const user: TeamUser = { id, username: `load-${id}`, displayName: `Trainee ${i}`, role: 'trainee' };
      await database.db
        .insertInto('users')
        .values({
          id: user.id,
          username: user.username,
          display_name: user.displayName,
          role: user.role,
          password_hash: hash,
          oidc_subject: null,
        })
        .execute();
      accounts.push({ user, cookie: `verbatim_session=${await createSession(database.db, user.id)}` });
    }
    return accounts;
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
  const accounts = await seed(env, options.trainees);
  startServer(port, env);
  try {
    await waitHealthy(base, Date.now() + drainMs);
    log(`server up; ${options.trainees} trainees x ${options.turns} turns over ${options.seconds} s`);
    const pid0 = serverPid(pidFile);
    let serverCpu = -cpuMs(pid0);
    let serverWait = -cpuWaitMs(pid0);
    const clientCpu = process.cpuUsage();
    const started = Date.now();
    const traffic: Traffic = {
      base,
      hardStop: started + options.seconds * 1000 + drainMs,
      latencies: [],
      retries: 0,
      turnsMade: 0,
      requests: 0,
    };
    const hardStop = traffic.hardStop;

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
            serverWait += cpuWaitMs(pid);
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
            serverWait -= cpuWaitMs(serverPid(pidFile));
            log(`server back after ${((Date.now() - started) / 1000).toFixed(1)} s`);
          })();

    const trainees = accounts.map((account) => trainee(traffic, account, options.turns, spacing));
    const [attemptIds] = await Promise.all([Promise.all(trainees), killer]);
    const seconds = (Date.now() - started) / 1000;

    const pid = Number(readFileSync(pidFile, 'utf8'));
    serverCpu += cpuMs(pid);
    serverWait += cpuWaitMs(pid);
    const loadAverage = loadavg()[0]!;
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
      const sent = traffic.turnsMade;
      const sorted = [...traffic.latencies].sort((a, b) => a - b);
      return {
        database: options.databaseUrl ? 'postgresql' : 'embedded',
        turnsSent: sent,
        turnsStored: stored,
        duplicates,
        missing: expected - (stored - duplicates),
        retries: traffic.retries,
        seconds,
        throughput: sent / seconds,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        serverCpuPerTurn: serverCpu / sent,
        clientCpuPerTurn: (user + system) / 1000 / sent,
        serverCpuWaitPerTurn: serverWait / sent,
        requests: traffic.requests,
        loadAverage,
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
