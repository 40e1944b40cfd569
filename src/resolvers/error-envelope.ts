import type { ResolverError } from '../contract';
import {
  JiraBadRequestError,
  JiraForbiddenError,
  JiraInvalidResponseError,
  JiraNotFoundError,
  JiraRateLimitedError,
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
  if (error instanceof JiraRateLimitedError) {
    return {
      code: 'RATE_LIMITED',
      message: `Jira is busy (rate limited). Try again in ${error.retryAfterSeconds ?? 'a few'} seconds.`,
      ...(error.retryAfterSeconds === undefined || error.retryAfterSeconds === null ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
    };
  }
  if (error instanceof JiraUnavailableError) {
    return { code: 'JIRA_UNAVAILABLE', message: 'Jira is not answering right now. Nothing was lost; try again in a minute.' };
  }
  if (error instanceof JiraInvalidResponseError) {
    return { code: 'INVALID_JIRA_RESPONSE', message: 'Jira answered with data the app could not read. Nothing was changed.' };
  }
  if (error instanceof JiraBadRequestError) return { code: 'BAD_REQUEST', message: error.message };
  return { code: 'INTERNAL', message: 'Something went wrong in Refinement Radar. Nothing was changed; please try again.' };
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
