// The pack editor in browser tests: typing a new version over a pack's version line, and saving
// until the replace prompt asks. Every step waits for the state it needs.
import { readFileSync } from 'node:fs';
import { expect } from './harness.mjs';

/** The version a built-in pack ships with, read from its file, so that a new release of the pack needs no edit here. */
export function shippedVersion(id) {
  const match = /^version:\s*['"]?([0-9][^'"\s]*)/m.exec(readFileSync(`scenarios/${id}.yaml`, 'utf8'));
  if (!match) throw new Error(`scenarios/${id}.yaml has no version line`);
  return match[1];
}

/** A later version than `version` by `minor` minor steps ("1.2.0", 8: "1.10.0"). */
export function laterVersion(version, minor) {
  const [major, m] = version.split('.').map(Number);
  return `${major}.${m + minor}.0`;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The editor's line that reads `version: <version>`, and nothing else. */
const versionLine = (page, version) =>
  page.locator('.cm-line').filter({ hasText: new RegExp(`^version: ${escape(version)}$`) });

/**
 * Types `to` over the version `from` on the pack's `version:` line, and waits until the editor
 * holds the new line and the pack is valid. The caret is put on the line by clicking it, not by
 * moving down from the top, so wrapped lines or a slow layout cannot send the typing elsewhere.
 */
export async function typeVersion(page, from, to) {
  const status = page.getByTestId('editor-status');
  await page.locator('.cm-content').waitFor();
  await expect.text(status, /The pack is valid/, { content: true });
  await versionLine(page, from).click();
  await page.keyboard.press('End');
  for (let i = 0; i < from.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(to);
  await expect.count(versionLine(page, to), 1, { message: `the editor to read "version: ${to}"` });
  await expect.text(status, /The pack is valid/, { content: true });
}

/**
 * Saves and waits for the replace prompt offering `version`. A click that shows nothing is tried
 * again (saving the same text again only asks the same question); when it fails, the message
 * says what the editor's status showed instead.
 */
export async function saveUntilAsked(page, version, message) {
  const prompt = page.getByTestId('replace-prompt');
  const status = page.getByTestId('editor-status');
  await expect.eventually(
    async () => {
      if (!(await prompt.isVisible()))
        await page.getByRole('button', { name: 'Save in this browser' }).click({ timeout: 5000 });
      try {
        await prompt
          .getByRole('button', { name: `Replace with version ${version}` })
          .waitFor({ timeout: 3000 });
      } catch {
        throw new Error(
          `no prompt for version ${version}; the editor's status read "${await status.innerText()}"`,
        );
      }
    },
    { message },
  );
  return prompt;
}
