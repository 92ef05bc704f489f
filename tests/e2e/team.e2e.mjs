// A training team on the real team server (embedded database in a temp folder, serving the built
// app): two trainees practise in two browsers and sign in; a coach in a third sees both attempts
// from the server (with a "misunderstood" mark one trainee made after her turns synced), adds a
// note, and the trainee sees it. The sign-in page passes axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from './harness.mjs';
import { answerTyped, openScenario, startCall } from './practice-helpers.mjs';
import { calls } from './role-plays.mjs';
import { signInToTeam, useTeamBrowser } from './team-helpers.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const good = calls.find((c) => c.kind === 'good');

const team = useTeamBrowser({ tia: 'trainee', theo: 'trainee', cora: 'coach', quinn: 'qa' });
/** A fresh browser (its own IndexedDB and cookies) at the team server. */
const browserAt = (path) => team.open(path);

/** Signs in, practises two typed turns of a call, and waits until the server has them. */
async function practise(page, username) {
  await signInToTeam(page, username);
  await expect.text(page.locator('.app-header__who').first(), new RegExp(`Practising as ${username}`));
  await openScenario(page, good.scenario);
  await startCall(page);
  for (const turn of good.turns.slice(0, 2)) await answerTyped(page, turn);
  await expect.text(page.locator('[data-sync-status]'), /All saved to the team server/, {
    message: `${username}'s turns sent to the server`,
  });
}

test('the sign-in page passes axe and says why a sign-in failed', async () => {
  const page = await browserAt();
  await page.locator('[data-team-link]').click();
  await page.getByRole('heading', { name: 'Sign in to your team' }).waitFor();
  await expect.noAxe(page, 'sign-in page');
  await page.locator('#team-username').fill('tia');
  await page.locator('#team-password').fill('not the password');
  // The browser logs the refused sign-in (401) itself.
  page.allowedProblems = [/401 \(Unauthorized\)/];
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.text(page.locator('[data-sign-in-error]'), /do not match an account/);
  await expect.noAxe(page, 'sign-in page with its error');
});

test('two trainees practise, a coach sees both attempts from the server, and a note reaches the trainee', async () => {
  const tia = await browserAt();
  const theo = await browserAt();
  await Promise.all([practise(tia, 'tia'), practise(theo, 'theo')]);
  // Her turns are on the server; only then does tia mark her last answer "the caller misunderstood me".
  const lateMark = tia.locator('[data-misread-turn="1"]');
  await lateMark.locator('button').click();
  await expect.text(
    lateMark.locator('[data-misread-status]'),
    /Answer 2 marked: the caller misunderstood you/,
  );

  const coach = await browserAt();
  await signInToTeam(coach, 'cora');
  await coach.evaluate(() => (location.hash = '#/review'));
  await coach.locator('[data-team-review]').waitFor();
  const rows = coach.locator('[data-review-table] tbody tr[data-attempt]');
  await expect.count(rows, 2, { message: "both trainees' attempts in the coach's review" });
  const tiaRow = rows.filter({ hasText: 'tia' });
  await expect.count(tiaRow, 1, { message: "tia's attempt in the list" });
  const id = await tiaRow.getAttribute('data-attempt');

  await coach.evaluate((attempt) => (location.hash = `#/review/attempt/${attempt}`), id);
  await coach.locator('#note-text').waitFor();
  await expect.eventually(
    async () => {
      await coach.reload();
      await coach.locator('#note-text').waitFor({ timeout: 10_000 });
      await expect.count(coach.locator('[data-feedback-turn="1"] [data-misread-marked]'), 1, {
        timeout: 1000,
      });
    },
    { timeout: 90_000, message: "tia's mark, made after her turns synced, on the coach's page" },
  );
  await expect.count(coach.locator('[data-misread-marked]'), 1, { message: 'only the marked turn' });
  await coach.locator('#note-author').fill('Cora');
  await coach.locator('#note-text').fill('Take security before anything else.');
  await coach.locator('[data-add-note]').click();
  await expect.text(coach.locator('[data-note]'), /Take security before anything else\./);

  await tia.evaluate((attempt) => (location.hash = `#/review/attempt/${attempt}`), id);
  await expect.eventually(
    async () => {
      await tia.reload();
      await tia.locator('[data-note]').first().waitFor({ timeout: 10_000 });
      await expect.text(tia.locator('[data-note]'), /Take security before anything else\./, {
        timeout: 1000,
      });
    },
    { timeout: 90_000, message: "the coach's note on tia's machine" },
  );
});

test('QA publishes a new pack version from #/packs, and a trainee signing in gets it installed', async () => {
  const shipped = readFileSync(join(root, 'scenarios/cms-more.yaml'), 'utf8');
  // One minor step above the shipped version, whatever that is.
  const [major, minor] = /^version: (\d+)\.(\d+)\.\d+$/m.exec(shipped).slice(1).map(Number);
  const from = /^version: (.*)$/m.exec(shipped)[1];
  const to = `${major}.${minor + 1}.0`;
  const dots = (v) => v.replaceAll('.', '\\.');
  const text = shipped
    .replace(/^version: .*$/m, `version: ${to}`)
    .replace(/^description: >-$/m, 'description: >-\n  Published to the team.');
  const qa = await browserAt();
  await signInToTeam(qa, 'quinn');
  await qa.evaluate(() => (location.hash = '#/packs'));
  await qa.locator('#pack-file').waitFor({ state: 'attached' });
  await qa.setInputFiles('#pack-file', {
    name: 'cms-more.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(text),
  });
  await qa.getByRole('button', { name: `Replace with version ${to}` }).click();
  await expect.text(
    qa.getByTestId('packs-notice'),
    new RegExp(`Replaced cms-more version ${dots(from)} with version ${dots(to)}`),
  );
  await qa.evaluate(() => (location.hash = '#/packs/cms-more'));
  await qa.getByRole('button', { name: 'Publish to team' }).click();
  await expect.text(
    qa.getByTestId('publish-status'),
    new RegExp(`Published cms-more version ${dots(to)} to the team\\.`),
  );
  await expect.noAxe(qa, 'a pack page with its publish action');

  const trainee = await browserAt();
  await signInToTeam(trainee, 'theo');
  await trainee.evaluate(() => (location.hash = '#/packs'));
  await expect.text(trainee.locator('[data-pack="cms-more"] td').nth(1), new RegExp(`^${dots(to)}$`), {
    message: "the published version installed on the trainee's machine",
  });
  await trainee.evaluate(() => (location.hash = '#/packs/cms-more'));
  await expect.text(trainee.getByTestId('pack-description'), /^Published to the team\./);
  await trainee.getByRole('heading', { name: 'More calls from the first month' }).waitFor();
  await expect.count(trainee.getByRole('button', { name: 'Publish to team' }), 0, {
    message: 'no publish action for a trainee',
  });
});
