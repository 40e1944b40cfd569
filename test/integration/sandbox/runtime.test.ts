import { asApp, asUser, route } from '@forge/api';
import Resolver from '@forge/resolver';
import { z } from 'zod';
import { setupSandbox } from '../../support/sandbox-env';

const myselfSchema = z.object({ accountId: z.string(), displayName: z.string() });

/** A stand-in app: one resolver and one trigger, written like the real ones. */
const seenEvents: { eventType: unknown; principal: unknown }[] = [];
const fakeApp = {
  resolver: new Resolver()
    .define('whoami', async ({ context }) => {
      // Yield a few times so concurrent invocations interleave.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
      const response = await asUser().requestJira(route`/rest/api/3/myself`);
      const me = myselfSchema.parse(await response.json());
      return { fromContext: String(context.accountId), fromJira: me.accountId, extension: context.extension as unknown };
    })
    .define('labelIt', async () => {
      await asApp().requestJira(route`/rest/api/3/issue/DEMO-7`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ update: { labels: [{ add: 'not-ready' }] } }) });
      return { ok: true };
    })
    .getDefinitions(),
  onIssueChanged: async (event: { eventType: unknown }, context: { principal: unknown }) => {
    seenEvents.push({ eventType: event.eventType, principal: context.principal });
    // A trigger's own writes must not come back to it (ignoreSelf).
    await asApp().requestJira(route`/rest/api/3/issue/${'DEMO-9'}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ update: { labels: [{ add: 'seen' }] } }) });
  },
  onIssueLinkChanged: () => Promise.resolve(),
  onSprintChanged: () => Promise.resolve(),
  rescoreDaily: async () => {
    const response = await asUser().requestJira(route`/rest/api/3/myself`);
    seenEvents.push({ eventType: 'scheduled', principal: response.status });
  },
};

describe('Forge runtime emulation', () => {
  const env = setupSandbox({ loadApp: () => Promise.resolve(fakeApp) });

  beforeEach(() => {
    seenEvents.length = 0;
  });

  it('gives each concurrent invocation its own user for asUser() calls', async () => {
    const users = ['ana', 'raj', 'mei', 'tom', ...Array.from({ length: 20 }, (_, i) => `dev${String(i + 1).padStart(2, '0')}`)];
    const results = await Promise.all(users.map((user) => env.invoke<{ fromContext: string; fromJira: string }>('whoami', {}, { accountId: user, issueKey: 'DEMO-5' })));
    results.forEach((result, index) => {
      const expected = env.sandbox.accountId(users[index]!);
      expect(result.fromContext).toBe(expected);
      expect(result.fromJira).toBe(expected);
    });
  });

  it('builds the trusted Forge context for the module', async () => {
    const panel = await env.invoke<{ extension: unknown }>('whoami', {}, { accountId: 'ana', issueKey: 'DEMO-5' });
    expect(panel.extension).toEqual({ type: 'jira:issuePanel', issue: { id: expect.any(String) as unknown, key: 'DEMO-5', type: 'Story', typeId: '10001' }, project: { id: '10000', key: 'DEMO', type: 'software' }, isNewToIssue: false });
    const page = await env.invoke<{ extension: unknown }>('whoami', {}, { accountId: 'ana', projectKey: 'DEMO' });
    expect(page.extension).toEqual({ type: 'jira:projectPage', project: { id: '10000', key: 'DEMO', type: 'software' } });
  });

  it('delivers human changes to triggers and suppresses the app’s own writes (ignoreSelf)', async () => {
    const delivered = env.sandbox.deliveredEvents.length;
    const suppressed = env.sandbox.suppressedEvents.length;
    env.jira.editIssue('DEMO-7', { summary: 'Improve the checkout conversion' }, 'ana');
    expect(seenEvents).toHaveLength(0);
    await env.settle();
    expect(seenEvents).toEqual([{ eventType: 'avi:jira:updated:issue', principal: undefined }]);
    expect(env.sandbox.deliveredEvents.length - delivered).toBe(1);
    // The trigger's label write on DEMO-9 was suppressed, not delivered back.
    expect(env.sandbox.suppressedEvents.length - suppressed).toBe(1);

    await env.invoke('labelIt', {}, { accountId: 'ana', issueKey: 'DEMO-7' });
    await env.settle();
    expect(seenEvents).toHaveLength(1);
    expect(env.sandbox.suppressedEvents.length - suppressed).toBe(2);
  });

  it('replays an event, and runs scheduled triggers without a user', async () => {
    const event = env.sandbox.deliveredEvents[env.sandbox.deliveredEvents.length - 1]!.event;
    await env.sandbox.replay(event);
    expect(seenEvents.map((seen) => seen.eventType)).toEqual(['avi:jira:updated:issue']);
    // asUser() has nobody to act as in a scheduled job: Forge's proxy refuses it.
    await expect(env.sandbox.runScheduled('rescore-daily')).rejects.toThrow('Authentication Required');
    await expect(env.sandbox.runScheduled('no-such-job')).rejects.toThrow('No scheduled trigger');
  });

  it('counts Jira calls by path template', async () => {
    env.sandbox.resetCounters();
    await env.invoke('whoami', {}, { accountId: 'ana', issueKey: 'DEMO-5' });
    await env.invoke('whoami', {}, { accountId: 'raj', issueKey: 'DEMO-6' });
    expect(env.sandbox.jiraCalls()).toEqual({ 'GET /rest/api/3/myself': 2 });
  });
});
