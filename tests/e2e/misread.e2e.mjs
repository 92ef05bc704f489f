// Learning from real calls: a trainee marks "The caller misunderstood me" on a turn (during the call
// and in the debrief, by mouse and keyboard, and undoes one); the coach sees the mark in review; QA
// turns the marked words into an example on the pack's page, which installs a new pack version.
// Every assertion waits for the state it checks.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { expect, useBrowser } from './harness.mjs';
import { answerTyped, expectDebrief, openScenario, signIn, startCall } from './practice-helpers.mjs';
import { shippedVersion } from './editor-helpers.mjs';

const app = useBrowser();
const turns = JSON.parse(readFileSync('tests/golden/bogus-caller/good-call.json', 'utf8')).turns.map(
  (t) => t.text,
);
const feedback = (page) => page.locator('section[aria-labelledby="feedback-heading"]');

test('a turn marked as misunderstood reaches the coach, and QA makes it an example in a new pack version', async () => {
  const page = await app.open('', { fakeSpeech: true });
  await signIn(page, 'Misread Trainee');
  await openScenario(page, 'bogus-caller');
  await startCall(page);

  // During the call: marked, undone, marked again from the keyboard.
  await answerTyped(page, turns[0]);
  const mark = feedback(page).locator('[data-misread-turn="0"] button');
  const status = feedback(page).locator('[data-misread-turn="0"] [data-misread-status]');
  await mark.click();
  await expect.text(status, 'Answer 1 marked: the caller misunderstood you. Your coach will see it.');
  await expect.text(mark, 'Undo “The caller misunderstood me”');
  await mark.click();
  await expect.text(status, 'Answer 1 is no longer marked.');
  await mark.focus();
  await page.keyboard.press('Enter');
  await expect.text(status, 'Answer 1 marked');
  await expect.focus(page, '[data-misread-turn="0"] button', { message: 'focus kept on the mark button' });
  await expect.noAxe(page, 'call screen with a marked turn');

  for (const turn of turns.slice(1)) await answerTyped(page, turn);
  await expectDebrief(page, { ending: 'handled-well', outcome: 'pass' });

  // In the debrief: the mark made during the call is shown and undone; another turn is marked.
  const debriefTurn = (i) => page.locator(`[data-misread-turn="${i}"]`);
  await expect.text(debriefTurn(0).locator('button'), 'Undo “The caller misunderstood me”');
  await debriefTurn(0).locator('button').click();
  await expect.text(debriefTurn(0).locator('[data-misread-status]'), 'Answer 1 is no longer marked.');
  await debriefTurn(1).locator('button').click();
  await expect.text(debriefTurn(1).locator('[data-misread-status]'), 'Answer 2 marked');
  await expect.noAxe(page, 'debrief with a marked turn');

  // The coach: the list counts the marks, the attempt page shows the marker on that turn only.
  await page.evaluate(() => (location.hash = '#/review'));
  const row = page.locator('[data-review-table] tbody tr[data-attempt]', { hasText: 'Misread Trainee' });
  await expect.text(row.locator('[data-misread-count]'), '1 misunderstood');
  await row.locator('a[href^="#/review/attempt/"]').click();
  await expect.count(page.locator('[data-misread-marked]'), 1, { message: 'one marked turn' });
  await expect.count(page.locator('[data-feedback-turn="1"] [data-misread-marked]'), 1, {
    message: 'the marker on answer 2',
  });
  await expect.count(page.locator('[data-misread-turn]'), 0, { message: 'no mark buttons for the coach' });
  await expect.noAxe(page, 'attempt page with a marked turn');

  // QA: the pack's page lists the words; they become an example of the chosen move in the next patch version.
  const shipped = shippedVersion('cms-core');
  const next = shipped.replace(/\d+$/, (p) => String(Number(p) + 1));
  await page.evaluate(() => (location.hash = '#/packs/cms-core'));
  const item = page.locator('[data-testid="misreads-list"] li');
  await expect.count(item, 1, { message: 'one marked answer listed' });
  await expect.text(item, turns[1]);
  await item.getByLabel('The move it should have meant').selectOption('explain-security-needed');
  await expect.noAxe(page, 'pack page with a marked answer');
  await item.getByRole('button', { name: 'Add as example' }).click();
  const prompt = page.getByTestId('replace-prompt');
  await expect.text(prompt, `Replace cms-core version ${shipped} with version ${next}?`);
  await prompt.getByRole('button', { name: `Replace with version ${next}` }).click();
  await expect.text(
    page.getByTestId('misreads-status'),
    `Replaced cms-core version ${shipped} with version ${next}.`,
  );
  await expect.text(
    page.locator('.govuk-summary-list'),
    new RegExp(`Version\\s*${next.replace(/\./g, '\\.')}`),
  );
  await expect.text(
    item.locator('[data-misread-done]'),
    'Already an example of Explain that nothing can be discussed until security is passed.',
  );
});
