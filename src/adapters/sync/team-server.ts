// The team server as the app sees it: who is signed in, the outbox's state, and (for coaches) the
// team's attempts. Only built when the app was served by a team server (GET /api/health answers);
// with static hosting nothing here runs and nothing leaves the machine.
import type {
  AttemptStore,
  PublishedPackInfo,
  SingleSignOn,
  SyncStatus,
  TeamServer,
  TeamUser,
} from '../../core/ports/index.ts';
import { currentUser, type Api } from './api-client.ts';
import { Outbox } from './outbox.ts';
import type { MarksStore } from './sync-marks.ts';
import { teamStore } from './team-store.ts';

export interface TeamServerDeps {
  api: Api;
  /** The IndexedDB attempt store itself (the outbox reads and merges into it without poking itself). */
  local: AttemptStore;
  marks: MarksStore;
  now: () => Date;
}

export class HttpTeamServer implements TeamServer {
  user: TeamUser | null = null;
  singleSignOn: SingleSignOn | null = null;
  readonly outbox: Outbox;
  #listeners = new Set<() => void>();
  #deps: TeamServerDeps;

  constructor(deps: TeamServerDeps) {
    this.#deps = deps;
    this.outbox = new Outbox({ api: deps.api, store: deps.local, marks: deps.marks, now: deps.now }, () =>
      this.#emit(),
    );
  }

  /** Picks up a session this browser already has (the cookie survives a reload). */
  async resume(): Promise<void> {
    const [user, methods] = await Promise.all([
      currentUser(this.#deps.api).catch(() => null),
      this.#deps.api
        .request<{ singleSignOn: SingleSignOn | null }>('GET', '/api/auth/methods')
        .catch(() => null),
    ]);
    this.singleSignOn = methods?.singleSignOn ?? null;
    this.#setUser(user);
  }

  get status(): SyncStatus {
    return this.outbox.status;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async signIn(username: string, password: string): Promise<TeamUser> {
    const { user } = await this.#deps.api.request<{ user: TeamUser }>('POST', '/api/session', {
      username,
      password,
    });
    this.#setUser(user);
    return user;
  }

  async signOut(): Promise<void> {
    await this.#deps.api.request('DELETE', '/api/session');
    this.#setUser(null);
  }

  async signOutEverywhere(): Promise<void> {
    await this.#deps.api.request('POST', '/api/session/sign-out-everywhere');
    this.#setUser(null);
  }

  syncNow(): Promise<void> {
    return this.outbox.run(true);
  }

  teamStore(): AttemptStore | null {
    if (!this.user || !['coach', 'admin'].includes(this.user.role)) return null;
    return teamStore(this.#deps.api, this.#deps.local);
  }

  async publishedPacks(): Promise<PublishedPackInfo[]> {
    return (await this.#deps.api.request<{ packs: PublishedPackInfo[] }>('GET', '/api/packs')).packs;
  }

  fetchPack(packId: string, version: string): Promise<{ file: string; text: string }> {
    const path = `/api/packs/${encodeURIComponent(packId)}/versions/${encodeURIComponent(version)}`;
    return this.#deps.api.request('GET', path);
  }

  publishPack(file: string, text: string): Promise<{ created: boolean; pack: PublishedPackInfo }> {
    return this.#deps.api.request('POST', '/api/packs', { file, text });
  }

  #setUser(user: TeamUser | null): void {
    this.user = user;
    this.outbox.setUser(user);
    this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
