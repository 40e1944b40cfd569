/**
 * How the resolvers behave when Jira misbehaves (rate limits, 5xx, odd bodies, latency), using
 * the sandbox's fault injection on the real handlers. Retries honour Retry-After on the sandbox's
 * virtual clock (`env.time`), which counts every wait without really sleeping.
 */
import type { Json, JsonObject } from '../../../sandbox/jira/model';
import { setupSandbox } from '../../support/sandbox-env';
import { isJsonObject } from '../sandbox/emulator-helpers';
import { call, callCount, dataOf, errorOf, issueIdOf, ISSUE_GET } from './resolver-helpers';

const SLOW = 20_000;

function withFields(body: Json, change: (fields: JsonObject) => JsonObject): Json {
  return isJsonObject(body) && isJsonObject(body.fields) ? { ...body, fields: change(body.fields) } : body;
}

function withoutIssues(body: Json): Json {
  if (!isJsonObject(body)) return body;
  const { issues: _issues, ...rest } = body;
  return rest;
}

describe('resolvers under Jira faults', () => {
  const env = setupSandbox();
  /** Only the issue GET of DEMO-5 (the app reads issues by id, with a query string). */
  const demo5Get = () => new RegExp(`/rest/api/3/issue/${issueIdOf({ env, key: 'DEMO-5' })}\\?`);

  beforeAll(async () => {
    // Warm the field cache so each test's faults hit the calls it means to.
    dataOf(await call({ env, key: 'getReadiness', as: { accountId: 'ana', issueKey: 'DEMO-5' } }));
  });

  it(
    'a 429 with Retry-After is retried and succeeds',
    async () => {
      env.faults.set({ rateLimit: { burst: 1, retryAfterSeconds: 1, pathPattern: demo5Get() } });
      env.sandbox.resetCounters();
      const started = env.time.now();
      // Two panels open at the same moment: the second issue read exceeds the burst limit.
      const [forAna, forRaj] = await Promise.all([
        call({ env, key: 'getReadiness', as: { accountId: 'ana', issueKey: 'DEMO-5' } }),
        call({ env, key: 'getReadiness', as: { accountId: 'raj', issueKey: 'DEMO-5' } }),
      ]);
      expect(dataOf(forAna).issueKey).toBe('DEMO-5');
      expect(dataOf(forRaj).issueKey).toBe('DEMO-5');
      expect(env.faults.injected().rateLimited).toBe(1);
      // Two reads plus one retry, and the retry waited for Retry-After.
      expect(callCount({ env, template: ISSUE_GET })).toBe(3);
      expect(env.time.now() - started).toBeGreaterThanOrEqual(1000);
    },
    SLOW,
  );

  it('an exhausted quota is not retried: RATE_LIMITED names the hourly allowance and the wait', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    env.faults.set({ rateLimit: { every: 1, reason: 'jira-quota-tenant-based', retryAfterSeconds: 1500, pathPattern: demo5Get() } });
    env.sandbox.resetCounters();
    const slept = env.time.slept();

    const error = errorOf(await call({ env, key: 'getReadiness', as: { accountId: 'ana', issueKey: 'DEMO-5' } }));

    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1500 });
    expect(error.message).toBe('Refinement Radar has used up its hourly allowance of Jira requests for this site. Try again in about 25 minutes.');
    expect(callCount({ env, template: ISSUE_GET })).toBe(1);
    expect(env.time.slept()).toBe(slept);
    errors.mockRestore();
  });

  it('a burst 429 with X-RateLimit-Reset but no Retry-After is retried and succeeds', async () => {
    // Minute precision: the reset reads as up to 15 s ahead, or as past (then the backoff decides).
    env.faults.set({ rateLimit: { every: 2, retryAfterSeconds: null, resetAfterSeconds: 15, pathPattern: demo5Get() } });
    env.sandbox.resetCounters();

    const [first, second] = await Promise.all([
      call({ env, key: 'getReadiness', as: { accountId: 'ana', issueKey: 'DEMO-5' } }),
      call({ env, key: 'getReadiness', as: { accountId: 'raj', issueKey: 'DEMO-5' } }),
    ]);

    expect([dataOf(first).issueKey, dataOf(second).issueKey]).toEqual(['DEMO-5', 'DEMO-5']);
    expect(callCount({ env, template: ISSUE_GET })).toBe(3);
  });

  it(
    'a persistent 5xx ends in a typed error in the envelope, not an unhandled exception',
    async () => {
      const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      env.faults.set({ serverError: { status: 503, count: 'always' } });
      const before = env.faults.injected().serverErrors;
      const envelope = await call({ env, key: 'getReadiness', as: { accountId: 'ana', issueKey: 'DEMO-5' } });
      const error = errorOf(envelope);
      expect(error.code).toBe('JIRA_UNAVAILABLE');
      expect(error.message).toMatch(/Jira/);
      expect(error.message).not.toMatch(/Error|\/rest\/|503|stack|at /);
      // It retried before giving up.
      expect(env.faults.injected().serverErrors - before).toBeGreaterThan(1);
      errors.mockRestore();
    },
    SLOW,
  );

  it(
    'recovers from a single 500',
    async () => {
      env.faults.set({ serverError: { status: 500, count: 1, pathPattern: demo5Get() } });
      const before = env.faults.injected().serverErrors;
      const result = dataOf(await call({ env, key: 'getReadiness', as: { accountId: 'ana', issueKey: 'DEMO-5' } }));
      expect(result).toMatchObject({ issueKey: 'DEMO-5', ready: true });
      expect(env.faults.injected().serverErrors - before).toBe(1);
    },
    SLOW,
  );

  it('answers with what it could read when an issue body has malformed fields', async () => {
    env.faults.set({
      malformed: {
        pathPattern: demo5Get(),
        mutate: (body) => withFields(body, (fields) => ({ ...fields, summary: 42, issuelinks: 'oops', description: { type: 'doc', content: 'x' } })),
      },
    });
    const result = dataOf(await call({ env, key: 'getReadiness', as: { accountId: 'ana', issueKey: 'DEMO-5' } }));
    expect(env.faults.injected().malformed).toBeGreaterThan(0);
    expect(result.issueKey).toBe('DEMO-5');
    expect(typeof result.summary).toBe('string');
    // The readable fields still count; the unreadable description counts as missing.
    expect(result.estimate).toBe(5);
    expect(result.criteria.find((criterion) => criterion.id === 'description')?.status).toBe('fail');
    expect(result.criteria.find((criterion) => criterion.id === 'dependencies')?.status).toBe('pass');
  });

  it('turns a body missing its issues list into INVALID_JIRA_RESPONSE', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    env.faults.set({ malformed: { pathPattern: /\/rest\/agile\/1\.0\/(board\/\d+\/backlog|sprint\/\d+\/issue)/, mutate: withoutIssues } });
    const error = errorOf(await call({ env, key: 'getAgenda', as: { accountId: 'ana', projectKey: 'DEMO' } }));
    expect(error.code).toBe('INVALID_JIRA_RESPONSE');
    expect(error.message).not.toMatch(/issues:|expected array/);
    errors.mockRestore();
  });

  it('turns a search/jql answer without issues into INVALID_JIRA_RESPONSE', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    // SEC has no scrum board, so its agenda walks the rank order through search/jql.
    expect(dataOf(await call({ env, key: 'getAgenda', as: { accountId: 'ana', projectKey: 'SEC' } })).boardId).toBeNull();
    env.faults.set({ malformed: { pathPattern: /\/rest\/api\/3\/search\/jql/, mutate: withoutIssues } });
    const error = errorOf(await call({ env, key: 'getAgenda', as: { accountId: 'ana', projectKey: 'SEC' } }));
    expect(error.code).toBe('INVALID_JIRA_RESPONSE');
    errors.mockRestore();
  });

  it(
    'stays correct with slow responses (300 ms per Jira call)',
    async () => {
      env.faults.set({ latencyMs: 300 });
      env.sandbox.resetCounters();
      const sleptBefore = env.time.slept();
      const result = dataOf(await call({ env, key: 'getReadiness', as: { accountId: 'raj', issueKey: 'DEMO-7' } }));
      expect(result).toMatchObject({ issueKey: 'DEMO-7', ready: false });
      // Every Jira call of the invocation really met the latency (on the virtual clock), and none
      // was retried or given up on because of it.
      const jiraCalls = Object.values(env.sandbox.jiraCalls()).reduce((sum, count) => sum + count, 0);
      expect(callCount({ env, template: ISSUE_GET })).toBe(1);
      expect(env.time.slept() - sleptBefore).toBe(300 * jiraCalls);
    },
    SLOW,
  );
});
