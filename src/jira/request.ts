/**
 * The one place that sends requests to Jira. It picks the principal (asUser / asApp), retries
 * rate limits and transient 5xx within Forge's time limit, maps statuses to typed errors and
 * validates every body it hands back with zod.
 */
import { asApp, asUser, NeedsAuthenticationError, type APIResponse, type Route } from '@forge/api';
import { z } from 'zod';
import {
  JiraBadRequestError,
  JiraForbiddenError,
  JiraInvalidResponseError,
  JiraNotFoundError,
  JiraRateLimitedError,
  JiraUnavailableError,
} from './errors';
import { parseRetryAfterMs, RETRYABLE_STATUSES, retryDelayMs } from './retry-policy';

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
}

export interface JiraClient {
  get<S extends z.ZodType>(path: Route, schema: S): Promise<z.output<S>>;
  post<S extends z.ZodType>(path: Route, schema: S, body?: unknown): Promise<z.output<S>>;
  put<S extends z.ZodType>(path: Route, schema: S, body?: unknown): Promise<z.output<S>>;
  delete<S extends z.ZodType>(path: Route, schema: S): Promise<z.output<S>>;
}

/** For endpoints whose body we do not use (204, or a 200 we ignore). */
export const ignoredBody = z.unknown();

const jiraErrorBody = z.looseObject({
  errorMessages: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.unknown()).optional(),
  message: z.string().optional(),
});

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createJiraClient(options: JiraClientOptions): JiraClient {
  const send = <S extends z.ZodType>(method: HttpMethod, path: Route, schema: S, body?: unknown) =>
    sendWithRetry({ options, method, path, schema, body });
  return {
    get: (path, schema) => send('GET', path, schema),
    post: (path, schema, body) => send('POST', path, schema, body),
    put: (path, schema, body) => send('PUT', path, schema, body),
    delete: (path, schema) => send('DELETE', path, schema),
  };
}

type Attempt = { kind: 'response'; response: APIResponse } | { kind: 'thrown'; error: unknown };

async function sendWithRetry<S extends z.ZodType>(params: {
  options: JiraClientOptions;
  method: HttpMethod;
  path: Route;
  schema: S;
  body: unknown;
}): Promise<z.output<S>> {
  const { options, method, path } = params;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
  const maxTotalWaitMs = options.maxTotalWaitMs ?? 20_000;
  const endpoint = `${method} ${path.value.split('?')[0] ?? ''}`;
  const startedAt = now();
  let waited = 0;

  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce({ as: options.as, method, path, body: params.body });
    if (outcome.kind === 'response' && !RETRYABLE_STATUSES.has(outcome.response.status)) {
      return interpret({ response: outcome.response, schema: params.schema, endpoint });
    }
    const retryAfterMs =
      outcome.kind === 'response'
        ? parseRetryAfterMs({ header: outcome.response.headers.get('retry-after'), nowMs: now() })
        : null;
    const giveUp = () => givingUpError({ outcome, endpoint, attempts: attempt, retryAfterMs });
    if (attempt >= maxAttempts) throw giveUp();
    const delay = retryDelayMs({ retry: attempt - 1, retryAfterMs, random });
    // Real time (requests included) or summed waits, whichever is larger: tests fake the sleep.
    const spent = Math.max(now() - startedAt, waited);
    if (spent + delay > maxTotalWaitMs) throw giveUp();
    if (options.deadline !== undefined && startedAt + spent + delay > options.deadline) throw giveUp();
    await sleep(delay);
    waited += delay;
  }
}

async function attemptOnce(params: { as: JiraPrincipal; method: HttpMethod; path: Route; body: unknown }): Promise<Attempt> {
  const requester = params.as === 'user' ? asUser() : asApp();
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: { method: HttpMethod; headers: Record<string, string>; body?: string } = { method: params.method, headers };
  if (params.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(params.body);
  }
  try {
    return { kind: 'response', response: await requester.requestJira(params.path, init) };
  } catch (error) {
    // Forge turns this into the "allow access" prompt for the user: never swallow or retry it.
    if (error instanceof NeedsAuthenticationError) throw error;
    return { kind: 'thrown', error };
  }
}

function givingUpError(params: { outcome: Attempt; endpoint: string; attempts: number; retryAfterMs: number | null }): Error {
  const { outcome, endpoint, attempts } = params;
  if (outcome.kind === 'thrown') return new JiraUnavailableError({ endpoint, status: null, attempts, cause: outcome.error });
  const status = outcome.response.status;
  if (status === 429) {
    const retryAfterSeconds = params.retryAfterMs === null ? null : Math.ceil(params.retryAfterMs / 1000);
    return new JiraRateLimitedError({ endpoint, retryAfterSeconds, attempts });
  }
  return new JiraUnavailableError({ endpoint, status, attempts });
}

async function interpret<S extends z.ZodType>(params: { response: APIResponse; schema: S; endpoint: string }): Promise<z.output<S>> {
  const { response, endpoint } = params;
  const status = response.status;
  const text = await response.text();
  if (status === 404) throw new JiraNotFoundError({ endpoint, cause: text.slice(0, 500) });
  if (status === 401 || status === 403) throw new JiraForbiddenError({ endpoint, status, cause: text.slice(0, 500) });
  if (status < 200 || status >= 300) {
    throw new JiraBadRequestError({ endpoint, status, jiraMessage: jiraMessageOf({ text, status }) });
  }
  const body = parseJson(text);
  if (!body.ok) throw new JiraInvalidResponseError({ endpoint, status, problems: ['body is not JSON'], cause: body.error });
  const parsed = params.schema.safeParse(body.value);
  if (!parsed.success) {
    throw new JiraInvalidResponseError({ endpoint, status, problems: summarizeIssues(parsed.error.issues), cause: parsed.error });
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
