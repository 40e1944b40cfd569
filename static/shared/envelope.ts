import { z } from '../../src/contract/zod';
import { ERROR_CODES, type Envelope, type ErrorCode, type FieldError } from '../../src/contract';

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

const GENERIC_MESSAGE = 'Something went wrong.';

const fieldError = z.object({ path: z.string(), message: z.string() });

/**
 * The resolver envelope as the UI accepts it (src/contract/envelope.ts): `{ ok: true, data }` or
 * `{ ok: false, error }`. The error part is read leniently, field by field, so a newer resolver's
 * code or a malformed field error still reaches the screen as an error, never as a crash: an
 * unknown code reads INTERNAL, a blank message the generic one, malformed field errors are dropped.
 */
const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z
      .object({
        code: z.enum(ERROR_CODES).catch('INTERNAL'),
        message: z.string().refine((text) => text.trim() !== '').catch(GENERIC_MESSAGE),
        fieldErrors: z
          .array(z.unknown())
          .catch([])
          .transform((items) => items.flatMap((item) => { const parsed = fieldError.safeParse(item); return parsed.success ? [parsed.data] : []; })),
        retryAfterSeconds: z.number().nonnegative().optional().catch(undefined),
      })
      .catch({ code: 'INTERNAL', message: GENERIC_MESSAGE, fieldErrors: [], retryAfterSeconds: undefined }),
  }),
]);

/**
 * Checks that `raw` is an envelope. Returns for `{ ok: true, data }`; throws the screens' error for
 * `{ ok: false }` (its code, message and field errors) and BAD_RESPONSE for anything else.
 */
export function parseEnvelope(raw: unknown): void {
  const parsed = envelopeSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ResolverCallError({ code: 'BAD_RESPONSE', message: 'The app sent an answer it does not understand. Try again.', cause: parsed.error });
  }
  if (parsed.data.ok) return;
  const { code, message, fieldErrors, retryAfterSeconds } = parsed.data.error;
  throw new ResolverCallError({ code, message, fieldErrors, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
}

/**
 * The data of a resolver answer. `T` is what the caller declared for this resolver (the contract's
 * result type, see ./api.ts); the envelope around it is checked with zod, `data` itself is not:
 * a schema per result would duplicate the contract, and the resolver built it from that contract.
 */
export function unwrapEnvelope<T>(answer: Envelope<T>): T {
  parseEnvelope(answer);
  if (answer.ok) return answer.data;
  throw new ResolverCallError({ code: 'BAD_RESPONSE', message: 'The app sent an answer it does not understand. Try again.' });
}

/** Turns anything thrown into the error the screens display. */
export function toCallError(error: unknown): ResolverCallError {
  if (error instanceof ResolverCallError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ResolverCallError({ code: 'NETWORK', message: `Could not reach Refinement Radar (${detail}).`, cause: error });
}
