import type { FieldError } from '../contract';

/** Errors the use cases raise on purpose; src/resolvers/error-envelope.ts maps them (and Jira's) to codes. */
export abstract class AppError extends Error {
  // Public: `abstract` already keeps AppError itself from being built, and the subclasses inherit this constructor.
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The request cannot be served as sent (missing context, unknown item). */
export class BadRequestError extends AppError {}

/** Input failed validation; each problem is tied to a field path. */
export class ValidationError extends AppError {
  readonly fieldErrors: FieldError[];
  constructor(message: string, fieldErrors: FieldError[]) {
    super(message);
    this.fieldErrors = fieldErrors;
  }
}

/** The caller lacks a permission Jira would require for the same action. */
export class PermissionDeniedError extends AppError {}

/** Something the request needs does not exist (no board, no sprint). */
export class MissingResourceError extends AppError {}

/** The state changed under the caller (e.g. a round was reset while they voted). */
export class ConflictError extends AppError {}
