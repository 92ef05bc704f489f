// Rivals: a move the state does not expect is scored as a rival of the moves it does, so that a correct answer
// is not read as a risky move. The rivals are the scenario's own moves: another scenario's move with the same
// meaning must not hold back a risky move this scenario listens for.
import { describe, expect, it } from 'vitest';
import { compileIntents, matchIntent, plainText, type VectorTable } from '../../../src/core/index.ts';

const model = compileIntents([
  { id: 'treat-as-foi', examples: ['send it to the foi team in writing'] },
  { id: 'explain-in-writing', examples: ['put your request in writing to the foi team'] },
  { id: 'explain-sar', examples: ['that is a subject access request'] },
]);
const said = 'write to the foi team with it';
// Hand-made vectors: what was said is about as close to both FOI moves, far from the subject access one.
const vectors: VectorTable = {
  model: 'test',
  get: (plain) =>
    ({
      [plainText('send it to the foi team in writing')]: new Float32Array([1, 0, 0]),
      [plainText('put your request in writing to the foi team')]: new Float32Array([0.98, 0.2, 0]),
      [plainText('that is a subject access request')]: new Float32Array([0, 0, 1]),
      [plainText(said)]: new Float32Array([0.99, 0.1, 0.05]),
    })[plain],
};
const risky = new Set(['treat-as-foi']);
const only = ['treat-as-foi', 'explain-sar'];

describe('rivals', () => {
  it('with every intent of the pack as a rival, a close move the state does not expect holds back a risky one', () => {
    const m = matchIntent(model, said, { only, vectors, risky });
    expect(m.intent).toBeNull();
    expect(m.best?.refusedBecause).toMatch(/explain-in-writing, which is not expected here/);
  });

  it("with the scenario's own moves as rivals, another scenario's move does not", () => {
    const m = matchIntent(model, said, { only, rivals: only, vectors, risky });
    expect(m.intent).toBe('treat-as-foi');
  });

  it("a rival of the scenario's own still holds it back", () => {
    const m = matchIntent(model, said, { only, rivals: [...only, 'explain-in-writing'], vectors, risky });
    expect(m.intent).toBeNull();
  });
});
