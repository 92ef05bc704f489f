// A scenario is known in the attempts database by its pack id and its id: an imported pack's scenario
// `bogus-caller` never shares the built-in `cms-core` one's rows, filter choice, listing or unfinished
// call. A database saved by schema version 4 (indexes on the scenario id alone) is upgraded to the
// pack-aware indexes keeping every record, head and setting.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, openAttemptStore } from '../../../src/adapters/storage/attempt-store.ts';
import type { AttemptRecord, AttemptStore } from '../../../src/core/ports/index.ts';
import { writeOldDatabase } from '../../e2e/old-databases.mjs';

let counter = 0;
const stores: AttemptStore[] = [];
async function open(name = `pack-scenario-${++counter}`) {
  const store = await openAttemptStore({ name, markStorage: null, storageManager: null });
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const record = (id: string, packId: string, over: Partial<AttemptRecord> = {}): AttemptRecord => ({
  id,
  trainee: 'Sam',
  packId,
  packVersion: '1.0.0',
  scenarioId: 'bogus-caller',
  scenarioTitle: 'A caller fishing for an address',
  mode: 'practice',
  startedAt: `2026-01-0${id.length % 9}T09:00:00.000Z`,
  updatedAt: '2026-01-10T09:05:00.000Z',
  status: 'completed',
  turns: [{ text: 'hello', source: 'typed', at: '2026-01-01T09:00:01.000Z' }],
  summary: {
    ending: { id: 'verified', title: 'Verified', outcome: 'pass' },
    score: packId === 'cms-core' ? 60 : 100,
    passed: packId !== 'cms-core',
    criticalErrors: [],
    statements: [],
    moves: [],
  },
  notes: [],
  disputes: [],
  ...over,
});

const builtIn = record('core-1', 'cms-core');
const impostor = record('impostor-1', 'innocent-pack');
const bogus = { scenarioId: 'bogus-caller' };

describe('scenario identity in the attempts database', () => {
  it('filters by the pack and the scenario, never every pack’s scenario of that id', async () => {
    const store = await open();
    await store.importAttempts([builtIn, impostor]);
    const core = await store.filterHeads!({ scenario: { packId: 'cms-core', ...bogus } });
    expect(core?.map((h) => h.id)).toEqual(['core-1']);
    const other = await store.filterHeads!({ scenario: { packId: 'innocent-pack', ...bogus } });
    expect(other?.map((h) => h.id)).toEqual(['impostor-1']);
    expect(await store.filterHeads!({ scenario: { packId: 'missing', ...bogus } })).toEqual([]);
  });

  it('offers each pack’s scenario as its own choice, labelled with its pack', async () => {
    const store = await open();
    await store.importAttempts([builtIn, impostor, record('core-22', 'cms-core')]);
    const { scenarios } = await store.filterChoices!();
    expect(scenarios.map((s) => [s.packId, s.scenarioId, s.label])).toEqual([
      ['cms-core', 'bogus-caller', 'A caller fishing for an address (pack cms-core)'],
      ['innocent-pack', 'bogus-caller', 'A caller fishing for an address (pack innocent-pack)'],
    ]);
  });

  it('lists and resumes one pack’s scenario only', async () => {
    const store = await open();
    await store.importAttempts([
      builtIn,
      impostor,
      record('open-impostor', 'innocent-pack', { status: 'in-progress', summary: null }),
    ]);
    const listed = await store.list({ scenario: { packId: 'cms-core', ...bogus } });
    expect(listed.map((r) => r.id)).toEqual(['core-1']);
    const both = await store.list({ trainee: 'Sam', scenario: { packId: 'innocent-pack', ...bogus } });
    expect(both.map((r) => r.id).sort()).toEqual(['impostor-1', 'open-impostor']);
    expect(await store.findInProgress('Sam', 'cms-core', 'bogus-caller')).toBeUndefined();
    expect((await store.findInProgress('Sam', 'innocent-pack', 'bogus-caller'))?.id).toBe('open-impostor');
  });

  it('upgrades a version 4 database to the pack-aware indexes, keeping every attempt', async () => {
    const name = `v4-${++counter}`;
    await writeOldDatabase({ name, version: 4, records: [builtIn, impostor], knownTrainees: ['Sam'] });
    const store = await open(name);
    expect(DB_VERSION).toBe(5);
    expect(await store.get('core-1')).toEqual(builtIn);
    expect(await store.get('impostor-1')).toEqual(impostor);
    expect((await store.getSettings()).knownTrainees).toEqual(['Sam']);
    expect((await store.listHeads()).map((h) => h.id).sort()).toEqual(['core-1', 'impostor-1']);
    const core = await store.filterHeads!({ scenario: { packId: 'cms-core', ...bogus } });
    expect(core?.map((h) => h.id)).toEqual(['core-1']);
    const raw = await openDB(name);
    expect(raw.version).toBe(5);
    const tx = raw.transaction(['attempts', 'heads']);
    expect([...tx.objectStore('heads').indexNames].sort()).toEqual([
      'byEnding',
      'byPackScenario',
      'byStartedAt',
      'byTrainee',
    ]);
    expect([...tx.objectStore('attempts').indexNames]).not.toContain('byScenario');
    expect([...tx.objectStore('attempts').indexNames]).toContain('byTraineePackScenario');
    raw.close();
  });
});
