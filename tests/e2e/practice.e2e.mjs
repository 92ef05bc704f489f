// A practice call in the built app: resuming after a reload, dead air, assessment mode, the
// content note and leaving, the drill, accessibility, and the speech-to-feedback time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expect, useBrowser } from './harness.mjs';
import {
  answerTyped,
  answerVoice,
  expectDebrief,
  openScenario,
  signIn,
  startCall,
  turnCount,
  useVoice,
} from './practice-helpers.mjs';
import { calls } from './role-plays.mjs';

const app = useBrowser();

// Final speech result to feedback on screen: the target is 50 ms (reported by the test below). Only
// a hundred times that fails, as a pathological regression: with one core kept busy and a load
// average of 22 on two cores (npm run test:stress), the worst turn took 793 ms.
const FEEDBACK_TARGET_MS = 50;
const FEEDBACK_PATHOLOGICAL_MS = 5000;

const good = calls.find((c) => c.kind === 'good');
const critical = calls.find((c) => c.kind === 'critical');
const timed = calls.find((c) => c.scenario === 'first-contact' && c.kind === 'good');

test('an empty answer is said next to the answer box, which the error then describes, until an answer is sent', async () => {
  const page = await app.open('', { fakeSpeech: true });
  await signIn(page);
  await openScenario(page, good.scenario);
  await startCall(page);
  const box = page.getByRole('textbox', { name: 'Type what you would say' });
  const error = page.locator('#answer-error');
  await expect.count(page.locator('#answer[aria-describedby]'), 0, { message: 'nothing describes the box' });
  await box.press('Enter');
  await expect.text(error, /Error:\s*Type your answer, or answer by voice/);
  await expect.attribute(box, 'aria-describedby', 'answer-error');
  await expect.attribute(box, 'class', /govuk-textarea--error/);
  await expect.noAxe(page, 'call page, empty answer');
  await answerTyped(page, good.turns[0]);
  await expect.count(error, 0, { message: 'the error gone once an answer is sent' });
  await expect.count(page.locator('#answer[aria-describedby]'), 0, {
    message: 'nothing describes the box again',
  });
});

test('a reload mid-call offers to resume it, and the call carries on with nothing lost', async () => {
  const page = await app.open('', { fakeSpeech: true });
  await signIn(page);
  await openScenario(page, good.scenario);
  await startCall(page);
  await answerTyped(page, good.turns[0]);
  await page.reload();
  await page.getByRole('heading', { name: /You have an unfinished call/ }).waitFor();
  await expect.text(page.locator('main'), /answered\s+1\s+time/);
  await page.getByRole('button', { name: 'Carry on with this call' }).click();
  await page.locator('#answer').waitFor();
  await expect.count(page.locator('.app-transcript__line[data-speaker="trainee"]'), 1, {
    message: 'the answer given before the reload',
  });
  for (const turn of good.turns.slice(1)) await answerTyped(page, turn);
  await expectDebrief(page, good.expect);
});

test('two tabs on one call never corrupt it: the second to answer follows what the first saved', async () => {
  const context = await app.newContext();
  const tabA = await app.open('', { fakeSpeech: true, context });
  await signIn(tabA);
  await openScenario(tabA, good.scenario);
  await startCall(tabA);
  await answerTyped(tabA, good.turns[0]);
  const tabB = await app.open(`#/practise/${good.scenario}`, { fakeSpeech: true, context });
  await tabB.getByRole('button', { name: 'Carry on with this call' }).click();
  await tabB.locator('#answer').waitFor();
  // Tab B answers first; tab A, still showing the old state, then answers the same turn.
  await answerTyped(tabB, good.turns[1]);
  await tabA.locator('#answer').fill('a different answer from tab A');
  await tabA.locator('#answer').press('Enter');
  await tabA.getByText(/continued in another tab/).waitFor();
  const transcript = tabA.locator('.app-transcript');
  await expect.text(transcript, good.turns[1], { content: true, message: 'tab A to show what tab B saved' });
  await expect.noText(transcript, 'a different answer from tab A', {
    content: true,
    message: 'tab A not to show its own clashing turn',
  });
  // which is handed back (the box is refilled just after the notice appears)
  await expect.eventually(
    async () => assert.equal(await tabA.locator('#answer').inputValue(), 'a different answer from tab A'),
    { message: "tab A's clashing answer to be handed back in the answer box" },
  );
  const saved = await tabA.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('verbatim');
        open.onsuccess = () => {
          const req = open.result.transaction('attempts').objectStore('attempts').getAll();
          req.onsuccess = () => resolve(req.result.map((r) => r.turns.map((t) => t.text)));
        };
      }),
  );
  assert.deepEqual(saved, [good.turns.slice(0, 2)]);
});

test('a critical error ends the call at its ending and is listed in the debrief', async () => {
  const page = await app.open('', { fakeSpeech: true });
  await signIn(page);
  await openScenario(page, critical.scenario);
  await startCall(page);
  for (const turn of critical.turns) await answerTyped(page, turn);
  await expectDebrief(page, critical.expect);
  await expect.atLeast(page.locator('[data-critical-errors] li'), 1);
});

test('axe finds no violations on the start page, a call in progress and its debrief', async () => {
  const page = await app.open('', { fakeSpeech: true });
  await page.locator('h1').waitFor();
  await expect.noAxe(page, 'the start page');
  await signIn(page);
  await expect.noAxe(page, 'the scenario list');
  await openScenario(page, good.scenario);
  await page.getByRole('heading', { name: 'What will be judged' }).waitFor();
  await expect.noAxe(page, 'the briefing');
  await startCall(page);
  await useVoice(page);
  await answerTyped(page, good.turns[0]);
  await expect.noAxe(page, 'a call');
  for (const turn of good.turns.slice(1)) await answerTyped(page, turn);
  await expectDebrief(page, good.expect);
  await expect.noAxe(page, 'the debrief');
});

test('from a final speech result to its feedback on screen: the time is reported', async (t) => {
  const page = await app.open('', { fakeSpeech: true });
  await signIn(page);
  // First contact: the longest statements, so the heaviest scoring.
  await openScenario(page, timed.scenario);
  await startCall(page);
  await useVoice(page);
  const samples = [];
  for (const turn of timed.turns) {
    const index = await turnCount(page);
    await page.getByRole('button', { name: 'Speak' }).click();
    const timing = await page.evaluate(
      async ([text, i]) => {
        const shown = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (document.querySelector(`[data-feedback-turn="${i}"]`)) {
              observer.disconnect();
              resolve(performance.now());
            }
          });
          observer.observe(document.body, { childList: true, subtree: true });
        });
        await window.__fakeSpeech.say(text);
        const inDom = await shown;
        await new Promise((r) => requestAnimationFrame(() => r()));
        const painted = performance.now();
        return {
          dom: inDom - window.__fakeSpeech.lastFinalAt,
          frame: painted - window.__fakeSpeech.lastFinalAt,
        };
      },
      [turn, index],
    );
    samples.push(timing);
  }
  const worst = Math.max(...samples.map((s) => s.dom));
  const worstFrame = Math.max(...samples.map((s) => s.frame));
  t.diagnostic(
    `final result -> feedback in DOM: worst ${worst.toFixed(1)} ms, next frame ${worstFrame.toFixed(1)} ms over ${samples.length} turns (target ${FEEDBACK_TARGET_MS} ms)`,
  );
  assert.ok(worst < FEEDBACK_PATHOLOGICAL_MS, `feedback took ${worst} ms`);
});

test('silence makes the caller react; the silence timer can be paused and switched off', async () => {
  const page = await app.open(null, { fakeSpeech: true, deadAir: true });
  await page.clock.install();
  await page.goto(app.url);
  await signIn(page);
  await openScenario(page, good.scenario);
  await startCall(page);
  const caption = page.locator('.app-caption');
  const captionOtherThan = (earlier, message) =>
    expect.eventually(
      async () => {
        const now = ((await caption.textContent()) ?? '').trim();
        assert.ok(now !== earlier && now !== '…', `the caption is ${JSON.stringify(now)}`);
        return now;
      },
      { message },
    );
  const firstLine = await captionOtherThan('', "the caller's opening line");
  await page.getByRole('button', { name: 'Pause the silence timer' }).click();
  await page.getByRole('button', { name: 'Resume the silence timer' }).waitFor();
  await page.clock.runFor(120_000);
  await expect.text(caption, firstLine, { message: 'no dead air while paused' });
  await page.getByRole('button', { name: 'Resume the silence timer' }).click();
  await page.getByRole('button', { name: 'Pause the silence timer' }).waitFor();
  await page.clock.runFor(10_000);
  const reaction = await captionOtherThan(firstLine, 'the caller to react to the silence');
  // Switched off in the settings: no more dead air at all.
  await page.getByText('Caller voice, listening and timing settings').click();
  await page.locator('#dead-air').uncheck();
  await page.clock.runFor(600_000);
  await expect.text(caption, reaction, { message: 'no dead air once switched off' });
  await expect.count(page.locator('#answer'), 1, { message: 'the call to be still going' });
});

test('assessment mode holds all feedback until the debrief', async () => {
  const withStatements = calls.find((c) => c.scenario === 'first-contact' && c.kind === 'good');
  const page = await app.open('', { fakeSpeech: true });
  await signIn(page);
  await openScenario(page, withStatements.scenario);
  await startCall(page, { mode: 'assessment' });
  await answerTyped(page, withStatements.turns[0]);
  await expect.text(page.locator('main'), /feedback comes at the end/);
  await expect.count(page.getByRole('heading', { name: 'Feedback on your last answer' }), 0);
  await expect.count(page.locator('.app-diff'), 0, { message: 'no diff during the call' });
  for (const turn of withStatements.turns.slice(1)) await answerTyped(page, turn);
  await expectDebrief(page, withStatements.expect);
  await expect.atLeast(page.locator('.app-diff'), 1, { message: 'the debrief to show the diffs' });
});

test('the suicide-threat scenario opens with a content note, can be left at any time and offers support', async () => {
  const page = await app.open('', { fakeSpeech: true });
  await signIn(page);
  await openScenario(page, 'suicide-threat');
  await page.getByRole('heading', { name: /Before you start/ }).waitFor();
  await expect.text(page.locator('.govuk-warning-text'), /Content note/);
  await page.getByRole('button', { name: 'Continue to the call' }).click();
  await startCall(page);
  await page.getByRole('button', { name: 'Leave call' }).click();
  await page.getByRole('heading', { name: /You left the call/ }).waitFor();
  await expect.text(page.locator('main'), /Support for you/);
  await expect.focus(page, 'h1', { message: 'focus to move to the new heading' });
  await page.goto(app.url + '#/');
  await page.getByRole('heading', { name: 'Scenarios' }).waitFor();
});

test('the trainee is remembered, and each scenario shows their last result', async () => {
  const page = await app.open('', { fakeSpeech: true });
  await signIn(page, 'Remembered Person');
  await openScenario(page, critical.scenario);
  await startCall(page);
  for (const turn of critical.turns) await answerTyped(page, turn);
  await expectDebrief(page, critical.expect);
  await page.goto(app.url + '#/');
  await page.reload();
  await expect.text(page.locator('header'), /Practising as\s+Remembered Person/);
  // The list loads after the page: wait for the result, not for the heading.
  await expect.text(page.locator('main'), /Not passed/, {
    message: `the start page to show the last result of ${critical.scenario}`,
  });
});

test('a call can be done by keyboard alone, and route changes move focus to the heading', async () => {
  const page = await app.open('', { fakeSpeech: true });
  await signIn(page);
  await page.keyboard.press('Tab');
  const link = page.locator(`a[href="#/practise/cms-core/${good.scenario}"]`);
  await link.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'What will be judged' }).waitFor();
  await expect.focus(page, 'h1', { message: 'focus on the briefing heading' });
  await page.locator('#mode-practice').focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Start the call' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('#answer').waitFor();
  await expect.focus(page, '#answer', { message: 'the answer box to take focus' });
  await page.keyboard.type(good.turns[0]);
  await page.keyboard.press('Enter');
  await page.locator('[data-feedback-turn="0"]').first().waitFor();
  // Voice by the shortcut, which never clashes with typing.
  await page.keyboard.press('Alt+KeyM');
  await page.getByRole('button', { name: /^Use voice with/ }).focus();
  await page.keyboard.press('Enter');
  await answerVoice(page, good.turns[1], { shortcut: true });
});

test('the statement drill fades the text and shows the diff after each try', async () => {
  const page = await app.open('#/drill', { fakeSpeech: true });
  await page.getByRole('heading', { name: 'Statement drill' }).waitFor();
  await page.getByRole('link', { name: 'Call recording notice' }).click();
  await page.locator('[data-drill-stage="0"]').waitFor();
  const wording = await expect.text(page.locator('.app-drill__text'), /\w/, { content: true });
  await page.locator('#answer').fill(wording.trim());
  await page.locator('#answer').press('Enter');
  await page.locator('[data-drill-stage="1"]').waitFor();
  await expect.atLeast(page.locator('.app-drill__hidden'), 1, { message: 'some words to be hidden' });
  await page.locator('#answer').fill('this call is recorded');
  await page.locator('#answer').press('Enter');
  await page.getByRole('heading', { name: 'Try 2' }).waitFor();
  await expect.atLeast(page.locator('.app-diff del'), 1, { message: 'missing words struck through' });
  await expect.noAxe(page, 'the drill');
});
