// The four required role-plays, end to end in the built app: once typed, once spoken through the
// fake recogniser (interim results word by word, then the final result). Also the other endings
// that matter: a critical error in each kind, and the first-contact statements in full.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expect, useBrowser } from './harness.mjs';
import { expectDebrief, openScenario, playTurns, signIn, startCall, useVoice } from './practice-helpers.mjs';
import { calls, required } from './role-plays.mjs';

const app = useBrowser();

async function play(call, { voice }) {
  const page = await app.open('', { fakeSpeech: true });
  await signIn(page);
  await openScenario(page, call.scenario);
  await startCall(page);
  if (voice) await useVoice(page);
  await playTurns(page, call.turns, { voice });
  await expectDebrief(page, call.expect);
  return page;
}

for (const scenario of required) {
  const call = calls.find((c) => c.scenario === scenario && c.kind === 'good');
  for (const voice of [false, true]) {
    test(`${scenario}: ${call.description}, ${voice ? 'by voice' : 'typed'}`, async () => {
      const page = await play(call, { voice });
      if (voice) {
        await expect.eventually(
          async () => {
            const spoken = await page.evaluate(() => window.__fakeSpeech.spoken.map((s) => s.lang));
            assert.ok(spoken.length > 0 && spoken.every((l) => l === 'en-GB'), spoken.join());
          },
          { message: 'the caller to speak in en-GB' },
        );
      }
    });
  }
}

for (const call of calls.filter((c) => !(required.includes(c.scenario) && c.kind === 'good'))) {
  test(`${call.scenario}: ${call.description}`, async () => {
    await play(call, { voice: false });
  });
}
