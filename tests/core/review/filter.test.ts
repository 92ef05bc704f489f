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
    expect(ids({ scenario: { packId: 'cms-core', scenarioId: 'other' } })).toEqual(['f2']);
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
    expect(o.scenarios.map((s) => s.scenarioId)).toEqual(['bogus-caller', 'other']);
    expect(o.scenarios.map((s) => s.label)).toEqual(['A bogus caller', 'Other']);
    expect(o.endings).toEqual([{ id: 'verified', title: 'Caller verified' }]);
  });
});

describe('a scenario is its pack and its id', () => {
  const core = attempt({ id: 'core', packId: 'cms-core', scenarioTitle: 'A bogus caller' });
  const impostor = attempt({ id: 'impostor', packId: 'innocent-pack', scenarioTitle: 'A bogus caller' });
  const renamed = attempt({ id: 'renamed', packId: 'innocent-pack', scenarioTitle: 'Friendly caller' });

  it('filters one pack’s scenario, never another pack’s scenario of the same id', () => {
    const ids = (packId: string) =>
      filterAttempts([core, impostor], { scenario: { packId, scenarioId: 'bogus-caller' } }).map((a) => a.id);
    expect(ids('cms-core')).toEqual(['core']);
    expect(ids('innocent-pack')).toEqual(['impostor']);
  });

  it('offers each pack’s scenario once, naming the pack when the title or id is shared', () => {
    const o = filterOptions([core, impostor, attempt({ packId: 'cms-core' })]);
    expect(o.scenarios.map((s) => [s.packId, s.label])).toEqual([
      ['cms-core', 'A bogus caller (pack cms-core)'],
      ['innocent-pack', 'A bogus caller (pack innocent-pack)'],
    ]);
    expect(new Set(o.scenarios.map((s) => s.key)).size).toBe(2);
    const byId = filterOptions([core, renamed]).scenarios.map((s) => s.label);
    expect(byId).toEqual(['A bogus caller (pack cms-core)', 'Friendly caller (pack innocent-pack)']);
  });
});
