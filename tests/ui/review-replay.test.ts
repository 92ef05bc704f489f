// Reviewing an old attempt shows what was decided then (the decisions kept on its turns), and
// re-scoring it with today's matcher is a separate request that lists the differences turn by turn
// without changing the attempt.
import { describe, expect, it } from 'vitest';
import { practiceLibrary } from '../../src/core/library/practice-library.ts';
import type { AttemptRecord, MatcherLabel } from '../../src/core/ports/index.ts';
import type { IntentMatch } from '../../src/core/scoring/types.ts';
import { MATCHER_VERSION } from '../../src/core/index.ts';
import { replayAttempt, rescoreAttempt, storedDecisions } from '../../src/ui/state/review-replay.ts';
import { NOTICE, shippedScripts, smallLoaded } from '../core/packs/fixtures.ts';

const MUMBLE = 'right okay so then';
const AT = '2026-03-07T09:30:00.000Z';
const read = (intent: string): IntentMatch => ({
  intent,
  confidence: 0.9,
  matchedWords: [],
  best: { id: intent, score: 0.9 },
});

function attempt(version = '0.1.0'): AttemptRecord {
  return {
    id: 'a1',
    trainee: 'Sam',
    packId: smallLoaded().id,
    packVersion: version,
    scenarioId: 'demo',
    scenarioTitle: 'Demo',
    mode: 'practice',
    startedAt: AT,
    updatedAt: AT,
    status: 'in-progress',
    turns: [
      { text: NOTICE, at: AT, decision: { matcher: 'hybrid', version: '1', intent: null, credited: [] } },
      {
        text: MUMBLE,
        at: AT,
        decision: {
          matcher: 'hybrid',
          version: '1',
          intent: read('ask-security'),
          credited: ['ask-security'],
        },
      },
    ],
    summary: null,
    notes: [],
    disputes: [],
  };
}

const library = () => practiceLibrary({ scripts: shippedScripts(), packs: [smallLoaded()], problems: [] });
const wordsOnly = {
  prepared: [] as string[][],
  async prepare(texts: readonly string[]) {
    this.prepared.push([...texts]);
  },
  matcher: 'words only' as MatcherLabel,
  vectorsFor: async () => undefined,
};

describe('review of a stored attempt', () => {
  it('replays the call as it was decided then, not as words alone read it today', () => {
    const report = replayAttempt(library(), attempt());
    if (typeof report === 'string') throw new Error(report);
    const turn = report.transcript.find((e) => e.speaker === 'trainee' && e.turnIndex === 1);
    expect(turn?.speaker === 'trainee' && turn.feedback.intent?.intent).toBe('ask-security');
    expect(report.current.callerLine).toBe('Right, is that everything?');
  });

  it('replays attempts saved before decisions were kept on their words', () => {
    const old = attempt();
    old.turns = old.turns.map(({ decision: _d, ...t }) => t);
    expect(storedDecisions(old)).toBeUndefined();
    const report = replayAttempt(library(), old);
    if (typeof report === 'string') throw new Error(report);
    expect(report.current.callerLine).not.toBe('Right, is that everything?');
  });

  it('re-scores on request: lists the turn read differently today, and leaves the attempt as it was', async () => {
    const stored = attempt();
    const before = structuredClone(stored);
    const result = await rescoreAttempt(library(), stored, wordsOnly);
    if (typeof result === 'string') throw new Error(result);
    expect(result).toMatchObject({ matcher: 'words only', version: MATCHER_VERSION, packVersion: '0.1.0' });
    expect(wordsOnly.prepared.at(-1)?.length).toBeGreaterThan(0);
    expect(result.turns).toHaveLength(1);
    expect(result.turns[0]).toMatchObject({ turnIndex: 1, said: MUMBLE, then: 'understood as ask security' });
    expect(result.turns[0]!.now).toBe('no move');
    expect(stored).toEqual(before);
  });

  it('re-scores through the installed version when the pack changed, comparing the moves kept', async () => {
    const result = await rescoreAttempt(library(), attempt('0.0.9'), wordsOnly);
    if (typeof result === 'string') throw new Error(result);
    expect(result.packVersion).toBe('0.1.0');
    expect(result.turns.map((t) => t.turnIndex)).toEqual([1]);
    expect(replayAttempt(library(), attempt('0.0.9'))).toMatch(/not installed here/);
  });

  it('says plainly when the pack is not installed at all', async () => {
    const other = { ...attempt(), packId: 'another-pack' };
    expect(await rescoreAttempt(library(), other, wordsOnly)).toMatch(/has no scenario "demo"/);
  });
});
