// A scenario is known by its pack id and its own id together: two packs that both have a scenario
// `test-call` never share a last result, a resumed call or a library lookup.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openAttemptStore } from '../../src/adapters/storage/attempt-store.ts';
import { practiceLibrary } from '../../src/core/library/practice-library.ts';
import { scenarioKey } from '../../src/core/ports/practice-library.ts';
import type { AttemptStore, PracticeLibrary } from '../../src/core/ports/index.ts';
import { CallSession } from '../../src/ui/state/call-session.svelte.ts';
import { TraineeState } from '../../src/ui/state/trainee.svelte.ts';
import { smallLoaded, shippedScripts } from '../core/packs/fixtures.ts';
import { callDeps } from './call-deps-fixture.ts';
import { fakeLibrary, scenario } from './fake-library.ts';

const other = { ...scenario, packId: 'other-pack', packTitle: 'Other pack', title: 'Another test call' };
/** The fake library with a second pack that also has a scenario `test-call`. */
const twoPacks: PracticeLibrary = {
  ...fakeLibrary,
  scenarios: [...fakeLibrary.scenarios, other],
  find: (id, packId) => {
    const all = twoPacks.scenarios.filter(
      (s) => s.id === id && (packId === undefined || s.packId === packId),
    );
    return all.length === 1 ? all[0] : undefined;
  },
};

let n = 0;
const opened: AttemptStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

async function session(name: string) {
  const store = await openAttemptStore({ name });
  opened.push(store);
  return { session: new CallSession(callDeps({ library: twoPacks, store })), store };
}

describe('the practice library', () => {
  const pack = smallLoaded();
  const id = pack.spec.scenarios[0]!.id;
  const copy = { ...pack, id: 'copy-pack', title: 'Copy', file: 'copy.yaml' };

  it('keeps two packs with the same scenario id apart, and finds each by its pack id', () => {
    const library = practiceLibrary({ scripts: shippedScripts(), packs: [pack, copy], problems: [] });
    expect(library.problems).toEqual([]);
    expect(library.scenarios.filter((s) => s.id === id).map((s) => s.packId)).toEqual([pack.id, 'copy-pack']);
    expect(library.find(id, pack.id)?.packId).toBe(pack.id);
    expect(library.find(id, 'copy-pack')?.packTitle).toBe('Copy');
    expect(library.find(id, 'not-installed')).toBeUndefined();
    // A link without a pack id cannot say which one it meant.
    expect(library.find(id)).toBeUndefined();
    const found = library.find(id, 'copy-pack');
    expect(found && library.brief(found).statements.length).toBeGreaterThan(0);
  });

  it('opens a link without a pack id when exactly one installed pack has the scenario', () => {
    const library = practiceLibrary({ scripts: shippedScripts(), packs: [pack], problems: [] });
    expect(library.find(id)?.packId).toBe(pack.id);
  });
});

describe('resuming a call', () => {
  it('never resumes an unfinished call of another pack with the same scenario id', async () => {
    const name = `identity-${++n}`;
    const first = await session(name);
    await first.session.open('test-call', 'other-pack');
    await first.session.begin('practice');
    await first.session.submit({ text: 'hello' });

    const second = await session(name);
    await second.session.open('test-call', 'test-pack');
    expect(second.session.scenario?.packId).toBe('test-pack');
    expect(second.session.phase).toBe('briefing');
    // The other pack's call is left as it was, to be resumed there.
    const [record] = await second.store.list();
    expect(record?.status).toBe('in-progress');

    const third = await session(name);
    await third.session.open('test-call', 'other-pack');
    expect(third.session.phase).toBe('resume');
    expect(third.session.pending?.id).toBe(record?.id);
  });
});

describe('the start page', () => {
  it('shows the last result of each pack scenario, never another pack’s', async () => {
    const name = `identity-${++n}`;
    const store = await openAttemptStore({ name });
    opened.push(store);
    const base = {
      trainee: 'Sam',
      packVersion: '1.0.0',
      scenarioId: 'test-call',
      scenarioTitle: 'A test call',
    };
    const mine = await store.create({ ...base, packId: 'test-pack', mode: 'practice' });
    const theirs = await store.create({ ...base, packId: 'other-pack', mode: 'assessment' });
    const trainee = new TraineeState(() => Promise.resolve(store));
    await trainee.choose('Sam');
    expect(trainee.latest[scenarioKey('test-pack', 'test-call')]?.id).toBe(mine.id);
    expect(trainee.latest[scenarioKey('other-pack', 'test-call')]?.id).toBe(theirs.id);
    expect(trainee.latest['test-call']).toBeUndefined();
  });
});
