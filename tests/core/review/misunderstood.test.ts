// "The caller misunderstood me": a mark on one saved turn, its count on the attempt's head, and QA's list.
import { describe, expect, it } from 'vitest';
import {
  markMisunderstood,
  misunderstoodTurns,
  misunderstoodUtterances,
  TurnSchema,
} from '../../../src/core/review/index.ts';
import { headOf } from '../../../src/core/review/attempt-head.ts';
import type { AttemptRecord } from '../../../src/core/ports/index.ts';
import { attempt } from './fixtures.ts';

const AT = '2026-02-01T10:00:00.000Z';
const twoTurns = (over: Partial<AttemptRecord> = {}): AttemptRecord =>
  attempt({
    turns: [
      { text: 'hello', at: '2026-01-01T09:00:05.000Z', flaggedForCoach: true },
      { text: 'can I take your postcode', at: '2026-01-01T09:00:09.000Z' },
    ],
    ...over,
  }) as AttemptRecord;

describe('markMisunderstood', () => {
  it('marks one turn with when and the state, and changes nothing else but updatedAt', () => {
    const before = twoTurns();
    const after = markMisunderstood(before, 1, { at: AT, stateId: 'security' }, AT);
    expect(after?.turns[1]).toEqual({ ...before.turns[1], misunderstood: { at: AT, stateId: 'security' } });
    expect(after?.turns[0]).toBe(before.turns[0]);
    expect({ ...after, turns: null, updatedAt: null }).toEqual({ ...before, turns: null, updatedAt: null });
    expect(after?.updatedAt).toBe(AT);
    expect(before.turns[1]?.misunderstood).toBeUndefined();
    expect(TurnSchema.safeParse(after?.turns[1]).success).toBe(true);
  });

  it('takes the mark off again, leaving the turn as it was', () => {
    const before = twoTurns();
    const marked = markMisunderstood(before, 1, { at: AT }, AT)!;
    const undone = markMisunderstood(marked, 1, null, AT);
    expect(undone?.turns[1]).toEqual(before.turns[1]);
    expect(misunderstoodTurns(undone!.turns)).toEqual([]);
  });

  it('writes nothing for a turn that is not saved, or when nothing changes', () => {
    const before = twoTurns();
    expect(markMisunderstood(before, 2, { at: AT }, AT)).toBeNull();
    expect(markMisunderstood(before, 0, null, AT)).toBeNull();
    const marked = markMisunderstood(before, 0, { at: AT }, AT)!;
    expect(markMisunderstood(marked, 0, { at: AT }, AT)).toBeNull();
  });
});

describe('the head of a marked attempt', () => {
  it('counts its marked turns, and says nothing when there are none', () => {
    const record = twoTurns();
    expect(headOf(record)).not.toHaveProperty('misunderstood');
    const once = markMisunderstood(record, 0, { at: AT }, AT)!;
    const twice = markMisunderstood(once, 1, { at: AT }, AT)!;
    expect(headOf(once).misunderstood).toBe(1);
    expect(headOf(twice).misunderstood).toBe(2);
  });
});

describe('misunderstoodUtterances', () => {
  it("lists the marked words of one pack's attempts, newest mark first, with the state they were said in", () => {
    const a = markMisunderstood(twoTurns(), 1, { at: AT, stateId: 'security' }, AT)!;
    const later = '2026-02-02T10:00:00.000Z';
    const b = markMisunderstood(twoTurns(), 0, { at: later }, later)!;
    const otherPack = markMisunderstood(twoTurns({ packId: 'other' }), 0, { at: AT }, AT)!;
    const silence = markMisunderstood(
      twoTurns({ turns: [{ silenceBefore: 9, at: AT }] }),
      0,
      { at: AT },
      AT,
    )!;
    const rows = misunderstoodUtterances([a, b, otherPack, silence], 'cms-core');
    expect(rows.map((r) => [r.attemptId, r.turnIndex, r.text, r.stateId])).toEqual([
      [b.id, 0, 'hello', undefined],
      [a.id, 1, 'can I take your postcode', 'security'],
    ]);
    expect(rows[1]).toMatchObject({ trainee: a.trainee, scenarioId: a.scenarioId, packVersion: '1.0.0' });
  });
});
