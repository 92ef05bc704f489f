// Shared browser-test harness.
//
// HOW TO WRITE A BROWSER TEST THAT CANNOT RACE
//
// CI is a busy two-core machine: the app renders when it gets the CPU, not when the test expects it.
// So every assertion about the page WAITS for the state it asserts, with a bound and a message:
//
//   import { test } from 'node:test';
//   import assert from 'node:assert/strict';
//   import { expect, useBrowser } from './harness.mjs';
//   const app = useBrowser(); // one server and one Chromium per file; pages checked and closed after each test
//
//   test('the start page lists the scenarios', async () => {
//     const page = await app.open('#/', { fakeSpeech: true });
//     await expect.text(page.locator('main'), /Scenarios/);                // waits until the text matches
//     await expect.count(page.locator('[data-scenario]'), 5);              // waits until there are five
//     await expect.eventually(async () => assert.equal(await page.title(), 'Verbatim'), {
//       message: 'the title names the app',                                // says what was awaited
//     });
//   });
//
// - Never `assert.match(await locator.innerText(), re)` or `assert.equal(await locator.count(), n)`:
//   one read, taken while the page may still say "Loading…". Use expect.text / expect.noText /
//   expect.count / expect.atLeast / expect.attribute / expect.focus / expect.inPage, or wrap any
//   read-and-assert in expect.eventually (it retries the whole function until it passes, then fails
//   with the message and the last error). The same goes for page.evaluate(...) and page.title().
// - Do not branch on `isVisible()` just after an action (the answer may not be drawn yet): wait for
//   either outcome first, `await a.or(b).first().waitFor()`, then look.
// - After navigating between two pages of the same kind, wait for something of the new one (its
//   heading), or the old page's elements satisfy the wait.
// - Wait for the result of an action before the next one (`locator.waitFor()`, a heading, a
//   `[data-feedback-turn="n"]`), not for time: no fixed sleeps.
// - For "nothing happens" checks, first wait for something that proves the app has processed the
//   event (or drive time with `page.clock`), then assert the absence.
// - Open pages with `app.open()` (or `app.newContext()` for tabs sharing storage): after each test the
//   harness fails it on any console error, uncaught page error or CSP violation, and closes them all.
//   A test that expects a console error passes `allow: [/that error/]` to `app.open`.
// - A file's own `before` hooks run concurrently with useBrowser's: set-up the server needs (a build
//   elsewhere) goes in `useBrowser({ dir: async () => folder })`.
// - Axe: `await expect.noAxe(page, 'where')`, after waiting for the state to check.
// - Pages open with the caller's reaction to silence off: it runs on real seconds, so it would add
//   turns whenever the machine is slow. To test it, `app.open(path, { deadAir: true })` and drive
//   time with `page.clock.install()` / `page.clock.runFor(ms)`.
// - Timings are figures to report (t.diagnostic); assert only a pathological bound, so that a busy
//   machine cannot fail the suite.
// - Run one file while developing: `npx vite build && node tests/e2e/run.mjs tests/e2e/x.e2e.mjs`;
//   `npm run test:stress` runs the whole suite several times with one core kept busy.
//
// What it provides: a static server over dist/ that sends the app's Content-Security-Policy, Debian's
// Chromium through playwright-core, pages that record every console error, page error and CSP
// violation, waiting assertions, and axe-core for WCAG 2.2 A/AA.
import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { installFakeSpeech } from './fake-speech.mjs';

const require = createRequire(import.meta.url);
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const distDir = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(root, 'dist');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.gz': 'application/gzip',
};

/** The policy in dist/index.html's meta tag, plus what only a header can carry. */
export async function appCsp(dir = distDir) {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const match = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
  if (!match) throw new Error('dist/index.html has no Content-Security-Policy meta tag');
  return `${match[1].trim().replace(/;\s*$/, '')}; frame-ancestors 'none'`;
}

/**
 * The offline speech polyfill's worker (Vosk compiled with emscripten's embind) compiles
 * WebAssembly and builds its function wrappers with `new Function`, so that one file, which runs
 * off the page with no DOM, needs 'unsafe-eval' (which also allows the WebAssembly). A host must
 * send the same exception for it; the page's own policy allows neither.
 */
export function workerPolicy(path, csp) {
  return /\/vosk\.worker-[\w-]+\.js$/.test(path)
    ? csp.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'")
    : csp;
}

/** Serves dist/ on a free port of 127.0.0.1. Returns { url, close }. */
export async function startServer({ dir = distDir } = {}) {
  const csp = await appCsp(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(dir, path));
      if (file !== dir && !file.startsWith(dir + sep)) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (!body) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'content-security-policy': workerPolicy(path, csp),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
  };
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(options = {}) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs, ...options });
}

/**
 * A new page (in its own context, so its IndexedDB is fresh unless `context` is passed) at `url`.
 * `fakeSpeech`: true or a config object for the fake ({ cloudAvailable, localAvailable, voices }).
 * `deadAir`: whether the caller reacts to silence as a new trainee starts (off unless asked for).
 * `languageModel`: whether calls load the 28 MB language model (the hybrid matcher) as a new trainee's do;
 * off unless asked for (the trainee's "words only" setting), so that each fresh context does not
 * download and run it (tests/e2e/understanding.e2e.mjs covers it).
 * `page.problems` collects console errors, uncaught page errors and CSP violations; `allow` lists
 * the ones a test expects (regular expressions), which `unexpectedProblems` leaves out.
 */
export async function newPage(
  browser,
  url,
  {
    fakeSpeech = false,
    context,
    reducedMotion = 'reduce',
    allow = [],
    deadAir = false,
    languageModel = false,
  } = {},
) {
  const ctx = context ?? (await browser.newContext({ reducedMotion, locale: 'en-GB' }));
  const page = await ctx.newPage();
  page.problems = [];
  page.allowedProblems = allow;
  await page.addInitScript(startingPreferences, { deadAir, wordsOnly: !languageModel });
  page.ownsContext = !context;
  if (fakeSpeech) await page.addInitScript(installFakeSpeech, fakeSpeech === true ? {} : fakeSpeech);
  await page.exposeBinding('__reportCspViolation', (_source, text) => page.problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCspViolation?.(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  if (url) await page.goto(url);
  return page;
}

/**
 * In the page before the app starts: a trainee who has not chosen yet has the caller's reaction to
 * silence switched off (the setting the app keeps in localStorage). That reaction runs on a timer of
 * real seconds, so on a slow machine it would add silent turns between typed answers; the test of
 * silence turns it on and drives the clock with page.clock. Calls run on words only unless a test asks for
 * the language model (`languageModel: true`).
 */
function startingPreferences({ deadAir, wordsOnly }) {
  const key = 'verbatim.preferences';
  const prefs = { ...(deadAir ? {} : { deadAir: false }), ...(wordsOnly ? { wordsOnly: true } : {}) };
  if (localStorage.getItem(key) === null && Object.keys(prefs).length > 0)
    localStorage.setItem(key, JSON.stringify(prefs));
}

/** The problems a page recorded that its test did not declare with `allow`. */
export function unexpectedProblems(page) {
  return page.problems.filter((p) => !page.allowedProblems?.some((re) => re.test(p)));
}

/** Closes the page and the context newPage made for it. */
export async function closePage(page) {
  if (page.ownsContext) await page.context().close();
  else await page.close();
}

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core in the page; returns the violations (an empty array when there are none). */
export async function runAxe(page, { include } = {}) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) {
    // Injected through the DevTools protocol, so the page's CSP does not block it.
    const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(source);
  }
  const result = await page.evaluate(
    async ({ tags, include }) =>
      window.axe.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    { tags: axeTags, include },
  );
  return result.violations;
}

/** Runs axe on the page as it is now (wait for the state first) and fails with every violation. */
async function expectNoAxe(page, where = page.url()) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `axe on ${where}:\n${formatViolations(violations)}`);
}

/** One line per violation and node, for assertion messages. */
export function formatViolations(violations) {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary}`))
    .join('\n');
}

/**
 * After a test: closes its pages and contexts, then fails the test if any page logged a console
 * error, a page error or a CSP violation it did not allow.
 */
export async function closeAllChecked(open) {
  const [pages, contexts] = [open.filter((o) => 'goto' in o), open.filter((o) => !('goto' in o))];
  const problems = pages.flatMap((p) => unexpectedProblems(p).map((text) => `${p.url()}: ${text}`));
  for (const page of pages) await closePage(page).catch(() => {});
  for (const context of contexts) await context.close().catch(() => {});
  assert.deepEqual(problems, [], 'no console errors, page errors or CSP violations');
}

/**
 * One server and one Chromium for the test file (registered as its before/after hooks), and an
 * afterEach that closes every page and context the test opened through it and fails the test on
 * any console error, page error or CSP violation it did not `allow`.
 * `start()` starts the server and answers { url (ending in "/"), close() }; `prepare(server)`, if
 * given, then seeds it; `pageOptions` are newPage's options where a test gives none; `cleanup()`, if
 * given, runs last, after the browser and the server have stopped (a build folder, a process the
 * server relied on). The set-up behind useBrowser and team-helpers.mjs's useTeamBrowser.
 */
export function useServedBrowser(start, { prepare, pageOptions = {}, cleanup } = {}) {
  let server;
  let browser;
  const open = [];
  before(async () => {
    server = await start();
    await prepare?.(server);
    browser = await launchBrowser();
  });
  afterEach(() => closeAllChecked(open.splice(0)));
  after(async () => {
    try {
      await browser?.close();
      await server?.close();
    } finally {
      await cleanup?.();
    }
  });
  return {
    /** What `start()` answered. */
    get server() {
      return server;
    },
    /** The server's address, ending in "/". */
    get url() {
      return server.url;
    },
    get browser() {
      return browser;
    },
    /**
     * A new page (its own context unless `context` is given) at `path` (relative to the server, e.g.
     * '#/packs'; null for a blank page, to set it up before `goto`). Options as for newPage.
     */
    async open(path = '', options = pageOptions) {
      const page = await newPage(browser, path === null ? null : server.url + path, options);
      open.push(page);
      return page;
    },
    /** A context for pages that share storage (tabs); closed after the test. */
    async newContext(options = {}) {
      const context = await browser.newContext({ reducedMotion: 'reduce', locale: 'en-GB', ...options });
      open.push(context);
      return context;
    },
  };
}

/**
 * useServedBrowser with a static server of the built app. `dir`: the folder to serve, or an async
 * function returning it, awaited before the server starts (e.g. one that builds the app elsewhere: a
 * file's own `before` hooks run concurrently with this one, so set-up the server depends on goes
 * here). Defaults to dist/, or E2E_DIST when set. `cleanup` as for useServedBrowser.
 */
export function useBrowser({ dir, cleanup } = {}) {
  return useServedBrowser(
    async () => {
      const folder = typeof dir === 'function' ? await dir() : dir;
      return startServer(folder ? { dir: folder } : {});
    },
    { cleanup },
  );
}

// A waiting assertion gives up after this long: Playwright's own default for a wait. Generous on
// purpose: it only bounds a failing test, and a passing one returns as soon as its state appears.
// Under npm run test:stress (load average 24 on two cores) a route change has taken over 15 s.
export const EXPECT_TIMEOUT_MS = 30_000;
// First pause between two tries; it doubles up to the ceiling below, so a quick state is seen
// quickly and a slow one does not keep a loaded machine busier.
const FIRST_RETRY_MS = 25;
const MAX_RETRY_MS = 250;

/**
 * Retries `fn` until it resolves without throwing (and does not return `false`), for at most
 * `timeout` ms (each try is also cut off at the deadline). Returns what `fn` returned. Fails with
 * `message` (what was awaited) and the last error seen.
 */
async function expectEventually(fn, { timeout = EXPECT_TIMEOUT_MS, message = 'a condition' } = {}) {
  const deadline = Date.now() + timeout;
  const cutOff = new Error('the last try did not finish in time');
  let pause = FIRST_RETRY_MS;
  let last;
  for (;;) {
    const left = deadline - Date.now();
    let timer;
    const outOfTime = new Promise((_, fail) => {
      timer = setTimeout(() => fail(cutOff), Math.max(left, 0));
    });
    try {
      const value = await Promise.race([fn(), outOfTime]);
      if (value !== false) return value;
      last = new Error('returned false');
    } catch (error) {
      // A try cut off at the deadline says less than the one before it: keep both.
      last =
        error === cutOff && last ? new Error(`${last.message} (and a later try was still running)`) : error;
    } finally {
      clearTimeout(timer);
    }
    if (Date.now() + pause >= deadline) break;
    await new Promise((r) => setTimeout(r, pause));
    pause = Math.min(pause * 2, MAX_RETRY_MS);
  }
  const error = new assert.AssertionError({
    message: `Timed out after ${timeout} ms waiting for ${message}.\nLast: ${last?.message ?? last}`,
  });
  error.cause = last;
  throw error;
}

/** A Page stands for its whole body. */
const asLocator = (target) => ('goto' in target ? target.locator('body') : target);
const describe = (target) => ('goto' in target ? 'the page' : String(target));
const matches = (text, expected) =>
  expected instanceof RegExp ? expected.test(text) : text.includes(String(expected));

// One read of an element waits at most this long for it to exist, and stops a little before the
// deadline, so that a missing element is reported as such by Playwright rather than as a timeout.
const READ_TIMEOUT_MS = 2_000;
const READ_MARGIN_MS = 50;
const readTimeout = (deadline) =>
  Math.max(Math.min(deadline - Date.now() - READ_MARGIN_MS, READ_TIMEOUT_MS), 1);

/** The element's rendered text (innerText), or all its text with `{ content: true }` (textContent). */
async function readText(locator, content, deadline) {
  const timeout = readTimeout(deadline);
  return content ? ((await locator.textContent({ timeout })) ?? '') : locator.innerText({ timeout });
}

/** Waits until the text of `target` matches `expected` (or, with `absent`, no longer does). */
async function waitForText(target, expected, { timeout = EXPECT_TIMEOUT_MS, message, content, absent }) {
  const locator = asLocator(target);
  const deadline = Date.now() + timeout;
  const wanted = absent ? 'not to show' : 'to show';
  return expectEventually(
    async () => {
      const text = await readText(locator, content, deadline);
      assert.ok(matches(text, expected) !== absent, `the text is now: ${JSON.stringify(text.slice(0, 500))}`);
      return text;
    },
    { timeout, message: message ?? `${describe(target)} ${wanted} ${expected}` },
  );
}

/**
 * Waits until the text of `target` (a Page or a Locator resolving to one element) matches
 * `expected` (a RegExp, or a string it must contain). Returns the text. Options: `timeout`,
 * `message` (what is awaited), `content` (match textContent rather than the rendered innerText).
 */
const expectText = (target, expected, options = {}) =>
  waitForText(target, expected, { ...options, absent: false });

/** Waits until the text of `target` no longer matches `expected`; options as for expectText. */
const expectNoText = (target, expected, options = {}) =>
  waitForText(target, expected, { ...options, absent: true });

/** Waits until `locator` matches exactly `count` elements. */
async function expectCount(locator, count, { timeout = EXPECT_TIMEOUT_MS, message } = {}) {
  await expectEventually(async () => assert.equal(await locator.count(), count), {
    timeout,
    message: message ?? `${count} of ${locator}`,
  });
}

/** Waits until `locator` matches at least `count` elements; returns how many it matched. */
async function expectAtLeast(locator, count, { timeout = EXPECT_TIMEOUT_MS, message } = {}) {
  return expectEventually(
    async () => {
      const n = await locator.count();
      assert.ok(n >= count, `${n} found`);
      return n;
    },
    { timeout, message: message ?? `at least ${count} of ${locator}` },
  );
}

/** Waits until `locator`'s attribute `name` equals (or, for a RegExp, matches) `expected`. */
async function expectAttribute(locator, name, expected, { timeout = EXPECT_TIMEOUT_MS, message } = {}) {
  const deadline = Date.now() + timeout;
  return expectEventually(
    async () => {
      const value = await locator.getAttribute(name, { timeout: readTimeout(deadline) });
      if (expected instanceof RegExp) assert.match(value ?? '', expected);
      else assert.equal(value, expected);
      return value;
    },
    { timeout, message: message ?? `${name}=${expected} on ${locator}` },
  );
}

/** Waits until `fn` run in the page returns a value deep-equal to `expected`. */
async function expectInPage(page, fn, arg, expected, { timeout = EXPECT_TIMEOUT_MS, message } = {}) {
  return expectEventually(async () => assert.deepEqual(await page.evaluate(fn, arg), expected), {
    timeout,
    message: message ?? `${fn} in the page to give ${JSON.stringify(expected)}`,
  });
}

/** Waits until the focused element matches `selector` (e.g. 'h1', '#answer'). */
async function expectFocus(page, selector, { timeout = EXPECT_TIMEOUT_MS, message } = {}) {
  await expectInPage(page, (s) => document.activeElement?.matches(s) ?? false, selector, true, {
    timeout,
    message: message ?? `focus on ${selector}`,
  });
}

/**
 * The waiting assertions, as `expect.text(locator, /x/)`: each waits for the state it asserts and
 * fails with what it awaited (see the notes at the top of this file).
 */
export const expect = {
  eventually: expectEventually,
  text: expectText,
  noText: expectNoText,
  count: expectCount,
  atLeast: expectAtLeast,
  attribute: expectAttribute,
  inPage: expectInPage,
  focus: expectFocus,
  noAxe: expectNoAxe,
};
