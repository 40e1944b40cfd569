/**
 * The app's comment through the real gateway: when Jira's answer to the POST is lost, the comment
 * is looked for (by its comment property) before anything is posted again.
 */
import { createJiraGateway } from '../../../src/jira/gateway';
import type { AdfDoc, CommentMark } from '../../../src/usecases/ports';
import { installFakeForgeFetch, jsonResponse, type FakeForge, type JiraRequest } from '../../support/fake-forge-fetch';

let fake: FakeForge;
let sleeps: number[];
beforeEach(() => {
  fake = installFakeForgeFetch();
  sleeps = [];
});
afterEach(() => fake.uninstall());

const COMMENTS = '/rest/api/3/issue/DEMO-1/comment';
const LIST = '/rest/api/3/comment/list';
const body: AdfDoc = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Not ready' }] }] };
const mark: CommentMark = { kind: 'sprint-flag', sprintId: 7 };
const markProperty = (sprintId: number) => ({ key: 'refinement-radar-comment', value: { kind: 'sprint-flag', sprintId, v: 1 } });

const post = () =>
  createJiraGateway({
    as: 'app',
    retry: {
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      random: () => 0,
    },
  }).addComment({ issueIdOrKey: 'DEMO-1', body, mark });

const unavailable = () => jsonResponse(503, { errorMessages: ['Service Unavailable'], errors: {} });
const created = (id: string) => jsonResponse(201, { id, body: {}, created: '2026-11-21T10:00:00.000+0000' });
const calls = (requests: JiraRequest[]) => requests.map((request) => `${request.method} ${request.url.pathname}`);
const posts = () => fake.jiraRequests.filter((request) => request.method === 'POST' && request.url.pathname === COMMENTS);

/** Jira's view of the issue's comments: ids newest first, and their properties by id. */
function jiraHolds(comments: { id: string; properties: { key: string; value: unknown }[] }[]) {
  fake.onJira('GET', COMMENTS, jsonResponse(200, { comments: comments.map(({ id }) => ({ id })), startAt: 0, maxResults: 100, total: comments.length }));
  fake.onJira('POST', LIST, (request) => {
    const ids = new Set((request.body as { ids: number[] }).ids.map(String));
    return jsonResponse(200, { isLast: true, startAt: 0, maxResults: ids.size, total: ids.size, values: comments.filter(({ id }) => ids.has(id)) });
  });
}

describe('addComment when the answer is lost', () => {
  it('finds the comment Jira stored before answering 503 and does not post it again', async () => {
    fake.queueJira('POST', COMMENTS, unavailable());
    jiraHolds([{ id: '10050', properties: [markProperty(7)] }, { id: '10049', properties: [] }]);

    await expect(post()).resolves.toEqual({ outcome: 'posted', id: '10050' });

    expect(calls(fake.jiraRequests)).toEqual([`POST ${COMMENTS}`, `GET ${COMMENTS}`, `POST ${LIST}`]);
    const search = fake.jiraRequests[1]!.url.searchParams;
    expect(Object.fromEntries(search)).toEqual({ orderBy: '-created', maxResults: '100' });
    expect(fake.jiraRequests[2]!.url.searchParams.get('expand')).toBe('properties');
    expect(fake.jiraRequests[2]!.body).toEqual({ ids: [10050, 10049] });
  });

  it('posts again once the search shows the comment is not there, and does not take another sprint’s comment for it', async () => {
    fake.queueJira('POST', COMMENTS, unavailable(), created('10051'));
    jiraHolds([{ id: '10040', properties: [markProperty(6)] }]);

    await expect(post()).resolves.toEqual({ outcome: 'posted', id: '10051' });
    expect(posts()).toHaveLength(2);
  });

  it('sends a rate-limited POST again after the wait without searching: a 429 was not processed', async () => {
    fake.queueJira('POST', COMMENTS, jsonResponse(429, { errorMessages: ['Rate limit exceeded.'] }, { 'retry-after': '2', 'ratelimit-reason': 'jira-burst-based' }), created('10052'));

    await expect(post()).resolves.toEqual({ outcome: 'posted', id: '10052' });
    expect(calls(fake.jiraRequests)).toEqual([`POST ${COMMENTS}`, `POST ${COMMENTS}`]);
    expect(sleeps).toEqual([2000]);
  });

  it('throws at once, without searching, when Jira refuses the comment', async () => {
    fake.queueJira('POST', COMMENTS, jsonResponse(400, { errorMessages: [], errors: { comment: 'Comment body is not valid!' } }));
    await expect(post()).rejects.toThrow(/Comment body is not valid/);
    expect(calls(fake.jiraRequests)).toEqual([`POST ${COMMENTS}`]);
  });

  it('answers unverified, and never posts again, when the search fails too', async () => {
    fake.queueJira('POST', COMMENTS, unavailable());
    fake.onJira('GET', COMMENTS, unavailable());

    await expect(post()).resolves.toEqual({ outcome: 'unverified' });
    expect(posts()).toHaveLength(1);
  });

  it('answers unverified when Jira said 201 with an unreadable body and the comment cannot be found', async () => {
    fake.queueJira('POST', COMMENTS, jsonResponse(201, { nothing: 'useful' }));
    jiraHolds([]);
    await expect(post()).resolves.toEqual({ outcome: 'unverified' });
    expect(posts()).toHaveLength(1);
  });

  it('gives up after three POSTs that each failed and each were shown not to have landed', async () => {
    fake.onJira('POST', COMMENTS, unavailable());
    jiraHolds([]);
    await expect(post()).rejects.toThrow(/503/);
    expect(posts()).toHaveLength(3);
    expect(fake.jiraRequests.filter((request) => request.method === 'GET')).toHaveLength(3);
  });
});
