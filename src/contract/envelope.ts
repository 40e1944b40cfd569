/** Every resolver answers with this envelope; the UI never sees an exception. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'JIRA_UNAVAILABLE',
  'JIRA_TIMEOUT',
  'INVALID_JIRA_RESPONSE',
  'CONFLICT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path into the payload, e.g. `settings.readyThreshold`. */
  path: string;
  message: string;
}

export interface ResolverError {
  code: ErrorCode;
  message: string;
  /** Field-level messages for VALIDATION_FAILED. */
  fieldErrors?: FieldError[];
  /** Seconds the caller should wait before retrying (RATE_LIMITED). */
  retryAfterSeconds?: number;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ResolverError };
