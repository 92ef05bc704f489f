// The offline polyfill for browsers with no SpeechRecognition: a build that points at a model
// (VITE_VOSK_MODEL_URL) downloads it with progress, runs the real Vosk worker and WebAssembly
// under the Content-Security-Policy, and says plainly when the model cannot be used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { build } from 'vite';
import { expect, useBrowser } from './harness.mjs';
import { openScenario, signIn, startCall } from './practice-helpers.mjs';
import { calls } from './role-plays.mjs';

let dir;
/** Builds the app into a folder of its own, pointing at a model that is not a real one. */
async function buildWithModel() {
  dir = await mkdtemp(join(tmpdir(), 'verbatim-vosk-'));
  process.env.VITE_VOSK_MODEL_URL = './models/vosk-model-en.tar.gz';
  try {
    await build({ logLevel: 'silent', build: { outDir: dir, emptyOutDir: true } });
  } finally {
    delete process.env.VITE_VOSK_MODEL_URL;
  }
  // Not a real model: large enough to show progress, and not an archive the worker can unpack.
  await mkdir(join(dir, 'models'));
  await writeFile(join(dir, 'models', 'vosk-model-en.tar.gz'), gzipSync(randomBytes(3 * 1024 * 1024)));
  return dir;
}
const app = useBrowser({
  dir: buildWithModel,
  cleanup: async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  },
});

test('with no SpeechRecognition, the offline model loads with progress in the Vosk worker, and a bad model is reported plainly', async () => {
  // The worker's own report of the broken archive is the only problem expected: no CSP violation, no crash.
  const page = await app.open(null, { fakeSpeech: true, allow: [/Unrecognized archive format/] });
  await page.addInitScript(() => {
    delete window.SpeechRecognition;
    delete window.webkitSpeechRecognition;
  });
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(app.url);
  await signIn(page);
  await openScenario(page, calls[0].scenario);
  await startCall(page);
  await page.getByRole('button', { name: 'Answer by voice' }).click();
  await page.getByRole('button', { name: 'Speak' }).waitFor();
  await expect.count(page.getByRole('region', { name: 'Before you answer by voice' }), 0, {
    message: 'no cloud notice',
  });
  await page.evaluate(() => {
    window.__seen = [];
    new MutationObserver(() =>
      window.__seen.push(document.querySelector('.app-listening')?.textContent ?? ''),
    ).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Speak' }).click();
  await expect.text(page.locator('[data-speech-error="load-failed"]'), /could not be loaded/, {
    content: true,
    timeout: 60_000,
  });
  const seen = await page.evaluate(() => window.__seen);
  assert.ok(
    seen.some((t) => /Loading the speech model: \d+%/.test(t)),
    `download progress was shown: ${[...new Set(seen)].join(' | ')}`,
  );
  assert.ok(
    workers.some((u) => /vosk\.worker-/.test(u)),
    'the Vosk worker ran',
  );
  await page.locator('#answer').fill('Typing still works.');
  await page.locator('#answer').press('Enter');
  await page.locator('[data-feedback-turn="0"]').first().waitFor();
});
