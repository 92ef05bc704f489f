/** The attempt store port: saved practice calls. Plain data only: records are shown, exported and re-scored from their turns. */
import type { Dispute, ImportMark, NotRechecked } from '../review/schema.ts';
import type { AttemptFilter, FilterOptions, ScenarioRef } from '../review/filter.ts';
import type { IntentMatch } from '../scoring/types.ts';
import type { MatcherLabel } from './understanding.ts';
import type { ReviewPages } from './review-pages.ts';

export type { Dispute, ImportMark, NotRechecked };

export type AttemptMode = 'practice' | 'assessment';
export type AttemptStatus = 'in-progress' | 'completed' | 'abandoned';

/** One trainee turn as the call runner takes it (no text = dead air), plus when it was saved. */
export interface StoredTurn {
  text?: string;
  /** Seconds of silence before the turn. */
  silenceBefore?: number;
  alternatives?: { text: string; confidence?: number }[];
  source?: 'typed' | 'voice';
  /** ISO time the turn was saved. */
  at: string;
  /** Set when the recogniser may have misheard the trainee: a coach should listen again. */
  flaggedForCoach?: boolean;
  /** What was decided when the turn was made (absent on attempts saved before decisions were kept). */
  decision?: TurnDecision;
  /** Set when the trainee said the caller misunderstood this turn: when, and the state the call was in. */
  misunderstood?: { at: string; stateId?: string };
}

/** A turn's decision as the trainee saw it: which matcher, and the move read with its evidence. */
export interface TurnDecision {
  matcher: MatcherLabel;
  /** The matcher's version (MATCHER_VERSION); absent on turns saved before it was kept. */
  version?: string;
  /** The moves this turn was credited with (the state's move and any other the scenario lists). */
  credited?: string[];
  /** Null when the state expected no move (only statements, or dead air). */
  intent: IntentMatch | null;
}

export interface AttemptSummary {
  ending: { id: string; title: string; outcome: 'pass' | 'fail' };
  score: number;
  passed: boolean;
  criticalErrors: { id: string; message: string }[];
  statements: { scriptId: string; verdict: 'exact' | 'minor' | 'fail' | null; score: number | null }[];
  moves: { intentId: string; made: boolean }[];
}

export interface AttemptNote {
  id: string;
  author: string;
  text: string;
  at: string;
  /** Set when the note came from an imported file. */
  imported?: ImportMark;
}

export interface AttemptRecord {
  id: string;
  trainee: string;
  packId: string;
  packVersion: string;
  scenarioId: string;
  scenarioTitle: string;
  mode: AttemptMode;
  /** ISO strings. */
  startedAt: string;
  updatedAt: string;
  status: AttemptStatus;
  turns: StoredTurn[];
  summary: AttemptSummary | null;
  notes: AttemptNote[];
  /** Verdict disputes and their resolutions (schema version 2; empty arrays after migrating version 1). */
  disputes: Dispute[];
  /** Set when the attempt came from an imported file: which file, who imported it, when. */
  imported?: ImportMark;
  /** Set when an imported result could not be re-checked here (its pack version is not installed). */
  notRechecked?: NotRechecked;
}

/** What the attempts table shows: a record without its turns, notes and disputes (fast to read). */
export type AttemptHead = Omit<AttemptRecord, 'turns' | 'notes' | 'disputes' | 'updatedAt' | 'summary'> & {
  summary: Omit<AttemptSummary, 'statements' | 'moves'> | null;
  /** How many turns the trainee marked as misunderstood by the caller (absent when none). */
  misunderstood?: number;
};

/** What starts an attempt record: who, which scenario of which pack version, and the mode. */
export interface NewAttempt extends Pick<
  AttemptRecord,
  'trainee' | 'packId' | 'packVersion' | 'scenarioId' | 'scenarioTitle' | 'mode'
> {
  /** Defaults to a random UUID. */
  id?: string;
  /** Defaults to now. */
  startedAt?: string;
}

export interface AttemptQuery {
  trainee?: string;
  /** One scenario of one pack: another pack's scenario of the same id is never listed with it. */
  scenario?: ScenarioRef;
  status?: AttemptStatus;
}

/** Small per-machine settings. */
export interface Settings {
  /** Names or staff numbers that have practised on this machine, most recent first. */
  knownTrainees: string[];
  currentTrainee: string | null;
  lastExportedAt: string | null;
}

export type AppendResult =
  | { ok: true; record: AttemptRecord }
  /** `conflict`: another tab already wrote that turn; `record` is what is stored now. */
  | { ok: false; reason: 'conflict'; record: AttemptRecord }
  | { ok: false; reason: 'missing' }
  /** `closed`: the call was already completed or abandoned. */
  | { ok: false; reason: 'closed'; record: AttemptRecord };

export interface AttemptStore {
  create(attempt: NewAttempt): Promise<AttemptRecord>;
  get(id: string): Promise<AttemptRecord | undefined>;
  /** Newest first (by startedAt). */
  list(query?: AttemptQuery): Promise<AttemptRecord[]>;
  /** Every attempt's head, newest first: the review table reads these, not whole records. */
  listHeads(): Promise<AttemptHead[]>;
  /**
   * The heads a filter picks, newest first, read through an index without reading every head; null
   * when the filter names nothing indexed. Stores without indexes leave it out.
   */
  filterHeads?(filter: AttemptFilter): Promise<AttemptHead[] | null>;
  /** The filters' choices (trainees, scenarios, endings) without reading every head. */
  filterChoices?(): Promise<FilterOptions>;
  /** Set when the store filters, sorts and pages the review table itself (the team server's database). */
  readonly reviewPages?: ReviewPages;
  /** The newest `limit` heads and how many attempts there are: the table's first page, quickly. */
  firstHeads(limit: number): Promise<{ heads: AttemptHead[]; total: number }>;
  put(record: AttemptRecord): Promise<void>;
  /** Adds a turn at `expectedIndex`, in one transaction, only if no other tab has written it. */
  appendTurn(id: string, expectedIndex: number, turn: StoredTurn): Promise<AppendResult>;
  /** Marks the turn at `index` for the coach. */
  flagTurn(id: string, index: number, flagged: boolean): Promise<AttemptRecord | undefined>;
  finish(
    id: string,
    summary: AttemptSummary | null,
    status: Exclude<AttemptStatus, 'in-progress'>,
  ): Promise<AttemptRecord | undefined>;
  /** The trainee's newest unfinished call of this scenario of this pack, if any. */
  findInProgress(trainee: string, packId: string, scenarioId: string): Promise<AttemptRecord | undefined>;
  getSettings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  /** Makes `name` the current trainee and moves it to the front of the known trainees. */
  rememberTrainee(name: string): Promise<Settings>;
  /** Changes one attempt inside one transaction (so two tabs cannot interleave); `null` leaves it. */
  modify(
    id: string,
    change: (record: AttemptRecord) => AttemptRecord | null,
  ): Promise<AttemptRecord | undefined>;
  /** Merges an imported file's attempts by id in one transaction: all are written or none. */
  importAttempts(records: AttemptRecord[]): Promise<ImportResult>;
  /** Removes every attempt (settings stay). */
  clearAttempts(): Promise<void>;
  /** Removes one trainee's attempts; returns how many. */
  deleteTrainee(trainee: string): Promise<number>;
  /** Takes a name off the remembered trainees (and signs it out if it is the current one). */
  forgetTrainee(name: string): Promise<Settings>;
  /** Set when the browser removed this machine's saved attempts since the app last ran. */
  readonly loss: StorageLoss | null;
  /** True once the browser has closed the database under the app. */
  readonly gone: boolean;
  /** Records that this machine's attempts were exported now. */
  markExported(at?: string): Promise<Settings>;
  /** Asks the browser to keep this site's data when space runs low. */
  requestPersistence(): Promise<PersistenceState>;
  /** How much space is used and left, when the browser says. */
  estimate(): Promise<{ usage: number; quota: number } | null>;
  close(): void;
}

/** Saved attempts the browser removed: when this machine started keeping them, when last exported. */
export interface StorageLoss {
  since: string;
  lastExportedAt: string | null;
}

export type PersistenceState = 'granted' | 'denied' | 'unsupported';

export interface ImportResult {
  added: string[];
  updated: string[];
  unchanged: string[];
}
