// Forgetting a trainee on the start page: the name leaves this computer's list (and the header, when
// it is the trainee practising), their attempts stay for Review, and another trainee is untouched.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openAttemptStore } from '../../src/adapters/storage/attempt-store.ts';
import type { AttemptStore } from '../../src/core/ports/index.ts';
import { TraineeState } from '../../src/ui/state/trainee.svelte.ts';

let n = 0;
const opened: AttemptStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

async function setup() {
  const store = await openAttemptStore({ name: `trainee-${++n}`, markStorage: null, storageManager: null });
  opened.push(store);
  const trainee = new TraineeState(() => Promise.resolve(store));
  await trainee.choose('Ann Example');
  await store.create({
    trainee: 'Ann Example',
    packId: 'cms-core',
    packVersion: '1.0.0',
    scenarioId: 'bogus-caller',
    scenarioTitle: 'A bogus caller',
    mode: 'practice',
  });
  await trainee.choose('Bo Other');
  await trainee.refresh();
  return { store, trainee };
}

describe('TraineeState.forget', () => {
  it('takes another name off the list, keeping the trainee practising and every attempt', async () => {
    const { store, trainee } = await setup();
    expect(trainee.known).toEqual(['Bo Other', 'Ann Example']);
    await trainee.forget('Ann Example');
    expect(trainee.known).toEqual(['Bo Other']);
    expect(trainee.name).toBe('Bo Other');
    expect((await store.getSettings()).knownTrainees).toEqual(['Bo Other']);
    expect(await store.list({ trainee: 'Ann Example' })).toHaveLength(1);
  });

  it('signs out the trainee practising when their own name is forgotten', async () => {
    const { store, trainee } = await setup();
    await trainee.choose('Ann Example');
    expect(Object.keys(trainee.latest)).toEqual(['cms-core/bogus-caller']);
    await trainee.forget('Ann Example');
    expect(trainee.name).toBeNull();
    expect(trainee.latest).toEqual({});
    expect(trainee.known).toEqual(['Bo Other']);
    const settings = await store.getSettings();
    expect(settings.currentTrainee).toBeNull();
    expect(settings.knownTrainees).toEqual(['Bo Other']);
    // The name is gone after a reload too, and the attempts are still there for Review.
    const reloaded = new TraineeState(() => Promise.resolve(store));
    await reloaded.load();
    expect(reloaded.known).toEqual(['Bo Other']);
    expect(reloaded.name).toBeNull();
    expect(await store.list({ trainee: 'Ann Example' })).toHaveLength(1);
  });

  it('leaves the list as it is for a name it does not hold', async () => {
    const { trainee } = await setup();
    await trainee.forget('Nobody');
    expect(trainee.known).toEqual(['Bo Other', 'Ann Example']);
    expect(trainee.name).toBe('Bo Other');
  });
});
