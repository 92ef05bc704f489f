// The team server as the screens see it: whether there is one, who is signed in, and what the
// outbox has still to send. With static hosting `available` stays false and nothing is shown.
import type { AttemptStore, TeamServer } from '../../core/ports/index.ts';
import { messageOf } from '../../core/message-of.ts';
import type { PacksState } from './packs.svelte.ts';
import { installPublishedPacks } from './published-packs.ts';

/** The review screens wait this long for a sync before showing what this machine has. */
const REVIEW_SYNC_WAIT_MS = 3000;

export class TeamState {
  checked = $state(false);
  available = $state(false);
  // The server's own fields, copied by #read whenever it changes.
  user = $state.raw<TeamServer['user']>(null);
  status = $state.raw<TeamServer['status'] | null>(null);
  singleSignOn = $state.raw<TeamServer['singleSignOn']>(null);
  /** Set when the server ended the sign-in (expired, or signed out everywhere): ask to sign in again. */
  ended = $state.raw<TeamServer['ended']>(null);
  #load: () => Promise<TeamServer | null>;
  #server: Promise<TeamServer | null> | null = null;
  #onUser: (user: TeamServer['user']) => void;

  /** `onUser`: called when someone signs in or out (the app makes the account the trainee). */
  constructor(load: () => Promise<TeamServer | null>, onUser: (user: TeamServer['user']) => void) {
    this.#load = load;
    this.#onUser = onUser;
  }

  load(): Promise<TeamServer | null> {
    return (this.#server ??= this.#load().then(
      (server) => {
        if (server) {
          this.#read(server);
          server.subscribe(() => this.#read(server));
        }
        this.available = Boolean(server);
        this.checked = true;
        if (server?.user) this.#onUser(server.user);
        return server;
      },
      () => {
        this.checked = true;
        return null;
      },
    ));
  }

  #read(server: TeamServer): void {
    this.user = server.user;
    this.status = server.status;
    this.singleSignOn = server.singleSignOn;
    this.ended = server.ended;
  }

  /** Null when signed in, otherwise why not, in plain words. */
  async signIn(username: string, password: string): Promise<string | null> {
    const server = await this.load();
    if (!server) return 'There is no team server here.';
    try {
      const user = await server.signIn(username, password);
      this.#onUser(user);
      return null;
    } catch (e) {
      return messageOf(e);
    }
  }

  async signOut(everywhere = false): Promise<string | null> {
    const server = await this.load();
    try {
      await (everywhere ? server?.signOutEverywhere() : server?.signOut());
      this.#onUser(null);
      return null;
    } catch (e) {
      return messageOf(e);
    }
  }

  async syncNow(): Promise<void> {
    await (await this.load())?.syncNow();
  }

  /** Signed in: installs the team's newly published packs into `packs`; never throws. */
  async installPublished(packs: PacksState): Promise<void> {
    const server = await this.load();
    if (!server?.user) return;
    await installPublishedPacks(server, packs).catch(() => undefined);
  }

  /** QA or admin: publishes a pack version to the team; what happened, in plain words. */
  async publish(file: string, text: string): Promise<{ ok: boolean; message: string }> {
    const server = await this.load();
    if (!server?.user) return { ok: false, message: 'Sign in to the team server first.' };
    try {
      const { created, pack } = await server.publishPack(file, text);
      return {
        ok: true,
        message: created
          ? `Published ${pack.packId} version ${pack.version} to the team.`
          : `Version ${pack.version} of ${pack.packId} was already published, unchanged.`,
      };
    } catch (e) {
      return { ok: false, message: messageOf(e) };
    }
  }

  /** True when signed in as someone who may publish packs. */
  get publishing(): boolean {
    return this.user?.role === 'qa' || this.user?.role === 'admin';
  }

  /** True when the review screens show the team's attempts from the server. */
  get coaching(): boolean {
    return this.user?.role === 'coach' || this.user?.role === 'admin';
  }

  /** The store the review screens read: the team's (coaches, from the server) or this machine's. */
  async reviewStore(local: () => Promise<AttemptStore>): Promise<AttemptStore> {
    const server = await this.load();
    const team = server?.teamStore();
    if (team) return team;
    // A trainee's own machine: bring coaches' notes down first, but never wait long for them.
    if (server?.user)
      await Promise.race([server.syncNow(), new Promise((r) => setTimeout(r, REVIEW_SYNC_WAIT_MS))]);
    return local();
  }
}
