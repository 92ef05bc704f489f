import { describe, expect, it } from 'vitest';
import { filterAttempts, filterOptions, sortAttempts } from '../../../src/core/review/index.ts';
import { attempt } from './fixtures.ts';

const list = [
  attempt({ id: 'f1', trainee: 'Sam', startedAt: '2026-01-01T09:00:00.000Z' }),
  attempt({
    id: 'f2',
    trainee: 'Kim',
    startedAt: '2026-01-05T09:00:00.000Z',
    scenarioId: 'other',
    scenarioTitle: 'Other',
  }),
  attempt({ id: 'f3', trainee: 'Sam', startedAt: '2026-01-10T09:00:00.000Z', summary: null }),
];

describe('filterAttempts', () => {
  it('filters by trainee, scenario, date range and ending', () => {
    const ids = (f: Parameters<typeof filterAttempts>[1]) => filterAttempts(list, f).map((a) => a.id);
    expect(ids({ trainee: 'Sam' })).toEqual(['f1', 'f3']);
    expect(ids({ scenarioId: 'other' })).toEqual(['f2']);
    expect(ids({ from: '2026-01-02', to: '2026-01-05' })).toEqual(['f2']);
    expect(ids({ ending: 'none' })).toEqual(['f3']);
    expect(ids({ ending: 'verified', trainee: 'Sam' })).toEqual(['f1']);
  });

  it('sorts by any column both ways, unscored last when ascending by score is reversed', () => {
    expect(sortAttempts(list, 'trainee', 'asc').map((a) => a.id)).toEqual(['f2', 'f3', 'f1']);
    expect(sortAttempts(list, 'date', 'desc').map((a) => a.id)).toEqual(['f3', 'f2', 'f1']);
    expect(sortAttempts(list, 'score', 'desc').map((a) => a.id)).toEqual(['f2', 'f1', 'f3']);
  });

  it('offers the trainees, scenarios and endings present', () => {
    const o = filterOptions(list);
    expect(o.trainees).toEqual(['Kim', 'Sam']);
    expect(o.scenarios.map((s) => s.id)).toEqual(['bogus-caller', 'other']);
    expect(o.endings).toEqual([{ id: 'verified', title: 'Caller verified' }]);
  });
});
