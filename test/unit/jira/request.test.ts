import { route } from '@forge/api';
import { z } from 'zod';
import {
  JiraBadRequestError,
  JiraForbiddenError,
  JiraInvalidResponseError,
  JiraNotFoundError,
  JiraRateLimitedError,
  JiraTimeoutError,
  JiraUnavailableError,
} from '../../../src/jira/errors';
import { createJiraClient, ignoredBody } from '../../../src/jira/request';
import { installFakeForgeFetch, jsonResponse, type FakeForge } from '../../support/fake-forge-fetch';

const myself = z.object({ accountId: z.string(), displayName: z.string() });
const ME = { accountId: 'u-1', displayName: 'Ana' };

let fake: FakeForge;
let waits: number[];
const sleep = (ms: number) => {
  waits.push(ms);
  return Promise.resolve();
};

beforeEach(() => {
  fake = installFakeForgeFetch();
  waits = [];
});
afterEach(() => fake.uninstall());

function client(options: { maxAttempts?: number; maxTotalWaitMs?: number; as?: 'user' | 'app' } = {}) {
  return createJiraClient({ as: options.as ?? 'user', sleep, random: () => 0.5, ...options });
}

describe('createJiraClient retries', () => {
  it('retries a 429 after the Retry-After seconds and then returns the parsed body', async () => {
    fake.queueJira('GET', '/rest/api/3/myself', jsonResponse(429, { errorMessages: ['slow down'] }, { 'Retry-After': '3' }));
    fake.onJira('GET', '/rest/api/3/myself', jsonResponse(200, ME));

    await expect(client().get(route`/rest/api/3/myself`, myself)).resolves.toEqual(ME);

    expect(fake.jiraRequests).toHaveLength(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(3000);
    expect(waits[0]).toBeLessThan(3500);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const now = Date.parse('2026-11-21T10:00:00Z');
    const retryAt = new Date(now + 5000).toUTCString();
    fake.queueJira('GET', '/rest/api/3/myself', jsonResponse(429, {}, { 'Retry-After': retryAt }));
    fake.onJira('GET', '/rest/api/3/myself', jsonResponse(200, ME));

    await createJiraClient({ as: 'user', sleep, random: () => 0, now: () => now }).get(route`/rest/api/3/myself`, myself);

    expect(waits).toEqual([5000]);
  });

  it('gives up on a persistent 503 after maxAttempts with JiraUnavailableError, backing off with bounded jitter', async () => {
    fake.onJira('GET', '/rest/api/3/myself', jsonResponse(503, { errorMessages: ['down'] }));

    const error: unknown = await client().get(route`/rest/api/3/myself`, myself).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(JiraUnavailableError);
    expect((error as JiraUnavailableError).status).toBe(503);
    expect(fake.jiraRequests).toHaveLength(4);
    // full jitter with random() = 0.5: half of 500, 1000, 2000 ms
    expect(waits).toEqual([250, 500, 1000]);
  });

  it('stops before the total wait budget is exceeded and reports how long Jira asked to wait', async () => {
    fake.onJira('GET', '/rest/api/3/myself', jsonResponse(429, {}, { 'Retry-After': '30' }));

    const error: unknown = await client().get(route`/rest/api/3/myself`, myself).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(JiraRateLimitedError);
    expect((error as JiraRateLimitedError).retryAfterSeconds).toBe(30);
    expect(fake.jiraRequests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('keeps the sum of waits under maxTotalWaitMs', async () => {
    fake.onJira('GET', '/rest/api/3/myself', jsonResponse(429, {}, { 'Retry-After': '8' }));

    await expect(client({ maxAttempts: 10 }).get(route`/rest/api/3/myself`, myself)).rejects.toBeInstanceOf(JiraRateLimitedError);

    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(20_000);
    expect(waits).toHaveLength(2);
  });

  it('shares one deadline across the requests of an invocation: no retry may end after it', async () => {
    let now = Date.parse('2026-11-21T10:00:00Z');
    const advancingSleep = (ms: number) => {
      waits.push(ms);
      now += ms;
      return Promise.resolve();
    };
    const shared = createJiraClient({ as: 'app', sleep: advancingSleep, random: () => 0, now: () => now, deadline: now + 5_000 });
    fake.queueJira('GET', '/rest/api/3/myself', jsonResponse(429, {}, { 'Retry-After': '3' }));
    fake.onJira('GET', '/rest/api/3/myself', jsonResponse(200, ME));
    await expect(shared.get(route`/rest/api/3/myself`, myself)).resolves.toEqual(ME);

    // 3 s of the 5 s are gone: the next request's 3 s wait would end past the deadline.
    fake.onJira('GET', '/rest/api/3/myself', jsonResponse(429, {}, { 'Retry-After': '3' }));
    await expect(shared.get(route`/rest/api/3/myself`, myself)).rejects.toBeInstanceOf(JiraRateLimitedError);

    expect(waits).toEqual([3000]);
    expect(fake.jiraRequests).toHaveLength(3);
  });

  it('retries when the Forge fetch itself throws, then reports Jira as unavailable', async () => {
    fake.onJira('GET', '/rest/api/3/myself', () => {
      throw new Error('socket hang up');
    });

    const error: unknown = await client({ maxAttempts: 2 }).get(route`/rest/api/3/myself`, myself).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(JiraUnavailableError);
    expect((error as JiraUnavailableError).status).toBeNull();
    expect(fake.jiraRequests).toHaveLength(2);
  });
});

/**
 * The header combinations of developer.atlassian.com/cloud/jira/platform/rate-limiting ("Rate limit
 * responses") and …/build-an-app-that-respects-rate-limits ("The limits your app has to handle").
 */
describe('createJiraClient under rate limits as Jira sends them', () => {
  const NOW = Date.parse('2026-11-21T10:00:50Z');
  const at = (options: { maxAttempts?: number } = {}) => createJiraClient({ as: 'app', sleep, random: () => 0, now: () => NOW, ...options });
  const tooMany = (headers: Record<string, string>) => jsonResponse(429, { errorMessages: ['Rate limit exceeded.'], errors: {} }, headers);
  const caught = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

  it.each([
    ['jira-burst-based', 'burst'],
    ['jira-per-issue-on-write', 'per-issue-write'],
  ])('retries a %s 429 after its Retry-After', async (reason) => {
    fake.queueJira('GET', '/rest/api/3/myself', tooMany({ 'Retry-After': '2', 'RateLimit-Reason': reason, 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0' }));
    fake.onJira('GET', '/rest/api/3/myself', jsonResponse(200, ME));

    await expect(at().get(route`/rest/api/3/myself`, myself)).resolves.toEqual(ME);

    expect(fake.jiraRequests).toHaveLength(2);
    expect(waits).toEqual([2000]);
  });

  it('waits until X-RateLimit-Reset (yyyy-MM-ddTHH:mmZ) when Retry-After is missing', async () => {
    fake.queueJira('GET', '/rest/api/3/myself', tooMany({ 'X-RateLimit-Reset': '2026-11-21T10:01Z', 'RateLimit-Reason': 'jira-burst-based' }));
    fake.onJira('GET', '/rest/api/3/myself', jsonResponse(200, ME));

    await expect(at().get(route`/rest/api/3/myself`, myself)).resolves.toEqual(ME);

    expect(waits).toEqual([10_000]);
  });

  it('prefers Retry-After over X-RateLimit-Reset when both are sent', async () => {
    fake.queueJira('GET', '/rest/api/3/myself', tooMany({ 'Retry-After': '1', 'X-RateLimit-Reset': '2026-11-21T10:01Z', 'RateLimit-Reason': 'jira-burst-based' }));
    fake.onJira('GET', '/rest/api/3/myself', jsonResponse(200, ME));

    await at().get(route`/rest/api/3/myself`, myself);

    expect(waits).toEqual([1000]);
  });

  it('falls back to jittered backoff when neither header says how long (or the reset already passed)', async () => {
    fake.queueJira(
      'GET',
      '/rest/api/3/myself',
      tooMany({}),
      // Minute precision: a reset seconds away can already read as past.
      tooMany({ 'X-RateLimit-Reset': '2026-11-21T10:00Z', 'RateLimit-Reason': 'jira-burst-based' }),
    );
    fake.onJira('GET', '/rest/api/3/myself', jsonResponse(200, ME));

    await createJiraClient({ as: 'app', sleep, random: () => 0.5, now: () => NOW }).get(route`/rest/api/3/myself`, myself);

    expect(waits).toEqual([250, 500]);
    expect(fake.jiraRequests).toHaveLength(3);
  });

  it.each([
    ['jira-quota-tenant-based', { 'Retry-After': '1800' }, 1800],
    ['jira-quota-global-based', { 'Retry-After': '2' }, 2],
    ['jira-quota-tenant-based', { 'X-RateLimit-Reset': '2026-11-21T11:00Z' }, 3550],
    ['jira-quota-tenant-based', {}, null],
  ] as const)('fails fast on a %s 429 after one attempt, carrying the wait (%j)', async (reason, headers, seconds) => {
    fake.onJira('GET', '/rest/api/3/myself', tooMany({ ...headers, 'RateLimit-Reason': reason }));

    const error = await caught(at({ maxAttempts: 10 }).get(route`/rest/api/3/myself`, myself));

    expect(error).toBeInstanceOf(JiraRateLimitedError);
    const limited = error as JiraRateLimitedError;
    expect({ limit: limited.limit, isQuota: limited.isQuota, reason: limited.reason, wait: limited.retryAfterSeconds, attempts: limited.attempts }).toEqual({
      limit: 'quota',
      isQuota: true,
      reason,
      wait: seconds,
      attempts: 1,
    });
    expect(fake.jiraRequests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('gives up on a burst whose Retry-After does not fit the budget, saying which limit and how long', async () => {
    fake.onJira('GET', '/rest/api/3/myself', tooMany({ 'Retry-After': '45', 'RateLimit-Reason': 'jira-burst-based' }));

    const error = await caught(at().get(route`/rest/api/3/myself`, myself));

    expect(error).toBeInstanceOf(JiraRateLimitedError);
    expect(error).toMatchObject({ limit: 'burst', retryAfterSeconds: 45, isQuota: false });
    expect(fake.jiraRequests).toHaveLength(1);
  });

  it('keeps retrying a burst only until maxAttempts, then reports it as a burst', async () => {
    fake.onJira('GET', '/rest/api/3/myself', tooMany({ 'Retry-After': '1', 'RateLimit-Reason': 'jira-burst-based' }));

    const error = await caught(at({ maxAttempts: 3 }).get(route`/rest/api/3/myself`, myself));

    expect(error).toMatchObject({ limit: 'burst', retryAfterSeconds: 1, attempts: 3 });
    expect(waits).toEqual([1000, 1000]);
  });

  it('reads a 429 without RateLimit-Reason as unspecified and still retries it', async () => {
    fake.onJira('GET', '/rest/api/3/myself', tooMany({ 'Retry-After': '1' }));

    const error = await caught(at({ maxAttempts: 2 }).get(route`/rest/api/3/myself`, myself));

    expect(error).toMatchObject({ limit: 'unspecified', reason: null, attempts: 2 });
  });

  it('honours Retry-After on a 503 too', async () => {
    fake.queueJira('GET', '/rest/api/3/myself', jsonResponse(503, { errorMessages: ['busy'] }, { 'Retry-After': '4' }));
    fake.onJira('GET', '/rest/api/3/myself', jsonResponse(200, ME));

    await at().get(route`/rest/api/3/myself`, myself);

    expect(waits).toEqual([4000]);
  });
});

describe('createJiraClient time limits', () => {
  afterEach(() => jest.useRealTimers());

  it('answers JiraTimeoutError when one attempt outlives requestTimeoutMs, without sending it again', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    fake.onJira('PUT', '/rest/api/3/issue/DEMO-1', () => new Promise<Response>(() => undefined));

    const pending = createJiraClient({ as: 'app', sleep, requestTimeoutMs: 5_000 })
      .put(route`/rest/api/3/issue/${'DEMO-1'}`, ignoredBody, { fields: {} })
      .catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(5_000);
    const error = await pending;

    expect(error).toBeInstanceOf(JiraTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 5_000, attempts: 1, endpoint: 'PUT /rest/api/3/issue/DEMO-1' });
    expect(fake.jiraRequests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('treats a timeout raised by the runtime fetch the same way', async () => {
    fake.onJira('GET', '/rest/api/3/myself', () => {
      throw Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    });

    const error: unknown = await client().get(route`/rest/api/3/myself`, myself).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(JiraTimeoutError);
    expect(fake.jiraRequests).toHaveLength(1);
  });

  it('clears its timer when Jira answers in time', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    fake.onJira('GET', '/rest/api/3/myself', jsonResponse(200, ME));

    await expect(createJiraClient({ as: 'app', sleep, requestTimeoutMs: 5_000 }).get(route`/rest/api/3/myself`, myself)).resolves.toEqual(ME);

    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('createJiraClient status mapping and validation', () => {
  it.each([
    [404, JiraNotFoundError],
    [403, JiraForbiddenError],
    [401, JiraForbiddenError],
  ])('maps %i to a typed error without retrying', async (status, errorClass) => {
    fake.onJira('GET', '/rest/api/3/issue/DEMO-1', jsonResponse(status, { errorMessages: ['nope'] }));

    await expect(client().get(route`/rest/api/3/issue/${'DEMO-1'}`, ignoredBody)).rejects.toBeInstanceOf(errorClass);
    expect(fake.jiraRequests).toHaveLength(1);
  });

  it("turns a 400 into JiraBadRequestError carrying Jira's own messages", async () => {
    fake.onJira(
      'POST',
      '/rest/api/3/search/jql',
      jsonResponse(400, { errorMessages: ["The value 'NOPE' does not exist for the field 'project'."], errors: { jql: 'bad' } }),
    );

    const error: unknown = await client().post(route`/rest/api/3/search/jql`, ignoredBody, { jql: 'project = NOPE' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(JiraBadRequestError);
    expect((error as JiraBadRequestError).jiraMessage).toBe("The value 'NOPE' does not exist for the field 'project'.; jql: bad");
  });

  it('raises JiraInvalidResponseError naming the endpoint and the mismatched paths when a body fails its schema', async () => {
    fake.onJira('GET', '/rest/api/3/myself', jsonResponse(200, { accountId: 42 }));

    const error: unknown = await client().get(route`/rest/api/3/myself?expand=${'groups'}`, myself).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(JiraInvalidResponseError);
    const invalid = error as JiraInvalidResponseError;
    expect(invalid.endpoint).toBe('GET /rest/api/3/myself');
    expect(invalid.problems.join(' ')).toMatch(/accountId/);
    expect(invalid.problems.join(' ')).toMatch(/displayName/);
    // The zod error is kept as the cause.
    expect(invalid.cause).toBeInstanceOf(z.ZodError);
  });

  it('raises JiraInvalidResponseError for a 200 whose body is not JSON', async () => {
    fake.onJira('GET', '/rest/api/3/myself', new Response('<html>proxy</html>', { status: 200 }));

    await expect(client().get(route`/rest/api/3/myself`, myself)).rejects.toBeInstanceOf(JiraInvalidResponseError);
  });

  it('accepts a 204 without a body where the endpoint returns nothing', async () => {
    fake.onJira('PUT', '/rest/api/3/issue/DEMO-1', jsonResponse(204));

    await expect(client().put(route`/rest/api/3/issue/${'DEMO-1'}`, ignoredBody, { fields: {} })).resolves.toBeUndefined();
    expect(fake.jiraRequests[0]!.body).toEqual({ fields: {} });
  });

  it('sends as the user or as the app', async () => {
    fake.onJira('GET', '/rest/api/3/myself', jsonResponse(200, ME));

    await client({ as: 'user' }).get(route`/rest/api/3/myself`, myself);
    await client({ as: 'app' }).get(route`/rest/api/3/myself`, myself);

    expect(fake.jiraRequests.map((request) => request.meta.provider)).toEqual(['user', 'app']);
  });
});
