/**
 * The Forge async events queue (`@forge/events`), as runtime-reference/async-events-api documents it:
 * - Push API: "A maximum of 50 events can be pushed per request, up to a maximum combined payload of
 *   200 KB"; `delayInSeconds` up to 900 ("delayed up to 15 minutes"). The package POSTs
 *   `/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}` through the app's
 *   Atlassian client (`__forge_fetch__` `{type:'fpp', provider:'app', remote:'stargate'}`) and expects 201.
 * - Event consumer: `handler(event, context)` with `event = {body, jobId, retryContext?}`
 *   ("AsyncEvent properties"); the function's `timeoutSeconds` is its time limit.
 * - Delivery guarantees: "at least once" — duplicates are injected here (`duplicateEvery`): after the
 *   first delivery finished, or, with `overlapping`, at the same time as it (two invocations of one event).
 * - Retries: an app-level error (a throw, a time-out) or a returned `InvocationError` (`_retry: true`,
 *   `retryOptions.retryAfter` ≤ 900) delivers the event again with `retryContext`
 *   {retryCount, retryReason, retryData} ("Retry context").
 * Delays and time limits run on the sandbox clock (tests and the bench use virtual time).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

export interface QueueClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface ConsumerBinding {
  queue: string;
  moduleKey: string;
  exportName: string;
  timeoutSeconds: number;
}

export interface QueuePush {
  queue: string;
  body: unknown;
  delayInSeconds: number | null;
}

export interface QueueDelivery {
  queue: string;
  eventId: string;
  body: unknown;
  outcome: 'ok' | 'retry' | 'error' | 'timeout';
  duplicate: boolean;
  retryCount: number;
}

interface Pending {
  queue: string;
  jobId: string;
  eventId: string;
  body: unknown;
  dueAt: number;
  order: number;
  retryContext?: { retryCount: number; retryReason: string; retryData: unknown };
  duplicate: boolean;
}

const MAX_EVENTS = 50;
const MAX_PAYLOAD_BYTES = 200 * 1024;
const MAX_DELAY_SECONDS = 900;
/** Retries back off exponentially, "reaching up to approximately 15 minutes between attempts". */
const MAX_BACKOFF_SECONDS = 900;
/** The sandbox gives up after this many retries (the platform keeps going for the 24 h retention window). */
const MAX_RETRIES = 20;

const pushSchema = z.object({
  queueName: z.string(),
  jobId: z.string(),
  payload: z.array(z.object({ body: z.record(z.string(), z.unknown()), delayInSeconds: z.number().optional(), concurrency: z.object({ key: z.string(), limit: z.number() }).optional() })),
});
const retrySchema = z.object({ _retry: z.literal(true), retryOptions: z.object({ retryAfter: z.number().optional(), retryReason: z.string().optional(), retryData: z.unknown().optional() }).optional() });

export interface AsyncQueue {
  /** Handles the publish request the package sends; answers like the platform (201, 400, 413). */
  publish(rawBody: unknown): { status: number; body: unknown };
  /** Delivers every due and delayed event (moving the clock on to delayed ones) until none is left. */
  drain(): Promise<boolean>;
  readonly deliveries: QueueDelivery[];
  /** Every event accepted by a push, with its `delayInSeconds` (null: none). */
  readonly pushes: QueuePush[];
  /**
   * Deliver every n-th event twice (0: never), deterministic; `overlapping` delivers the duplicate
   * concurrently with the first delivery instead of after it.
   */
  setDuplicateEvery(n: number, options?: { overlapping?: boolean }): void;
  /** Fault: the next `count` pushes fail with this status (the package throws on anything but 201). */
  failPushes(count: number, status?: 500 | 503 | 429): void;
  pending(): number;
}

export function createAsyncQueue(params: {
  consumers: ConsumerBinding[];
  clock: () => QueueClock;
  invoke(binding: ConsumerBinding, event: unknown): Promise<unknown>;
  duplicateEvery?: number;
  overlappingDuplicates?: boolean;
  logErrors?: boolean;
}): AsyncQueue {
  const queue: Pending[] = [];
  const deliveries: QueueDelivery[] = [];
  const pushes: QueuePush[] = [];
  let order = 0;
  let delivered = 0;
  let duplicateEvery = params.duplicateEvery ?? 0;
  let overlapping = params.overlappingDuplicates ?? false;
  let failing: { count: number; status: number } = { count: 0, status: 500 };

  /** One invocation of the consumer for `next`; a failure schedules the documented retry. */
  const deliver = async (next: Pending, binding: ConsumerBinding): Promise<void> => {
    const clock = params.clock();
    const event = { body: structuredClone(next.body), queueName: next.queue, jobId: next.jobId, eventId: next.eventId, ...(next.retryContext ? { retryContext: next.retryContext } : {}) };
    const started = clock.now();
    let outcome: QueueDelivery['outcome'] = 'ok';
    let retryAfter: number | null = null;
    let reason = 'FUNCTION_RETRY_REQUEST';
    let retryData: unknown = undefined;
    try {
      const result = await params.invoke(binding, event);
      const retry = retrySchema.safeParse(result);
      if (retry.success) {
        outcome = 'retry';
        retryAfter = Math.min(MAX_DELAY_SECONDS, retry.data.retryOptions?.retryAfter ?? 1);
        reason = retry.data.retryOptions?.retryReason ?? reason;
        retryData = retry.data.retryOptions?.retryData;
      }
    } catch (error) {
      outcome = 'error';
      reason = error instanceof Error ? error.message : String(error);
      if (params.logErrors) console.error(`[sandbox] consumer ${binding.moduleKey} failed: ${reason}`);
    }
    // Function time out is an app-level error: the invocation counts as failed, whatever it did.
    if (outcome === 'ok' && clock.now() - started > binding.timeoutSeconds * 1000) {
      outcome = 'timeout';
      reason = 'FUNCTION_TIME_OUT';
    }
    deliveries.push({ queue: next.queue, eventId: next.eventId, body: next.body, outcome, duplicate: next.duplicate, retryCount: next.retryContext?.retryCount ?? 0 });
    if (outcome !== 'ok') {
      const retryCount = (next.retryContext?.retryCount ?? 0) + 1;
      if (retryCount > MAX_RETRIES) return;
      const backoff = retryAfter ?? Math.min(MAX_BACKOFF_SECONDS, 2 ** retryCount);
      queue.push({ ...next, duplicate: false, order: order++, dueAt: clock.now() + backoff * 1000, retryContext: { retryCount, retryReason: reason, retryData } });
    }
  };

  return {
    deliveries,
    pushes,
    setDuplicateEvery(n, options = {}) {
      duplicateEvery = n;
      overlapping = options.overlapping ?? false;
    },
    failPushes(count, status = 500) {
      failing = { count, status };
    },
    pending: () => queue.length,
    publish(rawBody) {
      if (failing.count > 0) {
        failing.count--;
        return { status: failing.status, body: { message: 'Injected push failure' } };
      }
      const parsed = pushSchema.safeParse(rawBody);
      if (!parsed.success) return { status: 400, body: { message: 'Invalid push request' } };
      const { payload, queueName, jobId } = parsed.data;
      if (payload.length === 0 || payload.length > MAX_EVENTS) return { status: 400, body: { message: `A maximum of ${MAX_EVENTS} events can be pushed per request` } };
      if (Buffer.byteLength(JSON.stringify(payload)) > MAX_PAYLOAD_BYTES) return { status: 413, body: { errorMessage: 'The maximum payload size is 200KB' } };
      if (payload.some((event) => event.delayInSeconds !== undefined && (event.delayInSeconds < 0 || event.delayInSeconds > MAX_DELAY_SECONDS))) {
        return { status: 400, body: { message: 'delayInSeconds must be between 0 and 900' } };
      }
      const now = params.clock().now();
      for (const event of payload) {
        pushes.push({ queue: queueName, body: event.body, delayInSeconds: event.delayInSeconds ?? null });
        queue.push({ queue: queueName, jobId, eventId: randomUUID(), body: event.body, dueAt: now + (event.delayInSeconds ?? 0) * 1000, order: order++, duplicate: false });
      }
      return { status: 201, body: { jobId } };
    },
    async drain() {
      let any = false;
      while (queue.length > 0) {
        queue.sort((a, b) => a.dueAt - b.dueAt || a.order - b.order);
        const next = queue.shift()!;
        const clock = params.clock();
        if (next.dueAt > clock.now()) await clock.sleep(next.dueAt - clock.now());
        const binding = params.consumers.find((consumer) => consumer.queue === next.queue);
        if (!binding) continue;
        any = true;
        delivered++;
        const duplicate = !next.duplicate && duplicateEvery > 0 && delivered % duplicateEvery === 0;
        if (duplicate && overlapping) {
          // The same event (same eventId) to two invocations at once.
          await Promise.all([deliver(next, binding), deliver({ ...next, duplicate: true, order: order++ }, binding)]);
          continue;
        }
        // At least once: the same event (same eventId) comes again after this delivery.
        if (duplicate) queue.push({ ...next, duplicate: true, order: order++ });
        await deliver(next, binding);
      }
      return any;
    },
  };
}
