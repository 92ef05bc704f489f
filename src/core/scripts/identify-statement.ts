/**
 * Which statement is the trainee attempting? A typo-tolerant look-up with fuse.js over the statements'
 * opening words. It only picks a candidate; the verdict always comes from the word alignment, because
 * fuse.js's Bitap search averages 32-character chunks and would rate half a statement as a good match.
 */
import Fuse from 'fuse.js';
import type { CompiledScript } from './script-library.ts';

const OPENING_WORDS = 6;

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
    { keys: ['opening'], includeScore: true, ignoreLocation: true, threshold: 0.45 },
  );
  return {
    find(text) {
      const words =
        opening(text.slice(0, 20_000)).length === 0 ? [] : text.toLowerCase().split(/\s+/).slice(0, 400);
      let best: { script: CompiledScript; score: number } | null = null;
      // Talk may come before the statement: try each of the first words as the start.
      for (let i = 0; i < Math.min(words.length, 40); i++) {
        const probe = opening(words.slice(i, i + OPENING_WORDS).join(' '));
        if (probe.split(' ').length < 3) break;
        const hit = fuse.search(probe, { limit: 1 })[0];
        if (hit?.score !== undefined && (best === null || hit.score < best.score)) {
          best = { script: hit.item.script, score: hit.score };
        }
      }
      return best?.script ?? null;
    },
  };
}
