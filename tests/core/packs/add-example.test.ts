// Turning a misunderstood answer into an example: a new version of the pack's text that still loads,
// with the example under the right move, the layout and comments kept, and clear refusals.
import { describe, expect, it } from 'vitest';
import { addIntentExample, nextPatchVersion } from '../../../src/core/packs/add-example.ts';
import { loadPackText } from '../../../src/core/library/load-library.ts';
import { DEFAULT_PACK_FILE, defaultPackText, shippedScripts } from './fixtures.ts';

const SAID = 'where are you at the moment and is anyone there with you';

describe('addIntentExample', () => {
  it('adds the words to the move in the built-in YAML pack, raises the version and keeps comments', () => {
    const before = defaultPackText();
    const r = addIntentExample(before, 'yaml', 'ask-location-support', SAID);
    if (!r.ok) throw new Error(r.error);
    expect(r.version).toBe(nextPatchVersion(/^version: (.+)$/m.exec(before)![1]!));
    expect(r.text).toContain('# ---------- common ----------');
    const loaded = loadPackText(r.text, DEFAULT_PACK_FILE, shippedScripts());
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.pack.version).toBe(r.version);
    expect(loaded.pack.intents.get('ask-location-support')?.examples).toContain(SAID);
    // Only the example and the version changed.
    const changed = r.text.split('\n').filter((l) => !before.split('\n').includes(l));
    expect(changed).toEqual([`version: ${r.version}`, `      - "${SAID}"`]);
  }, 60_000);

  it('edits a JSON pack the same way', () => {
    const json = JSON.stringify({ id: 'p', version: '2.3.9', intents: [{ id: 'x', examples: ['a b'] }] });
    const r = addIntentExample(json, 'json', 'x', 'c d');
    expect(r).toMatchObject({ ok: true, version: '2.3.10' });
    if (r.ok) expect(JSON.parse(r.text).intents[0].examples).toEqual(['a b', 'c d']);
  });

  it('refuses an unknown move, a repeated example, empty words and a version it cannot raise', () => {
    const text = defaultPackText();
    expect(addIntentExample(text, 'yaml', 'no-such-move', SAID)).toMatchObject({
      ok: false,
      error: /no move/,
    });
    const once = addIntentExample(text, 'yaml', 'ask-location-support', SAID);
    if (!once.ok) throw new Error(once.error);
    expect(addIntentExample(once.text, 'yaml', 'ask-location-support', SAID.toUpperCase())).toMatchObject({
      ok: false,
      error: /already an example/,
    });
    expect(addIntentExample(text, 'yaml', 'ask-location-support', '  ')).toMatchObject({ ok: false });
    const beta = JSON.stringify({ version: '2.0.0-beta.1', intents: [{ id: 'x', examples: [] }] });
    expect(addIntentExample(beta, 'json', 'x', 'y')).toMatchObject({ ok: false, error: /cannot be raised/ });
  });
});
