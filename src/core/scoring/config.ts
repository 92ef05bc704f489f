/** Constants of the scoring standard (shared/SCORING-STANDARD.md) and the scorer's safety limits. */

/** Share of the script's words that may deviate before an attempt fails (section 4.4). */
export const DEFAULT_TOLERANCE = 0.15;

/** Consecutive script words left out that make a missing clause (section 4.3). */
export const MISSING_CLAUSE_WORDS = 5;

/** Past these, the attempt is reported as too long rather than scored. */
export const MAX_ATTEMPT_CHARS = 20_000;
export const MAX_ATTEMPT_WORDS = 2_000;

// The word lists (fillers, negation words, sound-alikes) live in the shared lexicon.
export { FILLERS, NEGATION_WORDS, SOUND_ALIKES } from '../text/lexicon.ts';
