/**
 * A clock for tests that run the real handlers: real time plus everything "slept". A sleep returns
 * at once and moves the clock on, so a Retry-After of seconds costs no wall time while the
 * invocation's retry budget still sees every wait. Concurrent sleeps all move the one clock, so
 * under concurrency time runs faster than in reality: budgets can only bite earlier, never later.
 */
export interface VirtualTime {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Milliseconds slept so far. */
  slept(): number;
}

export function createVirtualTime(): VirtualTime {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    sleep: async (ms) => {
      offset += Math.max(0, ms);
      // Still yield, as a real sleep would, so other work can interleave.
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
    slept: () => offset,
  };
}
