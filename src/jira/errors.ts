/**
 * Typed failures of the Jira adapter. Each keeps the underlying `cause` so logs keep the
 * detail, while the resolver layer maps the class (never the message) to an envelope code.
 */
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
  constructor(params: { endpoint: string; status: 401 | 403; cause?: unknown }) {
    super({ message: `Jira refused access (${params.status}): ${params.endpoint}`, ...params });
  }
}

export class JiraRateLimitedError extends JiraError {
  /** How long Jira asked us to wait; null when it did not say. */
  readonly retryAfterSeconds: number | null;

  constructor(params: { endpoint: string; retryAfterSeconds: number | null; attempts: number; cause?: unknown }) {
    super({
      message: `Jira is rate limiting requests (gave up after ${params.attempts} attempts): ${params.endpoint}`,
      status: 429,
      endpoint: params.endpoint,
      cause: params.cause,
    });
    this.retryAfterSeconds = params.retryAfterSeconds;
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
