// Voice answers through the fake recogniser: the cloud notice, on-device preference, the "not set
// up" message, and every recogniser error, each with a plain message and typing still working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expect, useBrowser } from './harness.mjs';
import { answerTyped, answerVoice, openScenario, signIn, startCall, useVoice } from './practice-helpers.mjs';

export const SCENARIO = 'first-contact';

const app = useBrowser();

const expectOnDevice = (page) =>
  expect.inPage(page, () => window.__fakeSpeech.options?.processLocally, undefined, true, {
    message: 'recognition on this computer',
  });
const traineeLines = (page) => page.locator('.app-transcript__line[data-speaker="trainee"]');

async function inCall(fakeSpeech = true) {
  const page = await app.open('', { fakeSpeech });
  await signIn(page);
  await openScenario(page, SCENARIO);
  await startCall(page);
  return page;
}

test('voice answers in the cloud are explained first, and typing can be kept instead', async () => {
  const page = await inCall();
  await page.getByRole('button', { name: 'Answer by voice' }).click();
  const notice = page.getByRole('region', { name: 'Before you answer by voice' });
  await expect.text(notice, /sent to Google/, { content: true });
  await page.getByRole('button', { name: 'Keep typing instead' }).click();
  await notice.waitFor({ state: 'detached' });
  await expect.count(page.getByRole('button', { name: 'Speak' }), 0, { message: 'no Speak button' });
  await expect.inPage(page, () => window.__fakeSpeech.starts, undefined, 0, {
    message: 'no audio captured before consent',
  });
  await page.getByRole('button', { name: 'Answer by voice' }).click();
  await page.getByRole('button', { name: /^Use voice with Google/ }).click();
  await page.getByRole('button', { name: 'Speak' }).click();
  await page.evaluate(() => window.__fakeSpeech.waitForListening());
  await expect.inPage(
    page,
    () => window.__fakeSpeech.options,
    undefined,
    { lang: 'en-GB', continuous: false, interimResults: true, maxAlternatives: 5, processLocally: false },
    { message: 'the recogniser started with en-GB, interim results and five alternatives, in the cloud' },
  );
  await page.getByRole('button', { name: 'Stop and send' }).click();
});

test('on-device recognition is used without a cloud notice when the browser has it', async () => {
  const page = await inCall({ localAvailable: 'available' });
  await page.getByRole('button', { name: 'Answer by voice' }).click();
  await page.getByRole('button', { name: 'Speak' }).click();
  await page.evaluate(() => window.__fakeSpeech.waitForListening());
  await expectOnDevice(page);
});

test('the on-device recogniser can be installed from the notice', async () => {
  const page = await inCall();
  await page.getByRole('button', { name: 'Answer by voice' }).click();
  await page.getByRole('button', { name: 'Install speech recognition on this computer' }).click();
  await page.getByRole('button', { name: 'Speak' }).waitFor();
  await expect.inPage(page, () => window.__fakeSpeech.installed, undefined, [{ langs: ['en-GB'] }], {
    message: 'the en-GB recogniser installed on this computer',
  });
  await page.getByRole('button', { name: 'Speak' }).click();
  await page.evaluate(() => window.__fakeSpeech.waitForListening());
  await expectOnDevice(page);
});

test('a browser with no speech recognition and no offline model says voice is not set up', async () => {
  const page = await app.open('', { fakeSpeech: true });
  await page.addInitScript(() => {
    delete window.SpeechRecognition;
    delete window.webkitSpeechRecognition;
  });
  await page.reload();
  await signIn(page);
  await openScenario(page, SCENARIO);
  await startCall(page);
  await page.getByRole('button', { name: 'Answer by voice' }).click();
  await expect.text(page.locator('[data-speech-error="not-set-up"]'), /not set up on this computer/, {
    content: true,
  });
  await answerTyped(page, 'Hello, you are through to the Child Maintenance Service.');
});

const errors = [
  ['not-allowed', /not allowed to use your microphone/, 'start'],
  ['audio-capture', /No microphone could be used/, 'mid'],
  ['no-speech', /Nothing was heard/, 'mid'],
  ['network', /speech service could not be reached/, 'mid'],
  ['aborted', /Listening stopped before/, 'mid'],
  ['service-not-allowed', /does not allow its speech service/, 'start'],
];

for (const [code, message, when] of errors) {
  test(`the ${code} error gets a plain message, typing still works and no turn is lost`, async () => {
    const page = await inCall();
    await useVoice(page);
    await answerVoice(page, 'Hello, you are through to the Child Maintenance Service.');
    const before = await traineeLines(page).count();
    if (when === 'start') {
      await page.evaluate((c) => (window.__fakeSpeech.failNextStart = c), code);
      await page.getByRole('button', { name: 'Speak' }).click();
    } else {
      await page.getByRole('button', { name: 'Speak' }).click();
      // Some words are heard, then the recogniser fails before a final result.
      await page.evaluate(async (c) => {
        await window.__fakeSpeech.hear('can I take');
        await window.__fakeSpeech.fail(c);
      }, code);
    }
    await expect.text(page.locator(`[data-speech-error="${code}"]`), message, { content: true });
    await expect.count(traineeLines(page), before, { message: 'no turn added by a failed recognition' });
    if (when === 'mid') {
      await expect.eventually(
        async () => assert.equal(await page.locator('#answer').inputValue(), 'can I take'),
        { message: 'the words heard so far kept in the answer box' },
      );
      await page.locator('#answer').fill('');
    }
    await answerTyped(page, 'Can I take your full name please?');
    await expect.count(traineeLines(page), before + 1, { message: 'the typed answer added as a turn' });
    await answerVoice(page, 'And your date of birth?');
    await expect.count(traineeLines(page), before + 2, { message: 'voice to work again after the error' });
  });
}

test('continuous listening takes answer after answer until Stop, with a listening indicator', async () => {
  const page = await inCall();
  await useVoice(page);
  await page.getByText('Caller voice, listening and timing settings').click();
  await page.locator('#continuous').check();
  await page.getByRole('button', { name: 'Speak' }).click();
  await page.getByText('Listening…').waitFor();
  const before = await traineeLines(page).count();
  await page.evaluate(() =>
    window.__fakeSpeech.say('Hello, you are through to the Child Maintenance Service.'),
  );
  await page.locator(`[data-feedback-turn="${before}"]`).first().waitFor();
  await page.evaluate(() => window.__fakeSpeech.say('Can I take your full name please?'));
  await page
    .locator(`[data-feedback-turn="${before + 1}"]`)
    .first()
    .waitFor();
  await expect.attribute(page.getByRole('button', { name: 'Stop and send' }), 'aria-pressed', 'true');
  await page.getByRole('button', { name: 'Stop and send' }).click();
  await page.getByText('Not listening').waitFor();
  await expect.inPage(page, () => window.__fakeSpeech.starts, undefined, 1, {
    message: 'one listening session for both answers',
  });
});
