/** Constants of the scoring standard (shared/SCORING-STANDARD.md) and the scorer's safety limits. */

/** Share of the script's words that may deviate before an attempt fails (section 4.4). */
export const DEFAULT_TOLERANCE = 0.15;

/** Consecutive script words left out that make a missing clause (section 4.3). */
export const MISSING_CLAUSE_WORDS = 5;

/** Words whose count must match between script and judged stretch (section 4.2). */
export const NEGATION_WORDS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'nothing']);

/** Past these, the attempt is reported as too long rather than scored. */
export const MAX_ATTEMPT_CHARS = 20_000;
export const MAX_ATTEMPT_WORDS = 2_000;

/** Filler words ignored on both sides (section 2.2, plus their common spellings). */
export const FILLERS: ReadonlySet<string> = new Set([
  'um',
  'umm',
  'uh',
  'uhh',
  'uhm',
  'er',
  'err',
  'erm',
  'ah',
  'ahh',
  'hmm',
  'mm',
  'mmm',
  'mhm',
]);

/**
 * Recogniser sound-alikes (section 2.8). The list is complete by the standard; a pack may add pairs.
 * Each group maps to its first word.
 */
export const SOUND_ALIKES: readonly (readonly string[])[] = [
  ['fined', 'find'],
  ['court', 'caught'],
  ['law', 'lore'],
  ['to', 'too', 'two'],
  ['for', 'four'],
  ['there', 'their'],
  ['allowed', 'aloud'],
  ['whether', 'weather'],
  ['right', 'write'],
];
