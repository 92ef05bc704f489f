// Wiring for src/main.ts: the attempt store the app uses (IndexedDB, poking the outbox after each
// write) and the team server, which is null unless the app was served by one. Opening the store
// never waits for the network: the server is looked for on the side.
import type { AttemptStore, TeamServer } from '../../core/ports/index.ts';
import { createApi, detectServer } from './api-client.ts';
import { openMarks } from './sync-marks.ts';
import { syncingStore } from './syncing-store.ts';
import { HttpTeamServer } from './team-server.ts';

export interface TeamSync {
  store: () => Promise<AttemptStore>;
  team: () => Promise<TeamServer | null>;
}

export function teamSync(openLocal: () => Promise<AttemptStore>, win: Window, now: () => Date): TeamSync {
  let found: Promise<HttpTeamServer | null> | null = null;
  const team = () =>
    (found ??= (async () => {
      const api = createApi();
      if (!(await detectServer(api))) return null;
      const server = new HttpTeamServer({
        api,
        local: await openLocal(),
        marks: await openMarks(),
        now,
        remember: storageOf(win),
      });
      win.addEventListener('online', () => server.outbox.retryNow());
      await server.resume();
      return server;
    })());
  let store: Promise<AttemptStore> | null = null;
  return {
    store: () =>
      (store ??= openLocal().then((local) =>
        syncingStore(local, () => void team().then((server) => server?.outbox.poke())),
      )),
    team,
  };
}

/** The window's localStorage, or none where the browser refuses it (some privacy settings throw). */
function storageOf(win: Window): Storage | undefined {
  try {
    return win.localStorage;
  } catch {
    return undefined;
  }
}
