import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openAttemptStore } from '../../../src/adapters/storage/attempt-store.ts';
import type { AttemptStore, NewAttempt } from '../../../src/core/ports/index.ts';

let counter = 0;
const stores: AttemptStore[] = [];
async function open(name = `test-${++counter}`) {
  let clock = Date.parse('2026-01-01T09:00:00Z');
  const store = await openAttemptStore({ name, now: () => new Date((clock += 1000)) });
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const attempt: NewAttempt = {
  trainee: 'A. Trainee',
  packId: 'cms-core',
  packVersion: '1.0.0',
  scenarioId: 'bogus-caller',
  scenarioTitle: 'A bogus caller',
  mode: 'practice',
};
const turn = (text: string) => ({ text, source: 'typed' as const, at: '2026-01-01T09:00:05Z' });

describe('attempt store', () => {
  it('creates an in-progress attempt and reads it back', async () => {
    const store = await open();
    const created = await store.create(attempt);
    expect(created.status).toBe('in-progress');
    expect(created.turns).toEqual([]);
    expect(await store.get(created.id)).toEqual(created);
  });

  it('appends turns in order and refuses a turn index another tab already wrote', async () => {
    const name = `shared-${++counter}`;
    const tabA = await open(name);
    const tabB = await open(name);
    const { id } = await tabA.create(attempt);
    expect((await tabA.appendTurn(id, 0, turn('hello'))).ok).toBe(true);
    const clash = await tabB.appendTurn(id, 0, turn('other tab'));
    expect(clash).toMatchObject({ ok: false, reason: 'conflict' });
    expect((await tabB.appendTurn(id, 1, turn('second'))).ok).toBe(true);
    expect((await tabA.get(id))?.turns.map((t) => t.text)).toEqual(['hello', 'second']);
  });

  it('never loses or duplicates a turn when two tabs race for the same index', async () => {
    const name = `race-${++counter}`;
    const tabA = await open(name);
    const tabB = await open(name);
    const { id } = await tabA.create(attempt);
    const results = await Promise.all([tabA.appendTurn(id, 0, turn('a')), tabB.appendTurn(id, 0, turn('b'))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await tabA.get(id))?.turns).toHaveLength(1);
  });

  it('refuses turns after the call is finished, and finishes only once', async () => {
    const store = await open();
    const { id } = await store.create(attempt);
    await store.appendTurn(id, 0, turn('hello'));
    const summary = {
      ending: { id: 'refused', title: 'Refused', outcome: 'pass' as const },
      score: 100,
      passed: true,
      criticalErrors: [],
      statements: [],
      moves: [],
    };
    expect((await store.finish(id, summary, 'completed'))?.status).toBe('completed');
    expect(await store.appendTurn(id, 1, turn('late'))).toMatchObject({ ok: false, reason: 'closed' });
    expect((await store.finish(id, null, 'abandoned'))?.status).toBe('completed');
  });

  it('reports a missing attempt as a value, not an exception', async () => {
    const store = await open();
    expect(await store.appendTurn('nope', 0, turn('x'))).toEqual({ ok: false, reason: 'missing' });
  });

  it('finds the newest in-progress call of a trainee and scenario of that pack', async () => {
    const store = await open();
    const first = await store.create(attempt);
    const second = await store.create(attempt);
    await store.create({ ...attempt, trainee: 'Someone else' });
    const otherPack = await store.create({ ...attempt, packId: 'other-pack' });
    expect((await store.findInProgress(attempt.trainee, 'cms-core', 'bogus-caller'))?.id).toBe(second.id);
    await store.finish(second.id, null, 'abandoned');
    expect((await store.findInProgress(attempt.trainee, 'cms-core', 'bogus-caller'))?.id).toBe(first.id);
    expect(await store.findInProgress(attempt.trainee, 'cms-core', 'suicide-threat')).toBeUndefined();
    // The same scenario id in another pack is another scenario.
    expect((await store.findInProgress(attempt.trainee, 'other-pack', 'bogus-caller'))?.id).toBe(
      otherPack.id,
    );
    await store.finish(first.id, null, 'abandoned');
    expect(await store.findInProgress(attempt.trainee, 'cms-core', 'bogus-caller')).toBeUndefined();
  });

  it('lists attempts newest first, filtered by trainee, scenario and status', async () => {
    const store = await open();
    const a = await store.create(attempt);
    const b = await store.create({ ...attempt, scenarioId: 'first-contact' });
    await store.finish(a.id, null, 'abandoned');
    expect((await store.list()).map((r) => r.id)).toEqual([b.id, a.id]);
    const firstContact = { packId: 'cms-core', scenarioId: 'first-contact' };
    expect((await store.list({ scenario: firstContact })).map((r) => r.id)).toEqual([b.id]);
    expect((await store.list({ status: 'abandoned' })).map((r) => r.id)).toEqual([a.id]);
    expect(await store.list({ trainee: 'nobody' })).toEqual([]);
  });

  it('flags a turn for the coach', async () => {
    const store = await open();
    const { id } = await store.create(attempt);
    await store.appendTurn(id, 0, turn('hello'));
    expect((await store.flagTurn(id, 0, true))?.turns[0]?.flaggedForCoach).toBe(true);
  });

  it('remembers trainees, most recent first, without duplicates', async () => {
    const store = await open();
    expect(await store.getSettings()).toEqual({
      knownTrainees: [],
      currentTrainee: null,
      lastExportedAt: null,
    });
    await store.rememberTrainee('Sam');
    await store.rememberTrainee('  Alex ');
    const settings = await store.rememberTrainee('Sam');
    expect(settings).toMatchObject({ knownTrainees: ['Sam', 'Alex'], currentTrainee: 'Sam' });
    await store.updateSettings({ lastExportedAt: '2026-01-02T00:00:00Z' });
    expect((await store.getSettings()).lastExportedAt).toBe('2026-01-02T00:00:00Z');
  });
});
