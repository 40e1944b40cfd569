/**
 * Asynchronous, in-order delivery of product events to trigger handlers, with `settle()`
 * to wait until every queued event (and any event its handler causes) has been processed.
 */
export interface EventQueue<T> {
  enqueue(item: T): void;
  settle(): Promise<void>;
}

export function createEventQueue<T>(deliver: (item: T) => Promise<void>): EventQueue<T> {
  const queue: T[] = [];
  let running = false;
  let idleWaiters: (() => void)[] = [];

  const drain = async () => {
    while (queue.length > 0) {
      const item = queue.shift()!;
      await deliver(item);
    }
    running = false;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  };

  return {
    enqueue(item) {
      queue.push(item);
      if (!running) {
        running = true;
        // Like Forge, delivery happens after the change that caused it has returned.
        setImmediate(() => void drain());
      }
    },
    async settle() {
      while (running || queue.length > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
