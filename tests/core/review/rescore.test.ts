import { describe, expect, it } from 'vitest';
import { rescoreAttempts, type ReviewSummary } from '../../../src/core/review/index.ts';
import { attempt } from './fixtures.ts';

describe('rescoreAttempts', () => {
  it('replaces a forged score with the installed scorer’s and reports the difference', () => {
    const honest = attempt();
    const forged = { ...honest, id: 'forged', summary: { ...(honest.summary as ReviewSummary), score: 100 } };
    const out = rescoreAttempts([forged], () => ({ summary: honest.summary }));
    expect(out.attempts[0]?.summary?.score).toBe(80);
    expect(out.differences).toEqual([{ attemptId: 'forged', field: 'score', inFile: '100', rescored: '80' }]);
  });

  it('reports no difference for an honest file', () => {
    const a = attempt();
    expect(rescoreAttempts([a], (x) => ({ summary: x.summary })).differences).toEqual([]);
  });

  it('keeps attempts it cannot re-score, marked unverified', () => {
    const a = attempt();
    const out = rescoreAttempts([a], () => null);
    expect(out.unverified).toEqual([a.id]);
    expect(out.attempts).toEqual([a]);
  });
});
