// The full load test: `npx tsx tests/server/load/run-load.ts [embedded|postgresql]`.
// 200 trainees x 20 turns over 60 s by default (LOAD_TRAINEES, LOAD_TURNS, LOAD_SECONDS; LOAD_DRAIN: seconds the outboxes get to drain after the run, 120), server
// killed and restarted at 40 % of the run (LOAD_KILL_AT=0.4; 'none' for the steady state). PostgreSQL from DATABASE_URL, else a throwaway cluster.
import { freshPostgresUrl, stopDatabases } from '../databases.ts';
import { runLoad } from './load-test.ts';

const kinds = process.argv[2] ? [process.argv[2]] : ['embedded', 'postgresql'];
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
try {
  for (const kind of kinds) {
    const report = await runLoad({
      trainees: num('LOAD_TRAINEES', 200),
      turns: num('LOAD_TURNS', 20),
      seconds: num('LOAD_SECONDS', 60),
      killAt: process.env.LOAD_KILL_AT === 'none' ? undefined : num('LOAD_KILL_AT', 0.4),
      drainSeconds: num('LOAD_DRAIN', 120),
      databaseUrl: kind === 'postgresql' ? await freshPostgresUrl() : undefined,
      log: (line) => console.log(`[${kind}] ${line}`),
    });
    console.log(
      `[${kind}] ${report.turnsSent} turns in ${report.seconds.toFixed(1)} s: ${report.throughput.toFixed(1)} turns/s; ` +
        `latency p50 ${report.p50.toFixed(1)} ms, p95 ${report.p95.toFixed(1)} ms, p99 ${report.p99.toFixed(1)} ms; ` +
        `CPU per turn: server ${report.serverCpuPerTurn.toFixed(2)} ms, trainees ${report.clientCpuPerTurn.toFixed(2)} ms; ` +
        `server waited for a CPU ${report.serverCpuWaitPerTurn.toFixed(2)} ms per turn; load average ${report.loadAverage.toFixed(1)}; ` +
        `${report.requests} requests; ` +
        `${report.retries} retries; stored ${report.turnsStored}, duplicates ${report.duplicates}, missing ${report.missing}`,
    );
  }
} finally {
  await stopDatabases();
}
