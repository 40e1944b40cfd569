import { asApp, route } from '@forge/api';
import type { FaultConfig } from '../../../sandbox/forge/faults';
import { setupSandbox } from '../../support/sandbox-env';

const getIssue = () => asApp().requestJira(route`/rest/api/3/issue/${'DEMO-5'}?fields=summary`);

describe('fault injection', () => {
  const env = setupSandbox({ loadApp: () => Promise.resolve({}) });

  it('answers every n-th request with 429 and a Retry-After header', async () => {
    env.faults.set({ rateLimit: { every: 2, retryAfterSeconds: 3 } });
    expect((await getIssue()).status).toBe(200);
    const limited = await getIssue();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    expect((await getIssue()).status).toBe(200);
    expect(env.faults.injected().rateLimited).toBe(1);
  });

  /** Header combinations of developer.atlassian.com/cloud/jira/platform/rate-limiting ("Rate limit responses"). */
  describe('429 headers', () => {
    const NOW = Date.parse('2026-11-21T10:00:20Z');
    const headersOf = async (rateLimit: FaultConfig['rateLimit']) => {
      env.faults.setClock(() => NOW);
      env.faults.set({ rateLimit });
      const response = await getIssue();
      env.faults.setClock(env.time.now);
      expect(response.status).toBe(429);
      const names = ['retry-after', 'ratelimit-reason', 'x-ratelimit-reset', 'x-ratelimit-limit', 'x-ratelimit-remaining'] as const;
      return Object.fromEntries(names.map((name) => [name, response.headers.get(name)]));
    };

    it('burst: Retry-After, the reason, and X-RateLimit-Reset to the minute (yyyy-MM-ddTHH:mmZ)', async () => {
      expect(await headersOf({ every: 1, retryAfterSeconds: 50 })).toEqual({
        'retry-after': '50',
        'ratelimit-reason': 'jira-burst-based',
        'x-ratelimit-reset': '2026-11-21T10:01Z',
        'x-ratelimit-limit': '1',
        'x-ratelimit-remaining': '0',
      });
    });

    it('quota: the tenant or global quota reason', async () => {
      expect(await headersOf({ every: 1, reason: 'jira-quota-tenant-based', retryAfterSeconds: 1800 })).toMatchObject({
        'retry-after': '1800',
        'ratelimit-reason': 'jira-quota-tenant-based',
        'x-ratelimit-reset': '2026-11-21T10:30Z',
      });
      expect((await headersOf({ every: 1, reason: 'jira-quota-global-based', retryAfterSeconds: 60 }))['ratelimit-reason']).toBe('jira-quota-global-based');
    });

    it('X-RateLimit-Reset without Retry-After, and a bare 429 with neither', async () => {
      expect(await headersOf({ every: 1, retryAfterSeconds: null, resetAfterSeconds: 120 })).toMatchObject({ 'retry-after': null, 'x-ratelimit-reset': '2026-11-21T10:02Z' });
      expect(await headersOf({ every: 1, retryAfterSeconds: null })).toMatchObject({ 'retry-after': null, 'x-ratelimit-reset': null, 'ratelimit-reason': 'jira-burst-based' });
    });
  });

  it('limits bursts per second', async () => {
    env.faults.set({ rateLimit: { burst: 3, retryAfterSeconds: 1 } });
    const statuses = await Promise.all(Array.from({ length: 5 }, async () => (await getIssue()).status));
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
  });

  it('answers 503 a given number of times on matching paths only', async () => {
    env.faults.set({ serverError: { status: 503, count: 2, pathPattern: /\/issue\// } });
    expect((await getIssue()).status).toBe(503);
    expect((await asApp().requestJira(route`/rest/api/3/field`)).status).toBe(200);
    expect((await getIssue()).status).toBe(503);
    expect((await getIssue()).status).toBe(200);
  });

  it('lets a lost-answer write land and then answers it with 503, for the given method only', async () => {
    const comment = { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'stored anyway' }] }] } };
    const countComments = () => {
      const fields = env.jira.issueSnapshot('DEMO-5')?.fields;
      const page = typeof fields === 'object' && fields !== null && !Array.isArray(fields) ? fields.comment : undefined;
      const comments = typeof page === 'object' && page !== null && !Array.isArray(page) ? page.comments : undefined;
      return Array.isArray(comments) ? comments.length : -1;
    };
    const before = countComments();
    env.faults.set({ lostAnswer: { status: 503, count: 1, method: 'POST', pathPattern: /\/comment$/ } });
    expect((await asApp().requestJira(route`/rest/api/3/issue/${'DEMO-5'}/comment`)).status).toBe(200);
    const lost = await asApp().requestJira(route`/rest/api/3/issue/${'DEMO-5'}/comment`, { method: 'POST', body: JSON.stringify(comment), headers: { 'Content-Type': 'application/json' } });
    expect(lost.status).toBe(503);
    expect(countComments()).toBe(before + 1);
    const answered = await asApp().requestJira(route`/rest/api/3/issue/${'DEMO-5'}/comment`, { method: 'POST', body: JSON.stringify(comment), headers: { 'Content-Type': 'application/json' } });
    expect(answered.status).toBe(201);
    expect(countComments()).toBe(before + 2);
    expect(env.faults.injected().lostAnswers).toBe(1);
  });

  it('rewrites bodies to malformed shapes and adds latency', async () => {
    env.faults.set({
      latencyMs: 30,
      malformed: {
        pathPattern: /DEMO-5/,
        mutate: (body) => (typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, fields: { summary: 42 } } : body),
      },
    });
    // Latency waits on the sandbox clock (env.time, virtual here): the wait is counted, not felt.
    const sleptBefore = env.time.slept();
    const body: unknown = await (await getIssue()).json();
    expect(env.time.slept() - sleptBefore).toBe(30);
    expect(body).toMatchObject({ fields: { summary: 42 } });
    env.faults.clear();
    const sleptAfterClear = env.time.slept();
    expect(await (await getIssue()).json()).toMatchObject({ fields: { summary: 'Show saved cards at checkout' } });
    expect(env.time.slept()).toBe(sleptAfterClear);
  });
});
