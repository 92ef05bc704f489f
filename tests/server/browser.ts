// A browser for tests of the app's outbox against a team server in this process: its network (fetch
// through Fastify's inject, with a cookie jar) and what a trainee's call saves in its attempt store.
import type { FastifyInstance } from 'fastify';
import type { NewAttempt, StoredTurn } from '../../src/core/ports/index.ts';

/**
 * fetch for one browser: a cookie jar, a network error while `app()` gives null (the server is
 * down), and each request told to `onRequest` as 'METHOD url'.
 */
export function injectFetch(
  app: () => FastifyInstance | null,
  onRequest: (request: string) => void = () => {},
): typeof fetch {
  let cookie = '';
  return (async (url: string, init: RequestInit = {}) => {
    onRequest(`${init.method ?? 'GET'} ${url}`);
    const live = app();
    if (!live) throw new TypeError('fetch failed');
    const response = await live.inject({
      method: (init.method ?? 'GET') as 'GET',
      url,
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
      ...(init.body ? { payload: init.body as string } : {}),
    });
    const set = response.headers['set-cookie'];
    if (set) cookie = String(Array.isArray(set) ? set[0] : set).split(';')[0]!;
    return new Response(response.body || null, { status: response.statusCode });
  }) as typeof fetch;
}

/** A practice call of the built-in pack's new application scenario, as the attempt store starts it. */
export const practiceAttempt = (trainee: string): NewAttempt => ({
  trainee,
  packId: 'cms-core',
  packVersion: '1.0.0',
  scenarioId: 'new-application',
  scenarioTitle: 'A new application',
  mode: 'practice',
});

/** A typed turn, saved now. */
export const typed = (text: string): StoredTurn => ({ text, source: 'typed', at: new Date().toISOString() });
