import { describe, expect, it } from 'vitest';
import {
  countsInRates,
  replayProblem,
  rescoreAttempts,
  type ReviewSummary,
} from '../../../src/core/review/index.ts';
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

  it('keeps attempts it cannot re-check, marked not re-checked with the reason', () => {
    const a = attempt();
    const out = rescoreAttempts([a], () => ({
      notRechecked: 'pack cms-core version 1.0.0 is not installed here',
    }));
    expect(out.unverified).toEqual([a.id]);
    expect(out.attempts).toEqual([
      { ...a, notRechecked: { reason: 'pack cms-core version 1.0.0 is not installed here' } },
    ]);
  });

  it('drops a coach acceptance carried in the file: a coach here decides', () => {
    const a = attempt({
      notRechecked: { reason: 'x', accepted: { by: 'Forger', at: '2026-01-01T00:00:00Z' } },
    });
    const out = rescoreAttempts([a], () => ({ notRechecked: 'not installed' }));
    expect(out.attempts[0]?.notRechecked).toEqual({ reason: 'not installed' });
    expect(countsInRates(out.attempts[0]!)).toBe(false);
  });
});

describe('replayProblem (scenario identity is pack id and scenario id, at the same version)', () => {
  const made = { packId: 'cms-core', packVersion: '1.0.0', scenarioId: 'bogus-caller' };
  it('refuses another pack that has a scenario with the same id', () => {
    expect(
      replayProblem(made, { packId: 'innocent-pack', packVersion: '1.0.0', id: 'bogus-caller' }),
    ).toMatch(/pack cms-core version 1\.0\.0 is not installed/);
  });
  it('refuses another version of the same pack, naming the installed one', () => {
    expect(replayProblem(made, { packId: 'cms-core', packVersion: '1.1.0', id: 'bogus-caller' })).toMatch(
      /version 1\.1\.0 is/,
    );
  });
  it('accepts the exact pack version', () => {
    expect(replayProblem(made, { packId: 'cms-core', packVersion: '1.0.0', id: 'bogus-caller' })).toBeNull();
  });
});
