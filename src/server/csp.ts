// The server sends the same Content-Security-Policy as the app's meta tag, as a header, plus what
// only a header can carry (frame-ancestors). Read from the built index.html so the two never drift.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function appCsp(distDir: string): Promise<string> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const match = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
  if (!match?.[1]) throw new Error(`${distDir}/index.html has no Content-Security-Policy meta tag`);
  return `${match[1].trim().replace(/;\s*$/, '')}; frame-ancestors 'none'`;
}

/**
 * The offline speech worker (Vosk built with emscripten's embind) compiles WebAssembly and builds
 * wrappers with `new Function`, so that one file, which runs off the page with no DOM, gets
 * 'unsafe-eval'. The page's own policy allows neither (same rule as the browser tests' server).
 */
export function policyFor(path: string, csp: string): string {
  return /\/vosk\.worker-[\w-]+\.js$/.test(path)
    ? csp.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'")
    : csp;
}
