/**
 * properties/multi through the sandbox's Forge fetch: the documented 303 when the app asks for
 * `redirect: 'manual'`, and the followed task (200 TaskProgressBeanObject) when the runtime follows
 * Atlassian API redirects itself (runtime-egress-permissions, "API redirects"; `faults.followRedirects`).
 */
import { asApp, route } from '@forge/api';
import { z } from 'zod';
import type { ReadinessProperty } from '../../../src/contract';
import { createJiraClient } from '../../../src/jira/request';
import { setReadinessProperties } from '../../../src/jira/write-bulk';
import { setupSandbox } from '../../support/sandbox-env';

const PROPERTY: ReadinessProperty = { score: 77, state: 'not-ready', gaps: ['estimate'], evaluatedAt: '2026-12-01T09:00:00.000Z', v: 1 };
const multi = (issueId: string, redirect?: 'manual') =>
  asApp().requestJira(route`/rest/api/3/issue/properties/multi`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ issues: [{ issueID: Number(issueId), properties: { probe: { n: 1 } } }] }),
    ...(redirect ? { redirect } : {}),
  });

describe('POST /rest/api/3/issue/properties/multi in the sandbox', () => {
  const env = setupSandbox({ loadApp: () => Promise.resolve({}) });
  const issueId = (key: string) => env.jira.site.issues.get(key)!.id;

  it("answers 303 with the task's Location to redirect: 'manual', and the task itself when fetch follows", async () => {
    const manual = await multi(issueId('DEMO-5'), 'manual');
    expect(manual.status).toBe(303);
    expect(manual.headers.get('location')).toMatch(/\/rest\/api\/3\/task\/\d+$/);

    const followed = await multi(issueId('DEMO-5'));
    expect(followed.status).toBe(200);
    const task = z.looseObject({ id: z.string(), status: z.string() }).parse(JSON.parse(await followed.text()));
    expect(task.status).toBe('COMPLETE');

    env.faults.set({ followRedirects: true });
    expect((await multi(issueId('DEMO-5'), 'manual')).status).toBe(200);
  });

  it.each([
    ['the 303 is handed back', false],
    ['the runtime follows the 303 as a GET', true],
  ])('the app sets the readiness property when %s', async (_name, followRedirects) => {
    env.faults.set({ followRedirects });
    env.sandbox.resetCounters();
    const client = createJiraClient({ as: 'app', sleep: () => Promise.resolve() });
    await setReadinessProperties({ client, entries: [{ issueId: issueId('DEMO-7'), value: PROPERTY }], sleep: () => Promise.resolve() });
    expect(env.jira.site.issues.get('DEMO-7')!.properties['refinement-radar-readiness']).toEqual(PROPERTY);
    // One submission and one read of the finished task either way (by the app, or by the runtime's redirect).
    expect(env.sandbox.jiraCalls()).toEqual({ 'POST /rest/api/3/issue/properties/multi': 1, 'GET /rest/api/3/task/{taskId}': 1 });
  });
});
