// A practice call in the built app: resuming after a reload, dead air, assessment mode, the
// content note and leaving, the drill, accessibility, and the speech-to-feedback time.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, formatViolations, launchBrowser, newPage, runAxe, startServer } from './harness.mjs';
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

const good = calls.find((c) => c.kind === 'good');
const critical = calls.find((c) => c.kind === 'critical');
const timed = calls.find((c) => c.scenario === 'first-contact' && c.kind === 'good');

test('a reload mid-call offers to resume it, and the call carries on with nothing lost', async () => {
  const page = await newPage(browser, server.url, { fakeSpeech: true });
  await signIn(page);
  await openScenario(page, good.scenario);
  await startCall(page);
  await answerTyped(page, good.turns[0]);
  await page.reload();
  await page.getByRole('heading', { name: /You have an unfinished call/ }).waitFor();
  assert.match((await page.locator('main').textContent()) ?? '', /answered\s+1\s+time/);
  await page.getByRole('button', { name: 'Carry on with this call' }).click();
  await page.locator('#answer').waitFor();
  assert.equal(await turnCount(page), 1);
  for (const turn of good.turns.slice(1)) await answerTyped(page, turn);
  await expectDebrief(page, good.expect);
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

test('two tabs on one call never corrupt it: the second to answer follows what the first saved', async () => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const tabA = await newPage(browser, server.url, { fakeSpeech: true, context });
  await signIn(tabA);
  await openScenario(tabA, good.scenario);
  await startCall(tabA);
  await answerTyped(tabA, good.turns[0]);
  const tabB = await newPage(browser, server.url + `#/practise/${good.scenario}`, {
    fakeSpeech: true,
    context,
  });
  await tabB.getByRole('button', { name: 'Carry on with this call' }).click();
  await tabB.locator('#answer').waitFor();
  // Tab B answers first; tab A, still showing the old state, then answers the same turn.
  await answerTyped(tabB, good.turns[1]);
  await tabA.locator('#answer').fill('a different answer from tab A');
  await tabA.locator('#answer').press('Enter');
  await tabA.getByText(/continued in another tab/).waitFor();
  const transcript = (await tabA.locator('.app-transcript').textContent()) ?? '';
  assert.ok(transcript.includes(good.turns[1]), 'tab A shows what tab B saved');
  assert.ok(!transcript.includes('a different answer from tab A'), 'and not its own clashing turn');
  // which is handed back (the box is refilled just after the notice appears)
  await tabA.waitForFunction(
    () => document.querySelector('#answer')?.value === 'a different answer from tab A',
    undefined,
    { timeout: 5000 },
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
  await context.close();
});

test('a critical error ends the call at its ending and is listed in the debrief', async () => {
  const page = await newPage(browser, server.url, { fakeSpeech: true });
  await signIn(page);
  await openScenario(page, critical.scenario);
  await startCall(page);
  for (const turn of critical.turns) await answerTyped(page, turn);
  await expectDebrief(page, critical.expect);
  assert.ok((await page.locator('[data-critical-errors] li').count()) >= 1);
  await closePage(page);
});

test('axe finds no violations on the start page, a call in progress and its debrief', async () => {
  const page = await newPage(browser, server.url, { fakeSpeech: true });
  await page.locator('h1').waitFor();
  let violations = await runAxe(page);
  assert.equal(violations.length, 0, formatViolations(violations));
  await signIn(page);
  violations = await runAxe(page);
  assert.equal(violations.length, 0, formatViolations(violations));
  await openScenario(page, good.scenario);
  await page.getByRole('heading', { name: 'What will be judged' }).waitFor();
  violations = await runAxe(page);
  assert.equal(violations.length, 0, 'briefing\n' + formatViolations(violations));
  await startCall(page);
  await useVoice(page);
  await answerTyped(page, good.turns[0]);
  violations = await runAxe(page);
  assert.equal(violations.length, 0, 'call\n' + formatViolations(violations));
  for (const turn of good.turns.slice(1)) await answerTyped(page, turn);
  await expectDebrief(page, good.expect);
  violations = await runAxe(page);
  assert.equal(violations.length, 0, 'debrief\n' + formatViolations(violations));
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

test('from a final speech result to its feedback on screen takes under 50 ms', async (t) => {
  const page = await newPage(browser, server.url, { fakeSpeech: true });
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
    `final result -> feedback in DOM: worst ${worst.toFixed(1)} ms, next frame ${worstFrame.toFixed(1)} ms over ${samples.length} turns`,
  );
  assert.ok(worst < 50, `feedback took ${worst} ms`);
  await closePage(page);
});

test('silence makes the caller react; the silence timer can be paused and switched off', async () => {
  const page = await newPage(browser, null, { fakeSpeech: true });
  await page.clock.install();
  await page.goto(server.url);
  await signIn(page);
  await openScenario(page, good.scenario);
  await startCall(page);
  const caption = page.locator('.app-caption');
  const firstLine = await caption.textContent();
  await page.getByRole('button', { name: 'Pause the silence timer' }).click();
  await page.clock.runFor(120_000);
  assert.equal(await caption.textContent(), firstLine, 'no dead air while paused');
  await page.getByRole('button', { name: 'Resume the silence timer' }).click();
  await page.clock.runFor(10_000);
  const reaction = await caption.textContent();
  assert.notEqual(reaction, firstLine, 'the caller reacted to the silence');
  // Switched off in the settings: no more dead air at all.
  await page.getByText('Caller voice, listening and timing settings').click();
  await page.locator('#dead-air').uncheck();
  await page.clock.runFor(600_000);
  assert.equal(await caption.textContent(), reaction, 'no dead air once switched off');
  assert.equal(await page.locator('#answer').count(), 1, 'the call is still going');
  await closePage(page);
});

test('assessment mode holds all feedback until the debrief', async () => {
  const withStatements = calls.find((c) => c.scenario === 'first-contact' && c.kind === 'good');
  const page = await newPage(browser, server.url, { fakeSpeech: true });
  await signIn(page);
  await openScenario(page, withStatements.scenario);
  await startCall(page, { mode: 'assessment' });
  await answerTyped(page, withStatements.turns[0]);
  assert.equal(await page.getByRole('heading', { name: 'Feedback on your last answer' }).count(), 0);
  assert.match((await page.locator('main').textContent()) ?? '', /feedback comes at the end/);
  assert.equal(await page.locator('.app-diff').count(), 0, 'no diff during the call');
  for (const turn of withStatements.turns.slice(1)) await answerTyped(page, turn);
  await expectDebrief(page, withStatements.expect);
  assert.ok((await page.locator('.app-diff').count()) > 0, 'the debrief shows the diffs');
  await closePage(page);
});

test('the suicide-threat scenario opens with a content note, can be left at any time and offers support', async () => {
  const page = await newPage(browser, server.url, { fakeSpeech: true });
  await signIn(page);
  await openScenario(page, 'suicide-threat');
  await page.getByRole('heading', { name: /Before you start/ }).waitFor();
  assert.match((await page.locator('.govuk-warning-text').textContent()) ?? '', /Content note/);
  await page.getByRole('button', { name: 'Continue to the call' }).click();
  await startCall(page);
  await page.getByRole('button', { name: 'Leave call' }).click();
  await page.getByRole('heading', { name: /You left the call/ }).waitFor();
  assert.match((await page.locator('main').textContent()) ?? '', /Support for you/);
  assert.equal(
    await page.evaluate(() => document.activeElement?.tagName),
    'H1',
    'focus moves to the new heading',
  );
  await page.goto(server.url + '#/');
  await page.getByRole('heading', { name: 'Scenarios' }).waitFor();
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

test('the trainee is remembered, and each scenario shows their last result', async () => {
  const page = await newPage(browser, server.url, { fakeSpeech: true });
  await signIn(page, 'Remembered Person');
  await openScenario(page, critical.scenario);
  await startCall(page);
  for (const turn of critical.turns) await answerTyped(page, turn);
  await expectDebrief(page, critical.expect);
  await page.goto(server.url + '#/');
  await page.reload();
  await page.getByText('Practising as').waitFor();
  assert.match((await page.locator('header').textContent()) ?? '', /Remembered Person/);
  assert.match((await page.locator('main').textContent()) ?? '', /Not passed/);
  await closePage(page);
});

test('a call can be done by keyboard alone, and route changes move focus to the heading', async () => {
  const page = await newPage(browser, server.url, { fakeSpeech: true });
  await signIn(page);
  await page.keyboard.press('Tab');
  const link = page.locator(`a[href="#/practise/${good.scenario}"]`);
  await link.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'What will be judged' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  await page.locator('#mode-practice').focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Start the call' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('#answer').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'answer', 'the answer box takes focus');
  await page.keyboard.type(good.turns[0]);
  await page.keyboard.press('Enter');
  await page.locator('[data-feedback-turn="0"]').first().waitFor();
  // Voice by the shortcut, which never clashes with typing.
  await page.keyboard.press('Alt+KeyM');
  await page.getByRole('button', { name: /^Use voice with/ }).focus();
  await page.keyboard.press('Enter');
  await answerVoice(page, good.turns[1], { shortcut: true });
  await closePage(page);
});

test('the statement drill fades the text and shows the diff after each try', async () => {
  const page = await newPage(browser, server.url + '#/drill', { fakeSpeech: true });
  await page.getByRole('heading', { name: 'Statement drill' }).waitFor();
  await page.getByRole('link', { name: 'Call recording notice' }).click();
  await page.locator('[data-drill-stage="0"]').waitFor();
  const wording = await page.locator('.app-drill__text').textContent();
  await page.locator('#answer').fill((wording ?? '').trim());
  await page.locator('#answer').press('Enter');
  await page.locator('[data-drill-stage="1"]').waitFor();
  assert.ok((await page.locator('.app-drill__hidden').count()) > 0, 'some words are hidden');
  await page.locator('#answer').fill('this call is recorded');
  await page.locator('#answer').press('Enter');
  await page.getByRole('heading', { name: 'Try 2' }).waitFor();
  assert.ok((await page.locator('.app-diff del').count()) > 0, 'missing words are struck through');
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, formatViolations(violations));
  await closePage(page);
});
