// The review table on a store that pages itself (a coach's team view, from the server's database):
// every filter, sort and page change asks the store for that page; nothing is filtered here.
import { describe, expect, it } from 'vitest';
import type {
  AttemptHead,
  AttemptStore,
  ReviewPage,
  ReviewPageQuery,
  ReviewPages,
} from '../../src/core/ports/index.ts';
import { PAGE_SIZE, ReviewState } from '../../src/ui/state/review.svelte.ts';

function head(n: number, trainee = 'ann'): AttemptHead {
  return {
    id: `a-${n}`,
    trainee,
    packId: 'cms-core',
    packVersion: '1.0.0',
    scenarioId: 's',
    scenarioTitle: `Call ${n}`,
    mode: 'practice',
    startedAt: `2026-03-01T10:00:${String(n % 60).padStart(2, '0')}.000Z`,
    status: 'completed',
    summary: null,
  };
}

/** A store whose pages come from `answer`; every query it was asked is kept. */
function pagedStore(answer: (q: ReviewPageQuery) => Promise<ReviewPage>) {
  const asked: ReviewPageQuery[] = [];
  const reviewPages: ReviewPages = {
    page: (q) => {
      asked.push(q);
      return answer(q);
    },
    options: async () => ({ trainees: ['ann', 'bob'], scenarios: [], endings: [] }),
  };
  const refuse = () => {
    throw new Error('a paged store is not read whole');
  };
  const store = {
    reviewPages,
    firstHeads: refuse,
    listHeads: refuse,
    filterHeads: refuse,
    getSettings: async () => ({ knownTrainees: [], currentTrainee: null, lastExportedAt: null }),
    requestPersistence: async () => 'granted' as const,
    loss: null,
  } as unknown as AttemptStore;
  const review = new ReviewState({
    store: async () => store,
    library: () => Promise.reject(new Error('no library')),
    now: () => new Date('2026-03-02T00:00:00Z'),
  });
  return { review, asked };
}

/** 250 attempts, 'bob' having the ones divisible by 10; answered newest first as a database would. */
const all = Array.from({ length: 250 }, (_, i) => head(i, i % 10 === 0 ? 'bob' : 'ann'));
const database = async (q: ReviewPageQuery): Promise<ReviewPage> => {
  const matching = all.filter((h) => !q.filter.trainee || h.trainee === q.filter.trainee);
  return { heads: matching.slice(q.offset, q.offset + q.limit), total: matching.length };
};

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('ReviewState on a store that pages itself', () => {
  it('shows the first page the store answered, with the total and the choices, never reading every head', async () => {
    const { review, asked } = pagedStore(database);
    await review.load();
    await settle();
    expect(review.loadError).toBeNull();
    expect(asked).toEqual([{ filter: {}, sort: 'date', dir: 'desc', offset: 0, limit: PAGE_SIZE }]);
    expect(review.pageRows.map((h) => h.id)).toEqual(all.slice(0, PAGE_SIZE).map((h) => h.id));
    expect(review.count).toBe(250);
    expect(review.outOf).toBe(250);
    expect(review.pages).toBe(3);
    expect(review.complete).toBe(true);
    expect(review.options.trainees).toEqual(['ann', 'bob']);
  });

  it('asks for the page, the sort and the filter the coach chose, from the first page again on a new filter', async () => {
    const { review, asked } = pagedStore(database);
    await review.load();
    review.goToPage(2);
    expect(review.complete).toBe(false);
    await settle();
    expect(asked.at(-1)).toMatchObject({ offset: 2 * PAGE_SIZE, limit: PAGE_SIZE });
    expect(review.pageRows.map((h) => h.id)).toEqual(all.slice(200).map((h) => h.id));
    expect(review.complete).toBe(true);

    review.sortBy('score');
    await settle();
    expect(asked.at(-1)).toMatchObject({ sort: 'score', dir: 'desc', offset: 200 });
    review.setFilter({ trainee: 'bob' });
    await settle();
    expect(asked.at(-1)).toEqual({
      filter: { trainee: 'bob' },
      sort: 'score',
      dir: 'desc',
      offset: 0,
      limit: PAGE_SIZE,
    });
    expect(review.count).toBe(25);
    expect(review.outOf).toBe(250);
    expect(review.pages).toBe(1);
    expect(review.pageRows.every((h) => h.trainee === 'bob')).toBe(true);
  });

  it('drops an answer overtaken by a newer request', async () => {
    const waiting: (() => void)[] = [];
    const { review } = pagedStore(async (q) => {
      if (q.filter.trainee === 'ann') await new Promise<void>((go) => waiting.push(go));
      return database(q);
    });
    await review.load();
    review.setFilter({ trainee: 'ann' });
    review.setFilter({ trainee: 'bob' });
    await settle();
    waiting.forEach((go) => go());
    await settle();
    expect(review.filter).toEqual({ trainee: 'bob' });
    expect(review.count).toBe(25);
    expect(review.pageRows.every((h) => h.trainee === 'bob')).toBe(true);
  });

  it('says why a page could not be read, keeps the page it had, and says why the table could not open', async () => {
    let down = false;
    const { review } = pagedStore(async (q) => {
      if (down) throw new Error('The team server cannot be reached.');
      return database(q);
    });
    await review.load();
    down = true;
    review.goToPage(1);
    await settle();
    expect(review.pageError).toBe('The team server cannot be reached.');
    expect(review.pageRows).toHaveLength(PAGE_SIZE);
    down = false;
    review.goToPage(1);
    await settle();
    expect(review.pageError).toBeNull();

    const closed = pagedStore(() => Promise.reject(new Error('Sign in again.')));
    await closed.review.load();
    expect(closed.review.loadError).toBe('Sign in again.');
  });
});
