import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { databaseKinds, openTestDatabase } from './databases.ts';
import { useTestDatabases } from './use-databases.ts';

useTestDatabases();

const policy = "default-src 'self'; script-src 'self'; connect-src 'self'";

function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-dist-'));
  writeFileSync(
    join(dir, 'index.html'),
    `<html><head><meta http-equiv="Content-Security-Policy" content="${policy}" /></head><body>app</body></html>`,
  );
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'vosk.worker-x1.js'), 'console.log(2)');
  return dir;
}

describe.each(databaseKinds)('team server (%s)', (kind) => {
  it('answers /api/health with the database it uses', async () => {
    const database = await openTestDatabase(kind);
    const app = await buildApp({ database });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok', database: kind });
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('serves the built app with its Content-Security-Policy as a header', async () => {
    const dist = fakeDist();
    const database = await openTestDatabase(kind);
    const app = await buildApp({ database, distDir: dist });
    try {
      const page = await app.inject({ method: 'GET', url: '/' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('app');
      expect(page.headers['content-security-policy']).toBe(`${policy}; frame-ancestors 'none'`);
      expect(page.headers['cache-control']).toBe('no-cache');
      // The app's sign-in appears only where a HEAD of the page carries the team server's mark.
      const head = await app.inject({ method: 'HEAD', url: '/' });
      expect(head.statusCode).toBe(200);
      expect(head.headers['x-verbatim-team-server']).toBe('1');
      const asset = await app.inject({ method: 'GET', url: '/assets/index-abc.js' });
      expect(asset.headers['content-security-policy']).toBe(`${policy}; frame-ancestors 'none'`);
      expect(asset.headers['cache-control']).toContain('immutable');
      const worker = await app.inject({ method: 'GET', url: '/assets/vosk.worker-x1.js' });
      expect(worker.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-eval'");
      expect((await app.inject({ method: 'GET', url: '/../package.json' })).statusCode).toBe(404);
    } finally {
      await app.close();
      await database.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
