import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, formatViolations, launchBrowser, newPage, runAxe, startServer } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the home page loads with no console errors, CSP violations or axe violations', async () => {
  const page = await newPage(browser, server.url, { fakeSpeech: true });
  await page.locator('h1').first().waitFor();
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, formatViolations(violations));
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

test('the server sends the Content-Security-Policy header with no unsafe-inline', async () => {
  const response = await fetch(server.url);
  const csp = response.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.match(csp, /frame-ancestors 'none'/);
});

test('each route gets a title and, after the first, focus on its heading', async () => {
  const page = await newPage(browser, server.url, { fakeSpeech: true });
  await page.locator('h1').first().waitFor();
  assert.match(await page.title(), /Practise a call – Verbatim/);
  for (const [hash, heading] of [
    ['#/review', /Review/],
    ['#/packs', /pack/i],
    ['#/drill', /Statement drill/],
    ['#/nowhere', /Page not found/],
  ]) {
    await page.evaluate((h) => (location.hash = h), hash);
    await page.locator('h1', { hasText: heading }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.match(await page.title(), heading);
  }
  assert.deepEqual(page.problems, []);
  await closePage(page);
});

test('no GOV.UK fonts are requested', async () => {
  const page = await newPage(browser, null);
  const fonts = [];
  page.on('request', (r) => {
    if (/\.woff2?$/.test(r.url())) fonts.push(r.url());
  });
  await page.goto(server.url);
  await page.locator('h1').first().waitFor();
  assert.deepEqual(fonts, []);
  await closePage(page);
});
