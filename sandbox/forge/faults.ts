/**
 * Fault injection for Jira traffic: latency, 429s with the documented header combinations, 5xx,
 * malformed bodies.
 */
import type { Json } from '../jira/model';

/**
 * `RateLimit-Reason` values, from developer.atlassian.com/cloud/jira/platform/build-an-app-that-respects-rate-limits
 * ("The limits your app has to handle") and …/cloud/jira/platform/rate-limiting.
 */
export type RateLimitReason = 'jira-burst-based' | 'jira-per-issue-on-write' | 'jira-quota-tenant-based' | 'jira-quota-global-based';

export interface RateLimitFault {
  /** Answers every n-th matching request with 429. */
  every?: number;
  /** Allows n matching requests per second (on the fault clock), answers the rest with 429. */
  burst?: number;
  /** Default `jira-burst-based`: the limit a short wait clears. */
  reason?: RateLimitReason;
  /** `Retry-After` in seconds; null leaves the header out (429s have been seen without it). */
  retryAfterSeconds: number | null;
  /** Adds `X-RateLimit-Reset` this many seconds ahead (default: the Retry-After period, when there is one). */
  resetAfterSeconds?: number;
  pathPattern?: RegExp;
}

/**
 * A storm of 429s: from the `from`-th matching request (counted from set()) every matching request
 * is refused for `seconds` on the fault clock, e.g. an hourly quota that runs out
 * (`jira-quota-tenant-based`, Retry-After: 30) while a sprint of 1,000 issues is being flagged.
 */
export interface RateLimitStorm extends Omit<RateLimitFault, 'every' | 'burst'> {
  from: number;
  seconds: number;
}

export interface FaultConfig {
  latencyMs?: number;
  rateLimit?: RateLimitFault;
  /** Checked before `rateLimit`; both can be set (a 429 every n-th request plus a quota storm). */
  rateLimitStorm?: RateLimitStorm;
  serverError?: { status: 500 | 503; count: number | 'always'; pathPattern?: RegExp };
  /** Rewrites successful JSON bodies of matching requests (e.g. story points as strings). */
  malformed?: { pathPattern: RegExp; mutate(body: Json): Json };
  /** Lets the emulator carry out matching requests (a write lands) and then answers them with a 5xx instead. */
  lostAnswer?: LostAnswerFault;
  /**
   * The runtime follows Jira's redirects (a 303 as a GET of its Location) even when the app asked for
   * `redirect: 'manual'`: Forge treats Atlassian API redirects as internal (runtime-egress-permissions).
   */
  followRedirects?: boolean;
}

/**
 * A write Jira stored although the caller saw it fail: the answer is lost after the work was done
 * (a gateway 5xx or a dropped connection after the commit). Only requests with a `method` match.
 */
export interface LostAnswerFault {
  status: 500 | 502 | 503 | 504;
  count: number | 'always';
  method: 'POST' | 'PUT' | 'DELETE';
  pathPattern?: RegExp;
}

export interface FaultDecision {
  latencyMs: number;
  /** A response to send instead of asking the emulator. */
  override: { status: number; headers: Record<string, string>; body: Json } | null;
  mutate: ((body: Json) => Json) | null;
  /** Let the emulator handle the request, then send this answer instead of its own (`lostAnswer`). */
  lostAnswer?: { status: number; headers: Record<string, string>; body: Json } | null;
}

export interface FaultController {
  set(config: FaultConfig): void;
  clear(): void;
  current(): FaultConfig;
  /** Counts of injected faults, for assertions. */
  injected(): { rateLimited: number; serverErrors: number; malformed: number; lostAnswers: number };
  decide(params: { path: string; baseLatencyMs: number; method?: string }): FaultDecision;
  /** The clock of the burst window and X-RateLimit-Reset (tests share the app's virtual clock). */
  setClock(now: () => number): void;
}

/**
 * The 429 headers, as the rate-limiting page documents them ("Rate limit responses"):
 * `Retry-After` (seconds), `X-RateLimit-Reset` ("timestamp (in ISO 8601 format) … calculated as the
 * request timestamp plus the Retry-After period … yyyy-MM-ddTHH:mmZ"; formatted to the minute, so
 * seconds are dropped), `RateLimit-Reason`, `X-RateLimit-Limit`, `X-RateLimit-Remaining`.
 */
export function rateLimitHeaders(params: { limit: RateLimitFault; nowMs: number }): Record<string, string> {
  const { limit, nowMs } = params;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'ratelimit-reason': limit.reason ?? 'jira-burst-based',
    'x-ratelimit-limit': String(limit.burst ?? limit.every ?? 0),
    'x-ratelimit-remaining': '0',
  };
  if (limit.retryAfterSeconds !== null) headers['retry-after'] = String(limit.retryAfterSeconds);
  const resetAfter = limit.resetAfterSeconds ?? limit.retryAfterSeconds;
  if (resetAfter !== null) headers['x-ratelimit-reset'] = `${new Date(nowMs + resetAfter * 1000).toISOString().slice(0, 16)}Z`;
  return headers;
}

export function createFaults(): FaultController {
  let config: FaultConfig = {};
  let matching = 0;
  let stormSeen = 0;
  let stormStart: number | null = null;
  let errorsLeft = 0;
  let window: { start: number; count: number } = { start: 0, count: 0 };
  let clock: () => number = () => Date.now();
  const counts = { rateLimited: 0, serverErrors: 0, malformed: 0, lostAnswers: 0 };
  let lostLeft = 0;

  return {
    set(next) {
      config = next;
      matching = 0;
      stormSeen = 0;
      stormStart = null;
      errorsLeft = next.serverError && next.serverError.count !== 'always' ? next.serverError.count : 0;
      window = { start: 0, count: 0 };
      lostLeft = next.lostAnswer && next.lostAnswer.count !== 'always' ? next.lostAnswer.count : 0;
    },
    clear() {
      this.set({});
    },
    current: () => config,
    setClock(now) {
      clock = now;
    },
    injected: () => ({ ...counts }),
    decide({ path, baseLatencyMs, method }): FaultDecision {
      const latencyMs = config.latencyMs ?? baseLatencyMs;
      const server = config.serverError;
      if (server && (!server.pathPattern || server.pathPattern.test(path)) && (server.count === 'always' || errorsLeft > 0)) {
        if (server.count !== 'always') errorsLeft -= 1;
        counts.serverErrors += 1;
        const message = server.status === 503 ? 'Service Unavailable' : 'Internal server error';
        return { latencyMs, override: { status: server.status, headers: { 'content-type': 'application/json' }, body: { errorMessages: [message], errors: {} } }, mutate: null };
      }
      const storm = config.rateLimitStorm;
      if (storm && (!storm.pathPattern || storm.pathPattern.test(path))) {
        stormSeen += 1;
        if (stormSeen === storm.from) stormStart = clock();
        if (stormStart !== null && clock() - stormStart < storm.seconds * 1000) {
          counts.rateLimited += 1;
          return { latencyMs, override: { status: 429, headers: rateLimitHeaders({ limit: storm, nowMs: clock() }), body: { errorMessages: ['Rate limit exceeded.'], errors: {} } }, mutate: null };
        }
      }
      const limit = config.rateLimit;
      if (limit && (!limit.pathPattern || limit.pathPattern.test(path))) {
        matching += 1;
        const now = clock();
        if (now - window.start >= 1000) window = { start: now, count: 0 };
        window.count += 1;
        const everyHit = limit.every !== undefined && limit.every > 0 && matching % limit.every === 0;
        const burstHit = limit.burst !== undefined && window.count > limit.burst;
        if (everyHit || burstHit) {
          counts.rateLimited += 1;
          return {
            latencyMs,
            override: { status: 429, headers: rateLimitHeaders({ limit, nowMs: now }), body: { errorMessages: ['Rate limit exceeded.'], errors: {} } },
            mutate: null,
          };
        }
      }
      const lost = config.lostAnswer;
      if (lost && method?.toUpperCase() === lost.method && (!lost.pathPattern || lost.pathPattern.test(path)) && (lost.count === 'always' || lostLeft > 0)) {
        if (lost.count !== 'always') lostLeft -= 1;
        counts.lostAnswers += 1;
        const message = lost.status === 503 ? 'Service Unavailable' : 'Internal server error';
        return { latencyMs, override: null, mutate: null, lostAnswer: { status: lost.status, headers: { 'content-type': 'application/json' }, body: { errorMessages: [message], errors: {} } } };
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
