import 'fake-indexeddb/auto';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPackStore } from '../../src/adapters/pack-store.ts';
import { openAttemptStore } from '../../src/adapters/storage/attempt-store.ts';
import { validatePackText } from '../../src/adapters/pack-worker.ts';
import { loadScriptLibrary } from '../../src/core/index.ts';
import { markMisunderstood } from '../../src/core/review/index.ts';
import { PacksState } from '../../src/ui/state/packs.svelte.ts';
import { PackMisreads } from '../../src/ui/state/pack-misreads.svelte.ts';

const lib = loadScriptLibrary(
  readdirSync('scripts-verbatim')
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .map((f) => ({ file: f, data: JSON.parse(readFileSync(`scripts-verbatim/${f}`, 'utf8')) as unknown })),
);
if (!lib.ok) throw new Error('statement library did not load');
const scripts = lib.library;
const core = readFileSync('scenarios/cms-core.yaml', 'utf8');
/** The shipped version, and the one an added example makes (the patch raised), read from the file. */
const shipped = /^version: (\S+)$/m.exec(core)![1]!;
const next = shipped.replace(/\d+$/, (patch) => String(Number(patch) + 1));
const AT = '2026-03-01T10:00:00.000Z';
const WORDS = 'sorry nothing about the case till we have done security';

let n = 0;
async function setup() {
  n += 1;
  const packs = new PacksState(() =>
    Promise.resolve({
      openStore: () => openPackStore({ name: `misreads-packs-${n}` }),
      validate: (r: { text: string; file: string }) =>
        Promise.resolve(validatePackText(r.text, r.file, scripts)),
      builtinFiles: () => [{ file: 'scenarios/cms-core.yaml', text: core }],
      scripts: () => scripts,
    }),
  );
  await packs.load();
  const store = await openAttemptStore({ name: `misreads-attempts-${n}` });
  for (const packId of ['cms-core', 'other-pack']) {
    const record = await store.create({
      trainee: 'Sam',
      packId,
      packVersion: '1.0.0',
      scenarioId: 'bogus-caller',
      scenarioTitle: 'A bogus caller',
      mode: 'practice',
    });
    await store.appendTurn(record.id, 0, { text: WORDS, at: AT });
    await store.modify(record.id, (r) => markMisunderstood(r, 0, { at: AT, stateId: 'security' }, AT));
  }
  const misreads = new PackMisreads(() => Promise.resolve(store));
  await misreads.load('cms-core');
  return { packs, misreads, store };
}

describe('PackMisreads', () => {
  it("lists the marked answers of this pack's calls only", async () => {
    const { misreads, store } = await setup();
    expect(misreads.rows.map((r) => [r.text, r.stateId])).toEqual([[WORDS, 'security']]);
    store.close();
  });

  it('adds the words as an example in a new version, installed after the usual replace question', async () => {
    const { packs, misreads, store } = await setup();
    const pack = packs.find('cms-core')!;
    await misreads.add(packs, pack, misreads.rows[0]!, 'explain-security-needed');
    expect(packs.pending?.incoming.version).toBe(next);
    await packs.confirmReplace();
    const installed = packs.find('cms-core')!;
    expect(installed.version).toBe(next);
    expect(installed.pack.intents.get('explain-security-needed')?.examples).toContain(WORDS);
    expect(packs.notice).toBe(`Replaced cms-core version ${shipped} with version ${next}.`);
    // The same words again: refused with the reason, nothing asked.
    await misreads.add(packs, installed, misreads.rows[0]!, 'explain-security-needed');
    expect(misreads.error).toBe(
      `“${WORDS}” was not added: "${WORDS}" is already an example of "explain-security-needed".`,
    );
    expect(packs.pending).toBeNull();
    store.close();
  });
});
