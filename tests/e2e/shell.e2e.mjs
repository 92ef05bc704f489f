import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expect, useBrowser } from './harness.mjs';

const app = useBrowser();

test('the home page loads with no console errors, CSP violations or axe violations', async () => {
  const page = await app.open('', { fakeSpeech: true });
  await page.locator('h1').first().waitFor();
  await expect.noAxe(page, 'the home page');
});

test('the server sends the Content-Security-Policy header with no unsafe-inline', async () => {
  const response = await fetch(app.url);
  const csp = response.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.match(csp, /frame-ancestors 'none'/);
});

test('each route gets a title and, after the first, focus on its heading', async () => {
  const page = await app.open('', { fakeSpeech: true });
  await page.locator('h1').first().waitFor();
  const titled = (re) =>
    expect.eventually(async () => assert.match(await page.title(), re), { message: `the title ${re}` });
  await titled(/Practise a call – Verbatim/);
  for (const [hash, heading] of [
    ['#/review', /Review/],
    ['#/packs', /pack/i],
    ['#/drill', /Statement drill/],
    ['#/nowhere', /Page not found/],
  ]) {
    await page.evaluate((h) => (location.hash = h), hash);
    await page.locator('h1', { hasText: heading }).waitFor();
    await expect.focus(page, 'h1', { message: `focus on the heading of ${hash}` });
    await titled(heading);
  }
});

test('no GOV.UK fonts are requested', async () => {
  const page = await app.open(null);
  const fonts = [];
  page.on('request', (r) => {
    if (/\.woff2?$/.test(r.url())) fonts.push(r.url());
  });
  await page.goto(app.url);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(fonts, []);
});
