import { asApp, route } from '@forge/api';
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
    expect(limited.headers.get('ratelimit-reason')).toBe('jira-quota-tenant-based');
    expect((await getIssue()).status).toBe(200);
    expect(env.faults.injected().rateLimited).toBe(1);
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

  it('rewrites bodies to malformed shapes and adds latency', async () => {
    env.faults.set({
      latencyMs: 30,
      malformed: {
        pathPattern: /DEMO-5/,
        mutate: (body) => (typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, fields: { summary: 42 } } : body),
      },
    });
    const started = Date.now();
    const body: unknown = await (await getIssue()).json();
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(body).toMatchObject({ fields: { summary: 42 } });
    env.faults.clear();
    expect(await (await getIssue()).json()).toMatchObject({ fields: { summary: 'Show saved cards at checkout' } });
  });
});
