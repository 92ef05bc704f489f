import type { Dispute, ReviewAttempt } from '../../../src/core/review/index.ts';

let n = 0;
export function attempt(over: Partial<ReviewAttempt> = {}): ReviewAttempt {
  n += 1;
  return {
    id: `a-${n}`,
    trainee: 'Sam Jones',
    packId: 'cms-core',
    packVersion: '1.0.0',
    scenarioId: 'bogus-caller',
    scenarioTitle: 'A bogus caller',
    mode: 'practice',
    startedAt: `2026-01-0${(n % 9) + 1}T09:00:00.000Z`,
    updatedAt: `2026-01-0${(n % 9) + 1}T09:10:00.000Z`,
    status: 'completed',
    turns: [{ text: 'Hello, Child Maintenance Service', source: 'typed', at: '2026-01-01T09:00:05.000Z' }],
    summary: {
      ending: { id: 'verified', title: 'Caller verified', outcome: 'pass' },
      score: 80,
      passed: true,
      criticalErrors: [],
      statements: [
        { scriptId: 'dpa-intro', verdict: 'exact', score: 100 },
        { scriptId: 'call-recording', verdict: 'fail', score: 40 },
      ],
      moves: [
        { intentId: 'ask-dob', made: true },
        { intentId: 'ask-postcode', made: false },
      ],
    },
    notes: [],
    disputes: [],
    ...over,
  };
}

/** A trainee's dispute of the call-recording statement's fail, overridden by a coach to `verdict`. */
export function overriddenStatement(raisedBy: string, verdict: 'exact' | 'minor'): Dispute {
  return {
    id: 'd',
    target: { kind: 'statement', scriptId: 'call-recording' },
    original: 'fail',
    comment: 'c',
    raisedBy,
    raisedAt: '2026-01-01T00:00:00.000Z',
    resolution: { kind: 'overridden', by: 'Coach', at: '2026-01-02T00:00:00.000Z', reason: 'r', verdict },
  };
}
