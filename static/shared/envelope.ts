import { ERROR_CODES, type ErrorCode, type FieldError } from '../../src/contract';

/** Codes the UI can meet: the resolver's own, NETWORK when the bridge call itself failed, BAD_RESPONSE for an answer that is no envelope. */
export type UiErrorCode = ErrorCode | 'NETWORK' | 'BAD_RESPONSE';

/** A resolver answered `{ ok: false }` (or could not be reached); the screens show `message`. */
export class ResolverCallError extends Error {
  readonly code: UiErrorCode;
  readonly fieldErrors: FieldError[];
  readonly retryAfterSeconds: number | undefined;

  constructor(args: { code: UiErrorCode; message: string; fieldErrors?: FieldError[]; retryAfterSeconds?: number; cause?: unknown }) {
    super(args.message, args.cause === undefined ? undefined : { cause: args.cause });
    this.name = 'ResolverCallError';
    this.code = args.code;
    this.fieldErrors = args.fieldErrors ?? [];
    this.retryAfterSeconds = args.retryAfterSeconds;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item.path === 'string' && typeof item.message === 'string' ? [{ path: item.path, message: item.message }] : [],
  );
}

function isErrorCode(value: unknown): value is ErrorCode {
  return ERROR_CODES.some((code) => code === value);
}

function parseCode(value: unknown): UiErrorCode {
  return isErrorCode(value) ? value : 'INTERNAL';
}

/**
 * Unwraps the resolver envelope `{ ok, data } | { ok: false, error }`.
 * The envelope is checked field by field; `data` is typed by the contract
 * because the resolver validated and produced it (the UI has no schema of its own).
 */
// T only names the cast below; issue 16 item 4 replaces it with a parse against the contract's schema.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function unwrapEnvelope<T>(raw: unknown): T {
  if (!isRecord(raw) || typeof raw.ok !== 'boolean') {
    throw new ResolverCallError({ code: 'BAD_RESPONSE', message: 'The app sent an answer it does not understand. Try again.' });
  }
  if (raw.ok) {
    if (!('data' in raw)) throw new ResolverCallError({ code: 'BAD_RESPONSE', message: 'The app sent an empty answer. Try again.' });
    return raw.data as T;
  }
  const error = isRecord(raw.error) ? raw.error : {};
  const message = typeof error.message === 'string' && error.message.trim() !== '' ? error.message : 'Something went wrong.';
  throw new ResolverCallError({
    code: parseCode(error.code),
    message,
    fieldErrors: parseFieldErrors(error.fieldErrors),
    ...(typeof error.retryAfterSeconds === 'number' ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
  });
}

/** Turns anything thrown into the error the screens display. */
export function toCallError(error: unknown): ResolverCallError {
  if (error instanceof ResolverCallError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ResolverCallError({ code: 'NETWORK', message: `Could not reach Refinement Radar (${detail}).`, cause: error });
}
