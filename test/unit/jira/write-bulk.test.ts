/**
 * bulkSetIssuePropertiesByIssue (POST /rest/api/3/issue/properties/multi) answers "303 Returned if the
 * operation is successful" with the task in Location. fetch follows redirects unless told otherwise, and
 * Forge treats Atlassian API redirects as internal, so the app asks for `redirect: 'manual'` and still
 * copes with a runtime that followed the redirect: a 200 TaskProgressBeanObject (GET /rest/api/3/task/{taskId}).
 */
import type { ReadinessProperty } from '../../../src/contract';
import { createJiraClient } from '../../../src/jira/request';
import { setReadinessProperties } from '../../../src/jira/write-bulk';
import { installFakeForgeFetch, jsonResponse, type FakeForge } from '../../support/fake-forge-fetch';

let fake: FakeForge;
beforeEach(() => {
  fake = installFakeForgeFetch();
});
afterEach(() => fake.uninstall());

const PROPERTY: ReadinessProperty = { score: 90, state: 'ready', gaps: [], evaluatedAt: '2026-12-01T09:00:00.000Z', v: 1 };
const client = () => createJiraClient({ as: 'app', sleep: () => Promise.resolve(), random: () => 0 });
const write = () => setReadinessProperties({ client: client(), entries: [{ issueId: '10042', value: PROPERTY }], sleep: () => Promise.resolve() });

/** TaskProgressBeanObject with the spec's required fields. */
function task(id: string, status: string) {
  return { id, self: `https://fake.atlassian.net/rest/api/3/task/${id}`, status, progress: status === 'COMPLETE' ? 100 : 0, submitted: 1, submittedBy: 10000, elapsedRuntime: 0, lastUpdate: 1 };
}

describe('setReadinessProperties', () => {
  it("asks for the 303 itself (redirect: 'manual') and follows the task from its Location", async () => {
    fake.onJira('POST', '/rest/api/3/issue/properties/multi', jsonResponse(303, undefined, { Location: 'https://fake.atlassian.net/rest/api/3/task/10641' }));
    fake.queueJira('GET', '/rest/api/3/task/10641', jsonResponse(200, task('10641', 'RUNNING')));
    fake.onJira('GET', '/rest/api/3/task/10641', jsonResponse(200, task('10641', 'COMPLETE')));

    await write();

    const [post, ...polls] = fake.jiraRequests;
    expect(post).toMatchObject({ method: 'POST', redirect: 'manual', body: { issues: [{ issueID: 10042, properties: { 'refinement-radar-readiness': PROPERTY } }] } });
    expect(polls.map((request) => request.path)).toEqual(['/rest/api/3/task/10641', '/rest/api/3/task/10641']);
  });

  it('accepts the task body when the redirect was followed anyway, and polls only an unfinished task', async () => {
    fake.onJira('POST', '/rest/api/3/issue/properties/multi', jsonResponse(200, task('10642', 'COMPLETE')));
    await write();
    expect(fake.jiraRequests.map((request) => request.method)).toEqual(['POST']);

    fake.onJira('POST', '/rest/api/3/issue/properties/multi', jsonResponse(200, task('10643', 'ENQUEUED')));
    fake.onJira('GET', '/rest/api/3/task/10643', jsonResponse(200, task('10643', 'COMPLETE')));
    await write();
    expect(fake.jiraRequests.slice(1).map((request) => `${request.method} ${request.path}`)).toEqual(['POST /rest/api/3/issue/properties/multi', 'GET /rest/api/3/task/10643']);
  });

  it('throws when the followed task failed, so the event is delivered again', async () => {
    fake.onJira('POST', '/rest/api/3/issue/properties/multi', jsonResponse(200, { ...task('10644', 'FAILED'), message: 'boom' }));
    await expect(write()).rejects.toThrow(/task/);
  });
});
