import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  openAttemptStore,
  StorageFullError,
  StorageWriteError,
} from '../../../src/adapters/storage/attempt-store.ts';
import type { AttemptStore } from '../../../src/core/ports/index.ts';

const opened: AttemptStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));
let n = 0;

function memoryMarks() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}
const newAttempt = (trainee: string) => ({
  trainee,
  packId: 'cms-core',
  packVersion: '1.0.0',
  scenarioId: 'bogus-caller',
  scenarioTitle: 'A bogus caller',
  mode: 'practice' as const,
});

describe('attempt store integrity', () => {
  it('reports a database the browser removed, with the last export date, until the next export', async () => {
    const name = `loss-${++n}`;
    const marks = memoryMarks();
    const first = await openAttemptStore({ name, markStorage: marks });
    expect(first.loss).toBeNull();
    await first.create(newAttempt('Sam'));
    await first.markExported('2026-03-01T10:00:00.000Z');
    first.close();
    // The browser clears the site's IndexedDB (eviction, a policy, a full disk) but not the mark.
    await new Promise<void>((done) => {
      const r = indexedDB.deleteDatabase(name);
      r.onsuccess = () => done();
    });
    const second = await openAttemptStore({ name, markStorage: marks });
    opened.push(second);
    expect(second.loss).toMatchObject({ lastExportedAt: '2026-03-01T10:00:00.000Z' });
    second.close();
    const third = await openAttemptStore({ name, markStorage: marks });
    opened.push(third);
    expect(third.loss).toMatchObject({ lastExportedAt: '2026-03-01T10:00:00.000Z' });
    await third.markExported('2026-03-02T10:00:00.000Z');
    expect(third.loss).toBeNull();
  });

  it('a fresh machine reports no loss', async () => {
    const store = await openAttemptStore({ name: `fresh-${++n}`, markStorage: memoryMarks() });
    opened.push(store);
    expect(store.loss).toBeNull();
  });

  it('deletes one trainee’s attempts and forgets the name, leaving the others', async () => {
    const store = await openAttemptStore({ name: `del-${++n}`, markStorage: null });
    opened.push(store);
    await store.rememberTrainee('Ann');
    await store.rememberTrainee('Bob');
    await store.create(newAttempt('Ann'));
    await store.create(newAttempt('Ann'));
    await store.create(newAttempt('Bob'));
    expect(await store.deleteTrainee('Ann')).toBe(2);
    const settings = await store.forgetTrainee('Ann');
    expect(settings.knownTrainees).toEqual(['Bob']);
    expect((await store.list()).map((r) => r.trainee)).toEqual(['Bob']);
    expect((await store.listHeads()).map((r) => r.trainee)).toEqual(['Bob']);
  });

  it('reads the first page newest first and counts all, without reading every head', async () => {
    let i = 0;
    const store = await openAttemptStore({
      name: `page-${++n}`,
      markStorage: null,
      now: () => new Date(Date.parse('2026-01-01T00:00:00Z') + ++i * 60_000),
    });
    opened.push(store);
    for (let k = 0; k < 5; k++) await store.create(newAttempt(`T${k}`));
    const { heads, total } = await store.firstHeads(2);
    expect(total).toBe(5);
    expect(heads.map((h) => h.trainee)).toEqual(['T4', 'T3']);
    expect((await store.firstHeads(1)).heads.map((h) => h.trainee)).toEqual(['T4']);
    expect((await store.firstHeads(10)).heads.map((h) => h.trainee)).toEqual(['T4', 'T3', 'T2', 'T1', 'T0']);
    expect((await store.listHeads()).map((h) => h.trainee)).toEqual(['T4', 'T3', 'T2', 'T1', 'T0']);
  });

  it('cuts the first page at its size when several attempts started at the same moment', async () => {
    const store = await openAttemptStore({
      name: `ties-${++n}`,
      markStorage: null,
      now: () => new Date('2026-01-01T00:00:00Z'),
    });
    opened.push(store);
    for (let k = 0; k < 4; k++) await store.create(newAttempt(`T${k}`));
    const { heads, total } = await store.firstHeads(2);
    expect(total).toBe(4);
    expect(heads).toHaveLength(2);
    const empty = await openAttemptStore({ name: `empty-${++n}`, markStorage: null });
    opened.push(empty);
    expect(await empty.firstHeads(100)).toEqual({ heads: [], total: 0 });
  });

  it('turns any failed write into an error with a plain message', async () => {
    const store = await openAttemptStore({ name: `fail-${++n}`, markStorage: null });
    opened.push(store);
    const a = await store.create(newAttempt('Sam'));
    store.close();
    await expect(store.appendTurn(a.id, 0, { text: 'x', at: '2026-01-01T00:00:00Z' })).rejects.toMatchObject({
      message: expect.stringMatching(/no longer there|could not be saved/),
    });
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const { guard } = await import('../../../src/adapters/storage/store-errors.ts');
    await expect(guard(() => Promise.reject(quota))).rejects.toBeInstanceOf(StorageFullError);
    await expect(guard(() => Promise.reject(new Error('disk I/O')))).rejects.toBeInstanceOf(
      StorageWriteError,
    );
  });
});
