/**
 * The app's own edit (labels, Flagged, readiness property in one PUT) asks Jira not to notify watchers (editIssue `notifyUsers=false`),
 * and still land where the app's user may not suppress notifications.
 */
import type { ReadinessProperty } from '../../../src/contract';
import { JiraForbiddenError } from '../../../src/jira/errors';
import { createJiraClient } from '../../../src/jira/request';
import { editIssueOnce, setEstimate } from '../../../src/jira/write-issue';
import { installFakeForgeFetch, jsonResponse, type FakeForge } from '../../support/fake-forge-fetch';

let fake: FakeForge;
beforeEach(() => {
  fake = installFakeForgeFetch();
});
afterEach(() => fake.uninstall());

const client = () => createJiraClient({ as: 'app', sleep: () => Promise.resolve(), random: () => 0 });
const REFUSED = { errorMessages: ['To discard the user notification either admin or project admin permissions are required.'], errors: {} };
const PROPERTY: ReadinessProperty = { score: 42, state: 'not-ready', gaps: ['estimate'], evaluatedAt: '2026-12-01T09:00:00.000Z', v: 1 };
const edits = () => fake.jiraRequests.map((request) => ({ method: request.method, path: request.path, body: request.body }));

describe('quiet edits', () => {
  it('sends labels, Flagged and the readiness property as one edit with notifyUsers=false', async () => {
    fake.onJira('PUT', '/rest/api/3/issue/10042', jsonResponse(204));

    const sent = await editIssueOnce({
      client: client(),
      issueIdOrKey: '10042',
      addLabels: ['not-ready'],
      removeLabels: ['ready-soon'],
      flagged: { fieldId: 'customfield_10021', flagged: true },
      property: PROPERTY,
    });

    expect(sent).toBe(true);
    expect(edits()).toEqual([
      {
        method: 'PUT',
        path: '/rest/api/3/issue/10042?notifyUsers=false',
        body: {
          fields: { customfield_10021: [{ value: 'Impediment' }] },
          update: { labels: [{ add: 'not-ready' }, { remove: 'ready-soon' }] },
          properties: [{ key: 'refinement-radar-readiness', value: PROPERTY }],
        },
      },
    ]);
  });

  it('clears Flagged with null and sends only what changes', async () => {
    fake.onJira('PUT', '/rest/api/3/issue/10042', jsonResponse(204));

    await editIssueOnce({ client: client(), issueIdOrKey: '10042', flagged: { fieldId: 'customfield_10021', flagged: false } });

    expect(edits()).toEqual([{ method: 'PUT', path: '/rest/api/3/issue/10042?notifyUsers=false', body: { fields: { customfield_10021: null } } }]);
  });

  it('sends nothing when there is nothing to change', async () => {
    expect(await editIssueOnce({ client: client(), issueIdOrKey: '10042', addLabels: [], removeLabels: [] })).toBe(false);
    expect(fake.jiraRequests).toEqual([]);
  });

  it('leaves the agreed estimate a normal edit, so watchers hear about it', async () => {
    fake.onJira('PUT', '/rest/api/3/issue/10042', jsonResponse(204));

    await setEstimate({ client: client(), issueIdOrKey: '10042', fieldId: 'customfield_10016', value: 5 });

    expect(edits().map((edit) => edit.path)).toEqual(['/rest/api/3/issue/10042']);
  });

  it.each([
    ['403', jsonResponse(403, REFUSED)],
    ['400 naming the notification', jsonResponse(400, REFUSED)],
  ])('sends the edit once more without notifyUsers when Jira refuses to stay quiet (%s)', async (_name, refusal) => {
    fake.queueJira('PUT', '/rest/api/3/issue/10042', refusal);
    fake.onJira('PUT', '/rest/api/3/issue/10042', jsonResponse(204));

    await editIssueOnce({ client: client(), issueIdOrKey: '10042', removeLabels: ['not-ready'] });

    expect(edits()).toEqual([
      { method: 'PUT', path: '/rest/api/3/issue/10042?notifyUsers=false', body: { update: { labels: [{ remove: 'not-ready' }] } } },
      { method: 'PUT', path: '/rest/api/3/issue/10042', body: { update: { labels: [{ remove: 'not-ready' }] } } },
    ]);
  });

  it('does not repeat an edit Jira rejects for another reason', async () => {
    fake.onJira('PUT', '/rest/api/3/issue/10042', jsonResponse(400, { errorMessages: [], errors: { customfield_10021: 'Field cannot be set.' } }));

    await expect(editIssueOnce({ client: client(), issueIdOrKey: '10042', flagged: { fieldId: 'customfield_10021', flagged: false } })).rejects.toThrow('Field cannot be set.');
    expect(fake.jiraRequests).toHaveLength(1);
  });

  it('does not send a real permission refusal (403 not about notifications) a second time', async () => {
    fake.onJira('PUT', '/rest/api/3/issue/10042', jsonResponse(403, { errorMessages: ['You do not have permission to edit issues in this project.'], errors: {} }));

    await expect(editIssueOnce({ client: client(), issueIdOrKey: '10042', addLabels: ['not-ready'] })).rejects.toBeInstanceOf(JiraForbiddenError);
    expect(fake.jiraRequests).toHaveLength(1);
  });

  it('passes on a refusal of the plain edit too', async () => {
    fake.queueJira('PUT', '/rest/api/3/issue/10042', jsonResponse(403, REFUSED));
    fake.onJira('PUT', '/rest/api/3/issue/10042', jsonResponse(403, { errorMessages: ['You do not have permission to edit issues in this project.'], errors: {} }));

    await expect(editIssueOnce({ client: client(), issueIdOrKey: '10042', addLabels: ['not-ready'] })).rejects.toBeInstanceOf(JiraForbiddenError);
    expect(fake.jiraRequests).toHaveLength(2);
  });
});
