// A stored attempt replayed with the decisions kept on its turns reads as the trainee saw it, whatever
// the matcher would read today; comparing it with a fresh reading lists the turns that differ.
import { describe, expect, it } from 'vitest';
import {
  compareTurns,
  readingsOf,
  runCall,
  type RecordedDecision,
  type TraineeTurn,
} from '../../../src/core/session/index.ts';
import type { IntentMatch } from '../../../src/core/scoring/types.ts';
import { NOTICE, smallLoaded } from '../packs/fixtures.ts';

const SECURITY = 'Can I take two digits from your PIN and your password please';
const MUMBLE = 'right okay so then';

const read = (intent: string | null): IntentMatch => ({
  intent,
  confidence: intent ? 0.9 : 0,
  matchedWords: [],
  best: intent ? { id: intent, score: 0.9 } : null,
});
const trainee = (r: ReturnType<typeof runCall>, turnIndex: number) => {
  const e = r.transcript.find((t) => t.speaker === 'trainee' && t.turnIndex === turnIndex);
  if (e?.speaker !== 'trainee') throw new Error(`no turn ${turnIndex}`);
  return e;
};

describe('replaying with recorded decisions', () => {
  const turns: TraineeTurn[] = [{ text: NOTICE }, { text: MUMBLE }];

  it('follows the move recorded on a turn, not what the words read as today', () => {
    const pack = smallLoaded();
    const today = runCall(pack, 'demo', turns);
    expect(trainee(today, 1).feedback.intent?.intent ?? null).toBeNull();
    expect(today.current.stateId).not.toBe('closing');

    const decisions: (RecordedDecision | undefined)[] = [undefined, { intent: read('ask-security') }];
    const then = runCall(pack, 'demo', turns, { decisions });
    expect(trainee(then, 1).feedback.intent?.intent).toBe('ask-security');
    expect(then.current).toMatchObject({ stateId: 'closing', callerLine: 'Right, is that everything?' });
    expect(then.moves.find((m) => m.intentId === 'ask-security')).toMatchObject({ made: true, turnIndex: 1 });
  });

  it('a recorded "no move" holds the call where it was, even for words read as a move today', () => {
    const pack = smallLoaded();
    const said: TraineeTurn[] = [{ text: NOTICE }, { text: SECURITY }];
    expect(runCall(pack, 'demo', said).current.stateId).toBe('closing');
    const none = { intent: read(null), credited: [] };
    const then = runCall(pack, 'demo', said, { decisions: [undefined, none] });
    expect(then.current.stateId).not.toBe('closing');
    expect(then.moves.find((m) => m.intentId === 'ask-security')?.made).toBe(false);
  });

  it('credits the moves recorded on the turn, and only those', () => {
    const pack = smallLoaded();
    const only = { intent: read('ask-security'), credited: ['ask-security', 'say-goodbye'] };
    const then = runCall(pack, 'demo', turns, { decisions: [undefined, only] });
    expect(then.moves.map((m) => [m.intentId, m.turnIndex])).toEqual([
      ['ask-security', 1],
      ['say-goodbye', 1],
    ]);
  });

  it('lists each turn read differently, in the feedback words, and nothing when they agree', () => {
    const pack = smallLoaded();
    const then = runCall(pack, 'demo', turns, { decisions: [undefined, { intent: read('ask-security') }] });
    const now = runCall(pack, 'demo', turns);
    expect(compareTurns(readingsOf(then), readingsOf(then))).toEqual([]);
    const diff = compareTurns(readingsOf(then), readingsOf(now));
    expect(diff).toHaveLength(1);
    expect(diff[0]).toMatchObject({ turnIndex: 1, said: MUMBLE, then: 'understood as ask security' });
    expect(diff[0]!.now).toMatch(/^no move/);
  });
});
