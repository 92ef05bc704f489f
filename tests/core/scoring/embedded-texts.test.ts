// The app, the CLI and the tests embed one list of a pack's texts; every text the matcher reads a vector for must be
// on it, or that example (a kind word, a no-move line) silently counts for nothing wherever no cache happens to hold it.
import { describe, expect, it } from 'vitest';
import { compileIntents, exampleTexts } from '../../../src/core/scoring/intent.ts';
import { packExampleTexts } from '../../../src/core/library/index.ts';
import { shippedPacks } from '../packs/fixtures.ts';

describe('the texts embedded for a pack', () => {
  for (const pack of shippedPacks()) {
    it(`hold every text the matcher reads a vector for (${pack.id})`, () => {
      const model = compileIntents(
        [...pack.intents.values()].map((i) => ({ id: i.id, label: i.label, examples: [...i.examples] })),
      );
      const embedded = new Set(packExampleTexts(pack));
      const missing = exampleTexts(model).filter((t) => t !== '' && !embedded.has(t));
      expect(missing).toEqual([]);
      expect(exampleTexts(model).length).toBeGreaterThan(1000);
    });
  }
});
