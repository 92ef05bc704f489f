import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DB_VERSION,
  openAttemptStore,
  StorageFullError,
  type OpenOptions,
} from '../../../src/adapters/storage/attempt-store.ts';
import type { AttemptRecord, AttemptStore } from '../../../src/core/ports/index.ts';
import { writeOldDatabase } from '../../e2e/old-databases.mjs';

let counter = 0;
const stores: AttemptStore[] = [];
async function open(name = `review-${++counter}`, extra: OpenOptions = {}) {
  let clock = Date.parse('2026-01-01T09:00:00Z');
  const store = await openAttemptStore({ name, now: () => new Date((clock += 1000)), ...extra });
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const record = (id: string, over: Partial<AttemptRecord> = {}): AttemptRecord => ({
  id,
  trainee: 'Sam',
  packId: 'cms-core',
  packVersion: '1.0.0',
  scenarioId: 'bogus-caller',
  scenarioTitle: 'A bogus caller',
  mode: 'practice',
  startedAt: '2026-01-01T09:00:00.000Z',
  updatedAt: '2026-01-01T09:05:00.000Z',
  status: 'completed',
  turns: [{ text: 'hello', source: 'typed', at: '2026-01-01T09:00:01.000Z' }],
  summary: {
    ending: { id: 'verified', title: 'Verified', outcome: 'pass' },
    score: 75,
    passed: true,
    criticalErrors: [],
    statements: [{ scriptId: 'dpa', verdict: 'minor', score: 75 }],
    moves: [{ intentId: 'ask-dob', made: true }],
  },
  notes: [],
  disputes: [],
  ...over,
});

describe('schema migration', () => {
  it('opens attempts saved by schema version 1 after the upgrade', async () => {
    const name = `v1-${++counter}`;
    const v1 = record('old-1');
    const { notes: _n, disputes: _d, ...bare } = v1;
    await writeOldDatabase({
      name,
      version: 1,
      records: [v1, { ...bare, id: 'old-2' }],
      knownTrainees: ['Sam'],
    });
    const store = await open(name);
    expect(DB_VERSION).toBe(5);
    expect(await store.get('old-1')).toEqual(v1);
    expect(await store.get('old-2')).toEqual({ ...v1, id: 'old-2' });
    expect((await store.getSettings()).knownTrainees).toEqual(['Sam']);
    expect((await store.listHeads()).map((h) => h.id).sort()).toEqual(['old-1', 'old-2']);
    const raw = await openDB(name);
    expect([...raw.transaction('attempts').store.indexNames]).toContain('byTraineeStartedAt');
    expect(raw.version).toBe(DB_VERSION);
    raw.close();
  });
});

describe('review writes', () => {
  it('keeps each attempt’s head in step with the record, without turns, notes or disputes', async () => {
    const store = await open();
    const created = await store.create({
      trainee: 'Kim',
      packId: 'p',
      packVersion: '1',
      scenarioId: 's',
      scenarioTitle: 'S',
      mode: 'practice',
      startedAt: '2026-01-05T00:00:00.000Z',
    });
    await store.put(record('h1'));
    await store.finish(created.id, record('x').summary, 'completed');
    const heads = await store.listHeads();
    expect(heads.map((h) => h.id)).toEqual([created.id, 'h1']);
    expect(heads[0]).toMatchObject({ status: 'completed', summary: { score: 75 } });
    expect(heads[0]).not.toHaveProperty('turns');
    await store.clearAttempts();
    expect(await store.listHeads()).toEqual([]);
  });

  it('imports new attempts and merges notes into ones already here, without duplicates', async () => {
    const store = await open();
    await store.put(record('a1'));
    const note = { id: 'n1', author: 'Coach', text: 'Slow down', at: '2026-01-02T00:00:00.000Z' };
    const result = await store.importAttempts([record('a1', { notes: [note], summary: null }), record('a2')]);
    expect(result).toEqual({ added: ['a2'], updated: ['a1'], unchanged: [] });
    expect((await store.list()).map((r) => r.id).sort()).toEqual(['a1', 'a2']);
    expect(await store.get('a1')).toEqual(record('a1', { notes: [note] }));
    expect((await store.importAttempts([record('a2')])).unchanged).toEqual(['a2']);
  });

  it('writes nothing when any record of an import fails', async () => {
    const store = await open();
    await store.put(record('keep'));
    const bad = { ...record('bad'), id: undefined } as unknown as AttemptRecord;
    await expect(store.importAttempts([record('new-1'), bad])).rejects.toThrow();
    expect((await store.list()).map((r) => r.id)).toEqual(['keep']);
  });

  it('changes one attempt in a transaction and clears all attempts', async () => {
    const store = await open();
    await store.put(record('m1'));
    const note = { id: 'n', author: 'Coach', text: 'ok', at: '2026-01-03T00:00:00.000Z' };
    const next = await store.modify('m1', (r) => ({ ...r, notes: [...r.notes, note] }));
    expect(next?.notes).toEqual([note]);
    expect(await store.modify('nope', (r) => r)).toBeUndefined();
    await store.clearAttempts();
    expect(await store.list()).toEqual([]);
  });

  it('keeps two tabs’ notes when both add one at once', async () => {
    const name = `tabs-${++counter}`;
    const a = await open(name);
    const b = await open(name);
    await a.put(record('t1'));
    const note = (id: string) => ({ id, author: id, text: id, at: '2026-01-03T00:00:00.000Z' });
    await Promise.all([
      a.modify('t1', (r) => ({ ...r, notes: [...r.notes, note('A')] })),
      b.modify('t1', (r) => ({ ...r, notes: [...r.notes, note('B')] })),
    ]);
    expect((await a.get('t1'))?.notes.map((n) => n.id).sort()).toEqual(['A', 'B']);
  });

  it('remembers when attempts were last exported', async () => {
    const store = await open();
    expect((await store.getSettings()).lastExportedAt).toBeNull();
    await store.markExported();
    expect((await store.getSettings()).lastExportedAt).toBe('2026-01-01T09:00:01.000Z');
  });
});

describe('storage manager', () => {
  it('asks for persistent storage and reports the answer', async () => {
    let asked = 0;
    const fake = (grant: boolean) => ({
      persisted: () => Promise.resolve(false),
      persist: () => Promise.resolve((asked++, grant)),
      estimate: () => Promise.resolve({ usage: 10, quota: 100 }),
    });
    expect(await (await open(undefined, { storageManager: fake(true) })).requestPersistence()).toBe(
      'granted',
    );
    expect(await (await open(undefined, { storageManager: fake(false) })).requestPersistence()).toBe(
      'denied',
    );
    expect(asked).toBe(2);
    expect(await (await open(undefined, { storageManager: null })).requestPersistence()).toBe('unsupported');
    expect(await (await open(undefined, { storageManager: fake(true) })).estimate()).toEqual({
      usage: 10,
      quota: 100,
    });
  });

  it('reports a full disk plainly', async () => {
    const store = await open();
    const big = record('q1');
    // fake-indexeddb has no quota: simulate the browser's refusal on the record being cloned.
    Object.defineProperty(big, 'trainee', {
      enumerable: true,
      get() {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    });
    const err = await store.put(big).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as Error).message).toMatch(/run out of space.*Export/);
  });
});
