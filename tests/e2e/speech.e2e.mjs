// Voice answers through the fake recogniser: the cloud notice, on-device preference, the "not set
// up" message, and every recogniser error, each with a plain message and typing still working.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, launchBrowser, newPage, startServer } from './harness.mjs';
import {
  answerTyped,
  answerVoice,
  openScenario,
  signIn,
  startCall,
  turnCount,
  useVoice,
} from './practice-helpers.mjs';

export const SCENARIO = 'first-contact';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function inCall(fakeSpeech = true) {
  const page = await newPage(browser, server.url, { fakeSpeech });
  await signIn(page);
  await openScenario(page, SCENARIO);
  await startCall(page);
  return page;
}

test('voice answers in the cloud are explained first, and typing can be kept instead', async () => {
  const page = await inCall();
  await page.getByRole('button', { name: 'Answer by voice' }).click();
  const notice = page.getByRole('region', { name: 'Before you answer by voice' });
  await notice.waitFor();
  assert.match((await notice.textContent()) ?? '', /sent to Google/);
  await page.getByRole('button', { name: 'Keep typing instead' }).click();
  assert.equal(await page.getByRole('button', { name: 'Speak' }).count(), 0);
  assert.equal(
    await page.evaluate(() => window.__fakeSpeech.starts),
    0,
    'no audio was captured before consent',
  );
  await page.getByRole('button', { name: 'Answer by voice' }).click();
  await page.getByRole('button', { name: /^Use voice with Google/ }).click();
  await page.getByRole('button', { name: 'Speak' }).click();
  await page.evaluate(() => window.__fakeSpeech.waitForListening());
  const options = await page.evaluate(() => window.__fakeSpeech.options);
  assert.deepEqual(options, {
    lang: 'en-GB',
    continuous: false,
    interimResults: true,
    maxAlternatives: 5,
    processLocally: false,
  });
  await page.getByRole('button', { name: 'Stop and send' }).click();
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

test('on-device recognition is used without a cloud notice when the browser has it', async () => {
  const page = await inCall({ localAvailable: 'available' });
  await page.getByRole('button', { name: 'Answer by voice' }).click();
  await page.getByRole('button', { name: 'Speak' }).click();
  await page.evaluate(() => window.__fakeSpeech.waitForListening());
  assert.equal((await page.evaluate(() => window.__fakeSpeech.options)).processLocally, true);
  await closePage(page);
});

test('the on-device recogniser can be installed from the notice', async () => {
  const page = await inCall();
  await page.getByRole('button', { name: 'Answer by voice' }).click();
  await page.getByRole('button', { name: 'Install speech recognition on this computer' }).click();
  await page.getByRole('button', { name: 'Speak' }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.__fakeSpeech.installed), [{ langs: ['en-GB'] }]);
  await page.getByRole('button', { name: 'Speak' }).click();
  await page.evaluate(() => window.__fakeSpeech.waitForListening());
  assert.equal((await page.evaluate(() => window.__fakeSpeech.options)).processLocally, true);
  await closePage(page);
});

test('a browser with no speech recognition and no offline model says voice is not set up', async () => {
  const page = await newPage(browser, server.url, { fakeSpeech: true });
  await page.addInitScript(() => {
    delete window.SpeechRecognition;
    delete window.webkitSpeechRecognition;
  });
  await page.reload();
  await signIn(page);
  await openScenario(page, SCENARIO);
  await startCall(page);
  await page.getByRole('button', { name: 'Answer by voice' }).click();
  const error = page.locator('[data-speech-error="not-set-up"]');
  await error.waitFor();
  assert.match((await error.textContent()) ?? '', /not set up on this computer/);
  await answerTyped(page, 'Hello, you are through to the Child Maintenance Service.');
  assert.deepEqual(page.problems, []);
  await closePage(page);
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
    const before = await turnCount(page);
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
    const error = page.locator(`[data-speech-error="${code}"]`);
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', message);
    assert.equal(await turnCount(page), before, 'a failed recognition adds no turn');
    if (when === 'mid') {
      assert.equal(await page.locator('#answer').inputValue(), 'can I take', 'words heard so far are kept');
      await page.locator('#answer').fill('');
    }
    await answerTyped(page, 'Can I take your full name please?');
    assert.equal(await turnCount(page), before + 1);
    await answerVoice(page, 'And your date of birth?');
    assert.equal(await turnCount(page), before + 2, 'voice works again after the error');
    assert.deepEqual(page.problems, []);
    await closePage(page);
  });
}

test('continuous listening takes answer after answer until Stop, with a listening indicator', async () => {
  const page = await inCall();
  await useVoice(page);
  await page.getByText('Caller voice, listening and timing settings').click();
  await page.locator('#continuous').check();
  await page.getByRole('button', { name: 'Speak' }).click();
  await page.getByText('Listening…').waitFor();
  const before = await turnCount(page);
  await page.evaluate(() =>
    window.__fakeSpeech.say('Hello, you are through to the Child Maintenance Service.'),
  );
  await page.locator(`[data-feedback-turn="${before}"]`).first().waitFor();
  await page.evaluate(() => window.__fakeSpeech.say('Can I take your full name please?'));
  await page
    .locator(`[data-feedback-turn="${before + 1}"]`)
    .first()
    .waitFor();
  assert.equal(
    await page.getByRole('button', { name: 'Stop and send' }).getAttribute('aria-pressed'),
    'true',
  );
  await page.getByRole('button', { name: 'Stop and send' }).click();
  await page.getByText('Not listening').waitFor();
  assert.equal(
    await page.evaluate(() => window.__fakeSpeech.starts),
    1,
    'one listening session for both answers',
  );
  await closePage(page);
});
