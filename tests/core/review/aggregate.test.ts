import { describe, expect, it } from 'vitest';
import {
  missedMost,
  movesSkippedMost,
  scenarioResults,
  scoresOverTime,
  statementsFailedMost,
  traineeOverviews,
  traineeStatementResults,
} from '../../../src/core/review/index.ts';
import { attempt, overriddenStatement } from './fixtures.ts';

const withScore = (trainee: string, startedAt: string, score: number) => {
  const a = attempt({ trainee, startedAt });
  return { ...a, summary: a.summary && { ...a.summary, score } };
};

describe('aggregation', () => {
  it('lists one trainee’s scores oldest first, leaving out unfinished calls', () => {
    const list = [
      withScore('Sam', '2026-01-03T00:00:00.000Z', 70),
      withScore('Sam', '2026-01-01T00:00:00.000Z', 50),
      withScore('Kim', '2026-01-02T00:00:00.000Z', 90),
      attempt({ trainee: 'Sam', summary: null }),
    ];
    expect(scoresOverTime(list, 'Sam').map((p) => p.score)).toEqual([50, 70]);
  });

  it('ranks statements failed most across trainees, counting overrides', () => {
    const a = attempt({ trainee: 'Sam' });
    const b = attempt({ trainee: 'Kim' });
    const c = attempt({
      trainee: 'Lee',
      disputes: [overriddenStatement('Lee', 'exact')],
    });
    expect(statementsFailedMost([a, b, c])).toEqual([
      { key: 'call-recording', label: 'call-recording', count: 2, of: 3 },
    ]);
    expect(movesSkippedMost([a, b, c])).toEqual([
      { key: '["cms-core","ask-postcode"]', label: 'ask-postcode', count: 3, of: 3 },
    ]);
  });

  it('ranks the words and key elements missed most, once per statement', () => {
    const r = missedMost([
      {
        attemptId: '1',
        scriptId: 's',
        missingWords: ['recorded', 'Recorded', 'training'],
        missingKeyElements: ['recorded'],
      },
      { attemptId: '2', scriptId: 's', missingWords: ['recorded'], missingKeyElements: [] },
    ]);
    expect(r.words).toEqual([
      { key: 'recorded', label: 'recorded', count: 2, of: 2 },
      { key: 'training', label: 'training', count: 1, of: 2 },
    ]);
    expect(r.keyElements).toEqual([{ key: 'recorded', label: 'recorded', count: 1, of: 2 }]);
  });

  it('sums each statement’s results for a trainee', () => {
    const rows = traineeStatementResults([attempt({ trainee: 'Sam' }), attempt({ trainee: 'Sam' })], 'Sam');
    expect(rows).toEqual([
      {
        scriptId: 'call-recording',
        attempts: 2,
        exact: 0,
        minor: 0,
        fail: 2,
        notSaid: 0,
        bestScore: 40,
        lastVerdict: 'fail',
      },
      {
        scriptId: 'dpa-intro',
        attempts: 2,
        exact: 2,
        minor: 0,
        fail: 0,
        notSaid: 0,
        bestScore: 100,
        lastVerdict: 'exact',
      },
    ]);
  });

  it('gives each trainee’s overview', () => {
    const o = traineeOverviews([
      withScore('Sam', '2026-01-01T00:00:00.000Z', 60),
      withScore('Sam', '2026-01-02T00:00:00.000Z', 81),
    ]);
    expect(o).toEqual([
      {
        trainee: 'Sam',
        attempts: 2,
        completed: 2,
        averageScore: 71,
        lastAt: '2026-01-02T00:00:00.000Z',
        passes: 2,
      },
    ]);
  });
});

describe('two packs with the same scenario id', () => {
  // The built-in scenario, failed; an imported pack's scenario of the same id and title, passed.
  const failedCore = () => {
    const a = attempt({ trainee: 'Sam', packId: 'cms-core' });
    return { ...a, summary: { ...a.summary!, score: 40, passed: false } };
  };
  const impostor = () => {
    const a = attempt({ trainee: 'Sam', packId: 'innocent-pack' });
    return {
      ...a,
      summary: { ...a.summary!, score: 100, passed: true, moves: [{ intentId: 'ask-postcode', made: true }] },
    };
  };
  const list = [failedCore(), failedCore(), impostor()];

  it('gives each pack’s scenario its own results and pass rate', () => {
    const rows = scenarioResults(list);
    expect(rows.map((r) => [r.packId, r.scenarioId, r.label, r.attempts, r.passes, r.passRate])).toEqual([
      ['cms-core', 'bogus-caller', 'A bogus caller (pack cms-core)', 2, 0, 0],
      ['innocent-pack', 'bogus-caller', 'A bogus caller (pack innocent-pack)', 1, 1, 100],
    ]);
    expect(rows.map((r) => r.averageScore)).toEqual([40, 100]);
  });

  it('counts a move of each pack apart, labelled with its pack', () => {
    expect(movesSkippedMost(list).map((t) => [t.label, t.count, t.of])).toEqual([
      ['ask-postcode (pack cms-core)', 2, 2],
    ]);
  });

  it('labels a trainee’s scores with the pack when two packs share the scenario', () => {
    const points = scoresOverTime(list, 'Sam');
    expect(new Set(points.map((p) => p.scenarioLabel))).toEqual(
      new Set(['A bogus caller (pack cms-core)', 'A bogus caller (pack innocent-pack)']),
    );
    expect(scoresOverTime([failedCore()], 'Sam')[0]?.scenarioLabel).toBe('A bogus caller');
  });
});
