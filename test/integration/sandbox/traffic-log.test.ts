import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSandbox } from '../../../sandbox/runtime';

const CHECKER = path.resolve(__dirname, '../../../../shared/tools/check-jira-traffic.mjs');
const REPO_ROOT = path.resolve(__dirname, '../../..');

describe('traffic log of the demo', () => {
  it('logs every Jira exchange as NDJSON, and the demo traffic matches Atlassian’s specs', async () => {
    const log = path.join(mkdtempSync(path.join(tmpdir(), 'sandbox-traffic-')), 'traffic.ndjson');
    const sandbox = await createSandbox({ seed: 'demo', trafficLog: log, playVotes: true, logErrors: false });
    const panel = (issueKey: string, accountId: string) => sandbox.invoke('getReadiness', {}, { accountId, issueKey });
    await Promise.allSettled([
      panel('DEMO-5', 'ana'),
      panel('DEMO-7', 'raj'),
      panel('DEMO-12', 'tom'),
      panel('DEMO-25', 'tom'),
      panel('DEMO-28', 'mei'),
      panel('DEMO-29', 'mei'),
      panel('TEAM-2', 'mei'),
      sandbox.invoke('getAgenda', {}, { accountId: 'ana', projectKey: 'DEMO' }),
      sandbox.invoke('getSprintCheck', {}, { accountId: 'ana', projectKey: 'DEMO' }),
      sandbox.invoke('getSettings', {}, { accountId: 'tom', projectKey: 'DEMO', moduleKey: sandbox.manifest.uiModules.find((module) => module.type === 'jira:projectSettingsPage')?.key ?? '' }),
    ]);
    sandbox.jira.moveIssueToSprint('DEMO-7', 14, 'ana');
    sandbox.jira.startSprint(14, 'ana');
    await sandbox.settle();

    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(Object.keys(JSON.parse(line) as object)).toEqual(['method', 'path', 'status', 'body']);

    if (!existsSync(CHECKER)) {
      console.warn(`Skipping the spec check: ${CHECKER} is absent (needs the shared folder next to the repo).`);
      return;
    }
    let output = '';
    try {
      output = execFileSync(process.execPath, [CHECKER, log], { cwd: REPO_ROOT, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: unknown }).stdout ?? error);
    }
    expect(output).toContain('0 distinct problems');
  }, 60_000);
});
