import { existsSync } from 'node:fs';
import path from 'node:path';
import { createSandbox } from '../../../sandbox/runtime';
import { FORGE_CSP, injectBridge, type RunningServer, startServer } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/runtime';

describe('sandbox web server', () => {
  let server: RunningServer;
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 'demo', playVotes: false, logErrors: false });
    server = await startServer({ port: 0, sandbox });
  });
  afterAll(async () => server.close());

  const get = (pathname: string) => fetch(`${server.url}${pathname}`);
  const post = (pathname: string, body: unknown) => fetch(`${server.url}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('serves the home page and issue pages as the chosen user', async () => {
    const home = await get('/?as=tom');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Tom Becker');
    const issue = await (await get('/browse/DEMO-5?as=ana&theme=dark')).text();
    expect(issue).toContain('Show saved cards at checkout');
    expect(issue).toContain('/ui/readiness-panel/index.html?module=readiness-panel&amp;issue=DEMO-5&amp;project=DEMO&amp;as=5d1a2b3c4d5e6f0012345601&amp;theme=dark'.replace(/&amp;/g, '&'));
    expect(issue).not.toMatch(/<script>(?!<\/script>)/);
    expect((await get('/browse/SEC-1?as=tom')).status).toBe(404);
    expect((await get('/projects/DEMO/agenda?as=tom')).status).toBe(200);
  });

  it('serves Custom UI builds under Forge’s CSP with the bridge stub first in <head>, or a clear 404', async () => {
    const response = await get('/ui/readiness-panel/index.html?module=readiness-panel&issue=DEMO-5&as=ana');
    expect(response.headers.get('content-security-policy')).toBe(FORGE_CSP);
    const built = existsSync(path.resolve(__dirname, '../../../static/readiness-panel/build/index.html'));
    if (built) {
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/<head[^>]*><script src="\/__sandbox\/bridge-stub.js"><\/script>/);
    } else {
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('UI not built: run npm run build');
    }
    expect(injectBridge('<html><head><meta charset="utf-8"></head></html>')).toBe('<html><head><script src="/__sandbox/bridge-stub.js"></script><meta charset="utf-8"></head></html>');
    expect((await get('/__sandbox/bridge-stub.js')).status).toBe(200);
  });

  it('builds the browser context and invokes resolvers from the frame, as the trusted host', async () => {
    const context = (await (await get('/__sandbox/context?module=readiness-panel&issue=DEMO-5&as=raj&theme=dark')).json()) as Record<string, unknown>;
    expect(context).toMatchObject({ accountId: sandbox.accountId('raj'), moduleKey: 'readiness-panel', locale: 'en-US', theme: { colorMode: 'dark' }, extension: { type: 'jira:issuePanel', issue: { key: 'DEMO-5' } } });
    const spy = jest.spyOn(sandbox, 'invokeFromFrame').mockResolvedValue({ ok: true, data: 'stubbed' });
    const answer = await post('/__sandbox/invoke', { functionKey: 'getReadiness', payload: {}, frame: { module: 'readiness-panel', issue: 'DEMO-5', as: 'raj' } });
    expect(await answer.json()).toEqual({ result: { ok: true, data: 'stubbed' } });
    expect(spy).toHaveBeenCalledWith('getReadiness', {}, expect.objectContaining({ moduleKey: 'readiness-panel', moduleType: 'jira:issuePanel', accountId: sandbox.accountId('raj'), issueKey: 'DEMO-5' }));
  });

  it('performs human actions and exposes raw issue state and events', async () => {
    const moved = await post('/__sandbox/actions/move-to-sprint', { issueKey: 'DEMO-9', sprintId: 14, as: 'ana' });
    expect(moved.status).toBe(200);
    const raw = (await (await get('/__sandbox/jira/issue/DEMO-9')).json()) as { fields: Record<string, unknown> };
    expect(raw.fields.customfield_10104).toEqual([expect.objectContaining({ id: 14 })]);
    const edited = await post('/__sandbox/actions/edit-issue', { issueKey: 'DEMO-9', storyPoints: 8, labels: ['checkout', 'agreed'] });
    expect(edited.status).toBe(200);
    const after = (await (await get('/__sandbox/jira/issue/DEMO-9')).json()) as { fields: Record<string, unknown> };
    expect(after.fields.customfield_10106).toBe(8);
    expect(after.fields.labels).toEqual(['checkout', 'agreed']);
    const events = (await (await get('/__sandbox/events')).json()) as { delivered: { event: { eventType: string } }[] };
    expect(events.delivered.map((entry) => entry.event.eventType)).toContain('avi:jira:updated:issue');
    expect((await post('/__sandbox/actions/start-sprint', { sprintId: 13 })).status).toBe(400);
  });
});
