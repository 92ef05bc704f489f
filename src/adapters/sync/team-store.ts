// The review screens' store for a signed-in coach: the team's attempts read from the server (the
// database filters, sorts and pages them), notes, flags and dispute resolutions written to it, so
// they are kept centrally with who did what and when. Settings stay this machine's.
import type { AttemptRecord, AttemptStore } from '../../core/ports/index.ts';
import type { Api } from './api-client.ts';
import { ApiError } from './api-client.ts';
import { canonical } from './plan.ts';
import { fromServer, type ServerAttempt } from './merge.ts';
import { headFromServer as head, teamReviewPages, type ServerHead } from './team-review.ts';

/** The server's largest page (src/server/attempts/read-routes.ts). */
const PAGE = 200;

function readOnly(what: string): never {
  throw new Error(`${what} is done on the trainee's own machine, not in the team's review.`);
}

async function pages<T>(fetchPage: (offset: number) => Promise<{ total: number; items: T[] }>): Promise<T[]> {
  const all: T[] = [];
  for (;;) {
    const page = await fetchPage(all.length);
    all.push(...page.items);
    if (page.items.length === 0 || all.length >= page.total) return all;
  }
}

export function teamStore(api: Api, local: AttemptStore): AttemptStore {
  const firstHeads = async (limit: number) => {
    const page = await api.request<{ total: number; items: ServerHead[] }>(
      'GET',
      `/api/attempts?limit=${limit}`,
    );
    return { heads: page.items.map(head), total: page.total };
  };
  const get = async (id: string): Promise<AttemptRecord | undefined> => {
    try {
      return fromServer(await api.request<ServerAttempt>('GET', `/api/attempts/${encodeURIComponent(id)}`));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return undefined;
      throw e;
    }
  };
  const list = async () =>
    (
      await pages((offset) =>
        api
          .request<{ total: number; attempts: ServerAttempt[] }>(
            'GET',
            `/api/team/attempts?limit=${PAGE}&offset=${offset}`,
          )
          .then((p) => ({ total: p.total, items: p.attempts })),
      )
    ).map(fromServer);
  const reviewPages = teamReviewPages(api);
  return {
    reviewPages,
    filterChoices: () => reviewPages.options(),
    firstHeads,
    listHeads: async () =>
      (
        await pages((offset) =>
          api.request<{ total: number; items: ServerHead[] }>(
            'GET',
            `/api/attempts?limit=${PAGE}&offset=${offset}`,
          ),
        )
      ).map(head),
    get,
    list,
    modify: async (id, change) => {
      const before = await get(id);
      const after = before && change(before);
      if (!before || !after) return before;
      await sendChanges(api, before, after);
      return get(id);
    },
    ...machineOnly(local),
  };
}

type MachineOnly = Omit<AttemptStore, 'firstHeads' | 'listHeads' | 'get' | 'list' | 'modify'>;

/** What the team view leaves to the trainee's machine (refused) or to this machine (settings). */
function machineOnly(local: AttemptStore): MachineOnly {
  return {
    findInProgress: async () => undefined,
    create: () => readOnly('Starting a call'),
    put: () => readOnly('Saving a whole attempt'),
    appendTurn: () => readOnly('Saving a turn'),
    flagTurn: () => readOnly('Flagging a turn'),
    finish: () => readOnly('Ending a call'),
    importAttempts: () => readOnly('Importing a file'),
    clearAttempts: () => readOnly('Removing attempts'),
    deleteTrainee: () => readOnly("Removing a trainee's attempts"),
    getSettings: () => local.getSettings(),
    updateSettings: (patch) => local.updateSettings(patch),
    rememberTrainee: (name) => local.rememberTrainee(name),
    forgetTrainee: (name) => local.forgetTrainee(name),
    markExported: (at) => local.markExported(at),
    requestPersistence: () => local.requestPersistence(),
    estimate: () => local.estimate(),
    close: () => undefined,
    loss: null,
    gone: false,
  };
}

/** Sends what a review change added or altered: new notes, changed flags, changed disputes. */
async function sendChanges(api: Api, before: AttemptRecord, after: AttemptRecord): Promise<void> {
  const base = `/api/attempts/${encodeURIComponent(after.id)}`;
  for (const note of after.notes.filter((n) => !before.notes.some((b) => b.id === n.id)))
    await api.request('PUT', `${base}/notes/${note.id}`, { text: note.text, at: note.at });
  for (const [index, turn] of after.turns.entries()) {
    const flagged = Boolean(turn.flaggedForCoach);
    if (flagged !== Boolean(before.turns[index]?.flaggedForCoach))
      await api.request('PUT', `${base}/turns/${index}/flag`, { flagged });
  }
  for (const dispute of after.disputes) {
    const old = before.disputes.find((d) => d.id === dispute.id);
    if (!old || canonical(old) !== canonical(dispute))
      await api.request('PUT', `${base}/disputes/${dispute.id}`, dispute);
  }
}
