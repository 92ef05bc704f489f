import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/core/scoring/intent-decide.ts';
import type { CandidateScore } from '../../../src/core/scoring/intent-score.ts';
import {
  embeddingTexts,
  MAX_SEGMENTS,
  segmentsOf,
  turnTexts,
} from '../../../src/core/scoring/intent-segments.ts';

describe('segmentsOf', () => {
  it('splits a greeting from the question that follows it, with or without punctuation', () => {
    expect(
      segmentsOf(
        "morning child maintenance service you're speaking with hannah can i start with your security please",
      ),
    ).toEqual([
      'morning child maintenance service',
      "you're speaking with hannah",
      'can i start with your security please',
    ]);
    expect(segmentsOf("I hear you. I'm right here on the phone with you.")).toEqual([
      'i hear you',
      "i'm right here on the phone with you",
    ]);
  });

  it('keeps a turn of one clause whole, and a clause bound by "before", "if" or "what" in one piece', () => {
    expect(segmentsOf('sure that is your right')).toEqual([]);
    expect(segmentsOf("I'll need to check a few details with you before I can look at that.")).toEqual([]);
    expect(segmentsOf('what i can do is ask you to ring back')).toEqual([]);
  });

  it('keeps "how much", "how long" and the like with the clause they ask about', () => {
    // Split at "you're", the fragment "you're paying back on the arrears" read as pressing for payment.
    expect(segmentsOf("You can ask us to review how much you're paying back on the arrears.")).toEqual([]);
    expect(segmentsOf("we can look at the money too you can ask how long you've got to pay")).toEqual([
      'we can look at the money too',
      "you can ask how long you've got to pay",
    ]);
  });

  it('joins clauses too short to make a move, drops a dangling joining word, and keeps at most a few', () => {
    expect(segmentsOf("Sorry, I can't discuss the case until we've been through security.")).toEqual([]);
    expect(segmentsOf('Where are you at the moment, and is there anyone there with you?')).toEqual([
      'where are you at the moment',
      'is there anyone there with you',
    ]);
    const long = 'one two three four five six seven eight nine'
      .split(' ')
      .map((n) => `this is clause ${n}`)
      .join('. ');
    expect(segmentsOf(long).length).toBe(MAX_SEGMENTS);
  });

  it('lists the turn and its clauses for the encoder, for every text and alternative of a call', () => {
    expect(embeddingTexts("Hello, you're through to Sam. Can you give me your PIN please?")).toEqual([
      "hello you're through to sam can you give me your pin please",
      "hello you're through to sam",
      'can you give me your pin please',
    ]);
    expect(turnTexts([{ text: 'Yes. I can pass that on for you.', alternatives: [{ text: 'no' }] }])).toEqual(
      ['yes i can pass that on for you', 'no'],
    );
  });
});

const semantic = (nearest: number) => ({ nearest, centroid: nearest, example: `example ${nearest}` });
function cand(id: string, whole: number, part: number, candidate = true, at = 0): CandidateScore {
  return {
    id,
    lexical: { id, score: 0.3, words: [], example: null },
    semantic: semantic(whole),
    part: { ...semantic(part), text: `clause of ${id}`, at },
    candidate,
    asked: false,
  };
}

describe('a clause carrying a move', () => {
  it('lifts a move the state expects, and says which clause carried it', () => {
    const d = decide([cand('ask-security', 0.45, 0.8), cand('explain-security-needed', 0.5, 0.5)]);
    expect(d.intent).toBe('ask-security');
    expect(d.best?.part).toBe('clause of ask-security');
  });

  it('never lifts a risky move: a critical error needs the whole turn', () => {
    const d = decide([cand('confirm-address', 0.45, 0.9), cand('refuse-to-confirm', 0.5, 0.5)], {
      risky: new Set(['confirm-address']),
    });
    expect(d.intent).not.toBe('confirm-address');
  });

  it('never lifts a rival the state does not expect', () => {
    const d = decide([cand('end-call', 0.7, 0.7), cand('transfer-call', 0.5, 0.95, false)], {
      risky: new Set(['end-call']),
    });
    expect(d.intent).toBe('end-call');
  });
});

describe('a preface', () => {
  const minor = new Set(['empathise']);
  const turn = (empathyAt: number, explainAt: number, explain = 0.85) => [
    cand('empathise', 0.5, 0.95, true, empathyAt),
    cand('explain-no-authority', 0.5, explain, true, explainAt),
  ];
  it('a move that only gets a reply, said before another move in a later clause, gives way to it', () => {
    expect(decide(turn(0, 1), { minor }).intent).toBe('explain-no-authority');
  });

  it('gives way to it said before as well ("my team leader is calling 999, and I\'m staying on the line")', () => {
    expect(decide(turn(1, 0), { minor }).intent).toBe('explain-no-authority');
  });

  it('keeps the move when the other is weak, in the same clause, or when the move moves the call on', () => {
    expect(decide(turn(0, 1, 0.55), { minor }).intent).toBe('empathise');
    expect(decide(turn(1, 1), { minor }).intent).toBe('empathise');
    expect(decide(turn(0, 1)).intent).toBe('empathise');
  });

  it('gives way to a move the whole turn says best, when its closest clause is another one', () => {
    const summon = (at: number) => [
      cand('stay-on-line', 0.5, 0.95, true, 1),
      cand('summon-emergency-help', 0.8, 0.75, true, at),
    ];
    const minor = new Set(['stay-on-line']);
    const d = decide(summon(0), { minor });
    expect(d.intent).toBe('summon-emergency-help');
    expect(d.best?.part).toBeUndefined();
    expect(decide(summon(1), { minor }).intent).toBe('stay-on-line');
  });

  it('passes over a move closest to the same clause, for one said in another', () => {
    const minor = new Set(['stay-on-line']);
    const d = decide(
      [
        cand('stay-on-line', 0.5, 0.95, true, 1),
        cand('refer-team-leader', 0.8, 0.75, true, 1),
        cand('summon-emergency-help', 0.78, 0.74, true, 0),
      ],
      { minor },
    );
    expect(d.intent).toBe('summon-emergency-help');
  });

  it('never gives way to a risky move', () => {
    const risky = new Set(['explain-no-authority']);
    expect(decide(turn(0, 1), { minor, risky }).intent).toBe('empathise');
  });
});
