// Bounds on everything an attempts file can hold: one place, used by the schema, the import and the
// README. Each is well above what the app itself writes, so only a damaged or hostile file meets one.
import { MAX_ATTEMPT_CHARS } from '../scoring/config.ts';

export const REVIEW_LIMITS = {
  /**
   * The whole file. 10,000 attempts as the app exports them (about 2.5 KB each with six turns,
   * notes and disputes) come to 25 MB; 32 MB leaves room and refuses the 50 MB files that froze the
   * page before anything was checked.
   */
  maxFileBytes: 32_000_000,
  /** Attempts in one file: ten times a training room's year (20 trainees, 500 calls each). */
  maxAttempts: 100_000,
  /** Ids the app makes are UUIDs (36 characters); imported ones may be longer, not unbounded. */
  idChars: 200,
  /** A trainee's or coach's name or staff number, as on the start page's form. */
  nameChars: 100,
  /** Scenario, ending and pack titles: the pack schema allows 200 for a title. */
  titleChars: 200,
  /** Pack versions are short dotted numbers ("1.10.0", "2.0.0-beta.1"). */
  versionChars: 64,
  /** A turn's words: what the scorer takes (src/core/scoring/config.ts) before it says "too long". */
  turnChars: MAX_ATTEMPT_CHARS,
  /** The `play` CLI accepts 500 turns; a call the runner can replay has far fewer. */
  turns: 500,
  /** Recogniser alternatives per turn: browsers give up to 5, the offline engine up to 10. */
  alternatives: 10,
  /** A coach's note, a dispute comment, a reason or a critical error's message. */
  noteChars: 10_000,
  /** Notes and disputes on one attempt. */
  notes: 200,
  disputes: 200,
  /** Statements, moves and critical errors a scenario can judge (packs allow 300 intents). */
  judged: 300,
  /** Seconds of silence before a turn: an hour, as the `play` CLI allows. */
  silenceSeconds: 3600,
} as const;
