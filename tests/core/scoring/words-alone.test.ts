// Deciding on words alone (no sentence vectors): a risky move needs a clear lead over a move with no consequences.
import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/core/scoring/intent-decide.ts';
import { LEXICAL_NONE, LEXICAL_RISKY_MARGIN } from '../../../src/core/scoring/intent-decide-words.ts';
import type { CandidateScore } from '../../../src/core/scoring/intent-score.ts';

const words = (id: string, score: number): CandidateScore => ({
  id,
  lexical: { id, score, words: ['line', 'recorded'], example: null },
  candidate: true,
  asked: false,
});
const risky = new Set(['promise-not-recorded']);

describe('words alone', () => {
  const top = LEXICAL_NONE + 0.1;

  it('reads a risky move that clearly leads', () => {
    const d = decide(
      [words('promise-not-recorded', top), words('offer-alternatives', top - 2 * LEXICAL_RISKY_MARGIN)],
      { risky },
    );
    expect(d.intent).toBe('promise-not-recorded');
    expect(d.risky).toBe(true);
  });

  it('reads the move with no consequences when a risky one only just leads it', () => {
    const d = decide(
      [words('promise-not-recorded', top), words('offer-alternatives', top - LEXICAL_RISKY_MARGIN / 2)],
      { risky },
    );
    expect(d.intent).toBe('offer-alternatives');
    expect(d.risky).toBe(false);
  });

  it('reads no move when that one is too weak, and asks again', () => {
    const d = decide(
      [words('promise-not-recorded', LEXICAL_NONE + 0.01), words('offer-alternatives', LEXICAL_NONE - 0.01)],
      { risky },
    );
    expect(d.intent).toBeNull();
    expect(d.unclear).toBe(true);
  });

  it('leaves two moves with no consequences to the better one, however close', () => {
    const d = decide([words('offer-alternatives', top), words('reassure-confidentiality', top - 0.01)], {
      risky,
    });
    expect(d.intent).toBe('offer-alternatives');
  });
});
