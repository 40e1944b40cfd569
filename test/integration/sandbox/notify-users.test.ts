/**
 * editIssue `notifyUsers`: the app's own label and Flagged edits ask Jira not to email watchers,
 * and the emulator treats the parameter as real sites do.
 * Spec (editIssue, query `notifyUsers`): "To disable the notification, administer Jira or administer
 * project permissions are required. If the user doesn't have the necessary permission the request
 * is ignored." The emulator does that by default; `site.refuseQuietEdits` gives the 403 some real
 * sites answer instead (see sandbox/jira/routes-issues.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setupSandbox } from '../../support/sandbox-env';
import { isFlagged, labelsOf, readinessPropertyOf, saveSprintFlags } from '../triggers/flag-helpers';
import { APP, AS_ANA, AS_TOM, asObject, demoEmulator } from './emulator-helpers';

const labels = { update: { labels: [{ add: 'not-ready' }] } };

describe('PUT /rest/api/3/issue/{issueIdOrKey}?notifyUsers=false in the emulator', () => {
  it('is accepted from the app and from a project admin', () => {
    const emulator = demoEmulator();
    expect(emulator.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMO-7?notifyUsers=false', body: labels, principal: APP }).status).toBe(204);
    expect(emulator.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMO-9?notifyUsers=false', body: labels, principal: AS_ANA }).status).toBe(204);
    expect(asObject(emulator.issueSnapshot('DEMO-7')?.fields ?? null).labels).toEqual(['not-ready']);
  });

  it('ignores notifyUsers=false from someone who may edit but not administer the project, as documented', () => {
    // editIssue `notifyUsers`: "If the user doesn't have the necessary permission the request is ignored."
    const emulator = demoEmulator();
    expect(emulator.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMO-7?notifyUsers=false', body: labels, principal: AS_TOM }).status).toBe(204);
    expect(asObject(emulator.issueSnapshot('DEMO-7')?.fields ?? null).labels).toEqual(['not-ready']);
  });

  it('rejects the whole edit for such a user under the refuseQuietEdits fault (as some real sites do)', () => {
    const emulator = demoEmulator();
    emulator.site.refuseQuietEdits = true;
    const refused = emulator.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMO-7?notifyUsers=false', body: labels, principal: AS_TOM });
    expect(refused).toMatchObject({ status: 403, body: { errorMessages: ['To discard the user notification either admin or project admin permissions are required.'] } });
    expect(asObject(emulator.issueSnapshot('DEMO-7')?.fields ?? null).labels).toEqual([]);
    // The same edit with notifications (the default, or said explicitly) goes through.
    expect(emulator.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMO-7?notifyUsers=true', body: labels, principal: AS_TOM }).status).toBe(204);
    expect(asObject(emulator.issueSnapshot('DEMO-7')?.fields ?? null).labels).toEqual(['not-ready']);
  });
});

describe("the app's sprint flags in the traffic log", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'notify-users-'));
  const log = path.join(dir, 'traffic.ndjson');
  const env = setupSandbox({ trafficLog: log });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeEach(() => {
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });

  it('adds and removes its label and Flagged with notifyUsers=false, in one edit per issue and change', async () => {
    await saveSprintFlags(env, { setFlagged: true });
    // The app may address the issue by id or by key.
    const issue = `(?:${env.jira.site.issues.get('DEMO-23')!.id}|DEMO-23)`;
    const exchanges = () =>
      readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { method: string; path: string; status: number });
    /** The exchanges about DEMO-23 since `from`, and the bulk property writes. */
    const stepOf = (from: number) => {
      const step = exchanges().slice(from);
      const about = (pattern: RegExp) => step.filter((exchange) => pattern.test(exchange.path));
      return {
        // Issue edits only (not entity properties or comments).
        edits: about(new RegExp(`^/rest/api/3/issue/${issue}(\\?|$)`)).filter((exchange) => exchange.method === 'PUT'),
        propertyPuts: about(new RegExp(`^/rest/api/3/issue/${issue}/properties/`)).filter((exchange) => exchange.method === 'PUT'),
        bulkProperties: about(/^\/rest\/api\/3\/issue\/properties\/multi/),
      };
    };
    const expectQuiet = (edits: { path: string; status: number }[]) => {
      for (const edit of edits) expect({ query: edit.path.split('?')[1], status: edit.status }).toEqual({ query: 'notifyUsers=false', status: 204 });
    };

    // Into a sprint: label, Flagged and the readiness property all change in one quiet edit
    // (src/jira/write-issue.ts editIssueOnce), with no separate property write.
    expect({ label: labelsOf(env, 'DEMO-23').includes('not-ready'), flagged: isFlagged(env, 'DEMO-23') }).toEqual({ label: false, flagged: false });
    const beforeFlag = exchanges().length;
    env.jira.moveIssueToSprint('DEMO-23', 15, 'ana');
    await env.settle();
    const flag = stepOf(beforeFlag);
    expect({ label: labelsOf(env, 'DEMO-23').includes('not-ready'), flagged: isFlagged(env, 'DEMO-23'), property: readinessPropertyOf(env, 'DEMO-23') !== null }).toEqual({
      label: true,
      flagged: true,
      property: true,
    });
    expect(flag.edits).toHaveLength(1);
    expectQuiet(flag.edits);
    expect({ propertyPuts: flag.propertyPuts.length, bulkProperties: flag.bulkProperties.length }).toEqual({ propertyPuts: 0, bulkProperties: 0 });

    // Out of the sprint again: label and Flagged both removed, again in one quiet edit.
    const beforeClear = exchanges().length;
    env.jira.moveIssueToSprint('DEMO-23', null, 'ana');
    await env.settle();
    const clear = stepOf(beforeClear);
    expect({ label: labelsOf(env, 'DEMO-23').includes('not-ready'), flagged: isFlagged(env, 'DEMO-23') }).toEqual({ label: false, flagged: false });
    expect(clear.edits).toHaveLength(1);
    expectQuiet(clear.edits);
  });
});
