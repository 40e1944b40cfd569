/**
 * When to try a Jira request again, and how long to wait first.
 * Jira Cloud applies three independent limits, each answered with 429 and a `RateLimit-Reason`
 * (developer.atlassian.com/cloud/jira/platform/build-an-app-that-respects-rate-limits, "The limits
 * your app has to handle"; header reference: …/cloud/jira/platform/rate-limiting, "Retry-After headers"):
 * - `jira-burst-based`: per second, per endpoint and method — wait Retry-After, then retry;
 * - `jira-per-issue-on-write`: writes to one issue — wait Retry-After, then retry;
 * - `jira-quota-tenant-based` / `jira-quota-global-based`: the hourly points quota — retrying in
 *   the same invocation only burns time, so the caller gets the wait and decides (re-enqueue).
 * Short 5xx blips are retried too. Forge gives a resolver 25 s, so every wait is bounded by an
 * attempt count and a time budget.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
/** Spread added on top of Retry-After so concurrent invocations do not retry in lockstep. */
const RETRY_AFTER_SPREAD_MS = 250;

/**
 * Which limit Jira applied. `unspecified` covers a 429 without `RateLimit-Reason` (gateway 429s
 * have been seen without it) and values this code does not know; it is treated like a burst.
 */
export type RateLimitKind = 'burst' | 'per-issue-write' | 'quota' | 'unspecified';

/**
 * Reads `RateLimit-Reason`. The older rate-limiting page named `jira-cost-based` (counter and cost
 * limits, short-lived: treated as a burst) and `jira-quota-based`; every `jira-quota-*` is a quota.
 */
export function rateLimitKindOf(reason: string | null): RateLimitKind {
  const value = reason?.trim().toLowerCase() ?? '';
  if (value === 'jira-burst-based' || value === 'jira-cost-based') return 'burst';
  if (value === 'jira-per-issue-on-write') return 'per-issue-write';
  if (value.startsWith('jira-quota-')) return 'quota';
  return 'unspecified';
}

/**
 * Retry-After is either delta-seconds ("5") or an HTTP date. Returns milliseconds from `nowMs`,
 * or null when absent or unreadable (then the exponential backoff decides).
 */
export function parseRetryAfterMs(params: { header: string | null; nowMs: number }): number | null {
  const raw = params.header?.trim();
  if (!raw) return null;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - params.nowMs);
}

/** ISO 8601 as Jira documents it (`yyyy-MM-ddTHH:mmZ`), seconds and offsets tolerated. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * X-RateLimit-Reset: "the timestamp (in ISO 8601 format) when the rate limit will reset, calculated
 * as the request timestamp plus the Retry-After period … yyyy-MM-ddTHH:mmZ" (rate-limiting page).
 * Minute precision means a reset a few seconds away can already read as past: then it says nothing
 * and null is returned, as for an absent or unreadable header.
 */
export function parseRateLimitResetMs(params: { header: string | null; nowMs: number }): number | null {
  const raw = params.header?.trim();
  if (!raw || !ISO_INSTANT.test(raw)) return null;
  const at = Date.parse(raw);
  if (Number.isNaN(at) || at <= params.nowMs) return null;
  return at - params.nowMs;
}

/**
 * How long Jira asked us to wait: Retry-After first, then X-RateLimit-Reset (some 429s carry only
 * the reset), else null. `Beta-Retry-After` is not read: it accompanies answers that were *not*
 * throttled, saying what a not-yet-enforced limit would have asked for.
 */
export function serverWaitMs(params: { retryAfter: string | null; rateLimitReset: string | null; nowMs: number }): number | null {
  return (
    parseRetryAfterMs({ header: params.retryAfter, nowMs: params.nowMs }) ??
    parseRateLimitResetMs({ header: params.rateLimitReset, nowMs: params.nowMs })
  );
}

/**
 * "Full jitter" exponential backoff: a uniform wait in [0, min(cap, base·2^retry)).
 * `retry` counts from 0 (the wait before the second attempt).
 */
export function backoffDelayMs(params: { retry: number; random: () => number }): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** params.retry);
  return Math.floor(params.random() * ceiling);
}

/**
 * Honour the server's wait when it gave one — never less: a request sent early fails again "with
 * the same or longer Retry-After period" — otherwise back off with jitter.
 */
export function retryDelayMs(params: { retry: number; retryAfterMs: number | null; random: () => number }): number {
  if (params.retryAfterMs !== null) {
    return params.retryAfterMs + Math.floor(params.random() * RETRY_AFTER_SPREAD_MS);
  }
  return backoffDelayMs(params);
}
