// The shipped packs' intents as the real matcher sees them (sentence vectors and words): each example must
// be recognised as its own intent in every state that listens for it. This catches examples that a gate
// (form, required or excluded words) rules out, examples closer to talk that makes no move, and risky
// examples closer to a move the state does not expect.
import { beforeAll, describe, expect, it } from 'vitest';
import { embeddingTexts, type VectorTable } from '../../../src/core/index.ts';
import { nodeVectors } from '../../../src/adapters/understanding/node-vectors.ts';
import { packTexts } from '../../../src/cli/understanding.ts';
import { defaultPack, shippedPacks } from './fixtures.ts';

const pack = defaultPack();
let vectors: VectorTable;
const intentAt = (scenario: string, state: string, text: string) =>
  pack.scenarios
    .get(scenario)!
    .judge.understanding(vectors, () => pack.scenarios.get(scenario)!.judge.intentAt(state, text));

describe.each(shippedPacks().map((p) => [p.id, p] as const))('pack %s', (_id, shipped) => {
  describe.each([...shipped.scenarios.keys()])('scenario %s: intent examples', (id) => {
    const judge = shipped.scenarios.get(id)!.judge;
    const cases = [...shipped.scenarios.get(id)!.stateIntents].flatMap(([state, intents]) =>
      intents.flatMap((intent) =>
        shipped.intents.get(intent)!.examples.map((text) => ({ state, intent, text })),
      ),
    );

    beforeAll(async () => {
      vectors = await nodeVectors(packTexts(shipped));
    }, 600_000);

    it.each(cases)('$state: "$text" is $intent', ({ state, intent, text }) => {
      expect(judge.understanding(vectors, () => judge.intentAt(state, text))?.intent ?? null).toBe(intent);
    });
  });
});

describe('realistic phrasings the examples must cover', () => {
  const cases: { scenario: string; state: string; text: string; intent: string }[] = [
    // Without a "not": the negated examples alone cannot match a plain statement.
    {
      scenario: 'first-contact',
      state: 'worried',
      text: "It's a standard statement we read to everyone.",
      intent: 'explain-standard-statement',
    },
    {
      scenario: 'first-contact',
      state: 'worried',
      text: "We read this to every client, it's not an accusation.",
      intent: 'explain-standard-statement',
    },
    {
      scenario: 'suicide-threat',
      state: 'asked',
      text: 'Where are you right now, are you at home? Is anyone with you?',
      intent: 'ask-location-support',
    },
    {
      scenario: 'suicide-threat',
      state: 'asked',
      text: 'Are you on your own at the moment, or is anyone with you?',
      intent: 'ask-location-support',
    },
    // A promise about our recording, not an objection to the client's.
    {
      scenario: 'client-recording-call',
      state: 'objects',
      text: "Don't worry, this call isn't being recorded.",
      intent: 'promise-not-recorded',
    },
    {
      scenario: 'client-recording-call',
      state: 'recording-announced',
      text: "You can't record this call.",
      intent: 'object-to-recording',
    },
  ];

  beforeAll(async () => {
    vectors = await nodeVectors([...packTexts(pack), ...cases.flatMap((c) => embeddingTexts(c.text))]);
  }, 600_000);

  it.each(cases)('$scenario/$state: "$text" is $intent', ({ scenario, state, text, intent }) => {
    expect(intentAt(scenario, state, text)?.intent ?? null).toBe(intent);
  });
});
