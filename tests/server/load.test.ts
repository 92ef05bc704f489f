// A short run of the load test in the suite (the full one: tests/server/load/run-load.ts): turns
// from several trainees' outboxes through a server killed and restarted mid-run, each stored once.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { freshPostgresUrl, stopDatabases } from './databases.ts';
import { runLoad } from './load/load-test.ts';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });
afterAll(() => stopDatabases());

describe('team server under load', () => {
  it('stores every turn exactly once through a kill and restart (PostgreSQL)', async () => {
    const report = await runLoad({
      trainees: 20,
      turns: 5,
      seconds: 10,
      killAt: 0.4,
      databaseUrl: await freshPostgresUrl(),
    });
    expect(report.turnsSent).toBe(100);
    expect(report.duplicates).toBe(0);
    expect(report.missing).toBe(0);
    expect(report.turnsStored).toBe(100);
    expect(report.retries).toBeGreaterThan(0);
  });
});
