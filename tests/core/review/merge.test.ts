import { describe, expect, it } from 'vitest';
import { planMerge } from '../../../src/core/review/index.ts';
import { attempt } from './fixtures.ts';

describe('planMerge', () => {
  it('adds new attempts and leaves ones already present untouched', () => {
    const here = attempt();
    const fresh = attempt();
    const plan = planMerge([here], [here, fresh]);
    expect(plan.added).toEqual([fresh.id]);
    expect(plan.unchanged).toEqual([here.id]);
    expect(plan.writes).toEqual([fresh]);
  });

  it('joins notes added elsewhere by their ids, without duplicating', () => {
    const n1 = { id: 'n1', author: 'A', text: 'one', at: '2026-01-01T00:00:00.000Z' };
    const n2 = { id: 'n2', author: 'B', text: 'two', at: '2026-01-02T00:00:00.000Z' };
    const here = attempt({ notes: [n1] });
    const there = { ...here, notes: [n1, n2], summary: null };
    const plan = planMerge([here], [there]);
    expect(plan.updated).toEqual([here.id]);
    expect(plan.writes[0]?.notes).toEqual([n1, n2]);
    expect(plan.writes[0]?.summary).toEqual(here.summary);
  });

  it('takes a resolution made elsewhere but never undoes one made here', () => {
    const open = {
      id: 'd1',
      target: { kind: 'move' as const, intentId: 'ask-postcode' },
      original: 'not-made' as const,
      comment: 'I asked',
      raisedBy: 'Sam',
      raisedAt: '2026-01-01T00:00:00.000Z',
      resolution: null,
    };
    const resolved = {
      ...open,
      resolution: {
        kind: 'upheld' as const,
        by: 'Coach',
        at: '2026-01-02T00:00:00.000Z',
        reason: 'Not asked',
      },
    };
    const a = attempt({ disputes: [open] });
    expect(planMerge([a], [{ ...a, disputes: [resolved] }]).writes[0]?.disputes).toEqual([resolved]);
    const b = attempt({ disputes: [resolved] });
    const plan = planMerge([b], [{ ...b, disputes: [open] }]);
    expect(plan.unchanged).toEqual([b.id]);
  });
});
