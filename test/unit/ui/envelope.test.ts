import { parseEnvelope, ResolverCallError, toCallError, unwrapEnvelope } from '../../../static/shared/envelope';

function caught(fn: () => unknown): ResolverCallError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ResolverCallError) return error;
    throw error;
  }
  throw new Error('expected a ResolverCallError');
}

describe('unwrapEnvelope', () => {
  it('returns data of an ok envelope', () => {
    expect(unwrapEnvelope<{ score: number }>({ ok: true, data: { score: 86 } })).toEqual({ score: 86 });
  });

  it('throws the resolver code, message and field errors', () => {
    const error = caught(() =>
      parseEnvelope({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: 'Some settings are not valid.', fieldErrors: [{ path: 'settings.readyThreshold', message: 'Must be 0–100' }, { bogus: 1 }] },
      }),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('Some settings are not valid.');
    expect(error.fieldErrors).toEqual([{ path: 'settings.readyThreshold', message: 'Must be 0–100' }]);
  });

  it('keeps retryAfterSeconds for rate limits', () => {
    const error = caught(() => unwrapEnvelope<number>({ ok: false, error: { code: 'RATE_LIMITED', message: 'Busy', retryAfterSeconds: 7 } }));
    expect(error.retryAfterSeconds).toBe(7);
  });

  it('maps an unknown code to INTERNAL and an empty message to a generic one', () => {
    const error = caught(() => parseEnvelope({ ok: false, error: { code: 'WHAT', message: '  ' } }));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe('Something went wrong.');
  });

  it.each([null, 'text', 42, [], { data: 1 }, { ok: 'yes' }])('rejects a non-envelope %p as BAD_RESPONSE', (raw) => {
    expect(caught(() => parseEnvelope(raw)).code).toBe('BAD_RESPONSE');
  });

  it('rejects an ok envelope without data', () => {
    expect(caught(() => parseEnvelope({ ok: true })).code).toBe('BAD_RESPONSE');
  });

  it('reads an error part that is no object as INTERNAL, and drops a negative retryAfterSeconds', () => {
    expect(caught(() => parseEnvelope({ ok: false, error: 'boom' }))).toMatchObject({ code: 'INTERNAL', message: 'Something went wrong.', fieldErrors: [] });
    expect(caught(() => parseEnvelope({ ok: false, error: { code: 'RATE_LIMITED', message: 'Busy', retryAfterSeconds: -3 } })).retryAfterSeconds).toBeUndefined();
  });

  it('accepts an ok envelope whose data is null (parseEnvelope returns, unwrapEnvelope gives the data)', () => {
    expect(() => parseEnvelope({ ok: true, data: null })).not.toThrow();
    expect(unwrapEnvelope<null>({ ok: true, data: null })).toBeNull();
  });
});

describe('toCallError', () => {
  it('passes a ResolverCallError through', () => {
    const original = new ResolverCallError({ code: 'FORBIDDEN', message: 'No' });
    expect(toCallError(original)).toBe(original);
  });

  it('wraps anything else as NETWORK, keeping the cause', () => {
    const cause = new Error('bridge gone');
    const error = toCallError(cause);
    expect(error.code).toBe('NETWORK');
    expect(error.message).toContain('bridge gone');
    expect(error.cause).toBe(cause);
  });
});
