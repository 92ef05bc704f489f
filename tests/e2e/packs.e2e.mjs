// The scenario packs screens (#/packs): import, validation errors, replacing a version, inert pack
// text, the graph of every scenario, a play-test, the editor, and axe on each page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, useBrowser } from './harness.mjs';
import { answerTyped, openScenario, signIn, startCall } from './practice-helpers.mjs';
import { saveUntilAsked, shippedVersion, typeVersion } from './editor-helpers.mjs';

const core = readFileSync(new URL('../../scenarios/cms-core.yaml', import.meta.url), 'utf8');
// A QA team's own pack, built from the default one: its own pack id and its own scenario ids, since a pack
// may not bring a scenario id that another installed pack has.
const qa = (version) =>
  core
    .replace(/^id: cms-core$/m, 'id: qa-pack')
    .replace(/^version: .*$/m, `version: ${version}`)
    .replace(/^ {2}- id: ([a-z0-9-]+)\n {4}title:/gm, '  - id: qa-$1\n    title:');
const scenarioIds = [...core.matchAll(/^ {2}- id: ([a-z0-9-]+)\n {4}title:/gm)].map((m) => m[1]);
const titles = new Map(parse(core).scenarios.map((s) => [s.id, s.title]));

const app = useBrowser();

async function open(hash = '#/packs') {
  const page = await app.open(hash);
  await page.locator('h1').first().waitFor();
  return page;
}
const upload = (page, name, text) =>
  page.setInputFiles('#pack-file', { name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
const statusMatches = (page, re) => expect.text(page.getByTestId('editor-status'), re, { content: true });
const pack = (page, id) => page.locator(`[data-pack="${id}"]`);
/** Goes to a scenario's page and waits until its heading is that scenario's (not the last one's). */
async function showScenario(page, packId, id) {
  await page.evaluate((h) => (location.hash = h), `#/packs/${packId}/scenarios/${id}`);
  // The QA pack's scenarios keep the default pack's titles under their own ids (qa-...).
  const title = titles.get(id) ?? titles.get(id.replace(/^qa-/, ''));
  await expect.text(page.locator('h1').first(), title, { message: `the page of ${id}` });
}
const notice = (page) => page.getByTestId('packs-notice');

test('lists the built-in pack and takes the default pack file again without change', async () => {
  const page = await open();
  await expect.text(pack(page, 'cms-core'), shippedVersion('cms-core'));
  await expect.text(pack(page, 'cms-core'), /built-in/);
  await expect.noAxe(page, '#/packs');
  await upload(page, 'cms-core.yaml', core);
  await notice(page)
    .getByText(/already installed/)
    .waitFor();
  await upload(page, 'qa-pack.yaml', qa('1.0.0'));
  await notice(page)
    .getByText(/Installed .*qa-pack/)
    .waitFor();
  await expect.text(pack(page, 'qa-pack'), /imported/);
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
  await expect.focus(page, '[data-testid="error-summary"]', { message: 'focus on the error summary' });
  await expect.eventually(
    async () => {
      const items = await summary.locator('li').allInnerTexts();
      assert.ok(items.length >= 2, items.join('\n'));
      assert.ok(
        items.some((t) => /broken\.yaml: passMark \(line \d+:\d+\)/.test(t)),
        items.join('\n'),
      );
    },
    { message: 'the problems listed with file, path, line and column' },
  );
  await expect.count(pack(page, 'qa-pack'), 0, { message: 'the broken pack not installed' });
  await expect.noAxe(page, 'error summary');
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
  await expect.text(pack(page, 'qa-pack'), /1\.0\.0/);
  await expect.noAxe(page, 'replace prompt');
  await prompt.getByRole('button', { name: /Replace with version 1\.1\.0/ }).click();
  await notice(page)
    .getByText(/Replaced qa-pack version 1\.0\.0 with version 1\.1\.0/)
    .waitFor();
  await expect.text(pack(page, 'qa-pack'), /1\.1\.0/);
  await page.reload();
  await expect.text(pack(page, 'qa-pack'), /1\.1\.0/, {
    message: 'version 1.1.0 still installed after a reload',
  });
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
  await expect.text(description, /<img src=x id=injected>/);
  await expect.count(page.locator('#injected'), 0);
  await expect.count(page.locator('a[href^="javascript:"]'), 0);
  for (const id of scenarioIds) {
    await showScenario(page, 'qa-pack', `qa-${id}`);
    await page.getByTestId('endings').waitFor();
    await expect.count(page.locator('a[href^="javascript:"]'), 0, {
      message: `no javascript: link on ${id}`,
    });
  }
  await expect.eventually(async () => assert.equal(await page.evaluate(() => window.pwned), undefined), {
    message: 'no script from the pack run',
  });
});

test('each scenario of the built-in pack is drawn as a graph and listed, with no axe violations', async () => {
  const page = await open('#/packs/cms-core');
  await page.getByTestId('scenario-links').waitFor();
  await expect.noAxe(page, 'pack page');
  assert.ok(scenarioIds.length >= 5);
  for (const id of scenarioIds) {
    await showScenario(page, 'cms-core', id);
    const svg = page.locator('[data-testid="scenario-graph"] svg');
    await expect.text(svg.locator('title'), `Graph of ${titles.get(id)}:`, {
      content: true,
      timeout: 20_000,
      message: `the graph of ${id} laid out`,
    });
    await expect.eventually(
      async () => {
        const nodes = await svg.locator('[data-node]').count();
        const edges = await svg.locator('[data-edge]').count();
        assert.ok(nodes >= 3 && edges >= 2, `${nodes} nodes, ${edges} edges`);
        assert.ok((await svg.locator('.node--ending-fail, .node--ending-pass').count()) >= 1, 'no ending');
        const paths = await svg
          .locator('[data-edge] path')
          .evaluateAll((ps) => ps.filter((p) => p.getAttribute('d')).length);
        assert.equal(paths, edges, 'every transition is drawn');
      },
      { message: `the graph of ${id} with its states, endings and every transition drawn` },
    );
    await expect.atLeast(page.getByTestId('scenario-outline').locator('li'), 2, {
      message: `the outline of ${id}`,
    });
    await expect.noAxe(page, `scenario ${id}`);
  }
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
  const first = page.getByTestId('turn-feedback').first();
  await expect.text(first, /Intent: .+confidence \d+%/);
  await expect.text(first, /matched words: /);
  await say("I'm sorry, I can't discuss anything about the case until security has been completed.");
  await say("I think you're lying to me, you're not Michelle.");
  await expect.text(page.getByTestId('play-ending'), /fail/);
  await expect.text(page.getByTestId('play-state'), /ended/);
  await expect.noAxe(page, 'play-test');
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
  await expect.noAxe(page, 'editor');
  await content.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('bogusKey: 1\n');
  await statusMatches(page, /\b1 error\b/);
  await page.locator('.cm-lintRange-error').first().waitFor();
  await expect.text(page.getByTestId('editor-problems'), /line 1:1/);
  await expect.eventually(
    async () => assert.ok(await page.getByRole('button', { name: 'Save in this browser' }).isDisabled()),
    { message: 'saving to be refused while the pack has errors' },
  );
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Delete');
  await statusMatches(page, /The pack is valid/);
  // A real change: a new version, saved (replacing the installed one after confirmation) and downloaded.
  await typeVersion(page, '1.0.0', '1.1.0');
  await saveUntilAsked(page, '1.1.0', 'confirmation asked before version 1.1.0 replaces 1.0.0');
  await page.getByRole('button', { name: 'Replace with version 1.1.0' }).click();
  await page.getByTestId('replace-prompt').waitFor({ state: 'detached' });
  await page.evaluate(() => (location.hash = '#/packs'));
  await expect.text(pack(page, 'qa-pack'), /1\.1\.0/);
  await page.evaluate(() => (location.hash = '#/packs/qa-pack/edit'));
  await content.waitFor();
  await statusMatches(page, /The pack is valid/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'qa-pack-1.1.0.yaml');
  const saved = readFileSync(await download.path(), 'utf8');
  assert.match(saved, /^version: 1\.1\.0$/m);
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
  await expect.count(pack(page, 'qa-pack'), 0, { message: 'qa-pack removed from the list' });
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
  await expect.text(page.getByTestId('error-summary'), /too large/);
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
  await expect.text(
    page.getByTestId('turn-feedback').first(),
    /Confidentiality statement: Word for word \(100%\)/,
  );
});

test('a scenario of an imported pack is listed on the start page and can be practised', async () => {
  const page = await open();
  await page.locator('[data-pack="cms-core"]').waitFor();
  const extra = qa('1.0.0')
    .replace(/^title: .*$/m, 'title: QA extra pack')
    .replace(
      /^ {2}- id: qa-first-contact\n {4}title: .*$/m,
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
});
