// The app and the CLI's `play` decide the same move on every turn with the hybrid matcher (the language
// model loaded): two of the shared calibration calls are replayed by `play` in a child process and typed
// in a practice call in Chromium, and each turn's move, then the ending and the verdict, must agree.
// Nothing expected is written here: `play` says what was decided, and the app must say the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, useBrowser } from './harness.mjs';
import { answerTyped, expectDebrief, openScenario, signIn, startCall } from './practice-helpers.mjs';

const app = useBrowser();
const root = fileURLToPath(new URL('../..', import.meta.url));
const PACK = 'scenarios/cms-core.yaml';
const TRANSCRIPTS = 'tests/fixtures/calibration/transcripts';
/** Two calibration calls of the built-in core pack, one per scenario. */
const CALLS = ['suicide-emergency.json', 'rep-good.json'];

/** Far beyond what a loaded two-core machine needs (as in understanding.e2e.mjs): only a broken load fails. */
const PATHOLOGICAL_LOAD_MS = 120_000;
/** `play` embeds a call's turns with the same model in Node; a few seconds each on an idle machine. */
const PATHOLOGICAL_PLAY_MS = 180_000;

/** A calibration call: its scenario and the trainee's typed turns. */
function readCall(file) {
  const path = `${TRANSCRIPTS}/${file}`;
  const call = JSON.parse(readFileSync(`${root}/${path}`, 'utf8'));
  const turns = call.turns.map((t, i) => {
    assert.equal(typeof t.text, 'string', `${file} turn ${i + 1} is typed text (this test types each turn)`);
    return t.text;
  });
  return { file, path, scenario: call.scenario, turns };
}

/** `play --json` on the call, from the repository's root: each trainee turn's move (or null), and the end. */
async function play(call) {
  const { stdout } = await promisify(execFile)(
    'npx',
    [
      'tsx',
      'src/cli/main.ts',
      'play',
      PACK,
      '--scenario',
      call.scenario,
      '--transcript',
      call.path,
      '--json',
    ],
    { cwd: root, timeout: PATHOLOGICAL_PLAY_MS, maxBuffer: 16 * 1024 * 1024 },
  );
  const report = JSON.parse(stdout);
  const moves = report.transcript
    .filter((e) => e.speaker === 'trainee')
    .map((e) => ({ turnIndex: e.turnIndex, intent: e.feedback.intent?.intent ?? null }));
  return { report, moves };
}

/**
 * How the app names a move in a turn's feedback: TurnFeedback.svelte prints "Understood as: " and the
 * move's id with its dashes as spaces, and prints nothing of the kind for a turn that makes no move.
 */
const shownAs = (intent) => (intent === null ? 'no move' : intent.replace(/-/g, ' '));

/** The move the app says it understood in turn `index`'s feedback, in its words ("no move" if none). */
async function appDecision(page, index) {
  const feedback = page.locator(`[data-feedback-turn="${index}"]`).first();
  const text = await feedback.innerText({ timeout: 2_000 });
  return /Understood as:\s*(.+)/.exec(text)?.[1].trim() ?? 'no move';
}

/** Types the call's turns in a practice call (once the model has loaded) and compares each with `play`. */
async function playInApp(page, call, playing) {
  await page.evaluate(() => (location.hash = '#/'));
  await page.getByRole('heading', { name: 'Scenarios' }).waitFor();
  await openScenario(page, call.scenario);
  const note = page.getByRole('button', { name: 'Continue to the call' });
  const judged = page.getByRole('heading', { name: 'What will be judged' });
  await note.or(judged).first().waitFor();
  if (await note.isVisible()) await note.click();
  await page.locator('[data-understanding="ready"]').waitFor({ timeout: PATHOLOGICAL_LOAD_MS });
  const played = await playing;
  await startCall(page);
  assert.equal(played.moves.length, call.turns.length, `play replayed every turn of ${call.file}`);
  for (const [i, text] of call.turns.entries()) {
    await answerTyped(page, text);
    const { turnIndex, intent } = played.moves[i];
    assert.equal(turnIndex, i, `${call.file}: play's trainee turn ${i + 1} is turn index ${i}`);
    const wanted = shownAs(intent);
    await expect.eventually(
      async () => {
        const shown = await appDecision(page, i);
        assert.equal(
          shown,
          wanted,
          `${call.file} turn ${i + 1} ("${text}"): play decided ${wanted}, the app understood ${shown}`,
        );
      },
      { message: `${call.file} turn ${i + 1}: the app to decide what play decided (${wanted})` },
    );
    if (i === 0)
      assert.equal(
        await page.locator('[data-matcher="words only"]').count(),
        0,
        `${call.file}: the call runs with the language model, not on words only`,
      );
  }
  const { report } = played;
  assert.ok(
    report.ending,
    `${call.file}: play reached an ending (it stopped in "${report.current.stateId}")`,
  );
  await expectDebrief(page, {
    ending: report.ending.id,
    outcome: report.passed ? 'pass' : 'fail',
    criticalErrors: report.criticalErrors,
  });
  await expect.text(
    page.locator('[data-outcome]'),
    `Score ${report.score}% (pass mark ${report.passMark}%)`,
    {
      message: `${call.file}: the debrief's score to be play's (${report.score}%)`,
    },
  );
}

test('the app and play decide the same move on every turn, and the same ending, with the language model', async (t) => {
  const calls = CALLS.map(readCall);
  // play runs while Chromium loads the model, one call after the other (to spare the two cores); each
  // call's replay is awaited once the model is ready and that call is about to start in the app.
  const started = Date.now();
  const playing = [];
  for (const call of calls) {
    const previous = playing.at(-1) ?? Promise.resolve();
    const next = previous.then(async () => {
      const played = await play(call);
      t.diagnostic(`play ${call.file}: done ${Date.now() - started} ms after the test started`);
      return played;
    });
    next.catch(() => {}); // awaited in playInApp; a failure is reported there
    playing.push(next);
  }

  const page = await app.open(null, { fakeSpeech: true, languageModel: true });
  await page.goto(app.url);
  await signIn(page);
  for (const [i, call] of calls.entries()) {
    const began = Date.now();
    await playInApp(page, call, playing[i]);
    const what = i === 0 ? 'loading the model, ' : '';
    t.diagnostic(
      `${call.file}: scenario list to debrief (${what}${call.turns.length} turns): ${Date.now() - began} ms`,
    );
    if (i === calls.length - 1) await expect.noAxe(page, `the debrief of ${call.file}`);
  }

  // Each attempt was kept as understood with the language model. (Through the list each time, so that
  // one attempt's page is never taken for the next one's.)
  const rows = page.locator('[data-review-table] tbody tr[data-attempt]');
  const toList = async () => {
    await page.evaluate(() => (location.hash = '#/review'));
    await expect.count(rows, calls.length, { message: 'both attempts listed for review' });
  };
  await toList();
  for (const id of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-attempt')))) {
    await toList();
    await page.evaluate((a) => (location.hash = `#/review/attempt/${encodeURIComponent(a)}`), id);
    await expect.text(page.locator('[data-matcher="hybrid"]'), /language model\), matcher version \d+/, {
      message: `attempt ${id} to have been understood with the language model`,
    });
  }
});
