import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openAttemptStore } from '../../src/adapters/storage/attempt-store.ts';
import type { AttemptStore } from '../../src/core/ports/index.ts';
import { TurnMarks } from '../../src/ui/state/turn-marks.svelte.ts';

let n = 0;
const opened: AttemptStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));
const NOW = new Date('2026-03-01T10:00:00Z');

async function setup() {
  const store = await openAttemptStore({ name: `marks-${++n}` });
  opened.push(store);
  const record = await store.create({
    trainee: 'Sam',
    packId: 'cms-core',
    packVersion: '1.0.0',
    scenarioId: 'bogus-caller',
    scenarioTitle: 'A bogus caller',
    mode: 'practice',
  });
  await store.appendTurn(record.id, 0, { text: 'hello', at: '2026-03-01T09:59:00.000Z' });
  const marks = new TurnMarks({ store: () => Promise.resolve(store), now: () => NOW });
  return { store, id: record.id, marks };
}

describe('TurnMarks', () => {
  it('stores the mark on the saved turn, says so, and undoes it', async () => {
    const { store, id, marks } = await setup();
    await marks.toggle(id, 0, 'open');
    expect(marks.isMarked(id, 0)).toBe(true);
    expect(marks.message).toEqual({
      turnIndex: 0,
      text: 'Answer 1 marked: the caller misunderstood you. Your coach will see it.',
    });
    const saved = await store.get(id);
    expect(saved?.turns[0]).toEqual({
      text: 'hello',
      at: '2026-03-01T09:59:00.000Z',
      misunderstood: { at: NOW.toISOString(), stateId: 'open' },
    });
    expect((await store.listHeads())[0]?.misunderstood).toBe(1);
    await marks.toggle(id, 0, 'open');
    expect(marks.isMarked(id, 0)).toBe(false);
    expect(marks.message?.text).toBe('Answer 1 is no longer marked.');
    expect((await store.get(id))?.turns[0]).toEqual({ text: 'hello', at: '2026-03-01T09:59:00.000Z' });
  });

  it('waits for the turn to be saved before marking it', async () => {
    const { store, id, marks } = await setup();
    let save!: () => void;
    const saving = new Promise<void>((resolve) => (save = resolve));
    const marking = marks.toggle(id, 1, 'open', saving);
    await store.appendTurn(id, 1, { text: 'who is calling', at: '2026-03-01T09:59:30.000Z' });
    save();
    await marking;
    expect(marks.isMarked(id, 1)).toBe(true);
    expect((await store.get(id))?.turns[1]?.misunderstood?.at).toBe(NOW.toISOString());
  });

  it('says the mark was not saved when the turn is not in the store', async () => {
    const { id, marks } = await setup();
    await marks.toggle(id, 5, 'open');
    expect(marks.isMarked(id, 5)).toBe(false);
    expect(marks.error).toMatch(/^The mark was not saved\. /);
  });

  it('loads the marks of a resumed call and keeps them to that call', async () => {
    const { store, id, marks } = await setup();
    await marks.toggle(id, 0, 'open');
    const fresh = new TurnMarks({ store: () => Promise.resolve(store), now: () => NOW });
    fresh.load((await store.get(id))!);
    expect(fresh.isMarked(id, 0)).toBe(true);
    expect(fresh.isMarked('another-call', 0)).toBe(false);
  });
});
