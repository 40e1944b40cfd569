import {
  JiraBadRequestError,
  JiraForbiddenError,
  JiraInvalidResponseError,
  JiraNotFoundError,
  JiraRateLimitedError,
  JiraTimeoutError,
  JiraUnavailableError,
} from '../../../src/jira/errors';
import { logUnexpected, toErrorEnvelope } from '../../../src/resolvers/error-envelope';
import { InvalidStoreKeyError } from '../../../src/store/errors';
import { BadRequestError, ConflictError, MissingResourceError, PermissionDeniedError, ValidationError } from '../../../src/usecases/errors';

/** Something only internals would contain; it must never reach the browser. */
const SECRET_ENDPOINT = 'GET /rest/api/3/issue/SECRET-7';

describe('toErrorEnvelope: the app’s own errors keep their message', () => {
  it('maps a ValidationError to VALIDATION_FAILED with its field errors', () => {
    const fieldErrors = [{ path: 'settings.readyThreshold', message: 'Must be between 0 and 100.' }];
    expect(toErrorEnvelope(new ValidationError('The settings are not valid.', fieldErrors))).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'The settings are not valid.', fieldErrors },
    });
  });

  it.each([
    ['BAD_REQUEST', new BadRequestError('Nobody has voted yet.')],
    ['FORBIDDEN', new PermissionDeniedError('Only project admins can change these settings.')],
    ['NOT_FOUND', new MissingResourceError('This project has no scrum board.')],
    ['CONFLICT', new ConflictError('The votes are already revealed.')],
  ] as const)('maps to %s', (code, error) => {
    expect(toErrorEnvelope(error)).toEqual({ ok: false, error: { code, message: error.message } });
  });
});

describe('toErrorEnvelope: Jira’s errors get a message for people, not internals', () => {
  it.each([
    ['NOT_FOUND', new JiraNotFoundError({ endpoint: SECRET_ENDPOINT })],
    ['FORBIDDEN', new JiraForbiddenError({ endpoint: SECRET_ENDPOINT, status: 403 })],
    ['FORBIDDEN', new JiraForbiddenError({ endpoint: SECRET_ENDPOINT, status: 401 })],
    ['JIRA_UNAVAILABLE', new JiraUnavailableError({ endpoint: SECRET_ENDPOINT, status: 503, attempts: 3 })],
    ['JIRA_UNAVAILABLE', new JiraUnavailableError({ endpoint: SECRET_ENDPOINT, status: null, attempts: 3 })],
    ['JIRA_TIMEOUT', new JiraTimeoutError({ endpoint: SECRET_ENDPOINT, timeoutMs: 10_000, attempts: 1 })],
    ['INVALID_JIRA_RESPONSE', new JiraInvalidResponseError({ endpoint: SECRET_ENDPOINT, status: 200, problems: ['fields.customfield_10016: expected number'] })],
    ['BAD_REQUEST', new JiraBadRequestError({ endpoint: SECRET_ENDPOINT, status: 400, jiraMessage: 'Field cannot be set.' })],
  ] as const)('maps to %s without the endpoint or schema problems', (code, error) => {
    const envelope = toErrorEnvelope(error);
    expect(envelope.error.code).toBe(code);
    expect(envelope.error.message.length).toBeGreaterThan(0);
    expect(JSON.stringify(envelope)).not.toContain('SECRET-7');
    expect(JSON.stringify(envelope)).not.toContain('customfield_10016');
  });

  it('passes on how long Jira asked to wait', () => {
    const envelope = toErrorEnvelope(new JiraRateLimitedError({ endpoint: SECRET_ENDPOINT, retryAfterSeconds: 30, attempts: 4 }));
    expect(envelope.error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
    expect(envelope.error.message).toContain('30 seconds');
    expect(JSON.stringify(envelope)).not.toContain('SECRET-7');
  });

  it('omits the wait when Jira did not say', () => {
    const envelope = toErrorEnvelope(new JiraRateLimitedError({ endpoint: SECRET_ENDPOINT, retryAfterSeconds: null, attempts: 4 }));
    expect(envelope.error.code).toBe('RATE_LIMITED');
    expect(envelope.error).not.toHaveProperty('retryAfterSeconds');
    expect(envelope.error.message).toContain('a few seconds');
  });

  it('names a burst as Jira being busy, and a per-issue limit as that issue changing too often', () => {
    const burst = toErrorEnvelope(new JiraRateLimitedError({ endpoint: SECRET_ENDPOINT, retryAfterSeconds: 2, attempts: 4, limit: 'burst', reason: 'jira-burst-based' }));
    expect(burst.error).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 2, message: 'Jira is busy (too many requests at once). Try again in 2 seconds.' });
    const perIssue = toErrorEnvelope(new JiraRateLimitedError({ endpoint: SECRET_ENDPOINT, retryAfterSeconds: 1, attempts: 4, limit: 'per-issue-write', reason: 'jira-per-issue-on-write' }));
    expect(perIssue.error.message).toBe('Jira limits how often one issue can be changed, and this issue was changed many times just now. Try again in 1 second.');
  });

  it('names an exhausted hourly quota, whose site it is, and the wait in minutes', () => {
    const tenant = toErrorEnvelope(new JiraRateLimitedError({ endpoint: SECRET_ENDPOINT, retryAfterSeconds: 1790, attempts: 1, limit: 'quota', reason: 'jira-quota-tenant-based' }));
    expect(tenant.error).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 1790,
      message: 'Refinement Radar has used up its hourly allowance of Jira requests for this site. Try again in about 30 minutes.',
    });
    const global = toErrorEnvelope(new JiraRateLimitedError({ endpoint: SECRET_ENDPOINT, retryAfterSeconds: null, attempts: 1, limit: 'quota', reason: 'jira-quota-global-based' }));
    expect(global.error).toEqual({
      code: 'RATE_LIMITED',
      message: 'Refinement Radar has used up its hourly allowance of Jira requests (shared by every site that uses it). Try again later; it refills every hour.',
    });
  });

  it('tells a timeout, an outage and an unreachable Jira apart', () => {
    expect(toErrorEnvelope(new JiraTimeoutError({ endpoint: SECRET_ENDPOINT, timeoutMs: 10_000, attempts: 1 })).error.message).toMatch(/^Jira took too long to answer/);
    expect(toErrorEnvelope(new JiraUnavailableError({ endpoint: SECRET_ENDPOINT, status: 503, attempts: 4 })).error.message).toMatch(/server error/);
    expect(toErrorEnvelope(new JiraUnavailableError({ endpoint: SECRET_ENDPOINT, status: null, attempts: 4 })).error.message).toMatch(/^Jira could not be reached/);
  });

  it('keeps Jira’s own explanation of a rejected request', () => {
    expect(toErrorEnvelope(new JiraBadRequestError({ endpoint: SECRET_ENDPOINT, status: 400, jiraMessage: 'Field cannot be set.' })).error.message).toContain(
      'Field cannot be set.',
    );
  });
});

describe('toErrorEnvelope: anything else is INTERNAL and leaks nothing', () => {
  const SECRET = 'token=abc123 at /var/task/index.js';

  it.each([
    ['a plain Error', new Error(SECRET)],
    ['a TypeError', new TypeError(`Cannot read properties of undefined (${SECRET})`)],
    ['a store key error', new InvalidStoreKeyError({ part: 'issue id', value: SECRET })],
    ['a thrown string', SECRET],
    ['a thrown object', { message: SECRET, code: 'BAD_REQUEST' }],
    ['an impostor named like a typed error', Object.assign(new Error(SECRET), { name: 'BadRequestError' })],
    ['undefined', undefined],
  ])('maps %s to INTERNAL', (_name, error) => {
    const envelope = toErrorEnvelope(error);
    expect(envelope).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) as string } });
    expect(JSON.stringify(envelope)).not.toContain('abc123');
    expect(JSON.stringify(envelope)).not.toContain('/var/task');
  });

  it('keeps the cause out of the envelope', () => {
    const error = new JiraUnavailableError({ endpoint: SECRET_ENDPOINT, status: 502, attempts: 3, cause: new Error(SECRET) });
    expect(JSON.stringify(toErrorEnvelope(error))).not.toContain('abc123');
  });
});

describe('logUnexpected', () => {
  it('stays quiet about errors the user is told about', () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    logUnexpected(new BadRequestError('Nobody has voted yet.'), 'revealVotes');
    logUnexpected(new ValidationError('Invalid.', []), 'saveSettings');
    logUnexpected(new JiraNotFoundError({ endpoint: SECRET_ENDPOINT }), 'getReadiness');
    expect(log).not.toHaveBeenCalled();
  });

  it('logs unexpected errors once, with where they happened', () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    logUnexpected(new TypeError('x is undefined'), 'getAgenda');
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.join(' ')).toContain('getAgenda');
    expect(log.mock.calls[0]?.join(' ')).toContain('TypeError: x is undefined');
  });
});
