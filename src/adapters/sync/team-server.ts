// The team server as the app sees it: who is signed in, the outbox's state, and (for coaches) the
// team's attempts. Only built when the app was served by a team server (GET /api/health answers);
// with static hosting nothing here runs and nothing leaves the machine. When the server stops taking
// the sign-in (expired, or ended everywhere), the user is told and the outbox keeps what waits.
import type {
  AttemptStore,
  PublishedPackInfo,
  SessionEnded,
  SingleSignOn,
  SyncStatus,
  TeamServer,
  TeamUser,
} from '../../core/ports/index.ts';
import { ApiError, currentUser, type Api } from './api-client.ts';
import { Outbox } from './outbox.ts';
import type { MarksStore } from './sync-marks.ts';
import { teamStore } from './team-store.ts';

export interface TeamServerDeps {
  api: Api;
  /** The IndexedDB attempt store itself (the outbox reads and merges into it without poking itself). */
  local: AttemptStore;
  marks: MarksStore;
  now: () => Date;
  /** Where the signed-in username is kept (localStorage): a reload can then tell an ended sign-in. */
  remember?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/** The remembered account's key in `remember`. */
const ACCOUNT_KEY = 'verbatim-team-account';

export class HttpTeamServer implements TeamServer {
  user: TeamUser | null = null;
  singleSignOn: SingleSignOn | null = null;
  ended: SessionEnded | null = null;
  readonly outbox: Outbox;
  #listeners = new Set<() => void>();
  #deps: TeamServerDeps;
  /** The API for signed-in work: a refusal for want of a session ends the sign-in (#end). */
  #api: Api;

  constructor(deps: TeamServerDeps) {
    this.#deps = deps;
    this.#api = this.#watched(deps.api);
    this.outbox = new Outbox({ api: this.#api, store: deps.local, marks: deps.marks, now: deps.now }, () =>
      this.#emit(),
    );
  }

  /**
   * Picks up a session this browser already has (the cookie survives a reload). With none, but an
   * account remembered from before, that sign-in ended while the app was closed: the user is told.
   */
  async resume(): Promise<void> {
    const [user, methods] = await Promise.all([
      currentUser(this.#deps.api).catch(() => undefined),
      this.#deps.api
        .request<{ singleSignOn: SingleSignOn | null }>('GET', '/api/auth/methods')
        .catch(() => null),
    ]);
    this.singleSignOn = methods?.singleSignOn ?? null;
    // No answer (undefined): nothing is known of the sign-in, so nothing is said about it.
    const remembered = user === null ? (this.#deps.remember?.getItem(ACCOUNT_KEY) ?? null) : null;
    if (remembered) await this.#end(remembered);
    else this.#setUser(user ?? null);
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
    this.#signedOut();
  }

  async signOutEverywhere(): Promise<void> {
    await this.#deps.api.request('POST', '/api/session/sign-out-everywhere');
    this.#signedOut();
  }

  #signedOut(): void {
    this.#deps.remember?.removeItem(ACCOUNT_KEY);
    this.ended = null;
    this.#setUser(null);
  }

  /** Wraps `api`: a 401 to a request made while signed in means the server ended that sign-in. */
  #watched(api: Api): Api {
    return {
      request: async <T>(method: string, path: string, body?: unknown): Promise<T> => {
        const user = this.user;
        try {
          return await api.request<T>(method, path, body);
        } catch (e) {
          if (user && this.user === user && e instanceof ApiError && e.status === 401)
            await this.#end(user.username);
          throw e;
        }
      },
    };
  }

  /** The sign-in ended without the user signing out: stop sending, and say what waits here. */
  async #end(username: string): Promise<void> {
    this.#setUser(null);
    const waiting = await this.outbox.waiting(username).catch(() => ({ turns: 0, other: 0 }));
    // Signed in again meanwhile: nothing to say.
    if (this.user) return;
    this.ended = { username, pendingTurns: waiting.turns, pendingOther: waiting.other };
    this.#emit();
  }

  syncNow(): Promise<void> {
    return this.outbox.run(true);
  }

  teamStore(): AttemptStore | null {
    if (!this.user || !['coach', 'admin'].includes(this.user.role)) return null;
    return teamStore(this.#api, this.#deps.local);
  }

  async publishedPacks(): Promise<PublishedPackInfo[]> {
    return (await this.#api.request<{ packs: PublishedPackInfo[] }>('GET', '/api/packs')).packs;
  }

  fetchPack(packId: string, version: string): Promise<{ file: string; text: string }> {
    const path = `/api/packs/${encodeURIComponent(packId)}/versions/${encodeURIComponent(version)}`;
    return this.#api.request('GET', path);
  }

  publishPack(file: string, text: string): Promise<{ created: boolean; pack: PublishedPackInfo }> {
    return this.#api.request('POST', '/api/packs', { file, text });
  }

  #setUser(user: TeamUser | null): void {
    if (user) {
      // Signed in (with a password, single sign-on, or a session kept over a reload): remembered.
      this.ended = null;
      this.#deps.remember?.setItem(ACCOUNT_KEY, user.username);
    }
    this.user = user;
    this.outbox.setUser(user);
    this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
