// What QA chooses from when a misunderstood answer becomes an example.
import { describe, expect, it } from 'vitest';
import { exampleOf, movesFor } from '../../../src/core/packs/index.ts';
import { defaultPack } from './fixtures.ts';

describe('movesFor', () => {
  it('offers the moves expected in the state the answer was given in, with their labels', () => {
    const pack = defaultPack();
    const moves = movesFor(pack, 'bogus-caller', 'security');
    expect(moves.map((m) => m.id)).toEqual(pack.scenarios.get('bogus-caller')?.stateIntents.get('security'));
    expect(moves[0]?.label).toBe(pack.intents.get(moves[0]!.id)?.label);
  });

  it('offers every move of the pack when the state is unknown or not in this version', () => {
    const pack = defaultPack();
    expect(movesFor(pack, 'bogus-caller')).toHaveLength(pack.intents.size);
    expect(movesFor(pack, 'bogus-caller', 'no-such-state')).toHaveLength(pack.intents.size);
    expect(movesFor(pack, 'no-such-scenario', 'security')).toHaveLength(pack.intents.size);
  });
});

describe('exampleOf', () => {
  it('finds the move whose examples already hold the words, whatever their case and spacing', () => {
    const pack = defaultPack();
    const [id, intent] = [...pack.intents][0]!;
    const words = intent.examples[0]!;
    expect(exampleOf(pack, `  ${words.toUpperCase()} `)).toBe(id);
    expect(exampleOf(pack, 'words no example of any move holds')).toBeNull();
  });
});
