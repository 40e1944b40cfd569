/**
 * Typed failures of the Jira adapter. Each keeps the underlying `cause` so logs keep the
 * detail, while the resolver layer maps the class (never the message) to an envelope code.
 */
import type { RateLimitKind } from './retry-policy';

export abstract class JiraError extends Error {
  /** The HTTP status Jira answered with, when there was one. */
  readonly status: number | null;
  /** `METHOD /path` of the request that failed (query string dropped: it may hold JQL). */
  readonly endpoint: string;

  protected constructor(params: { message: string; status: number | null; endpoint: string; cause?: unknown }) {
    super(params.message, params.cause === undefined ? undefined : { cause: params.cause });
    this.name = new.target.name;
    this.status = params.status;
    this.endpoint = params.endpoint;
  }
}

export class JiraNotFoundError extends JiraError {
  constructor(params: { endpoint: string; cause?: unknown }) {
    super({ message: `Jira has no such resource (or hides it from you): ${params.endpoint}`, status: 404, ...params });
  }
}

export class JiraForbiddenError extends JiraError {
  /** Jira's own explanation (`errorMessages` / `errors`), or `HTTP 403` when it gave none. */
  readonly jiraMessage: string;

  constructor(params: { endpoint: string; status: 401 | 403; jiraMessage?: string; cause?: unknown }) {
    super({ message: `Jira refused access (${params.status}): ${params.endpoint}`, endpoint: params.endpoint, status: params.status, cause: params.cause });
    this.jiraMessage = params.jiraMessage ?? `HTTP ${params.status}`;
  }
}

export class JiraRateLimitedError extends JiraError {
  /** How long Jira asked us to wait (Retry-After, else X-RateLimit-Reset); null when it did not say. */
  readonly retryAfterSeconds: number | null;
  /** Which limit answered: a quota refills per hour, so its wait belongs to a queue, not a retry loop. */
  readonly limit: RateLimitKind;
  /** `RateLimit-Reason` exactly as Jira sent it, for the log. */
  readonly reason: string | null;
  readonly attempts: number;

  constructor(params: {
    endpoint: string;
    retryAfterSeconds: number | null;
    attempts: number;
    limit?: RateLimitKind;
    reason?: string | null;
    cause?: unknown;
  }) {
    const limit = params.limit ?? 'unspecified';
    const why = params.reason ?? 'no RateLimit-Reason';
    const wait = params.retryAfterSeconds === null ? 'no wait given' : `wait ${params.retryAfterSeconds} s`;
    super({
      message: `Jira is rate limiting requests (${limit}: ${why}; ${wait}; gave up after ${params.attempts} attempts): ${params.endpoint}`,
      status: 429,
      endpoint: params.endpoint,
      cause: params.cause,
    });
    this.retryAfterSeconds = params.retryAfterSeconds;
    this.limit = limit;
    this.reason = params.reason ?? null;
    this.attempts = params.attempts;
  }

  /** The hourly points quota (tenant or global) ran out: only a later invocation can succeed. */
  get isQuota(): boolean {
    return this.limit === 'quota';
  }
}

/** Jira did not answer one request within the time the invocation can afford to wait. */
export class JiraTimeoutError extends JiraError {
  readonly timeoutMs: number;
  readonly attempts: number;

  constructor(params: { endpoint: string; timeoutMs: number; attempts: number; cause?: unknown }) {
    super({
      message: `Jira did not answer within ${params.timeoutMs} ms (attempt ${params.attempts}): ${params.endpoint}`,
      status: null,
      endpoint: params.endpoint,
      cause: params.cause,
    });
    this.timeoutMs = params.timeoutMs;
    this.attempts = params.attempts;
  }
}

export class JiraUnavailableError extends JiraError {
  constructor(params: { endpoint: string; status: number | null; attempts: number; cause?: unknown }) {
    const what = params.status === null ? 'did not answer' : `answered ${params.status}`;
    super({ message: `Jira ${what} (after ${params.attempts} attempts): ${params.endpoint}`, ...params });
  }
}

export class JiraBadRequestError extends JiraError {
  /** Jira's own explanation, from `errorMessages` / `errors`. */
  readonly jiraMessage: string;

  constructor(params: { endpoint: string; status: number; jiraMessage: string; cause?: unknown }) {
    super({ message: `Jira rejected the request (${params.status}): ${params.jiraMessage}`, ...params });
    this.jiraMessage = params.jiraMessage;
  }
}

export class JiraInvalidResponseError extends JiraError {
  /** Short, human-readable summary of what did not match the schema. */
  readonly problems: string[];

  constructor(params: { endpoint: string; status: number; problems: string[]; cause?: unknown }) {
    super({
      message: `Jira answered ${params.endpoint} with an unexpected shape: ${params.problems.join('; ')}`,
      ...params,
    });
    this.problems = params.problems;
  }
}
