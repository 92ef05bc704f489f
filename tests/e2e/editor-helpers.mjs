// The pack editor in browser tests: typing a new version over a pack's version line, and saving
// until the replace prompt asks. Every step waits for the state it needs.
import { expectEventually, expectText } from './harness.mjs';

/** Types `to` over the version `from` on line 4 (a pack's `version:` line), and waits for a valid pack. */
export async function typeVersion(page, from, to) {
  const content = page.locator('.cm-content');
  const status = page.getByTestId('editor-status');
  await content.waitFor();
  await expectText(status, /The pack is valid/, { content: true });
  await content.click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  for (let i = 0; i < from.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(to);
  await expectText(status, /The pack is valid/, { content: true });
}

/**
 * Saves and waits for the replace prompt offering `version`. On a loaded machine the first click on
 * Save can show no prompt: it is clicked again until the prompt shows (saving the same text again
 * only asks the same question).
 */
export async function saveUntilAsked(page, version, message) {
  const prompt = page.getByTestId('replace-prompt');
  await expectEventually(
    async () => {
      if (!(await prompt.isVisible()))
        await page.getByRole('button', { name: 'Save in this browser' }).click();
      await prompt
        .getByRole('button', { name: `Replace with version ${version}` })
        .waitFor({ timeout: 3000 });
    },
    { message },
  );
  return prompt;
}
