/**
 * When to try a Jira request again, and how long to wait first.
 * Jira Cloud answers bursts with 429 (+ Retry-After) and has short 5xx blips; Forge gives a
 * resolver 25 s, so every wait is bounded by both an attempt count and a time budget.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
/** Spread added on top of Retry-After so concurrent invocations do not retry in lockstep. */
const RETRY_AFTER_SPREAD_MS = 250;

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

/**
 * "Full jitter" exponential backoff: a uniform wait in [0, min(cap, base·2^retry)).
 * `retry` counts from 0 (the wait before the second attempt).
 */
export function backoffDelayMs(params: { retry: number; random: () => number }): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** params.retry);
  return Math.floor(params.random() * ceiling);
}

/** Honour the server's Retry-After when it gave one; otherwise back off with jitter. */
export function retryDelayMs(params: { retry: number; retryAfterMs: number | null; random: () => number }): number {
  if (params.retryAfterMs !== null) {
    return params.retryAfterMs + Math.floor(params.random() * RETRY_AFTER_SPREAD_MS);
  }
  return backoffDelayMs(params);
}
