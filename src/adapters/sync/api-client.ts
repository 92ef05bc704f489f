// JSON requests to the team server the app was loaded from (same origin, session cookie). Every
// request has a deadline, so a dropped network never leaves the outbox waiting for ever.
import type { TeamUser } from '../../core/ports/index.ts';

/** Long enough for a slow server under load; short enough that the outbox retries soon. */
const REQUEST_TIMEOUT_MS = 15_000;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
  /** Worth trying again later: no answer, a server error, or throttled. */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429;
  }
}

export interface Api {
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
}

export function createApi(base = '', fetcher: typeof fetch = (...a) => fetch(...a)): Api {
  return {
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      let response: Response;
      try {
        response = await fetcher(`${base}${path}`, {
          method,
          credentials: 'same-origin',
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch {
        throw new ApiError(0, 'The team server cannot be reached.');
      }
      const data = (await response.json().catch(() => null)) as { error?: string } | null;
      if (!response.ok)
        throw new ApiError(response.status, data?.error ?? `The team server answered ${response.status}.`);
      return data as T;
    },
  };
}

/** The team server marks the app's files with this header; static hosting does not. */
export const SERVER_HEADER = 'x-verbatim-team-server';

/**
 * True when the app was served by a team server. The page's own address is asked first (HEAD,
 * answered by any host, so static hosting logs no failed request), then /api/health.
 */
export async function detectServer(
  api: Api,
  fetcher: typeof fetch = (...a) => fetch(...a),
): Promise<boolean> {
  try {
    const page = await fetcher('./', { method: 'HEAD', cache: 'no-store' });
    if (!page.headers.has(SERVER_HEADER)) return false;
    const health = await api.request<{ status?: string }>('GET', '/api/health');
    return health?.status === 'ok';
  } catch {
    return false;
  }
}

export async function currentUser(api: Api): Promise<TeamUser | null> {
  return (await api.request<{ user: TeamUser | null }>('GET', '/api/session/current')).user;
}
