// Feedback a trainee can trust (issue 11): a statement judged only where attempted, every verdict with
// its reason, debrief text that happened, a diff without repeated words, a briefing that teaches, a
// short debrief, and the call screen's smaller items. Every assertion waits for the state it checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expect, useBrowser } from './harness.mjs';
import {
  answerTyped,
  answerVoice,
  openScenario,
  signIn,
  startScenarioCall,
  useVoice,
} from './practice-helpers.mjs';

const app = useBrowser();
const golden = (path) => JSON.parse(readFileSync(`tests/golden/${path}`, 'utf8')).turns.map((t) => t.text);
const wording = (id) => {
  const s = JSON.parse(readFileSync(`scripts-verbatim/${id}.json`, 'utf8'));
  return s.versions.find((v) => v.id === s.defaultVersion).wording;
};
const feedback = (page) => page.locator('section[aria-labelledby="feedback-heading"]');

test('a turn that does not attempt the expected statement gets no verdict; only what was attempted is judged', async () => {
  const page = await startScenarioCall(app, 'first-contact');
  await answerTyped(page, "Hello, Child Maintenance Service, I'm Tess.");
  await expect.text(feedback(page), 'The confidentiality statement was expected here and not said.');
  await expect.noText(feedback(page), /Not acceptable|%/);
  await expect.count(feedback(page).locator('.app-diff'), 0);
  // The warning said by voice, with an unsure recogniser, where the confidentiality statement is due:
  // the warning is judged; nothing is judged as the confidentiality statement, and no mishear banner.
  await useVoice(page);
  await answerVoice(page, wording('false-information-warning'), { confidence: 0.4 });
  await expect.text(feedback(page), /False information warning: Word for word\s*100%/);
  await expect.text(feedback(page), 'The confidentiality statement was expected here and not said.');
  await expect.count(feedback(page).locator('[data-mishear]'), 0);
});

test('a verdict says why next to its score, in the same words on the call and the debrief', async () => {
  const page = await startScenarioCall(app, 'client-recording-call');
  await answerTyped(
    page,
    'I should tell you that this cold may be recorded for quality and or training purposes',
  );
  const why =
    'Not acceptable, although the 94% score is within tolerance, because the key words “call” were not said as written (scoring standard 4.1: key elements).';
  await expect.text(feedback(page), why);
  await page.getByRole('button', { name: 'Leave call' }).click();
  await page.getByRole('heading', { name: /You left the call/ }).waitFor();
});

test('the debrief leads with the outcome and its reasons, states only what happened, and folds the diffs', async () => {
  const page = await startScenarioCall(app, 'client-recording-call');
  for (const turn of golden('client-recording-call/client-records.json')) await answerTyped(page, turn);
  const panel = page.locator('[data-outcome]');
  await expect.text(panel, /Passed\s*Score \d+% \(pass mark 80%\)/);
  await expect.text(page.locator('[data-outcome-reasons]'), 'no critical error');
  await expect.text(page.locator('main'), 'How the call ended: Carried on with the call');
  await expect.noText(page.locator('main'), /subject access request|GDPR|\.txt/);
  // Diffs are folded until asked for.
  const diff = page.locator('[data-statement="call-recording-notice"] .app-diff').first();
  await expect.eventually(async () => assert.equal(await diff.isVisible(), false), {
    message: 'a folded diff',
  });
  await page.locator('[data-statement="call-recording-notice"] summary').first().click();
  await diff.waitFor({ state: 'visible' });
  await expect.noAxe(page, 'debrief');
});

test('a six-turn debrief stays short, and a call the caller hangs up on still prompts for what to do', async () => {
  const page = await startScenarioCall(app, 'bogus-caller');
  const turns = golden('bogus-caller/not-reported.json');
  for (const turn of turns.slice(0, -1)) await answerTyped(page, turn);
  await expect.text(page.locator('[data-caller-gone]'), 'The caller has hung up');
  await answerTyped(page, turns.at(-1));
  await page.locator('[data-outcome]').waitFor();
  await expect.text(page.locator('[data-outcome]'), 'Not passed');
  await expect.text(page.locator('[data-improvements]'), /./);
  const words = await expect.eventually(async () => {
    const text = await page.locator('main').innerText();
    assert.match(text, /Your answers, turn by turn/);
    return text.split(/\s+/).length;
  });
  assert.ok(words < 1500, `the debrief shows ${words} words`);
});

test('the diff shows each word said once, even "you\'re" and "£1000"', async () => {
  const page = await startScenarioCall(app, 'first-contact');
  await answerTyped(page, wording('confidentiality-statement'));
  await answerTyped(page, `That's absolutely fine, you're allowed. ${wording('false-information-warning')}`);
  const diff = feedback(page).locator('.app-diff');
  await expect.text(diff, "That's absolutely fine you're allowed");
  await expect.noText(diff, /That's That's|you're you're|£1000 £1000/);
});

test("the briefing shows each statement word for word with its source and a drill link, and only this call's never-say rules", async () => {
  const page = await app.open('', { fakeSpeech: true });
  await signIn(page);
  await openScenario(page, 'first-contact');
  const briefing = page.locator('main');
  await expect.text(briefing, 'What will be judged');
  await expect.text(
    page.locator('[data-briefing-statement="confidentiality-statement"] [data-wording]'),
    'The Child Maintenance Group collects information',
  );
  await expect.text(
    page.locator('[data-briefing-statement="false-information-warning"]'),
    /Source: CMG Procedures: client contact topics/,
  );
  const drill = page.getByRole('link', { name: 'Drill the confidentiality statement' });
  assert.equal(await drill.getAttribute('href'), '#/drill/confidentiality-statement');
  await expect.text(page.locator('[data-persona]'), /Caller\s*Aisha\s*Who they are\s*Receiving parent/);
  await expect.noText(briefing, /Never:|\.txt|commit suicide/);
  await expect.noAxe(page, 'briefing');
  await openScenario(page, 'suicide-threat');
  await page.getByRole('button', { name: 'Continue to the call' }).click();
  await expect.text(
    page.locator('[data-never-say]'),
    '“committed suicide” or “commit suicide”: Say "take their own life"',
  );
});

test('the call so far follows the newest line, and the start page shows the last result without a reload', async () => {
  const page = await startScenarioCall(app, 'bogus-caller');
  for (const turn of golden('bogus-caller/not-reported.json').slice(0, 4)) await answerTyped(page, turn);
  const log = page.locator('[data-transcript]');
  await expect.eventually(
    () =>
      log.evaluate(
        (el) => el.scrollHeight > el.clientHeight && el.scrollTop + el.clientHeight >= el.scrollHeight - 2,
      ),
    { message: 'the transcript scrolled to its newest line' },
  );
  await page.getByRole('button', { name: 'Leave call' }).click();
  await page.getByRole('heading', { name: /You left the call/ }).waitFor();
  await page.evaluate(() => (location.hash = '#/'));
  await expect.text(page.locator('main'), 'Scenarios');
  await expect.text(page.locator('main'), 'Left early');
});

test('while an answer is being typed the silence count says the caller is waiting, never "0 seconds"', async () => {
  const page = await startScenarioCall(app, 'first-contact', { deadAir: true });
  await expect.text(page.locator('#silence-label'), /the caller reacts in \d+ seconds?\./);
  await page.locator('#answer').pressSequentially('Hello');
  await expect.text(page.locator('#silence-label'), 'The caller is waiting for your answer.');
  await expect.noText(page.locator('main'), /reacts in 0 seconds|1 seconds/);
});

/** Carries on with the unfinished call offered on opening it, and waits for the answer box. */
async function carryOn(page) {
  await page.getByRole('button', { name: 'Carry on with this call' }).click();
  await page.locator('#answer').waitFor();
}

const answerIs = (page, text, message) =>
  expect.eventually(async () => assert.equal(await page.locator('#answer').inputValue(), text), { message });

test('an unsent answer is kept when the browser goes Back mid-call, and after a reload', async () => {
  const page = await startScenarioCall(app, 'bogus-caller');
  await answerTyped(page, 'Hello, Child Maintenance Service, Tess speaking.');
  const draft = 'Before we go on, I need to take you through security';
  await page.locator('#answer').pressSequentially(draft);
  await page.goBack();
  await page.getByRole('heading', { name: 'Scenarios' }).waitFor();
  await page.goForward();
  await carryOn(page);
  await answerIs(page, draft, 'the unsent answer is back in the box after Back');
  await page.reload();
  await carryOn(page);
  await answerIs(page, draft, 'the unsent answer is back in the box after a reload');
  // Sent, it is no longer kept: a reload then shows an empty box.
  await page.locator('#answer').press('Enter');
  await page.locator('[data-feedback-turn="1"]').first().waitFor();
  // Kept for the tab until its turn is saved, then let go.
  await expect.eventually(
    async () =>
      assert.deepEqual(
        await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('verbatim.draft.'))),
        [],
      ),
    { message: 'the sent answer let go once its turn was saved' },
  );
  await page.reload();
  await carryOn(page);
  await expect.text(page.locator('.app-transcript'), /take you through security/);
  await answerIs(page, '', 'nothing kept once the answer was sent');
});

test('assessment mode says each answer was recorded once, in one live region', async () => {
  const page = await startScenarioCall(app, 'bogus-caller', { mode: 'assessment' });
  await answerTyped(page, 'Hello, Child Maintenance Service, Tess speaking.');
  await expect.text(page.locator('[data-feedback-turn="0"]'), 'Answer 1 recorded.');
  await answerTyped(page, 'Before we go on, I need to take you through security.');
  await expect.text(page.locator('[data-feedback-turn="1"]'), 'Answer 2 recorded.');
  await expect.eventually(
    async () => {
      const text = await page.locator('main').innerText();
      assert.equal(text.match(/recorded/g)?.length, 1, text);
      const live = page.locator('[role="status"], [aria-live]').filter({ hasText: /recorded/ });
      assert.equal(await live.count(), 1);
    },
    { message: '"recorded" said once, by one live region' },
  );
});

test('the bogus caller answers the digits the trainee asked for', async () => {
  const page = await startScenarioCall(app, 'bogus-caller');
  await answerTyped(
    page,
    'Before we go any further I need to take you through security, can you give me the third and sixth digits of your PIN please?',
  );
  await expect.text(page.locator('.app-transcript'), /the third (one|digit) is (a )?7,? and the sixth/i, {
    message: 'the caller names the third and sixth digits, as asked',
  });
  await expect.noText(page.locator('.app-transcript'), /second (one|digit) is/i);
});
