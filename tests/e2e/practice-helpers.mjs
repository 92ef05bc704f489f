// Steps of a practice call, for the browser tests.
import { expect } from './harness.mjs';

/** Chooses who is practising on the start page (and waits for the scenario list). */
export async function signIn(page, name = 'Test Trainee') {
  await page.locator('#trainee-name').fill(name);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.getByRole('heading', { name: 'Scenarios' }).waitFor();
}

/** Opens a scenario's call page straight from its address. */
export async function openScenario(page, scenarioId) {
  await page.evaluate((id) => (location.hash = `#/practise/${id}`), scenarioId);
  await page.locator('h1').first().waitFor();
}

/** From the briefing: picks the mode and starts the call; waits for the answer box. */
export async function startCall(page, { mode = 'practice' } = {}) {
  const judged = page.getByRole('heading', { name: 'What will be judged' });
  const note = page.getByRole('button', { name: 'Continue to the call' });
  await judged.or(note).first().waitFor();
  if (await note.isVisible()) await note.click();
  await judged.waitFor();
  await page.locator(mode === 'practice' ? '#mode-practice' : '#mode-assessment').check();
  await page.getByRole('button', { name: 'Start the call' }).click();
  await page.locator('#answer').waitFor();
}

/**
 * Opens the app with the fake recogniser (and the harness's other `options`), signs in as `name`,
 * opens a scenario and starts its call in `mode`.
 */
export async function startScenarioCall(app, scenarioId, { name, mode, ...options } = {}) {
  const page = await app.open('', { fakeSpeech: true, ...options });
  await signIn(page, name);
  await openScenario(page, scenarioId);
  await startCall(page, { mode });
  return page;
}

/** Switches the call to voice answers, accepting the cloud notice if it is shown. */
export async function useVoice(page) {
  await page.getByRole('button', { name: 'Answer by voice' }).click();
  const accept = page.getByRole('button', { name: /^Use voice with/ });
  const speak = page.getByRole('button', { name: 'Speak' });
  await accept.or(speak).first().waitFor();
  if (await accept.isVisible()) await accept.click();
  await speak.waitFor();
}

export async function turnCount(page) {
  return page.locator('.app-transcript__line[data-speaker="trainee"]').count();
}

/** Waits until the feedback (or, in assessment mode, the receipt) for turn `index` is shown. */
export async function waitForTurn(page, index) {
  await page.locator(`[data-feedback-turn="${index}"]`).first().waitFor();
}

export async function answerTyped(page, text) {
  const index = await turnCount(page);
  await page.locator('#answer').fill(text);
  await page.locator('#answer').press('Enter');
  await waitForTurn(page, index);
}

/** Presses Speak (or the Alt+M shortcut) and has the fake recogniser say `text`. */
export async function answerVoice(page, text, { shortcut = false, alternatives, confidence } = {}) {
  const index = await turnCount(page);
  if (shortcut) await page.keyboard.press('Alt+KeyM');
  else await page.getByRole('button', { name: 'Speak' }).click();
  await page.evaluate(([t, o]) => window.__fakeSpeech.say(t, o), [text, { alternatives, confidence }]);
  await waitForTurn(page, index);
}

/** Plays every turn; `{ silence: n }` turns wait for the caller's dead-air reaction. */
export async function playTurns(page, turns, { voice = false } = {}) {
  for (const [i, turn] of turns.entries()) {
    if (typeof turn === 'string') {
      if (voice) await answerVoice(page, turn, { shortcut: i % 2 === 1 });
      else await answerTyped(page, turn);
    } else {
      throw new Error(`unsupported turn ${JSON.stringify(turn)}`);
    }
  }
}

export async function expectDebrief(page, { ending, outcome, criticalErrors }) {
  const panel = page.locator('[data-outcome]');
  await expect.attribute(panel, 'data-ending', ending, { message: `the call to reach its ending ${ending}` });
  await expect.attribute(panel, 'data-outcome', outcome, { message: `the debrief's outcome ${outcome}` });
  await expect.text(page.getByTestId('export-reminder'), /Export your attempts/);
  if (criticalErrors) {
    await expect.count(page.locator('[data-critical-errors] li'), criticalErrors.length, {
      message: `${criticalErrors.length} critical errors listed`,
    });
  }
}
