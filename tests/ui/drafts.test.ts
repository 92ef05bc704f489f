import { describe, expect, it } from 'vitest';
import { DraftKeeper, type DraftStorage } from '../../src/ui/state/drafts.ts';

function memory(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

describe('DraftKeeper', () => {
  it('keeps the unsent answer of each attempt apart, and forgets it when sent or emptied', () => {
    const storage = memory();
    const drafts = new DraftKeeper(storage);
    drafts.save('a1', 'I need to take you through');
    drafts.save('a2', 'Hello');
    expect(drafts.load('a1')).toBe('I need to take you through');
    expect(new DraftKeeper(storage).load('a2')).toBe('Hello');
    drafts.clear('a1');
    expect(drafts.load('a1')).toBeNull();
    drafts.save('a2', '   ');
    expect(storage.items.size).toBe(0);
  });

  it('loses nothing else when storage is missing, full or blocked', () => {
    const blocked: DraftStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(() => new DraftKeeper(blocked).save('a1', 'text')).not.toThrow();
    expect(new DraftKeeper(blocked).load('a1')).toBeNull();
    expect(new DraftKeeper(null).load('a1')).toBeNull();
    expect(() => new DraftKeeper(null).save(null, 'text')).not.toThrow();
  });
});
