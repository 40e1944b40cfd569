import { createJiraGateway } from '../../../src/jira/gateway';
import { createInvocationCache } from '../../../src/jira/invocation-cache';
import { createStores } from '../../../src/store/create-stores';
import type { NormalizedIssue } from '../../../src/domain/issue';
import { installFakeForgeFetch, jsonResponse, type FakeForge, type JiraRequest } from '../../support/fake-forge-fetch';
import { aPlan, aRestIssue, SP_FIELD } from './rest-builders';

let fake: FakeForge;
beforeEach(() => {
  fake = installFakeForgeFetch();
});
afterEach(() => fake.uninstall());

const gateway = (as: 'user' | 'app' = 'user', cache = createInvocationCache()) =>
  createJiraGateway({ as, cache, fieldCache: createStores().fieldCatalog, retry: { sleep: () => Promise.resolve(), random: () => 0 } });

const issuesNumbered = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => aRestIssue({ id: String(10000 + from + index), key: `DEMO-${from + index}` }));

const pathsOf = (requests: JiraRequest[]) => requests.map((request) => `${request.method} ${request.url.pathname}`);

describe('searchIssues', () => {
  it('pages /search/jql with nextPageToken and explicit fields, and stops at maxItems', async () => {
    const pages = [issuesNumbered(1, 50), issuesNumbered(51, 50), issuesNumbered(101, 50)];
    fake.onJira('POST', '/rest/api/3/search/jql', (request) => {
      const body = request.body as { nextPageToken?: string };
      const index = body.nextPageToken ? Number(body.nextPageToken) : 0;
      return jsonResponse(200, { issues: pages[index], nextPageToken: String(index + 1), isLast: false });
    });

    const result = await gateway().searchIssues({ jql: 'project = DEMO ORDER BY Rank', plan: aPlan(), maxItems: 70 });

    expect(result.issues).toHaveLength(70);
    expect(result.issues[69]!.key).toBe('DEMO-70');
    expect(result.truncated).toBe(true);
    expect(pathsOf(fake.jiraRequests)).toEqual(['POST /rest/api/3/search/jql', 'POST /rest/api/3/search/jql']);
    const [first, second] = fake.jiraRequests.map((request) => request.body as Record<string, unknown>);
    expect(first).toMatchObject({ jql: 'project = DEMO ORDER BY Rank', maxResults: 50 });
    expect(first!.nextPageToken).toBeUndefined();
    expect(first!.fields).toEqual(expect.arrayContaining(['summary', 'issuelinks', 'description', SP_FIELD]));
    expect(second).toMatchObject({ nextPageToken: '1', maxResults: 20 });
  });

  it('stops on the last page without claiming truncation', async () => {
    fake.onJira('POST', '/rest/api/3/search/jql', jsonResponse(200, { issues: issuesNumbered(1, 3), isLast: true }));

    const result = await gateway().searchIssues({ jql: 'project = DEMO', plan: aPlan(), maxItems: 200 });

    expect(result).toMatchObject({ truncated: false });
    expect(result.issues.map((issue) => issue.key)).toEqual(['DEMO-1', 'DEMO-2', 'DEMO-3']);
    expect(fake.jiraRequests).toHaveLength(1);
  });

  it('never calls the removed /rest/api/3/search', async () => {
    fake.onJira('POST', '/rest/api/3/search/jql', jsonResponse(200, { issues: [], isLast: true }));
    await gateway().searchIssues({ jql: 'project = DEMO', plan: aPlan(), maxItems: 10 });
    expect(fake.jiraRequests.some((request) => request.url.pathname === '/rest/api/3/search')).toBe(false);
  });
});

describe('backlogIssues', () => {
  function serveBacklog(total: number) {
    fake.onJira('GET', /^\/rest\/agile\/1\.0\/board\/42\/backlog/, (request) => {
      const startAt = Number(request.url.searchParams.get('startAt'));
      const maxResults = Number(request.url.searchParams.get('maxResults'));
      const count = Math.max(0, Math.min(maxResults, total - startAt));
      return jsonResponse(200, { startAt, maxResults, total, issues: issuesNumbered(startAt + 1, count) });
    });
  }

  it('stops as soon as enough() says so, whatever the size of the backlog', async () => {
    serveBacklog(5000);
    const points = (issues: NormalizedIssue[]) => issues.reduce((sum, issue) => sum + (issue.estimate ?? 0), 0);

    const result = await gateway().backlogIssues({ boardId: 42, plan: aPlan(), maxItems: 200, pageSize: 20, enough: (soFar) => points(soFar) >= 120 });

    // 5 points each: 120 points are reached within the second page of 20.
    expect(fake.jiraRequests).toHaveLength(2);
    expect(result.issues).toHaveLength(40);
    expect(result.truncated).toBe(false);
    const query = fake.jiraRequests[1]!.url.searchParams;
    expect(query.get('startAt')).toBe('20');
    expect(query.get('fields')!.split(',')).toEqual(expect.arrayContaining(['summary', 'status', SP_FIELD]));
  });

  it('stops at maxItems and says it was truncated', async () => {
    serveBacklog(5000);
    const result = await gateway().backlogIssues({ boardId: 42, plan: aPlan(), maxItems: 120 });
    expect(fake.jiraRequests.map((request) => request.url.searchParams.get('maxResults'))).toEqual(['50', '50', '20']);
    expect(result.issues).toHaveLength(120);
    expect(result.truncated).toBe(true);
  });

  it('stops at the end of a short backlog', async () => {
    serveBacklog(30);
    const result = await gateway().backlogIssues({ boardId: 42, plan: aPlan(), maxItems: 200 });
    expect(fake.jiraRequests).toHaveLength(1);
    expect(result).toMatchObject({ truncated: false });
    expect(result.issues).toHaveLength(30);
  });
});

describe('sprintIssues', () => {
  it('pages the sprint issue list in rank order', async () => {
    fake.onJira('GET', /^\/rest\/agile\/1\.0\/sprint\/7\/issue/, (request) => {
      const startAt = Number(request.url.searchParams.get('startAt'));
      return jsonResponse(200, { startAt, maxResults: 2, total: 3, issues: issuesNumbered(startAt + 1, Math.min(2, 3 - startAt)) });
    });
    const result = await gateway().sprintIssues({ sprintId: 7, plan: aPlan(), maxItems: 100, pageSize: 2 });
    expect(result.issues.map((issue) => issue.key)).toEqual(['DEMO-1', 'DEMO-2', 'DEMO-3']);
    expect(fake.jiraRequests).toHaveLength(2);
  });
});

describe('boards and sprints', () => {
  it('finds the first scrum board of a project', async () => {
    fake.onJira(
      'GET',
      '/rest/agile/1.0/board',
      jsonResponse(200, { startAt: 0, maxResults: 50, isLast: true, values: [{ id: 84, name: 'DEMO board', type: 'scrum', location: { projectKey: 'DEMO', projectId: 10000 } }] }),
    );
    await expect(gateway().findBoard({ projectKey: 'DEMO' })).resolves.toEqual({ id: 84, name: 'DEMO board', type: 'scrum', projectKey: 'DEMO', projectId: '10000', hasSprints: true });
    expect(fake.jiraRequests).toHaveLength(1);
    const query = fake.jiraRequests[0]!.url.searchParams;
    expect(query.get('projectKeyOrId')).toBe('DEMO');
    expect(query.get('type')).toBe('scrum');
  });

  it('returns the chosen board, or null when it does not exist', async () => {
    fake.onJira('GET', '/rest/agile/1.0/board/9', jsonResponse(200, { id: 9, name: 'Kanban', type: 'kanban' }));
    await expect(gateway().findBoard({ projectKey: 'DEMO', boardId: 9 })).resolves.toEqual({ id: 9, name: 'Kanban', type: 'kanban', projectKey: null, projectId: null, hasSprints: false });
    await expect(gateway().findBoard({ projectKey: 'DEMO', boardId: 10 })).resolves.toBeNull();
  });

  /** GET /board?projectKeyOrId=…: scrum boards when `type=scrum` is asked for, else all of them. */
  const projectBoards = (values: object[]) =>
    fake.onJira('GET', '/rest/agile/1.0/board', (request) => {
      const type = request.url.searchParams.get('type');
      const matching = values.filter((board) => type === null || ('type' in board && board.type === type));
      return jsonResponse(200, { startAt: 0, maxResults: 50, isLast: true, values: matching });
    });
  // Jira's answer for a board without sprints (Kanban, or team-managed with sprints off).
  const noSprints = () => jsonResponse(400, { errorMessages: ['The board does not support sprints'], errors: {} });

  it('falls back to a team-managed (simple) board that answers for sprints, asking for one sprint only', async () => {
    projectBoards([
      { id: 30, name: 'Old kanban', type: 'kanban', location: { projectKey: 'TEAM', projectId: 10001 } },
      { id: 31, name: 'TEAM board', type: 'simple', location: { projectKey: 'TEAM', projectId: 10001 } },
    ]);
    fake.onJira('GET', '/rest/agile/1.0/board/31/sprint', jsonResponse(200, { startAt: 0, maxResults: 1, isLast: false, values: [{ id: 5, name: 'S1', state: 'closed' }] }));

    await expect(gateway().findBoard({ projectKey: 'TEAM' })).resolves.toEqual({ id: 31, name: 'TEAM board', type: 'simple', projectKey: 'TEAM', projectId: '10001', hasSprints: true });
    expect(fake.jiraRequests.map((request) => request.url.searchParams.get('type'))).toEqual(['scrum', null, null]);
    expect(fake.jiraRequests[2]!.url.searchParams.get('maxResults')).toBe('1');
  });

  it('a team-managed board without sprints (400) is returned as one without sprints, not as an error', async () => {
    projectBoards([{ id: 32, name: 'Support board', type: 'simple', location: { projectKey: 'HELP', projectId: 10005 } }]);
    fake.onJira('GET', '/rest/agile/1.0/board/32/sprint', noSprints());
    await expect(gateway().findBoard({ projectKey: 'HELP' })).resolves.toMatchObject({ id: 32, type: 'simple', hasSprints: false });
  });

  it('a Kanban-only project gets its Kanban board back, without asking it for sprints', async () => {
    projectBoards([{ id: 33, name: 'OPS board', type: 'kanban' }]);
    await expect(gateway().findBoard({ projectKey: 'OPS' })).resolves.toEqual({ id: 33, name: 'OPS board', type: 'kanban', projectKey: 'OPS', projectId: null, hasSprints: false });
    expect(fake.jiraRequests).toHaveLength(2);
  });

  it('a project without boards has none', async () => {
    projectBoards([]);
    await expect(gateway().findBoard({ projectKey: 'NONE' })).resolves.toBeNull();
  });

  it('a chosen simple board is asked whether it has sprints; other failures are not taken for "no sprints"', async () => {
    fake.onJira('GET', '/rest/agile/1.0/board/31', jsonResponse(200, { id: 31, name: 'TEAM board', type: 'simple' }));
    fake.onJira('GET', '/rest/agile/1.0/board/31/sprint', jsonResponse(200, { startAt: 0, maxResults: 1, isLast: true, values: [] }));
    await expect(gateway().findBoard({ projectKey: 'TEAM', boardId: 31 })).resolves.toMatchObject({ id: 31, hasSprints: true });

    fake.onJira('GET', '/rest/agile/1.0/board/31/sprint', jsonResponse(403, { errorMessages: ['no'] }));
    await expect(gateway().findBoard({ projectKey: 'TEAM', boardId: 31 })).rejects.toThrow(/refused/);
  });

  it("reads the board's estimation field, null when it estimates by count or is not readable", async () => {
    fake.onJira('GET', '/rest/agile/1.0/board/1/configuration', jsonResponse(200, { id: 1, estimation: { type: 'field', field: { fieldId: 'customfield_31337', displayName: 'Story Points' } } }));
    fake.onJira('GET', '/rest/agile/1.0/board/2/configuration', jsonResponse(200, { id: 2, estimation: { type: 'issueCount' } }));
    fake.onJira('GET', '/rest/agile/1.0/board/3/configuration', jsonResponse(403, { errorMessages: ['no'] }));
    const jira = gateway();
    await expect(jira.boardEstimationField(1)).resolves.toEqual({ id: 'customfield_31337', name: 'Story Points' });
    await expect(jira.boardEstimationField(2)).resolves.toBeNull();
    await expect(jira.boardEstimationField(3)).resolves.toBeNull();
    await jira.boardEstimationField(1);
    expect(fake.jiraRequests).toHaveLength(3);
  });

  it('returns the most recent closed sprints, jumping to the end of a long history', async () => {
    const total = 120;
    fake.onJira('GET', /^\/rest\/agile\/1\.0\/board\/5\/sprint/, (request) => {
      const startAt = Number(request.url.searchParams.get('startAt'));
      const values = Array.from({ length: Math.min(50, total - startAt) }, (_, index) => ({
        id: startAt + index + 1,
        name: `Sprint ${startAt + index + 1}`,
        state: 'closed',
        startDate: '2026-01-01T00:00:00.000Z',
        endDate: '2026-01-14T00:00:00.000Z',
        completeDate: '2026-01-14T00:00:00.000Z',
        originBoardId: 5,
      }));
      return jsonResponse(200, { startAt, maxResults: 50, total, isLast: startAt + values.length >= total, values });
    });

    const sprints = await gateway().sprints({ boardId: 5, states: ['closed'], maxItems: 3 });

    expect(sprints.map((sprint) => sprint.id)).toEqual([118, 119, 120]);
    expect(fake.jiraRequests.map((request) => request.url.searchParams.get('startAt'))).toEqual(['0', '117']);
    expect(fake.jiraRequests[0]!.url.searchParams.get('state')).toBe('closed');
    expect(sprints[0]).toMatchObject({ state: 'closed', goal: null, originBoardId: 5 });
  });

  it('lists future and active sprints in Jira order', async () => {
    fake.onJira('GET', /^\/rest\/agile\/1\.0\/board\/5\/sprint/, jsonResponse(200, {
      startAt: 0,
      maxResults: 50,
      isLast: true,
      values: [
        { id: 8, name: 'S8', state: 'active', goal: 'Ship cart' },
        { id: 9, name: 'S9', state: 'future' },
      ],
    }));
    const sprints = await gateway().sprints({ boardId: 5, states: ['active', 'future'] });
    expect(sprints.map((sprint) => [sprint.id, sprint.state, sprint.goal])).toEqual([[8, 'active', 'Ship cart'], [9, 'future', null]]);
    expect(fake.jiraRequests[0]!.url.searchParams.get('state')).toBe('active,future');
  });

  it('reads one sprint', async () => {
    fake.onJira('GET', '/rest/agile/1.0/sprint/37', jsonResponse(200, { id: 37, name: 'sprint 1', state: 'closed', goal: 'g', originBoardId: 5 }));
    await expect(gateway().sprint(37)).resolves.toMatchObject({ id: 37, state: 'closed', startDate: null });
  });

  it('pages the boards of the site, saying which have sprints', async () => {
    fake.onJira(
      'GET',
      '/rest/agile/1.0/board',
      jsonResponse(200, {
        startAt: 0,
        maxResults: 4,
        isLast: false,
        values: [
          { id: 1, name: 'A', type: 'scrum' },
          { id: 2, name: 'B', type: 'kanban' },
          { id: 3, name: 'C', type: 'simple' },
          { id: 4, name: 'D', type: 'simple' },
        ],
      }),
    );
    fake.onJira('GET', '/rest/agile/1.0/board/3/sprint', jsonResponse(200, { startAt: 0, maxResults: 1, values: [] }));
    fake.onJira('GET', '/rest/agile/1.0/board/4/sprint', noSprints());
    const page = await gateway('app').siteBoards({ startAt: 0, maxResults: 4 });
    expect(page.isLast).toBe(false);
    expect(page.boards.map((board) => [board.id, board.hasSprints])).toEqual([[1, true], [2, false], [3, true], [4, false]]);
    // Unfiltered, so positions in the list do not depend on board types.
    expect(fake.jiraRequests[0]!.url.searchParams.get('type')).toBeNull();
  });
});

describe('user and permissions', () => {
  it('reads myself', async () => {
    fake.onJira('GET', '/rest/api/3/myself', jsonResponse(200, { accountId: '5b10a2844c20165700ede21g', displayName: 'Mia Krystof', active: true }));
    await expect(gateway().myself()).resolves.toEqual({ accountId: '5b10a2844c20165700ede21g', displayName: 'Mia Krystof' });
  });

  it('asks mypermissions for the project and permission, once per invocation', async () => {
    fake.onJira('GET', '/rest/api/3/mypermissions', jsonResponse(200, { permissions: { ADMINISTER_PROJECTS: { id: '23', key: 'ADMINISTER_PROJECTS', havePermission: true } } }));
    const jira = gateway();
    await expect(jira.hasProjectPermission({ projectKey: 'DEMO', permission: 'ADMINISTER_PROJECTS' })).resolves.toBe(true);
    await expect(jira.hasProjectPermission({ projectKey: 'DEMO', permission: 'ADMINISTER_PROJECTS' })).resolves.toBe(true);
    expect(fake.jiraRequests).toHaveLength(1);
    expect(fake.jiraRequests[0]!.url.searchParams.get('projectKey')).toBe('DEMO');
    expect(fake.jiraRequests[0]!.url.searchParams.get('permissions')).toBe('ADMINISTER_PROJECTS');
  });

  it('answers false when Jira does not grant it or the project is unknown', async () => {
    fake.onJira('GET', '/rest/api/3/mypermissions', (request) =>
      request.url.searchParams.get('projectKey') === 'GONE'
        ? jsonResponse(404, { errorMessages: ['No project could be found'] })
        : jsonResponse(200, { permissions: { EDIT_ISSUES: { havePermission: false } } }),
    );
    await expect(gateway().hasProjectPermission({ projectKey: 'DEMO', permission: 'EDIT_ISSUES' })).resolves.toBe(false);
    await expect(gateway().hasProjectPermission({ projectKey: 'GONE', permission: 'EDIT_ISSUES' })).resolves.toBe(false);
  });
});

describe('writes', () => {
  beforeEach(() => {
    // The app's label and Flagged edits ask Jira not to notify watchers (test/unit/jira/write-issue.test.ts).
    fake.onJira('PUT', /^\/rest\/api\/3\/issue\/DEMO-1(\?notifyUsers=false)?$/, jsonResponse(204));
  });

  it('sets the estimate on the given field', async () => {
    await gateway('app').setEstimate({ issueIdOrKey: 'DEMO-1', fieldId: 'customfield_31337', value: 8 });
    expect(fake.jiraRequests[0]).toMatchObject({ method: 'PUT', path: '/rest/api/3/issue/DEMO-1', body: { fields: { customfield_31337: 8 } } });
    expect(fake.jiraRequests[0]!.meta.provider).toBe('app');
  });

  it('adds and removes labels with update operations, and skips an empty update', async () => {
    const jira = gateway('app');
    await jira.editIssue({ issueIdOrKey: 'DEMO-1', addLabels: ['not-ready'], removeLabels: ['ready'] });
    await jira.editIssue({ issueIdOrKey: 'DEMO-1' });
    expect(fake.jiraRequests).toHaveLength(1);
    expect(fake.jiraRequests[0]!.body).toEqual({ update: { labels: [{ add: 'not-ready' }, { remove: 'ready' }] } });
  });

  it('sets and clears Flagged', async () => {
    const jira = gateway('app');
    await jira.editIssue({ issueIdOrKey: 'DEMO-1', flagged: { fieldId: 'customfield_10999', flagged: true } });
    await jira.editIssue({ issueIdOrKey: 'DEMO-1', flagged: { fieldId: 'customfield_10999', flagged: false } });
    expect(fake.jiraRequests.map((request) => request.body)).toEqual([
      { fields: { customfield_10999: [{ value: 'Impediment' }] } },
      { fields: { customfield_10999: null } },
    ]);
  });

  it('posts an ADF comment marked with a comment property and returns its id', async () => {
    fake.onJira('POST', '/rest/api/3/issue/DEMO-1/comment', jsonResponse(201, { id: '10042', body: {}, created: '2026-11-21T10:00:00.000+0000' }));
    const body = { type: 'doc' as const, version: 1 as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Not ready' }] }] };
    await expect(gateway('app').addComment({ issueIdOrKey: 'DEMO-1', body, mark: { kind: 'sprint-flag', sprintId: 7 } })).resolves.toEqual({ outcome: 'posted', id: '10042' });
    expect(fake.jiraRequests[0]!.body).toEqual({ body, properties: [{ key: 'refinement-radar-comment', value: { kind: 'sprint-flag', sprintId: 7, v: 1 } }] });
  });

  it('reads the readiness property, null when absent or foreign', async () => {
    const value = { score: 80, state: 'ready', gaps: [], evaluatedAt: '2026-11-21T10:00:00Z', v: 1 };
    fake.onJira('GET', '/rest/api/3/issue/DEMO-1/properties/refinement-radar-readiness', jsonResponse(200, { key: 'refinement-radar-readiness', value }));
    fake.onJira('GET', '/rest/api/3/issue/DEMO-2/properties/refinement-radar-readiness', jsonResponse(404, { errorMessages: ['not found'] }));
    fake.onJira('GET', '/rest/api/3/issue/DEMO-3/properties/refinement-radar-readiness', jsonResponse(200, { key: 'refinement-radar-readiness', value: { score: 'high' } }));
    const jira = gateway();
    await expect(jira.getReadinessProperty('DEMO-1')).resolves.toEqual(value);
    await expect(jira.getReadinessProperty('DEMO-2')).resolves.toBeNull();
    await expect(jira.getReadinessProperty('DEMO-3')).resolves.toBeNull();
  });

  it('writes the readiness property', async () => {
    fake.onJira('PUT', '/rest/api/3/issue/DEMO-1/properties/refinement-radar-readiness', jsonResponse(201));
    const value = { score: 40, state: 'not-ready' as const, gaps: ['estimate'], evaluatedAt: '2026-11-21T10:00:00Z', v: 1 as const };
    await gateway('app').setReadinessProperty({ issueIdOrKey: 'DEMO-1', value });
    expect(fake.jiraRequests[0]!.body).toEqual(value);
  });
});

describe('getIssue', () => {
  it('asks for explicit fields and normalizes', async () => {
    fake.onJira('GET', '/rest/api/3/issue/DEMO-1', jsonResponse(200, aRestIssue({ fields: { [SP_FIELD]: '3' } })));
    const issue = await gateway().getIssue({ issueIdOrKey: 'DEMO-1', plan: aPlan() });
    expect(issue.estimate).toBe(3);
    expect(fake.jiraRequests[0]!.url.searchParams.get('fields')!.split(',')).toEqual(expect.arrayContaining(['summary', SP_FIELD]));
  });
});

describe('fieldCatalog', () => {
  const fieldList = [
    { id: 'customfield_20042', name: 'Story point estimate', custom: true, schema: { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points' } },
    { id: 'customfield_30007', name: 'Sprint', custom: true, schema: { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint' } },
  ];

  it('discovers once, caches in KVS for an hour and in memory for the invocation', async () => {
    fake.onJira('GET', '/rest/api/3/field', jsonResponse(200, fieldList));
    const cache = createInvocationCache();

    const first = await gateway('user', cache).fieldCatalog();
    await gateway('user', cache).fieldCatalog();
    expect(first.storyPoints).toEqual([{ id: 'customfield_20042', name: 'Story point estimate' }]);
    expect(fake.jiraRequests).toHaveLength(1);
    expect(fake.kvsRequests.filter((request) => request.path === '/api/v1/get')).toHaveLength(1);

    const stored = fake.kvs.get('fields:site');
    expect(stored?.options).toEqual({ ttl: { value: 3600, unit: 'SECONDS' } });

    // A new invocation reads KVS, not Jira.
    await expect(gateway('user', createInvocationCache()).fieldCatalog()).resolves.toEqual(first);
    expect(fake.jiraRequests).toHaveLength(1);
  });
});
