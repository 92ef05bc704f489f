// The start page's remembered names: a name can be forgotten, asked twice, by keyboard alone; the
// attempts made under it stay in Review.
import { test } from 'node:test';
import { expect, useBrowser } from './harness.mjs';
import { answerTyped, openScenario, signIn, startCall } from './practice-helpers.mjs';

const app = useBrowser();

test('a remembered name is forgotten after a confirmation, by keyboard, and its attempts stay in Review', async () => {
  const page = await app.open('', { fakeSpeech: true });
  await signIn(page, 'Ann Example');
  await openScenario(page, 'first-contact');
  await startCall(page);
  await answerTyped(page, 'Hello, Child Maintenance Service, you are speaking to Ann.');
  await page.evaluate(() => (location.hash = '#/'));
  await page.getByRole('heading', { name: 'Scenarios' }).waitFor();
  await signIn(page, 'Bob Example');
  const continueAnn = page.getByRole('button', { name: 'Continue as Ann Example' });
  await continueAnn.waitFor();

  // Cancel first: nothing is forgotten and focus goes back to the button that asked.
  const forget = page.getByRole('button', { name: 'Forget Ann Example', exact: true });
  await forget.focus();
  await page.keyboard.press('Enter');
  const warning = page.locator('[data-forget-warning]');
  await expect.text(warning, /Their attempts stay on this computer and still show in Review/);
  await expect.focus(page, '[data-forget-warning]', { message: 'focus on the question' });
  await expect.noAxe(page, 'start page, forgetting a name');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect.focus(page, '[data-forget-cancel]', { message: 'Cancel is next after Forget' });
  await page.keyboard.press('Enter');
  await expect.focus(page, '[data-forget="Ann Example"]', { message: 'focus back on Forget' });
  await expect.count(continueAnn, 1, { message: 'the name is kept after Cancel' });

  // Then forget it.
  await page.keyboard.press('Enter');
  await expect.focus(page, '[data-forget-warning]', { message: 'focus on the question again' });
  await page.keyboard.press('Tab');
  await expect.focus(page, '[data-forget-confirm]', { message: 'the forgetting button is next' });
  await page.keyboard.press('Enter');
  await expect.text(
    page.locator('[data-forgotten]'),
    'Forgot Ann Example on this computer. Their attempts are still in Review.',
  );
  await expect.focus(page, '[data-forgotten]', { message: 'focus on what was done' });
  await expect.count(continueAnn, 0, { message: 'the name is gone from the list' });
  await expect.noAxe(page, 'start page, name forgotten');

  // Still forgotten after a reload; the attempt is still in Review.
  await page.reload();
  await page.getByRole('heading', { name: 'Scenarios' }).waitFor();
  await expect.text(page.locator('main'), /Someone else practising\?/);
  await expect.count(continueAnn, 0, { message: 'the name stays forgotten after a reload' });
  await page.evaluate(() => (location.hash = '#/review'));
  await expect.text(page.locator('[data-review-table] tbody'), /Ann Example/, {
    message: "Ann's attempt is still listed in Review",
  });
});

test('a missing or over-long name is said next to the field, which the hint and the error describe', async () => {
  const page = await app.open('', { fakeSpeech: true });
  const field = page.locator('#trainee-name');
  await page.getByRole('textbox', { name: 'Who is practising?' }).waitFor();
  const error = page.locator('#trainee-name-error');
  const send = () => page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect.attribute(field, 'aria-describedby', 'trainee-name-hint');
  await expect.text(page.locator('#trainee-name-hint'), /kept on this computer only/);

  await send();
  await expect.text(error, /Error:\s*Enter your name or staff number/);
  await expect.attribute(field, 'aria-describedby', 'trainee-name-hint trainee-name-error');
  await expect.attribute(field, 'class', /govuk-input--error/);
  await expect.noAxe(page, 'start page, no name given');

  await field.fill('x'.repeat(81));
  await send();
  await expect.text(error, /Error:\s*Name or staff number must be 80 characters or fewer/);

  await field.fill('Cara Example');
  await send();
  await page.getByRole('heading', { name: 'Scenarios' }).waitFor();
  await expect.count(error, 0, { message: 'the error gone once a name is given' });
  await page.getByRole('textbox', { name: 'Someone else practising?' }).waitFor();
  await expect.attribute(field, 'aria-describedby', 'trainee-name-hint');
});
