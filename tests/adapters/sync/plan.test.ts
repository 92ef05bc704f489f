import { describe, expect, it } from 'vitest';
import { confirm, countPending, emptyMarks, planAttempt } from '../../../src/adapters/sync/plan.ts';
import { marksFor, mergeAttempt, type ServerAttempt } from '../../../src/adapters/sync/merge.ts';
import type { AttemptRecord, Dispute } from '../../../src/core/ports/index.ts';

const record = (patch: Partial<AttemptRecord> = {}): AttemptRecord => ({
  id: 'a1',
  trainee: 'tia',
  packId: 'cms-core',
  packVersion: '1.0.0',
  scenarioId: 'new-application',
  scenarioTitle: 'A new application',
  mode: 'practice',
  startedAt: '2026-01-01T09:00:00.000Z',
  updatedAt: '2026-01-01T09:05:00.000Z',
  status: 'in-progress',
  turns: [
    { text: 'Hello', at: '2026-01-01T09:01:00.000Z' },
    { text: 'Can I take your name', at: '2026-01-01T09:02:00.000Z', flaggedForCoach: true },
  ],
  summary: null,
  notes: [],
  disputes: [],
  ...patch,
});

const dispute = (comment: string): Dispute =>
  ({
    id: 'd1',
    target: { kind: 'statement', scriptId: 'dpa', turn: 0 },
    original: { verdict: 'fail', score: 40 },
    comment,
    raisedBy: 'tia',
    raisedAt: '2026-01-01T09:06:00.000Z',
    resolution: null,
  }) as unknown as Dispute;

describe('outbox plan', () => {
  it('sends the attempt, each turn without its flag, then the flag, and nothing once confirmed', () => {
    const ops = planAttempt(record(), emptyMarks('a1'));
    expect(ops.map((o) => o.kind)).toEqual(['create', 'turn', 'turn', 'flag']);
    expect(ops[2]?.body).not.toHaveProperty('flaggedForCoach');
    expect(countPending(ops)).toEqual({ turns: 2, other: 2 });
    const marks = ops.reduce(confirm, emptyMarks('a1'));
    expect(planAttempt(record(), marks)).toEqual([]);
    const finished = record({ status: 'completed', notes: [{ id: 'n1', author: 'x', text: 'y', at: 'z' }] });
    expect(planAttempt(finished, marks).map((o) => o.kind)).toEqual(['finish', 'note']);
  });

  it("sends a turn's 'misunderstood' mark made or undone after the turn was confirmed, counted as waiting", () => {
    const synced = planAttempt(record(), emptyMarks('a1')).reduce(confirm, emptyMarks('a1'));
    const mark = { at: '2026-01-01T09:10:00.000Z', stateId: 'greeting' };
    const marked = record();
    marked.turns[0] = { ...marked.turns[0]!, misunderstood: mark };
    const ops = planAttempt(marked, synced);
    expect(ops).toEqual([
      {
        kind: 'misread',
        method: 'PUT',
        path: '/api/attempts/a1/turns/0/misunderstood',
        body: { mark },
        index: 0,
      },
    ]);
    expect(countPending(ops)).toEqual({ turns: 0, other: 1 });
    const sent = ops.reduce(confirm, synced);
    expect(planAttempt(marked, sent)).toEqual([]);
    expect(planAttempt(record(), sent).map((o) => [o.kind, o.body])).toEqual([['misread', { mark: null }]]);
    // A mark made before the turn was sent travels with the turn: nothing more to send.
    const fresh = planAttempt(marked, emptyMarks('a1'));
    expect(fresh.map((o) => o.kind)).toEqual(['create', 'turn', 'turn', 'flag']);
    expect(planAttempt(marked, fresh.reduce(confirm, emptyMarks('a1')))).toEqual([]);
    // Marks kept before marks were synced say nothing of them: a marked turn's mark is sent again.
    const { misread: _m, ...older } = synced;
    expect(planAttempt(marked, older).map((o) => o.kind)).toEqual(['misread']);
    expect(planAttempt(record(), older)).toEqual([]);
  });

  it('sends nothing for an attempt the server refused for good', () => {
    expect(planAttempt(record(), { ...emptyMarks('a1'), refused: 'Not found' })).toEqual([]);
  });
});

describe('merging the server copy', () => {
  const server = (patch: Partial<ServerAttempt> = {}): ServerAttempt => ({ ...record(), ...patch });

  it('brings a whole attempt to a new machine with nothing left to send', () => {
    const turns = record().turns.map((t) => ({ ...t, misunderstood: { at: '2026-01-01T09:10:00.000Z' } }));
    const merged = mergeAttempt(server({ turns }), undefined, emptyMarks('a1'));
    expect(merged.record?.turns).toHaveLength(2);
    expect(planAttempt(merged.record!, merged.marks)).toEqual([]);
  });

  it("adds a coach's note, and keeps a dispute changed here and not yet sent", () => {
    const local = record({ disputes: [dispute('changed here')] });
    const marks = { ...marksFor(record({ disputes: [dispute('as sent')] })) };
    const note = { id: 'n9', author: 'Cora', text: 'Slow down', at: '2026-01-01T10:00:00.000Z' };
    const merged = mergeAttempt(server({ notes: [note], disputes: [dispute('as sent')] }), local, marks);
    expect(merged.record?.notes.map((n) => n.text)).toEqual(['Slow down']);
    expect(merged.record?.disputes[0]?.comment).toBe('changed here');
    expect(planAttempt(merged.record!, merged.marks).map((o) => o.kind)).toEqual(['dispute']);
  });

  it('keeps what came from a team file marked as imported, and a result not re-checked marked so', () => {
    const mark = { file: 'north-team.json', by: 'Cleo', at: '2026-01-02T09:00:00.000Z' };
    const note = {
      id: 'n1',
      author: 'Cora',
      text: 'Good call',
      at: '2026-01-01T10:00:00.000Z',
      imported: mark,
    };
    const notRechecked = { reason: 'pack cms-core 0.9.0 is not installed here' };
    const merged = mergeAttempt(
      server({ notes: [note], imported: mark, notRechecked }),
      undefined,
      emptyMarks('a1'),
    );
    expect(merged.record?.notes[0]?.imported).toEqual(mark);
    expect(merged.record?.imported).toEqual(mark);
    expect(merged.record?.notRechecked).toEqual(notRechecked);
    const plain = mergeAttempt(server(), undefined, emptyMarks('a1')).record!;
    expect('imported' in plain || 'notRechecked' in plain).toBe(false);
  });
});
