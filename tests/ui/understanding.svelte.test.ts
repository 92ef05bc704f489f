import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { MATCHER_VERSION } from '../../src/core/index.ts';
import { openAttemptStore } from '../../src/adapters/storage/attempt-store.ts';
import type { AttemptStore, LoadEncoder, SentenceEncoderPort } from '../../src/core/ports/index.ts';
import { CallSession } from '../../src/ui/state/call-session.svelte.ts';
import { Understanding } from '../../src/ui/state/understanding.svelte.ts';
import { attemptMatcher } from '../../src/ui/state/call-deps.ts';
import { callDeps } from './call-deps-fixture.ts';

/** A stand-in encoder: one number per text (its length), and a log of what it was asked to embed. */
function fakeEncoder(log: string[][]): SentenceEncoderPort {
  const embed = (texts: readonly string[]) => {
    log.push([...texts]);
    return Promise.resolve(texts.map((t) => new Float32Array([t.length])));
  };
  return { model: 'fake-model', embed, examples: embed };
}

const loads =
  (encoder: SentenceEncoderPort): LoadEncoder =>
  (onProgress) => {
    onProgress(1, 2);
    onProgress(2, 2);
    return Promise.resolve(encoder);
  };
const fails: LoadEncoder = () => Promise.reject(new Error('model.json could not be fetched (404)'));

let n = 0;
const opened: AttemptStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

async function session(understanding: Understanding, name = `understanding-${++n}`) {
  const store = await openAttemptStore({ name });
  opened.push(store);
  const s = new CallSession(callDeps({ store, understanding }));
  await s.open('test-call');
  return { session: s, store, name };
}

describe('Understanding', () => {
  it('loads the model and the examples, then embeds only the turns it has not seen', async () => {
    const log: string[][] = [];
    const u = new Understanding(loads(fakeEncoder(log)));
    await u.prepare(['this call may be recorded']);
    expect([u.status, u.progress, u.matcher]).toEqual(['ready', 1, 'hybrid']);
    const table = await u.vectorsFor([{ text: 'Hello, there!' }, { silenceBefore: 3 }], 'hybrid');
    expect(table?.model).toBe('fake-model');
    expect(table?.get('hello there')?.[0]).toBe('hello there'.length);
    expect(table?.get('this call may be recorded')).toBeDefined();
    await u.vectorsFor([{ text: 'Hello, there!' }, { text: 'and more' }], 'hybrid');
    expect(log).toEqual([['this call may be recorded'], ['hello there'], ['and more']]);
  });

  it('when the model cannot load, says why and gives no vectors: words alone decide', async () => {
    const u = new Understanding(fails);
    await u.prepare(['this call may be recorded']);
    expect([u.status, u.matcher]).toEqual(['failed', 'words only']);
    expect(u.failure).toMatch(/404/);
    expect(await u.vectorsFor([{ text: 'hello' }], 'words only')).toBeUndefined();
  });

  it('gives no vectors to a call that runs on words only, even once the model is ready', async () => {
    const u = new Understanding(loads(fakeEncoder([])));
    await u.prepare([]);
    expect(await u.vectorsFor([{ text: 'hello' }], 'words only')).toBeUndefined();
  });
});

describe('decision records', () => {
  it('stores with each turn the matcher and the move read, as the trainee saw them', async () => {
    const u = new Understanding(loads(fakeEncoder([])));
    await u.prepare(['this call may be recorded']);
    const { session: s, store } = await session(u);
    await s.begin('practice');
    expect(s.matcher).toBe('hybrid');
    s.vectors = await u.vectorsFor([{ text: 'hello' }], s.matcher);
    expect(s.vectors?.get('hello')).toBeDefined();
    await s.submit({ text: 'hello' });
    const [head] = await store.list({ trainee: 'Sam' });
    const record = await store.get(head!.id);
    expect(record?.turns[0]?.decision).toEqual({
      matcher: 'hybrid',
      version: MATCHER_VERSION,
      intent: null,
      credited: [],
    });
  });

  it('labels a call "words only" when the model failed, and a resumed call keeps that label', async () => {
    const { session: first, name } = await session(new Understanding(fails));
    await first.begin('practice');
    expect(first.matcher).toBe('words only');
    await first.submit({ text: 'hello' });
    // Later the model loads, but the call resumed goes on as it began.
    const ready = new Understanding(loads(fakeEncoder([])));
    await ready.prepare([]);
    const { session: second } = await session(ready, name);
    expect(second.phase).toBe('resume');
    await second.resume();
    expect(second.matcher).toBe('words only');
    expect(second.vectors).toBeUndefined();
  });
});

describe('the "words only" setting', () => {
  it('loads no model and runs calls on words alone', async () => {
    let loaded = 0;
    const u = new Understanding(
      (p) => {
        loaded++;
        return loads(fakeEncoder([]))(p);
      },
      () => true,
    );
    await u.prepare(['this call may be recorded']);
    expect([u.status, u.matcher, loaded]).toEqual(['off', 'words only', 0]);
  });
});

describe('the attempt label', () => {
  const turn = (matcher?: 'hybrid' | 'words only') => ({
    at: '2026-01-01T10:00:00Z',
    ...(matcher ? { decision: { matcher, intent: null } } : {}),
  });
  it('says which matcher decided, "words only" if any turn was, and nothing for older attempts', () => {
    expect(attemptMatcher({ turns: [turn('hybrid'), turn('hybrid')] })).toBe('hybrid');
    expect(attemptMatcher({ turns: [turn('words only')] })).toBe('words only');
    expect(attemptMatcher({ turns: [turn(), turn()] })).toBeNull();
  });
});
