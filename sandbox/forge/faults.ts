/**
 * Fault injection for Jira traffic: latency, 429 with Retry-After, 5xx, malformed bodies.
 */
import type { Json } from '../jira/model';

export interface FaultConfig {
  latencyMs?: number;
  /** `every: n` answers every n-th matching request with 429; `burst: n` allows n requests per second. */
  rateLimit?: { every?: number; burst?: number; retryAfterSeconds: number; pathPattern?: RegExp };
  serverError?: { status: 500 | 503; count: number | 'always'; pathPattern?: RegExp };
  /** Rewrites successful JSON bodies of matching requests (e.g. story points as strings). */
  malformed?: { pathPattern: RegExp; mutate(body: Json): Json };
}

export interface FaultDecision {
  latencyMs: number;
  /** A response to send instead of asking the emulator. */
  override: { status: number; headers: Record<string, string>; body: Json } | null;
  mutate: ((body: Json) => Json) | null;
}

export interface FaultController {
  set(config: FaultConfig): void;
  clear(): void;
  current(): FaultConfig;
  /** Counts of injected faults, for assertions. */
  injected(): { rateLimited: number; serverErrors: number; malformed: number };
  decide(params: { path: string; baseLatencyMs: number }): FaultDecision;
}

export function createFaults(): FaultController {
  let config: FaultConfig = {};
  let matching = 0;
  let errorsLeft = 0;
  let window: { start: number; count: number } = { start: 0, count: 0 };
  const counts = { rateLimited: 0, serverErrors: 0, malformed: 0 };

  return {
    set(next) {
      config = next;
      matching = 0;
      errorsLeft = next.serverError && next.serverError.count !== 'always' ? next.serverError.count : 0;
      window = { start: 0, count: 0 };
    },
    clear() {
      this.set({});
    },
    current: () => config,
    injected: () => ({ ...counts }),
    decide({ path, baseLatencyMs }): FaultDecision {
      const latencyMs = config.latencyMs ?? baseLatencyMs;
      const server = config.serverError;
      if (server && (!server.pathPattern || server.pathPattern.test(path)) && (server.count === 'always' || errorsLeft > 0)) {
        if (server.count !== 'always') errorsLeft -= 1;
        counts.serverErrors += 1;
        const message = server.status === 503 ? 'Service Unavailable' : 'Internal server error';
        return { latencyMs, override: { status: server.status, headers: { 'content-type': 'application/json' }, body: { errorMessages: [message], errors: {} } }, mutate: null };
      }
      const limit = config.rateLimit;
      if (limit && (!limit.pathPattern || limit.pathPattern.test(path))) {
        matching += 1;
        const now = Date.now();
        if (now - window.start >= 1000) window = { start: now, count: 0 };
        window.count += 1;
        const everyHit = limit.every !== undefined && limit.every > 0 && matching % limit.every === 0;
        const burstHit = limit.burst !== undefined && window.count > limit.burst;
        if (everyHit || burstHit) {
          counts.rateLimited += 1;
          return {
            latencyMs,
            override: {
              status: 429,
              headers: {
                'content-type': 'application/json',
                'retry-after': String(limit.retryAfterSeconds),
                'ratelimit-reason': burstHit ? 'jira-burst-based' : 'jira-quota-tenant-based',
                'x-ratelimit-limit': String(limit.burst ?? limit.every ?? 0),
                'x-ratelimit-remaining': '0',
              },
              body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
            },
            mutate: null,
          };
        }
      }
      const malformed = config.malformed;
      if (malformed && malformed.pathPattern.test(path)) {
        return {
          latencyMs,
          override: null,
          mutate: (body) => {
            counts.malformed += 1;
            return malformed.mutate(body);
          },
        };
      }
      return { latencyMs, override: null, mutate: null };
    },
  };
}
