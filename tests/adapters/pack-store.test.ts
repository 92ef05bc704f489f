import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openPackStore, PACKS_DB_NAME } from '../../src/adapters/pack-store.ts';
import { compareVersions, formatOf, planImport } from '../../src/core/packs/pack-versions.ts';
import type { PackStore } from '../../src/core/ports/index.ts';

let counter = 0;
const stores: PackStore[] = [];
async function open(name = `packs-test-${++counter}`) {
  let clock = Date.parse('2026-01-01T09:00:00Z');
  const store = await openPackStore({ name, now: () => new Date((clock += 1000)) });
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const pack = (version = '1.0.0') => ({
  id: 'qa-pack',
  version,
  title: 'QA pack',
  author: 'QA',
  file: 'qa-pack.yaml',
  format: 'yaml' as const,
  text: `id: qa-pack\nversion: ${version}\n`,
});

describe('pack store', () => {
  it('uses a database of its own, apart from the attempts', () => {
    expect(PACKS_DB_NAME).toBe('verbatim-packs');
  });

  it('stores an imported pack and reads it back with the time it was imported', async () => {
    const store = await open();
    await store.put(pack());
    const got = await store.get('qa-pack');
    expect(got).toMatchObject({ ...pack(), importedAt: '2026-01-01T09:00:01.000Z' });
    expect(await store.list()).toHaveLength(1);
  });

  it('keeps one version per pack id: a put replaces the old one', async () => {
    const store = await open();
    await store.put(pack('1.0.0'));
    await store.put(pack('1.1.0'));
    const all = await store.list();
    expect(all.map((p) => p.version)).toEqual(['1.1.0']);
  });

  it('removes a pack', async () => {
    const store = await open();
    await store.put(pack());
    await store.remove('qa-pack');
    expect(await store.get('qa-pack')).toBeUndefined();
    expect(await store.list()).toEqual([]);
  });

  it('keeps packs across connections', async () => {
    const name = `packs-test-${++counter}`;
    const first = await open(name);
    await first.put(pack());
    first.close();
    const second = await open(name);
    expect((await second.get('qa-pack'))?.version).toBe('1.0.0');
  });

  it('lists packs in id order', async () => {
    const store = await open();
    await store.put({ ...pack(), id: 'zeta' });
    await store.put({ ...pack(), id: 'alpha' });
    expect((await store.list()).map((p) => p.id)).toEqual(['alpha', 'zeta']);
  });
});

describe('compareVersions', () => {
  it.each([
    ['1.10.0', '1.9.2', 1],
    ['1.0.0', '1.0.0', 0],
    ['1.0', '1.0.0', 0],
    ['2.0.0-beta', '2.0.0', -1],
    ['2.0.0-beta.2', '2.0.0-beta.10', -1],
    ['0.9.9', '1.0.0', -1],
  ])('compares %s with %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe('planImport', () => {
  it('says whether an incoming pack is new, newer, the same or older', () => {
    expect(planImport(undefined, { version: '1.0.0' })).toEqual({ kind: 'new' });
    expect(planImport({ version: '1.0.0' }, { version: '1.1.0' })).toEqual({
      kind: 'newer',
      installed: '1.0.0',
    });
    expect(planImport({ version: '1.0.0' }, { version: '1.0.0' })).toEqual({
      kind: 'same',
      installed: '1.0.0',
    });
    expect(planImport({ version: '1.2.0' }, { version: '1.1.0' })).toEqual({
      kind: 'older',
      installed: '1.2.0',
    });
  });
});

describe('formatOf', () => {
  it('goes by the file name, then by the text', () => {
    expect(formatOf('a.json', 'id: x')).toBe('json');
    expect(formatOf('a.yml', '{}')).toBe('yaml');
    expect(formatOf('pack', '  {"id": 1}')).toBe('json');
    expect(formatOf('pack', 'id: x')).toBe('yaml');
  });
});
