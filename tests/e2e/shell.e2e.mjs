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
