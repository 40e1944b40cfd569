/**
 * The one place that sends requests to Jira. It picks the principal (asUser / asApp), retries
 * burst rate limits and transient 5xx within Forge's time limit, fails fast on an exhausted
 * quota, bounds each attempt in time, maps statuses to typed errors and validates every body it
 * hands back with zod. Clock and sleep are injected (src/wiring.ts) so tests never really wait.
 */
import { asApp, asUser, NeedsAuthenticationError, type APIResponse, type Route } from '@forge/api';
import { z } from 'zod';
import {
  JiraBadRequestError,
  JiraForbiddenError,
  JiraInvalidResponseError,
  JiraNotFoundError,
  JiraRateLimitedError,
  JiraTimeoutError,
  JiraUnavailableError,
} from './errors';
import { RETRYABLE_STATUSES, rateLimitKindOf, retryDelayMs, serverWaitMs, type RateLimitKind } from './retry-policy';

export type JiraPrincipal = 'user' | 'app';
type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface JiraClientOptions {
  as: JiraPrincipal;
  /** Injected in tests so retries do not really wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Source of jitter in [0, 1). */
  random?: () => number;
  now?: () => number;
  maxAttempts?: number;
  /** Upper bound on time spent on one request (waits included) before giving up. */
  maxTotalWaitMs?: number;
  /**
   * Epoch ms (on `now`'s clock) after which no retry may end, shared by every request of one
   * invocation: a per-request bound alone lets several slow requests add up past Forge's limit.
   */
  deadline?: number;
  /**
   * Longest one attempt may run (real time) before it counts as timed out. Without it a hung
   * request runs into Forge's own 25 s limit and the person sees a bare platform error.
   */
  requestTimeoutMs?: number;
}

/**
 * Per-request options. `redirect: 'manual'` hands a 3xx back instead of following it: properties/multi
 * answers 303 with its task, and fetch (which Forge's requestJira uses) follows redirects by default,
 * Atlassian API redirects being internal traffic (runtime-egress-permissions, "API redirects").
 */
export interface JiraRequestOptions {
  redirect?: 'manual';
}

export interface JiraClient {
  get<S extends z.ZodType>(path: Route, schema: S): Promise<z.output<S>>;
  post<S extends z.ZodType>(path: Route, schema: S, body?: unknown, options?: JiraRequestOptions): Promise<z.output<S>>;
  put<S extends z.ZodType>(path: Route, schema: S, body?: unknown): Promise<z.output<S>>;
  delete<S extends z.ZodType>(path: Route, schema: S): Promise<z.output<S>>;
}

/** For endpoints whose body we do not use (204, or a 200 we ignore). */
export const ignoredBody = z.unknown();

/**
 * For endpoints that answer `303 See Other` with the task to follow (properties/multi): the
 * answer is handed back as `{ location }` (the Location header), never followed blindly.
 */
export const seeOtherSchema = z.object({ location: z.string().nullable() });

const jiraErrorBody = z.looseObject({
  errorMessages: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.unknown()).optional(),
  message: z.string().optional(),
});

const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createJiraClient(options: JiraClientOptions): JiraClient {
  const send = <S extends z.ZodType>(method: HttpMethod, path: Route, schema: S, body?: unknown, request?: JiraRequestOptions) =>
    sendWithRetry({ options, method, path, schema, body, request });
  return {
    get: (path, schema) => send('GET', path, schema),
    post: (path, schema, body, request) => send('POST', path, schema, body, request),
    put: (path, schema, body) => send('PUT', path, schema, body),
    delete: (path, schema) => send('DELETE', path, schema),
  };
}

type Attempt =
  | { kind: 'response'; response: APIResponse }
  | { kind: 'thrown'; error: unknown }
  | { kind: 'timed-out'; afterMs: number; cause?: unknown };

/** What a retryable failure tells us: how long Jira asked to wait, and which rate limit (for 429s). */
interface Failure {
  waitMs: number | null;
  limit: RateLimitKind | null;
  reason: string | null;
}

async function sendWithRetry<S extends z.ZodType>(params: {
  options: JiraClientOptions;
  method: HttpMethod;
  path: Route;
  schema: S;
  body: unknown;
  request?: JiraRequestOptions | undefined;
}): Promise<z.output<S>> {
  const { options, method, path } = params;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
  const maxTotalWaitMs = options.maxTotalWaitMs ?? 20_000;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const endpoint = `${method} ${path.value.split('?')[0] ?? ''}`;
  const startedAt = now();
  let waited = 0;

  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce({ as: options.as, method, path, body: params.body, timeoutMs, redirect: params.request?.redirect });
    if (outcome.kind === 'response' && !RETRYABLE_STATUSES.has(outcome.response.status)) {
      return interpret({ response: outcome.response, schema: params.schema, endpoint });
    }
    // The time is gone and a write may have landed: a timed-out attempt is not sent again.
    if (outcome.kind === 'timed-out') {
      throw new JiraTimeoutError({ endpoint, timeoutMs: outcome.afterMs, attempts: attempt, cause: outcome.cause });
    }
    const failure = failureOf({ outcome, nowMs: now() });
    const giveUp = () => givingUpError({ outcome, failure, endpoint, attempts: attempt });
    // An hourly quota does not refill within one invocation: hand the wait to the caller at once.
    if (failure.limit === 'quota') throw giveUp();
    if (attempt >= maxAttempts) throw giveUp();
    const delay = retryDelayMs({ retry: attempt - 1, retryAfterMs: failure.waitMs, random });
    // Real time (requests included) or summed waits, whichever is larger: tests fake the sleep.
    const spent = Math.max(now() - startedAt, waited);
    if (spent + delay > maxTotalWaitMs) throw giveUp();
    if (options.deadline !== undefined && startedAt + spent + delay > options.deadline) throw giveUp();
    await sleep(delay);
    waited += delay;
  }
}

function failureOf(params: { outcome: Attempt; nowMs: number }): Failure {
  if (params.outcome.kind !== 'response') return { waitMs: null, limit: null, reason: null };
  const { headers, status } = params.outcome.response;
  // Some 5xx carry Retry-After too ("a 503 … when a resource limit has been reached").
  const waitMs = serverWaitMs({ retryAfter: headers.get('retry-after'), rateLimitReset: headers.get('x-ratelimit-reset'), nowMs: params.nowMs });
  if (status !== 429) return { waitMs, limit: null, reason: null };
  const reason = headers.get('ratelimit-reason');
  return { waitMs, limit: rateLimitKindOf(reason), reason };
}

async function attemptOnce(params: {
  as: JiraPrincipal;
  method: HttpMethod;
  path: Route;
  body: unknown;
  timeoutMs: number;
  redirect?: 'manual' | undefined;
}): Promise<Attempt> {
  const requester = params.as === 'user' ? asUser() : asApp();
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: { method: HttpMethod; headers: Record<string, string>; body?: string; redirect?: 'manual' } = { method: params.method, headers };
  if (params.redirect) init.redirect = params.redirect;
  if (params.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(params.body);
  }
  // Settles with an outcome, never rejects, so a request that loses the race cannot go unhandled.
  const sent: Promise<Attempt | { kind: 'needs-auth'; error: NeedsAuthenticationError }> = Promise.resolve()
    .then(() => requester.requestJira(params.path, init))
    .then(
    (response) => ({ kind: 'response', response }),
    (error: unknown) => {
      if (error instanceof NeedsAuthenticationError) return { kind: 'needs-auth', error };
      if (isTimeoutError(error)) return { kind: 'timed-out', afterMs: params.timeoutMs, cause: error };
      return { kind: 'thrown', error };
    },
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ceiling = new Promise<Attempt>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timed-out', afterMs: params.timeoutMs }), params.timeoutMs);
  });
  try {
    const outcome = await Promise.race([sent, ceiling]);
    // Forge turns this into the "allow access" prompt for the user: never swallow or retry it.
    if (outcome.kind === 'needs-auth') throw outcome.error;
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}

const errorShape = z.looseObject({ name: z.string().optional(), code: z.string().optional(), type: z.string().optional() });

/** Timeouts of the runtime's fetch (undici TimeoutError / UND_ERR_*_TIMEOUT, node-fetch request-timeout, ETIMEDOUT). */
function isTimeoutError(error: unknown): boolean {
  const shape = errorShape.safeParse(error);
  if (!shape.success) return false;
  const { name, code, type } = shape.data;
  return name === 'TimeoutError' || type === 'request-timeout' || (code !== undefined && /TIMEDOUT|TIMEOUT/.test(code));
}

function givingUpError(params: { outcome: Attempt; failure: Failure; endpoint: string; attempts: number }): Error {
  const { outcome, failure, endpoint, attempts } = params;
  if (outcome.kind !== 'response') {
    const cause = outcome.kind === 'thrown' ? outcome.error : outcome.cause;
    return new JiraUnavailableError({ endpoint, status: null, attempts, cause });
  }
  const status = outcome.response.status;
  if (status === 429) {
    const retryAfterSeconds = failure.waitMs === null ? null : Math.ceil(failure.waitMs / 1000);
    return new JiraRateLimitedError({ endpoint, retryAfterSeconds, attempts, limit: failure.limit ?? 'unspecified', reason: failure.reason });
  }
  return new JiraUnavailableError({ endpoint, status, attempts });
}

async function interpret<S extends z.ZodType>(params: { response: APIResponse; schema: S; endpoint: string }): Promise<z.output<S>> {
  const { response, endpoint } = params;
  const status = response.status;
  const text = await response.text();
  if (status === 404) throw new JiraNotFoundError({ endpoint, cause: text.slice(0, 500) });
  if (status === 401 || status === 403) throw new JiraForbiddenError({ endpoint, status, jiraMessage: jiraMessageOf({ text, status }), cause: text.slice(0, 500) });
  if (status === 303) return parseOrThrow({ value: { location: response.headers.get('location') }, schema: params.schema, endpoint, status });
  if (status < 200 || status >= 300) {
    throw new JiraBadRequestError({ endpoint, status, jiraMessage: jiraMessageOf({ text, status }) });
  }
  const body = parseJson(text);
  if (!body.ok) throw new JiraInvalidResponseError({ endpoint, status, problems: ['body is not JSON'], cause: body.error });
  return parseOrThrow({ value: body.value, schema: params.schema, endpoint, status });
}

function parseOrThrow<S extends z.ZodType>(params: { value: unknown; schema: S; endpoint: string; status: number }): z.output<S> {
  const parsed = params.schema.safeParse(params.value);
  if (!parsed.success) {
    throw new JiraInvalidResponseError({ endpoint: params.endpoint, status: params.status, problems: summarizeIssues(parsed.error.issues), cause: parsed.error });
  }
  return parsed.data;
}

/** An empty body (204, or 200 with nothing) reads as `undefined`; the schema decides if that is fine. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error };
  }
}

function jiraMessageOf(params: { text: string; status: number }): string {
  const body = parseJson(params.text);
  const parsed = body.ok ? jiraErrorBody.safeParse(body.value) : null;
  if (parsed?.success) {
    const fieldMessages = Object.entries(parsed.data.errors ?? {}).map(([field, message]) => `${field}: ${String(message)}`);
    const messages = [...(parsed.data.errorMessages ?? []), ...fieldMessages, ...(parsed.data.message ? [parsed.data.message] : [])];
    if (messages.length > 0) return messages.join('; ').slice(0, 500);
  }
  return `HTTP ${params.status}`;
}

const MAX_REPORTED_ISSUES = 5;

function summarizeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const shown = issues
    .slice(0, MAX_REPORTED_ISSUES)
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)'}: ${issue.message}`);
  const hidden = issues.length - shown.length;
  return hidden > 0 ? [...shown, `…and ${hidden} more`] : shown;
}
