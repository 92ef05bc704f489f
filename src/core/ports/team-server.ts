/** The team server port: signing in, the outbox's state, and the coach's view of the team's attempts. */
import type { AttemptStore } from './attempt-store.ts';

export type TeamRole = 'trainee' | 'coach' | 'qa' | 'admin';

export interface TeamUser {
  id: string;
  username: string;
  displayName: string;
  role: TeamRole;
}

/** What the outbox has still to send, and how the last try went. */
export interface SyncStatus {
  /** Turns saved on this machine that the server has not yet confirmed. */
  pendingTurns: number;
  /** Attempts, endings, flags, notes and disputes not yet confirmed. */
  pendingOther: number;
  syncing: boolean;
  /** Why the last try failed, in plain words; null after a success. */
  lastError: string | null;
  /** ISO time of the last try that sent everything. */
  lastSyncedAt: string | null;
}

/** The organisation's single sign-on, when the team server offers it. */
export interface SingleSignOn {
  /** The organisation's name, for "Sign in with <name>". */
  name: string;
  /** Where the browser goes to begin (a page the server redirects to the provider). */
  start: string;
}

/**
 * The server stopped taking this machine's sign-in (it expired, or the account was signed out
 * everywhere): who it was, and what of theirs waits on this machine until they sign in again.
 */
export interface SessionEnded {
  username: string;
  pendingTurns: number;
  pendingOther: number;
}

export interface TeamServer {
  /** The signed-in account, or null. */
  readonly user: TeamUser | null;
  /** Single sign-on, known after the server was found; null when only passwords are taken. */
  readonly singleSignOn: SingleSignOn | null;
  /** Set when the sign-in ended without the user signing out; cleared by the next sign-in. */
  readonly ended: SessionEnded | null;
  readonly status: SyncStatus;
  /** Called after any change to `user` or `status`; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Throws an Error whose message says why (wrong password, throttled, server down). */
  signIn(username: string, password: string): Promise<TeamUser>;
  signOut(): Promise<void>;
  /** Ends every session of this account, on every machine. */
  signOutEverywhere(): Promise<void>;
  /** Sends what is waiting and brings the account's attempts (and coaches' notes) down. */
  syncNow(): Promise<void>;
  /** For a signed-in coach or admin: the team's attempts, read from the server page by page. */
  teamStore(): AttemptStore | null;
  /** The newest published version of each pack (signed in). */
  publishedPacks(): Promise<PublishedPackInfo[]>;
  /** One published version's text, and the file name it is installed under. */
  fetchPack(packId: string, version: string): Promise<{ file: string; text: string }>;
  /** QA or admin: publishes a pack version to the team. Throws an Error that says why not. */
  publishPack(file: string, text: string): Promise<{ created: boolean; pack: PublishedPackInfo }>;
}

/** A pack version QA published on the team server. */
export interface PublishedPackInfo {
  packId: string;
  version: string;
  title: string;
  publishedAt: string;
  publishedBy: string;
}
