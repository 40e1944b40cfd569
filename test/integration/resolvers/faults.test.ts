/**
 * How the resolvers behave when Jira misbehaves (rate limits, 5xx, odd bodies, latency), using
 * the sandbox's fault injection on the real handlers. Retries honour Retry-After in real time,
 * so Retry-After stays at 1 s.
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
      const started = Date.now();
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
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    },
    SLOW,
  );

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
      const started = Date.now();
      const result = dataOf(await call({ env, key: 'getReadiness', as: { accountId: 'raj', issueKey: 'DEMO-7' } }));
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(result).toMatchObject({ issueKey: 'DEMO-7', ready: false });
    },
    SLOW,
  );
});
