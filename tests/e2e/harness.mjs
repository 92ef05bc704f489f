// Shared browser-test harness: a static server over dist/ that sends the app's
// Content-Security-Policy, Debian's Chromium through playwright-core, a page that records every
// console error, page error and CSP violation, and axe-core for WCAG 2.2 A/AA.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { installFakeSpeech } from './fake-speech.mjs';

const require = createRequire(import.meta.url);
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const distDir = join(root, 'dist');

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
 * `page.problems` collects console errors, uncaught page errors and CSP violations.
 */
export async function newPage(browser, url, { fakeSpeech = false, context, reducedMotion = 'reduce' } = {}) {
  const ctx = context ?? (await browser.newContext({ reducedMotion, locale: 'en-GB' }));
  const page = await ctx.newPage();
  page.problems = [];
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

/** One line per violation and node, for assertion messages. */
export function formatViolations(violations) {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary}`))
    .join('\n');
}
