// The first page's JavaScript budget: at most 80 KB gzipped. Counts every script the browser
// fetches for #/ (entry, preloads and the chunks it loads lazily), gzipped as a server would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { useBrowser } from './harness.mjs';
import { signIn } from './practice-helpers.mjs';

const BUDGET = 80 * 1024;

const app = useBrowser();

async function scriptsFor(run) {
  const page = await app.open(null, { fakeSpeech: true });
  const scripts = new Map();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body().catch(() => null);
    if (body) scripts.set(new URL(response.url()).pathname, gzipSync(body, { level: 9 }).length);
  });
  await run(page);
  await page.waitForLoadState('networkidle');
  return scripts;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const total = (m) => [...m.values()].reduce((a, b) => a + b, 0);

test('the first page loads at most 80 KB of gzipped JavaScript', async (t) => {
  // A returning trainee: the start page lists the scenarios, so it loads the packs too.
  const firstVisit = await scriptsFor(async (page) => {
    await page.goto(app.url);
    await page.locator('h1').first().waitFor();
  });
  const withScenarios = await scriptsFor(async (page) => {
    await page.goto(app.url);
    await signIn(page);
  });
  t.diagnostic(`first page, no trainee yet: ${kb(total(firstVisit))} gzipped in ${firstVisit.size} files`);
  t.diagnostic(
    `first page listing the scenarios: ${kb(total(withScenarios))} gzipped in ${withScenarios.size} files`,
  );
  for (const [path, size] of [...withScenarios].sort((a, b) => b[1] - a[1]))
    t.diagnostic(`  ${kb(size)}  ${path}`);
  assert.ok(total(firstVisit) <= BUDGET, `first page: ${kb(total(firstVisit))}`);
  assert.ok(total(withScenarios) <= BUDGET, `first page with scenarios: ${kb(total(withScenarios))}`);
});
