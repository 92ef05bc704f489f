// Denied: a speech act the trainee says they will not make is not that move (intent-denied.ts).
import { describe, expect, it } from 'vitest';
import { compileIntents } from '../../../src/core/index.ts';
import { deniesAct } from '../../../src/core/scoring/intent-denied.ts';

const model = compileIntents([
  {
    id: 'object-to-recording',
    examples: ['please stop recording this call', "i'll have to ask you to stop recording"],
  },
  {
    id: 'promise-copy',
    examples: ["i'll send you a copy", "i won't tell anyone but i'll promise you a copy"],
  },
]);
const object = model.byId.get('object-to-recording')!;

describe('a speech act denied in the first person', () => {
  it.each([
    "I'm not going to ask you to stop recording, don't worry.",
    "I won't be telling you to stop recording, that's entirely up to you.",
    'i will not promise anything like that',
    'im not gonna tell you to switch it off',
  ])('"%s" denies the move', (text) => {
    expect(deniesAct(object, text)).toBe(true);
  });

  it.each([
    "I'll have to ask you to stop recording, please.",
    "I won't bore you with it, but please stop recording.",
    "I'm not comfortable carrying on if you're recording.",
  ])('"%s" does not', (text) => {
    expect(deniesAct(object, text)).toBe(false);
  });

  it('a move whose own examples deny a speech act that way is left to the matcher', () => {
    expect(deniesAct(model.byId.get('promise-copy')!, "I won't tell him, I promise")).toBe(false);
  });
});
