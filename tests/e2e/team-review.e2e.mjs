// On the real team server: a coach's review, whose filter, sort and pages are answered by the
// server's database (each change sends its own request; the rows are attempts made by other
// trainees on other machines, which this browser never had); and a trainee whose sign-in the server
// ended mid-call, who is told, signs in again, and whose waiting turn is then sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expect } from './harness.mjs';
import { PASSWORD, signInToTeam, useTeamBrowser } from './team-helpers.mjs';
import { answerTyped, openScenario, startCall } from './practice-helpers.mjs';
import { calls } from './role-plays.mjs';

/** More than one page of the table (100 rows) for one trainee, and one attempt for another. */
const REN_CALLS = 104;
const SOL_TITLE = 'Sol only, on the server';

const team = useTeamBrowser(
  { ren: 'trainee', sol: 'trainee', cora: 'coach', tia: 'trainee' },
  { seed: seedAttempts },
);

const summary = (score) => ({
  ending: { id: 'done', title: 'Call closed', outcome: score >= 50 ? 'pass' : 'fail' },
  score,
  passed: score >= 50,
  criticalErrors: [],
  statements: [],
  moves: [],
});

async function seedOne(server, cookie, { startedAt, title, score }) {
  const id = crypto.randomUUID();
  const attempt = {
    packId: 'cms-core',
    packVersion: '1.0.0',
    scenarioId: 'new-application',
    scenarioTitle: title,
    mode: 'practice',
    startedAt,
  };
  await server.api('PUT', `/api/attempts/${id}`, attempt, cookie);
  await server.api(
    'POST',
    `/api/attempts/${id}/finish`,
    { status: 'completed', summary: summary(score), updatedAt: startedAt },
    cookie,
  );
}

/** Attempts made on other machines: more than a page of Ren's, and one of Sol's. */
async function seedAttempts(server) {
  const ren = await server.signIn('ren');
  for (let i = 0; i < REN_CALLS; i++) {
    const startedAt = new Date(Date.UTC(2026, 2, 1, 8, i)).toISOString();
    await seedOne(server, ren, { startedAt, title: `Ren call ${i + 1}`, score: (i * 37) % 100 });
  }
  await seedOne(server, await server.signIn('sol'), {
    startedAt: '2026-03-05T09:00:00.000Z',
    title: SOL_TITLE,
    score: 100,
  });
}

/** Waits for the page's next request for a review page whose query has every one of `params`. */
function pageRequest(page, params) {
  return page.waitForRequest((request) => {
    const url = new URL(request.url());
    if (url.pathname !== '/api/attempts') return false;
    return Object.entries(params).every(([k, v]) => url.searchParams.get(k) === v);
  });
}

test("a coach filters, sorts and pages the team's attempts, each answered by the server", async () => {
  const coach = await team.open();
  await signInToTeam(coach, 'cora');
  const first = pageRequest(coach, { offset: '0', limit: '100', sort: 'date', order: 'desc' });
  await coach.evaluate(() => (location.hash = '#/review'));
  await first;
  const status = coach.locator('[data-review-paged="server"]');
  await expect.text(status, /^105 of 105 attempts; page 1 of 2\.$/, {
    message: 'the first page from the server',
  });
  const rows = coach.locator('[data-review-table] tbody tr[data-attempt]');
  await expect.count(rows, 100);
  await expect.text(rows.first(), new RegExp(SOL_TITLE), {
    message: "another trainee's attempt, newest first",
  });
  await expect.noAxe(coach, "the coach's review from the server");

  const second = pageRequest(coach, { offset: '100' });
  await coach.locator('[data-pager="below the table"] [data-page-next]').click();
  await second;
  await expect.text(status, /^105 of 105 attempts; page 2 of 2\.$/);
  await expect.count(rows, 5, { message: 'the last 5 of 105 on page 2' });
  await expect.text(rows.last(), /Ren call 1\b/, { message: 'the oldest call last' });

  const filtered = pageRequest(coach, { trainee: 'sol', offset: '0' });
  await coach.locator('#f-trainee').selectOption('sol');
  await filtered;
  await expect.text(status, /^1 of 105 attempts\.$/);
  await expect.count(rows, 1);
  await expect.text(rows.first(), new RegExp(`sol[\\s\\S]*${SOL_TITLE}`));

  await coach.locator('#f-trainee').selectOption('');
  await expect.text(status, /^105 of 105 attempts; page 1 of 2\.$/);
  const lowest = pageRequest(coach, { sort: 'score', order: 'asc' });
  await coach.locator('[data-sort="score"]').click();
  await coach.locator('[data-sort="score"]').click();
  await lowest;
  await expect.text(rows.first().locator('[data-score]'), /^0$/, { message: 'the lowest score first' });
  await expect.text(rows.last().locator('[data-score]'), /^\d+$/);
  // Ren's scores are (i * 37) % 100 for i < 104: the 100th lowest of them is 95.
  await expect.text(rows.last().locator('[data-score]'), /^95$/, {
    message: 'page 1 ends at the 100th lowest',
  });
});

/** Clicks a button that saves a file; answers its name and text, once the download has finished. */
async function downloaded(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

test("a coach downloads the team's attempts from the server and imports a team file back to it", async () => {
  const cora = await team.server.signIn('cora');
  const sol = (await team.server.api('GET', '/api/attempts?trainee=sol', undefined, cora)).json.items[0];
  const noteId = crypto.randomUUID();
  const note = { text: 'Clear opening, =1+1 is not a formula', at: '2026-03-05T10:00:00.000Z' };
  await team.server.api('PUT', `/api/attempts/${sol.id}/notes/${noteId}`, note, cora);

  const coach = await team.open();
  // The browser logs the server's refusal of the broken file below.
  coach.allowedProblems = [/400 \(Bad Request\)/];
  await signInToTeam(coach, 'cora');
  await coach.evaluate(() => (location.hash = '#/review'));
  await expect.text(coach.locator('[data-review-paged="server"]'), /^105 of 105 attempts/);
  const json = await downloaded(coach, '[data-team-export="json"]');
  assert.match(json.name, /^verbatim-team-attempts-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(json.text);
  assert.equal(file.format, 'verbatim-attempts');
  assert.equal(file.attempts.length, REN_CALLS + 1, 'every attempt of the team, not one page');
  const solsAttempt = file.attempts.find((a) => a.id === sol.id);
  assert.equal(solsAttempt.trainee, 'sol');
  assert.equal(solsAttempt.scenarioTitle, SOL_TITLE);
  assert.deepEqual(solsAttempt.notes, [{ id: noteId, author: 'Cora', ...note }]);
  assert.deepEqual(
    solsAttempt.audit.map((e) => `${e.action} by ${e.by}`),
    ['note.add by cora'],
    'the audit trail: who did what, when',
  );

  const csv = await downloaded(coach, '[data-team-export="csv"]');
  assert.ok(csv.text.startsWith('\uFEFF'), 'a UTF-8 BOM for Excel');
  const lines = csv.text.slice(1).trimEnd().split('\r\n');
  assert.equal(lines.length, REN_CALLS + 2, 'a header and one row per attempt');
  assert.match(
    lines.find((l) => l.includes(sol.id)),
    new RegExp(`,sol,.*${SOL_TITLE}`),
  );

  // The same file again stores nothing new; a broken copy is refused whole, saying where.
  const input = coach.locator('#team-import-file');
  await input.setInputFiles({
    name: 'team.json',
    mimeType: 'application/json',
    buffer: Buffer.from(json.text),
  });
  await expect.text(
    coach.locator('[data-team-import-report]'),
    /0 new, 0 with new notes or disputes, 105 already there/,
  );
  const broken = { ...file, attempts: [{ ...solsAttempt, startedAt: '2026-02-30T09:00:00Z' }] };
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await expect.text(
    coach.locator('[data-team-import-errors]'),
    /Attempt 1 \(id "[^"]+"\), field "startedAt"/,
  );
  await expect.noAxe(coach, "the coach's export and import");
});

test('a trainee whose sign-in the server ended is told plainly, signs in again, and the waiting turn is sent', async () => {
  const good = calls.find((c) => c.kind === 'good');
  const tia = await team.open();
  // The browser logs each request the server refused for want of a session.
  tia.allowedProblems = [/401 \(Unauthorized\)/];
  await signInToTeam(tia, 'tia');
  await openScenario(tia, good.scenario);
  await startCall(tia);
  await answerTyped(tia, good.turns[0]);
  await expect.text(tia.locator('[data-sync-status]'), /All saved to the team server/);

  // Signed out everywhere from another machine: this browser's cookie stops working.
  await team.server.api(
    'POST',
    '/api/session/sign-out-everywhere',
    undefined,
    await team.server.signIn('tia'),
  );
  await answerTyped(tia, good.turns[1]);
  const banner = tia.locator('[data-session-ended]');
  await expect.text(banner, /Your sign-in to the team server has ended/, {
    message: 'the ended sign-in told',
  });
  await expect.text(
    banner,
    /1 turn is kept on this computer and will be sent when you sign in again as tia\./,
  );
  await expect.noAxe(tia, 'a call with the ended sign-in banner');

  // Still told after a reload: the account is remembered until the user signs out.
  await tia.reload();
  await expect.text(banner, /1 turn is kept on this computer/, { message: 'the banner after a reload' });
  await tia.locator('[data-sign-in-again]').click();
  await tia.getByRole('heading', { name: 'Sign in to your team' }).waitFor();
  await tia.locator('#team-username').fill('tia');
  await tia.locator('#team-password').fill(PASSWORD);
  await tia.getByRole('button', { name: 'Sign in' }).click();
  await expect.count(banner, 0, { message: 'the banner gone once signed in' });
  await expect.text(tia.locator('[data-sync-status]'), /All saved to the team server/);
  const { json } = await team.server.api(
    'GET',
    '/api/my/attempts',
    undefined,
    await team.server.signIn('tia'),
  );
  assert.equal(json.attempts.length, 1);
  assert.deepEqual(
    json.attempts[0].turns.map((t) => t.text),
    good.turns.slice(0, 2),
    'both turns on the server, once each',
  );
});
