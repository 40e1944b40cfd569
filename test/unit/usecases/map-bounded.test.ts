import { mapBounded } from '../../../src/usecases/map-bounded';

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every already-settled promise run its continuations. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Work whose every call waits until the test settles it, counting what is in flight. */
function controllableWork(count: number) {
  const pending = Array.from({ length: count }, () => deferred<string>());
  const started: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const work = async (_item: string, index: number): Promise<string> => {
    started.push(index);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      return await pending[index]!.promise;
    } finally {
      inFlight--;
    }
  };
  return { pending, started, work, inFlight: () => inFlight, maxInFlight: () => maxInFlight };
}

const ITEMS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

describe('mapBounded', () => {
  it('never has more than `limit` items in flight, and starts the next as soon as one finishes', async () => {
    const control = controllableWork(ITEMS.length);
    const run = mapBounded({ items: ITEMS, limit: 3, work: control.work });
    await flush();
    expect(control.started).toEqual([0, 1, 2]);
    expect(control.inFlight()).toBe(3);

    control.pending[1]!.resolve('B');
    await flush();
    expect(control.started).toEqual([0, 1, 2, 3]);
    expect(control.inFlight()).toBe(3);

    // Settle the rest out of order to make sure the limit holds whichever lane frees up.
    for (const index of [3, 0, 6, 2, 5, 4]) {
      control.pending[index]!.resolve(ITEMS[index]!.toUpperCase());
      await flush();
      expect(control.inFlight()).toBeLessThanOrEqual(3);
    }
    const { results, errors, notStarted } = await run;
    expect(control.maxInFlight()).toBe(3);
    expect(results).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(errors).toEqual([]);
    expect(notStarted).toBe(0);
  });

  it('processes every item exactly once', async () => {
    const seen: string[] = [];
    const { results } = await mapBounded({
      items: ITEMS,
      limit: 2,
      work: async (item: string) => {
        seen.push(item);
        await flush();
        return item;
      },
    });
    expect([...seen].sort()).toEqual(ITEMS);
    expect(results).toEqual(ITEMS);
  });

  it('returns results in input order even when later items finish first', async () => {
    const control = controllableWork(3);
    const run = mapBounded({ items: ['x', 'y', 'z'], limit: 3, work: control.work });
    await flush();
    control.pending[2]!.resolve('third');
    control.pending[1]!.resolve('second');
    await flush();
    control.pending[0]!.resolve('first');
    expect((await run).results).toEqual(['first', 'second', 'third']);
  });

  it('collects errors with their index and keeps processing the other items', async () => {
    const boom = new Error('Jira said no');
    const { results, errors, notStarted } = await mapBounded({
      items: [1, 2, 3, 4, 5],
      limit: 2,
      work: (n: number) => (n % 2 === 0 ? Promise.reject(boom) : Promise.resolve(n * 10)),
    });
    expect(results).toEqual([10, undefined, 30, undefined, 50]);
    expect(errors).toEqual([
      { index: 1, error: boom },
      { index: 3, error: boom },
    ]);
    expect(notStarted).toBe(0);
  });

  it('stops starting new items once the deadline has passed and counts what was not started', async () => {
    let time = 1_000;
    const started: number[] = [];
    const { results, notStarted } = await mapBounded({
      items: ITEMS,
      limit: 2,
      deadline: 1_002,
      now: () => time,
      work: async (item: string, index: number) => {
        started.push(index);
        time += 1;
        await flush();
        return item;
      },
    });
    // Items start while now() <= deadline: at 1000, 1001 (two lanes) and 1002; later ones are skipped.
    expect(started).toEqual([0, 1, 2]);
    expect(notStarted).toBe(ITEMS.length - 3);
    expect(results).toEqual(['a', 'b', 'c', undefined, undefined, undefined, undefined]);
  });

  it('lets items already in flight finish after the deadline passes', async () => {
    let time = 0;
    const control = controllableWork(3);
    const run = mapBounded({ items: ['x', 'y', 'z'], limit: 2, deadline: 10, now: () => time, work: control.work });
    await flush();
    time = 11;
    control.pending[0]!.resolve('X');
    control.pending[1]!.resolve('Y');
    const { results, notStarted } = await run;
    expect(results).toEqual(['X', 'Y', undefined]);
    expect(notStarted).toBe(1);
  });

  it('starts everything when no deadline is given', async () => {
    const { notStarted, results } = await mapBounded({ items: ITEMS, limit: 4, now: () => Number.MAX_SAFE_INTEGER, work: (item: string) => Promise.resolve(item) });
    expect(notStarted).toBe(0);
    expect(results).toEqual(ITEMS);
  });

  it('handles an empty list and a limit below one', async () => {
    expect(await mapBounded({ items: [], limit: 3, work: (item: string) => Promise.resolve(item) })).toEqual({ results: [], errors: [], notStarted: 0 });
    const control = controllableWork(2);
    const run = mapBounded({ items: ['x', 'y'], limit: 0, work: control.work });
    await flush();
    expect(control.inFlight()).toBe(1);
    control.pending[0]!.resolve('X');
    await flush();
    control.pending[1]!.resolve('Y');
    expect((await run).results).toEqual(['X', 'Y']);
  });
});
