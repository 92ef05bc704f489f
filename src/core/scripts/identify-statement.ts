/**
 * Which statement is the trainee attempting? A typo-tolerant look-up with fuse.js over the statements'
 * opening words. It only picks a candidate; the verdict always comes from the word alignment, because
 * fuse.js's Bitap search averages 32-character chunks and would rate half a statement as a good match.
 */
import Fuse from 'fuse.js';
import type { CompiledScript } from './script-library.ts';

const OPENING_WORDS = 6;
/**
 * fuse.js's match threshold (0 exact, 1 anything) for an opening: loose enough for a recogniser's slips in
 * six words, tight enough that no other statement's opening passes. Only picks a candidate; the verdict is
 * the alignment's (SCORING-RESEARCH.md section 1, "Where fuse.js genuinely fits").
 */
const OPENING_THRESHOLD = 0.45;
/** Where a statement may start: within the first 40 words said (talk before it is free, SCORING-STANDARD 1). */
const MAX_LEAD_IN_WORDS = 40;
/** Bounds on what is searched, so hostile input stays cheap: characters read, then words kept. */
const MAX_SEARCH_CHARS = 20_000;
const MAX_SEARCH_WORDS = 400;
/** A probe shorter than this many words says too little to pick a statement. */
const MIN_PROBE_WORDS = 3;

function opening(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9£' ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, OPENING_WORDS)
    .join(' ');
}

export interface StatementFinder {
  /** The statement whose opening best matches a stretch of the text, or null. */
  find(text: string): CompiledScript | null;
}

export function createStatementFinder(scripts: readonly CompiledScript[]): StatementFinder {
  const fuse = new Fuse(
    scripts.map((script) => ({ script, opening: opening(script.wording) })),
    { keys: ['opening'], includeScore: true, ignoreLocation: true, threshold: OPENING_THRESHOLD },
  );
  return {
    find(text) {
      const words =
        opening(text.slice(0, MAX_SEARCH_CHARS)).length === 0
          ? []
          : text.toLowerCase().split(/\s+/).slice(0, MAX_SEARCH_WORDS);
      let best: { script: CompiledScript; score: number } | null = null;
      // Talk may come before the statement: try each of the first words as the start.
      for (let i = 0; i < Math.min(words.length, MAX_LEAD_IN_WORDS); i++) {
        const probe = opening(words.slice(i, i + OPENING_WORDS).join(' '));
        if (probe.split(' ').length < MIN_PROBE_WORDS) break;
        const hit = fuse.search(probe, { limit: 1 })[0];
        if (hit?.score !== undefined && (best === null || hit.score < best.score)) {
          best = { script: hit.item.script, score: hit.score };
        }
      }
      return best?.script ?? null;
    },
  };
}
