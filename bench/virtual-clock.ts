/**
 * A discrete-event clock for the queue scenarios: every sleep (injected latency, Retry-After,
 * delayInSeconds) returns at once in wall time, and the clock moves to the earliest pending wake-up
 * once everything runnable has run. Unlike test/support/virtual-time.ts (which adds every sleep,
 * so 4 concurrent 100 ms calls cost 400 ms), 4 concurrent calls here cost 100 ms, as on Forge.
 * "Everything runnable has run" is approximated by two macrotask turns; work that is still busy
 * then only makes the figure larger, never smaller.
 */
export interface BenchClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Virtual milliseconds since the clock was made. */
  elapsed(): number;
}

interface Timer {
  wakeAt: number;
  order: number;
  resolve: () => void;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createBenchClock(start = Date.now()): BenchClock {
  let now = start;
  let order = 0;
  const timers: Timer[] = [];
  let pumping = false;

  const pump = async () => {
    pumping = true;
    while (timers.length > 0) {
      await nextTurn();
      await nextTurn();
      timers.sort((a, b) => a.wakeAt - b.wakeAt || a.order - b.order);
      const first = timers[0];
      if (!first) break;
      now = Math.max(now, first.wakeAt);
      // Wake everything due at this instant together.
      while (timers.length > 0 && timers[0]!.wakeAt <= now) timers.shift()!.resolve();
    }
    pumping = false;
  };

  return {
    now: () => now,
    elapsed: () => now - start,
    sleep(ms) {
      return new Promise<void>((resolve) => {
        timers.push({ wakeAt: now + Math.max(0, ms), order: order++, resolve });
        if (!pumping) void pump();
      });
    },
  };
}
