// The team server's export and import routes (src/server/team), from the app it served: same
// origin, the session cookie sent as for every other call.
import type { TeamFile, TeamFileFormat, TeamFiles, TeamImportOutcome } from '../core/ports/index.ts';

/** A whole team's file can be tens of megabytes: longer than an ordinary call may take. */
const FILE_TIMEOUT_MS = 120_000;

async function failure(response: Response): Promise<Error> {
  const data = (await response.json().catch(() => null)) as { error?: string } | null;
  return new Error(data?.error ?? `The team server answered ${response.status}.`);
}

function filenameOf(response: Response, format: TeamFileFormat): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? `verbatim-team-attempts.${format}`;
}

export function teamFiles(fetcher: typeof fetch = (...a) => fetch(...a)): TeamFiles {
  const call = async (path: string, init: RequestInit = {}) => {
    try {
      return await fetcher(path, {
        credentials: 'same-origin',
        signal: AbortSignal.timeout(FILE_TIMEOUT_MS),
        ...init,
      });
    } catch {
      throw new Error('The team server cannot be reached.');
    }
  };
  return {
    async exportTeam(format): Promise<TeamFile> {
      const response = await call(`/api/team/export?format=${format}`);
      if (!response.ok) throw await failure(response);
      const type = format === 'csv' ? 'text/csv' : 'application/json';
      // Decoded keeping the CSV's byte-order mark (Response.text() drops it, and Excel needs it).
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
      return { filename: filenameOf(response, format), text, type };
    },
    async importTeam(file, fileName): Promise<TeamImportOutcome> {
      const response = await call(`/api/team/import?file=${encodeURIComponent(fileName)}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: file,
      });
      const data = (await response.json().catch(() => null)) as {
        added: number;
        updated: number;
        unchanged: number;
        error?: string;
        problems?: string[];
      } | null;
      if (response.ok && data)
        return { ok: true, added: data.added, updated: data.updated, unchanged: data.unchanged };
      if (data?.problems?.length) return { ok: false, errors: data.problems };
      return { ok: false, errors: [data?.error ?? `The team server answered ${response.status}.`] };
    },
  };
}
