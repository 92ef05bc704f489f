// The second built-in pack (scenarios/cms-more.yaml) in the built app: each role-play chosen from the
// start page, where it is listed under its pack and the procedure it trains, and played by typing once
// the right way and once with its typical mistake, to the ending the CLI reaches for the same words
// (the natural transcripts in tests/natural/cms-more). Also the coverage table at #/packs.
import { test } from 'node:test';
import { readFileSync, readdirSync } from 'node:fs';
import { expect, useBrowser } from './harness.mjs';
import { expectDebrief, playTurns, signIn, startCall } from './practice-helpers.mjs';

const app = useBrowser();

const dir = new URL('../natural/cms-more/', import.meta.url);
const calls = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/, ''), ...JSON.parse(readFileSync(new URL(f, dir), 'utf8')) }));

/** The typical mistake played for each scenario (one natural transcript that fails). */
const MISTAKES = {
  'abusive-caller': 'abusive-caller-back-to-payments',
  'foi-request': 'foi-request-own-notes-as-foi',
  'subject-access': 'subject-access-reads-notes',
  complaint: 'complaint-amount-in-complaint',
  interpreter: 'interpreter-son-translates',
  'sensitive-case': 'sensitive-case-carries-on',
  'parental-contact': 'parental-contact-gives-number',
};

/** Signs in, finds the scenario on the start page under its pack and main procedure, and opens it. */
async function chooseFromStartPage(page, scenario, procedure) {
  await signIn(page);
  const pack = page.locator('section[data-pack="cms-more"]');
  await expect.text(pack.locator('h3'), 'More calls from the first month');
  const item = pack.locator(`li[data-scenario="${scenario}"]`);
  await item.waitFor();
  await expect.count(pack.locator(`h4[data-procedure="${procedure}"]`), 1, {
    message: `the procedure heading ${procedure} in the second pack`,
  });
  await item.getByRole('link').click();
  await page.getByRole('heading', { name: 'What will be judged' }).waitFor();
}

const MAIN_PROCEDURE = {
  'abusive-caller': 'unsafe-behaviour',
  'foi-request': 'freedom-of-information',
  'subject-access': 'subject-access',
  complaint: 'complaints',
  interpreter: 'interpreters',
  'sensitive-case': 'sensitive-cases',
  'parental-contact': 'parental-contact',
};

for (const [scenario, mistake] of Object.entries(MISTAKES)) {
  const good = calls.find((c) => c.name === `${scenario}-good`);
  const bad = calls.find((c) => c.name === mistake);
  for (const call of [good, bad]) {
    test(`${scenario}: ${call.description} (typed)`, async () => {
      const page = await app.open('', { fakeSpeech: true });
      await chooseFromStartPage(page, scenario, MAIN_PROCEDURE[scenario]);
      await startCall(page);
      await playTurns(
        page,
        call.turns.map((t) => t.text),
      );
      await expectDebrief(page, {
        ending: call.expect.ending,
        outcome: call.expect.passed ? 'pass' : 'fail',
      });
    });
  }
}

test('the start page groups the scenarios by pack and procedure, and passes axe', async () => {
  const page = await app.open('', { fakeSpeech: true });
  await signIn(page);
  await expect.count(page.locator('section[data-pack]'), 2, { message: 'one section per built-in pack' });
  await expect.count(page.locator('section[data-pack="cms-more"] li[data-scenario]'), 7, {
    message: 'seven scenarios in the second pack',
  });
  await expect.text(
    page.locator('section[data-pack="cms-core"] h4[data-procedure="security-check"]'),
    'Security checks and bogus callers',
  );
  await expect.noAxe(page, 'the start page');
});

test('#/packs shows every procedure with the scenarios that train it, cited by title', async () => {
  const page = await app.open('#/packs');
  const table = page.getByTestId('coverage-table');
  await expect.atLeast(table.locator('tbody tr'), 18, { message: 'a row for every procedure' });
  const kcis = table.locator('tr[data-procedure="unsafe-behaviour"]');
  await expect.text(kcis, 'A caller who swears, then threatens the other parent');
  await expect.text(kcis, 'Annex A - Client contact, Unsafe Interactions and potentially violent persons');
  await expect.text(table.locator('tr[data-procedure="special-payments"]'), 'None yet');
  await expect.text(page.getByTestId('coverage-summary'), /of 18 procedures are trained/);
  await expect.count(table.getByText(/\d{3}_[0-9a-f]{16}\.txt/), 0, { message: 'no seed file names' });
  await expect.noAxe(page, 'the packs page');
});
