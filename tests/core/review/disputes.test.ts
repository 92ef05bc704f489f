import { describe, expect, it } from 'vitest';
import {
  effectiveVerdict,
  flagDispute,
  openDisputes,
  resolveDispute,
} from '../../../src/core/review/index.ts';
import { attempt } from './fixtures.ts';

const target = { kind: 'statement' as const, scriptId: 'call-recording' };
const stamp = { id: 'd1', now: '2026-01-05T10:00:00.000Z' };

describe('disputes', () => {
  it('records the original verdict when a trainee flags it', () => {
    const r = flagDispute(attempt(), { target, comment: 'I said every word', raisedBy: 'Sam' }, stamp);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.attempt.disputes[0]).toMatchObject({
      original: 'fail',
      resolution: null,
      comment: 'I said every word',
    });
    expect(openDisputes([r.attempt])).toHaveLength(1);
  });

  it('refuses a dispute with no comment, an unknown verdict, or a second open one', () => {
    const a = attempt();
    expect(flagDispute(a, { target, comment: ' ', raisedBy: 'Sam' }, stamp).ok).toBe(false);
    expect(
      flagDispute(
        a,
        { target: { kind: 'statement', scriptId: 'nope' }, comment: 'x', raisedBy: 'Sam' },
        stamp,
      ).ok,
    ).toBe(false);
    const r = flagDispute(a, { target, comment: 'x', raisedBy: 'Sam' }, stamp);
    expect(
      r.ok && flagDispute(r.attempt, { target, comment: 'y', raisedBy: 'Sam' }, { ...stamp, id: 'd2' }).ok,
    ).toBe(false);
  });

  it('an override changes the effective verdict but keeps the original and who made it', () => {
    const flagged = flagDispute(attempt(), { target, comment: 'x', raisedBy: 'Sam' }, stamp);
    if (!flagged.ok) throw new Error('flag');
    const r = resolveDispute(
      flagged.attempt,
      'd1',
      { kind: 'overridden', by: 'Coach Lee', reason: 'Misheard', verdict: 'minor' },
      '2026-01-06T00:00:00.000Z',
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.attempt.summary).toEqual(flagged.attempt.summary);
    const eff = effectiveVerdict(r.attempt, target);
    expect(eff).toMatchObject({ verdict: 'minor', original: 'fail', overridden: true });
    expect(eff.dispute?.resolution).toMatchObject({ by: 'Coach Lee', reason: 'Misheard' });
  });

  it('upholding keeps the verdict; a resolved dispute cannot be resolved again', () => {
    const flagged = flagDispute(attempt(), { target, comment: 'x', raisedBy: 'Sam' }, stamp);
    if (!flagged.ok) throw new Error('flag');
    const r = resolveDispute(
      flagged.attempt,
      'd1',
      { kind: 'upheld', by: 'Coach', reason: 'Clause missing' },
      '2026-01-06T00:00:00.000Z',
    );
    if (!r.ok) throw new Error(r.error);
    expect(effectiveVerdict(r.attempt, target)).toMatchObject({ verdict: 'fail', overridden: false });
    expect(
      resolveDispute(r.attempt, 'd1', { kind: 'overridden', by: 'Coach', reason: 'x', verdict: 'exact' }, 'z')
        .ok,
    ).toBe(false);
  });

  it('refuses an override without a new verdict or without a reason', () => {
    const flagged = flagDispute(attempt(), { target, comment: 'x', raisedBy: 'Sam' }, stamp);
    if (!flagged.ok) throw new Error('flag');
    expect(
      resolveDispute(
        flagged.attempt,
        'd1',
        { kind: 'overridden', by: 'C', reason: 'r', verdict: 'fail' },
        'z',
      ).ok,
    ).toBe(false);
    expect(resolveDispute(flagged.attempt, 'd1', { kind: 'upheld', by: 'C', reason: ' ' }, 'z').ok).toBe(
      false,
    );
  });

  it('disputes moves as made or not made', () => {
    const r = flagDispute(
      attempt(),
      { target: { kind: 'move', intentId: 'ask-postcode' }, comment: 'asked', raisedBy: 'Sam' },
      stamp,
    );
    expect(r.ok && r.attempt.disputes[0]?.original).toBe('not-made');
  });
});
