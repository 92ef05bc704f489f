// `npm run dev`, the README's first command, as a new user meets it: Vite's dev server, not a build. The
// page must be styled under its Content-Security-Policy, and the language model must load (the dev server
// makes the same 8-bit files a build writes), so that a call runs on the hybrid matcher, not words only.
// Before dev-policy.ts and model-assets.ts's dev middleware, the page was unstyled and every call in the
// dev server ran on words only ("group1-shard1of7 could not be fetched (500)").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { expect, runAxe, formatViolations, useServedBrowser } from './harness.mjs';
import { answerTyped, openScenario, signIn, startCall } from './practice-helpers.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Far beyond what a loaded two-core machine needs: only a broken load fails (as in agree.e2e.mjs). */
const PATHOLOGICAL_LOAD_MS = 120_000;

async function startDevServer() {
  const server = await createServer({
    root,
    configFile: `${root}/vite.config.ts`,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  assert.ok(url, 'the dev server gives its address');
  return { url: url.endsWith('/') ? url : `${url}/`, close: () => server.close() };
}

const app = useServedBrowser(startDevServer);

test('the dev server shows the app styled, with no policy violation, and it passes axe', async () => {
  const page = await app.open('');
  await page.locator('#trainee-name').waitFor();
  await expect.eventually(
    async () => {
      const background = await page
        .locator('header')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the GOV.UK header has its dark background');
    },
    { message: "the app's styles to apply in the dev server" },
  );
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], formatViolations(violations));
});

test('in the dev server a call loads the language model and understands own words', async () => {
  const page = await app.open('', { languageModel: true });
  await signIn(page);
  await openScenario(page, 'suicide-threat');
  const note = page.getByRole('button', { name: 'Continue to the call' });
  const judged = page.getByRole('heading', { name: 'What will be judged' });
  await note.or(judged).first().waitFor();
  if (await note.isVisible()) await note.click();
  const status = page.locator('[data-understanding]');
  await page
    .locator('[data-understanding="ready"], [data-understanding="failed"]')
    .waitFor({ timeout: PATHOLOGICAL_LOAD_MS });
  assert.equal(
    await status.getAttribute('data-understanding'),
    'ready',
    `the model loads in the dev server (${await status.innerText()})`,
  );
  await startCall(page);
  await answerTyped(
    page,
    "I'm really sorry you're feeling like this. Can I ask, are you having thoughts of suicide?",
  );
  await expect.text(page.locator('[data-feedback-turn="0"]').first(), /Understood as:\s*ask directly/);
  assert.equal(await page.locator('[data-matcher="words only"]').count(), 0, 'the call is not on words only');
});
