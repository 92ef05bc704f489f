// The scenario packs screens (#/packs): import, validation errors, replacing a version, inert pack
// text, the graph of every scenario, a play-test, the editor, and axe on each page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { closePage, formatViolations, launchBrowser, newPage, runAxe, startServer } from './harness.mjs';

const core = readFileSync(new URL('../../scenarios/cms-core.yaml', import.meta.url), 'utf8');
const qa = (version) =>
  core.replace(/^id: cms-core$/m, 'id: qa-pack').replace(/^version: .*$/m, `version: ${version}`);
const scenarioIds = [...core.matchAll(/^ {2}- id: ([a-z0-9-]+)\n {4}title:/gm)].map((m) => m[1]);

let server;
let browser;
before(async () => {
  // E2E_DIST: a build elsewhere than dist/, when another build may be writing dist/ at the same time.
  server = await startServer(process.env.E2E_DIST ? { dir: process.env.E2E_DIST } : {});
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(hash = '#/packs') {
  const page = await newPage(browser, `${server.url}${hash}`);
  await page.locator('h1').first().waitFor();
  return page;
}
async function noAxe(page, where) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `${where}:\n${formatViolations(violations)}`);
}
const upload = (page, name, text) =>
  page.setInputFiles('#pack-file', { name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
const statusMatches = (page, re) =>
  page.waitForFunction(
    (source) =>
      new RegExp(source).test(document.querySelector('[data-testid="editor-status"]')?.textContent ?? ''),
    re.source,
  );
const notice = (page) => page.getByTestId('packs-notice');

test('lists the built-in pack and takes the default pack file again without change', async () => {
  const page = await open();
  await page.locator('[data-pack="cms-core"]').waitFor();
  const row = await page.locator('[data-pack="cms-core"]').innerText();
  assert.match(row, /1\.0\.0/);
  assert.match(row, /built-in/);
  await noAxe(page, '#/packs');
  await upload(page, 'cms-core.yaml', core);
  await notice(page)
    .getByText(/already installed/)
    .waitFor();
  await upload(page, 'qa-pack.yaml', qa('1.0.0'));
  await notice(page)
    .getByText(/Installed .*qa-pack/)
    .waitFor();
  assert.match(await page.locator('[data-pack="qa-pack"]').innerText(), /imported/);
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

test('a broken pack is listed problem by problem with line and column, focused, and not installed', async () => {
  const page = await open();
  await page.locator('[data-pack="cms-core"]').waitFor();
  const broken = qa('1.0.0')
    .replace(/^passMark: .*$/m, 'passMark: lots')
    .replace(/^author: .*\n/m, '');
  await upload(page, 'broken.yaml', broken);
  const summary = page.getByTestId('error-summary');
  await summary.waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'error-summary');
  const items = await summary.locator('li').allInnerTexts();
  assert.ok(items.length >= 2, items.join('\n'));
  assert.ok(
    items.some((t) => /broken\.yaml: passMark \(line \d+:\d+\)/.test(t)),
    items.join('\n'),
  );
  assert.equal(await page.locator('[data-pack="qa-pack"]').count(), 0);
  await noAxe(page, 'error summary');
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

test('a file dropped on the panel is imported; a newer version replaces the old after confirmation', async () => {
  const page = await open();
  await page.locator('[data-pack="cms-core"]').waitFor();
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'qa-pack.yaml', { type: 'application/yaml' }));
    document
      .querySelector('[data-testid="drop-zone"]')
      .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, qa('1.0.0'));
  await page.locator('[data-pack="qa-pack"]').waitFor();
  await upload(page, 'qa-pack.yaml', qa('1.1.0'));
  const prompt = page.getByTestId('replace-prompt');
  await prompt.waitFor();
  assert.match(await page.locator('[data-pack="qa-pack"]').innerText(), /1\.0\.0/);
  await noAxe(page, 'replace prompt');
  await prompt.getByRole('button', { name: /Replace with version 1\.1\.0/ }).click();
  await notice(page)
    .getByText(/Replaced qa-pack version 1\.0\.0 with version 1\.1\.0/)
    .waitFor();
  assert.match(await page.locator('[data-pack="qa-pack"]').innerText(), /1\.1\.0/);
  await page.reload();
  await page.locator('[data-pack="qa-pack"]').waitFor();
  assert.match(await page.locator('[data-pack="qa-pack"]').innerText(), /1\.1\.0/);
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

test('HTML and javascript: links in a pack are shown as inert text', async () => {
  const page = await open();
  await page.locator('[data-pack="cms-core"]').waitFor();
  const hostile = qa('1.0.0')
    .replace(
      /^description: >-\n/m,
      'description: >-\n  <img src=x id=injected> <script>window.pwned=1</script> <a href="javascript:alert(1)">click</a>\n',
    )
    .replace(/^( +)source: 001_43724bad90100c4e\.txt$/m, '$1source: "javascript:alert(1)"');
  assert.notEqual(hostile, qa('1.0.0'));
  await upload(page, 'hostile.yaml', hostile);
  await page.locator('[data-pack="qa-pack"]').waitFor();
  await page.locator('[data-pack="qa-pack"] a').click();
  const description = page.getByTestId('pack-description');
  await description.waitFor();
  assert.match(await description.innerText(), /<img src=x id=injected>/);
  assert.equal(await page.locator('#injected').count(), 0);
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  for (const id of scenarioIds) {
    await page.evaluate((h) => (location.hash = h), `#/packs/qa-pack/scenarios/${id}`);
    await page.getByTestId('endings').waitFor();
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, id);
  }
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

test('each scenario of the built-in pack is drawn as a graph and listed, with no axe violations', async () => {
  const page = await open('#/packs/cms-core');
  await page.getByTestId('scenario-links').waitFor();
  await noAxe(page, 'pack page');
  assert.ok(scenarioIds.length >= 5);
  for (const id of scenarioIds) {
    await page.evaluate((h) => (location.hash = h), `#/packs/cms-core/scenarios/${id}`);
    const svg = page.locator('[data-testid="scenario-graph"] svg');
    await svg.waitFor({ timeout: 20_000 });
    const nodes = await svg.locator('[data-node]').count();
    const edges = await svg.locator('[data-edge]').count();
    assert.ok(nodes >= 3 && edges >= 2, `${id}: ${nodes} nodes, ${edges} edges`);
    assert.ok((await svg.locator('.node--ending-fail, .node--ending-pass').count()) >= 1, id);
    const paths = await svg
      .locator('[data-edge] path')
      .evaluateAll((ps) => ps.filter((p) => p.getAttribute('d')).length);
    assert.equal(paths, edges, `${id}: every transition is drawn`);
    assert.ok((await page.getByTestId('scenario-outline').locator('li').count()) >= 2, id);
    await noAxe(page, `scenario ${id}`);
  }
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

test('play-test: one branch of the bogus caller, with intents, confidence and words', async () => {
  const page = await open('#/packs/cms-core/scenarios/bogus-caller');
  const panel = page.getByTestId('play-test');
  await panel.waitFor();
  const say = async (text) => {
    const before = await page.getByTestId('turn-feedback').count();
    await page.getByLabel('What the caseworker says').fill(text);
    await panel.getByRole('button', { name: 'Say it' }).click();
    await page.getByTestId('turn-feedback').nth(before).waitFor();
  };
  await say(
    "Hello, you're through to Sam at the Child Maintenance Service. Before we go any further I need to take you through security, can you give me two digits from your PIN and your password please?",
  );
  const first = await page.getByTestId('turn-feedback').first().innerText();
  assert.match(first, /Intent: .+confidence \d+%/);
  assert.match(first, /matched words: /);
  await say("I'm sorry, I can't discuss anything about the case until security has been completed.");
  await say("I think you're lying to me, you're not Michelle.");
  await page.getByTestId('play-ending').waitFor();
  assert.match(await page.getByTestId('play-ending').innerText(), /fail/);
  assert.match(await page.getByTestId('play-state').innerText(), /ended/);
  await noAxe(page, 'play-test');
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

test('the editor flags an invalid edit in place, clears it when fixed, saves and downloads', async () => {
  const page = await open();
  await page.locator('[data-pack="cms-core"]').waitFor();
  await upload(page, 'qa-pack.yaml', qa('1.0.0'));
  await page.locator('[data-pack="qa-pack"]').waitFor();
  await page.evaluate(() => (location.hash = '#/packs/qa-pack/edit'));
  const content = page.locator('.cm-content');
  await content.waitFor();
  await statusMatches(page, /The pack is valid/);
  await noAxe(page, 'editor');
  await content.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('bogusKey: 1\n');
  await statusMatches(page, /\b1 error\b/);
  await page.locator('.cm-lintRange-error').first().waitFor();
  assert.match(await page.getByTestId('editor-problems').innerText(), /line 1:1/);
  assert.ok(await page.getByRole('button', { name: 'Save in this browser' }).isDisabled());
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Delete');
  await statusMatches(page, /The pack is valid/);
  // A real change: a new version, saved and then downloaded.
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# edited\n');
  await statusMatches(page, /The pack is valid/);
  await page.getByRole('button', { name: 'Save in this browser' }).click();
  await statusMatches(page, /Saved in this browser/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'qa-pack-1.0.0.yaml');
  const saved = readFileSync(await download.path(), 'utf8');
  assert.match(saved, /^# edited\n/);
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

test('export and remove an imported pack', async () => {
  const page = await open();
  await page.locator('[data-pack="cms-core"]').waitFor();
  await upload(page, 'qa-pack.yaml', qa('1.0.0'));
  await page.locator('[data-pack="qa-pack"] a').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export qa-pack' }).click(),
  ]);
  assert.equal(readFileSync(await download.path(), 'utf8'), qa('1.0.0'));
  await page.getByRole('button', { name: 'Remove qa-pack' }).click();
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await page.locator('[data-pack="cms-core"]').waitFor();
  assert.equal(await page.locator('[data-pack="qa-pack"]').count(), 0);
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

test('a JSON pack is imported; an oversize file is refused before it is parsed', async () => {
  const page = await open();
  await page.locator('[data-pack="cms-core"]').waitFor();
  const data = parse(qa('1.0.0'));
  data.id = 'qa-json';
  await page.setInputFiles('#pack-file', {
    name: 'qa-json.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(data, null, 2)),
  });
  await page.locator('[data-pack="qa-json"]').waitFor();
  await upload(page, 'huge.yaml', `# ${'x'.repeat(2_100_000)}\n${qa('9.0.0')}`);
  const summary = page.getByTestId('error-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /too large/);
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

test('play-test shows the verdict of a required statement', async () => {
  const golden = JSON.parse(
    readFileSync(new URL('../golden/first-contact/good-call.json', import.meta.url), 'utf8'),
  );
  const page = await open('#/packs/cms-core/scenarios/first-contact');
  const panel = page.getByTestId('play-test');
  await panel.waitFor();
  await page.getByLabel('What the caseworker says').fill(golden.turns[0].text);
  await panel.getByRole('button', { name: 'Say it' }).click();
  const feedback = page.getByTestId('turn-feedback').first();
  await feedback.waitFor();
  assert.match(await feedback.innerText(), /Statement confidentiality-statement: exact \(100%\)/);
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

test('a scenario of an imported pack is listed on the start page and can be practised', async () => {
  const { signIn, openScenario, startCall, answerTyped, waitForTurn } =
    await import('./practice-helpers.mjs');
  const page = await open();
  await page.locator('[data-pack="cms-core"]').waitFor();
  const extra = qa('1.0.0')
    .replace(/^title: .*$/m, 'title: QA extra pack')
    .replace(
      /^ {2}- id: first-contact\n {4}title: .*$/m,
      '  - id: qa-first-contact\n    title: QA first contact',
    );
  await upload(page, 'qa-extra.yaml', extra);
  await notice(page)
    .getByText(/Installed .*qa-pack/)
    .waitFor();
  await page.evaluate(() => (location.hash = '#/'));
  await signIn(page);
  await page.getByText('QA first contact').first().waitFor();
  await openScenario(page, 'qa-first-contact');
  await startCall(page);
  await answerTyped(page, 'Hello, this is Sam calling from the Child Maintenance Service');
  await waitForTurn(page, 0);
  assert.deepEqual(page.problems, []);
  await closePage(page);
});
