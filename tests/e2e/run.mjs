// Runs every tests/e2e/*.e2e.mjs with node:test, one file at a time (one Chromium at a time on
// two cores). Extra arguments are passed on, e.g. `node tests/e2e/run.mjs --test-name-pattern=axe`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2).filter((a) => a.endsWith('.e2e.mjs'));
const flags = process.argv.slice(2).filter((a) => !a.endsWith('.e2e.mjs'));
const files = only.length
  ? only
  : readdirSync(dir)
      .filter((f) => f.endsWith('.e2e.mjs'))
      .sort()
      .map((f) => join(dir, f));
if (files.length === 0) {
  console.log('no browser tests found');
  process.exit(0);
}
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...flags, ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
