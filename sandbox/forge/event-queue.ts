/**
 * Asynchronous, in-order delivery of product events to trigger handlers, with `settle()`
 * to wait until every queued event (and any event its handler causes) has been processed.
 *
 * Retries as events-reference/product_events documents them ("Retry for app level errors"): a handler
 * that returns an `InvocationError` gets the event again after `retryAfter` seconds ("The maximum
 * `retryAfter` value is `900` seconds … lowered to `900`"), at most **four** times, with
 * `retryContext` {retryCount, retryReason, retryData} in the payload. Waits run on the sandbox clock.
 */
import type { QueueClock } from './async-queue';

export interface EventQueue<T> {
  enqueue(item: T): void;
  settle(): Promise<void>;
}

/** What a handler asked for by returning an InvocationError. */
export interface RetryRequest {
  retryAfterSeconds: number;
  retryReason: string;
  retryData?: unknown;
}

/** The `retryContext` a retried event carries. */
export interface RetryContext {
  retryCount: number;
  retryReason: string;
  retryData: unknown;
}

/** "You can only retry an event for a maximum of four times." */
export const MAX_EVENT_RETRIES = 4;
const MAX_RETRY_AFTER_SECONDS = 900;

interface Queued<T> {
  item: T;
  dueAt: number;
  retryContext?: RetryContext;
}

const realClock: QueueClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

export function createEventQueue<T>(
  deliver: (item: T, retryContext?: RetryContext) => Promise<RetryRequest | undefined>,
  options: { clock?: () => QueueClock } = {},
): EventQueue<T> {
  const clockOf = options.clock ?? (() => realClock);
  const queue: Queued<T>[] = [];
  let running = false;
  let idleWaiters: (() => void)[] = [];

  const drain = async () => {
    while (queue.length > 0) {
      // In order of arrival, except retries, which wait for their time (stable sort keeps the order).
      queue.sort((a, b) => a.dueAt - b.dueAt);
      const next = queue.shift()!;
      const clock = clockOf();
      if (next.dueAt > clock.now()) await clock.sleep(next.dueAt - clock.now());
      const retry = await deliver(next.item, next.retryContext);
      const retryCount = (next.retryContext?.retryCount ?? 0) + 1;
      if (retry && retryCount <= MAX_EVENT_RETRIES) {
        const after = Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, retry.retryAfterSeconds));
        queue.push({ item: next.item, dueAt: clockOf().now() + after * 1000, retryContext: { retryCount, retryReason: retry.retryReason, retryData: retry.retryData } });
      }
    }
    running = false;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  };

  return {
    enqueue(item) {
      queue.push({ item, dueAt: Number.NEGATIVE_INFINITY });
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
