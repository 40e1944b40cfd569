import type { ResolverError } from '../contract';
import {
  JiraBadRequestError,
  JiraForbiddenError,
  JiraInvalidResponseError,
  JiraNotFoundError,
  JiraRateLimitedError,
  JiraTimeoutError,
  JiraUnavailableError,
} from '../jira/errors';
import {
  BadRequestError,
  ConflictError,
  MissingResourceError,
  PermissionDeniedError,
  ValidationError,
} from '../usecases/errors';

/**
 * The one place where errors become envelope codes. Messages are written for the person
 * looking at the panel; internals (stack, raw bodies) go to the log only. Jira's own
 * validation sentence is passed on for 400s because it tells the person what to change.
 */
export function toErrorEnvelope(error: unknown): { ok: false; error: ResolverError } {
  return { ok: false, error: describe(error) };
}

function describe(error: unknown): ResolverError {
  if (error instanceof ValidationError) {
    return { code: 'VALIDATION_FAILED', message: error.message, fieldErrors: error.fieldErrors };
  }
  if (error instanceof BadRequestError) return { code: 'BAD_REQUEST', message: error.message };
  if (error instanceof PermissionDeniedError) return { code: 'FORBIDDEN', message: error.message };
  if (error instanceof MissingResourceError) return { code: 'NOT_FOUND', message: error.message };
  if (error instanceof ConflictError) return { code: 'CONFLICT', message: error.message };
  if (error instanceof JiraNotFoundError) {
    return { code: 'NOT_FOUND', message: 'Jira could not find it, or you do not have permission to see it.' };
  }
  if (error instanceof JiraForbiddenError) {
    return { code: 'FORBIDDEN', message: 'Jira says you do not have permission for this.' };
  }
  if (error instanceof JiraRateLimitedError) return rateLimited(error);
  if (error instanceof JiraTimeoutError) {
    return { code: 'JIRA_TIMEOUT', message: 'Jira took too long to answer, so Refinement Radar stopped waiting. Nothing was lost; try again in a moment.' };
  }
  if (error instanceof JiraUnavailableError) {
    const what = error.status === null ? 'Jira could not be reached' : 'Jira is having trouble right now (it answered with a server error)';
    return { code: 'JIRA_UNAVAILABLE', message: `${what}. Nothing was lost; try again in a minute.` };
  }
  if (error instanceof JiraInvalidResponseError) {
    return { code: 'INVALID_JIRA_RESPONSE', message: 'Jira answered with data the app could not read. Nothing was changed.' };
  }
  if (error instanceof JiraBadRequestError) return { code: 'BAD_REQUEST', message: error.message };
  return { code: 'INTERNAL', message: 'Something went wrong in Refinement Radar. Nothing was changed; please try again.' };
}

/** Names the limit Jira applied: a burst passes in seconds, an exhausted hourly quota does not. */
function rateLimited(error: JiraRateLimitedError): ResolverError {
  const seconds = error.retryAfterSeconds;
  const wait = seconds === null ? null : { retryAfterSeconds: seconds };
  if (error.isQuota) {
    // jira-quota-tenant-based is this site's pool; jira-quota-global-based the app's pool across sites.
    const scope = error.reason?.toLowerCase().includes('global') ? ' (shared by every site that uses it)' : ' for this site';
    const when = seconds === null ? 'later; it refills every hour' : `in ${spokenWait(seconds)}`;
    return { code: 'RATE_LIMITED', message: `Refinement Radar has used up its hourly allowance of Jira requests${scope}. Try again ${when}.`, ...wait };
  }
  const cause =
    error.limit === 'per-issue-write'
      ? 'Jira limits how often one issue can be changed, and this issue was changed many times just now'
      : 'Jira is busy (too many requests at once)';
  return { code: 'RATE_LIMITED', message: `${cause}. Try again in ${seconds === null ? 'a few seconds' : spokenWait(seconds)}.`, ...wait };
}

function spokenWait(seconds: number): string {
  if (seconds <= 0) return 'a moment';
  if (seconds === 1) return '1 second';
  if (seconds < 120) return `${seconds} seconds`;
  return `about ${Math.ceil(seconds / 60)} minutes`;
}

export function logUnexpected(error: unknown, where: string): void {
  const known =
    error instanceof ValidationError ||
    error instanceof BadRequestError ||
    error instanceof PermissionDeniedError ||
    error instanceof MissingResourceError ||
    error instanceof ConflictError ||
    error instanceof JiraNotFoundError ||
    error instanceof JiraForbiddenError;
  if (known) return;
  // Forge keeps function logs for the developer console; never log payload contents.
  console.error(`[refinement-radar] ${where} failed:`, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}
