// Group commit for the busiest requests: work that arrives while the previous batch is with the
// database waits and goes in the next batch, as one statement. With no queue a request waits only
// for the event loop's next turn; under load, 200 waiting turns cost a few statements instead of
// 200, which matters most on the embedded database, where statements run one at a time.

/** Keeps a statement's parameters well under PostgreSQL's 65,535 per statement. */
export const MAX_BATCH = 500;

/**
 * `run` handles a batch and returns one result per item, in order. If it throws, each item is
 * tried again alone, so only the items that fail by themselves fail (and their clients retry).
 */
export function batcher<I, R>(run: (items: I[]) => Promise<R[]>): (item: I) => Promise<R> {
  let queue: { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;

  const flush = async () => {
    // Taken after the requests already received have had their turn (setImmediate runs after
    // pending I/O): the embedded database answers without yielding, so without this every batch
    // would hold one item.
    const batch = queue.slice(0, MAX_BATCH);
    queue = queue.slice(batch.length);
    try {
      const results = await run(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      // One bad item must not fail the others with it: each goes again on its own.
      else await Promise.all(batch.map((b) => run([b.item]).then((r) => b.resolve(r[0]!), b.reject)));
    }
    if (queue.length > 0) setImmediate(() => void flush());
    else scheduled = false;
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => void flush());
    });
}
