/**
 * Jira Software (Agile 1.0) routes: boards, configuration, sprints, sprint issues, backlog.
 */
import { FIELD_IDS } from './catalog';
import { errorCollection, intParam, type JiraResponse, json, type Route, type RouteContext } from './http';
import { runJql } from './jql-evaluate';
import { JqlError } from './jql-parser';
import type { SiteBoard, SiteIssue, SprintState } from './model';
import { canBrowse, findProject, isResolved, issuesInRankOrder } from './site';
import { boardView, issueView, selectFields, sprintView } from './views';

const AGILE_MAX = 100;

function paging(ctx: RouteContext, defaultMax = 50): { startAt: number; maxResults: number } | JiraResponse {
  const startAt = intParam(ctx.query, 'startAt', 0);
  if (typeof startAt !== 'number') return startAt;
  const maxResults = intParam(ctx.query, 'maxResults', defaultMax);
  if (typeof maxResults !== 'number') return maxResults;
  return { startAt, maxResults: Math.min(maxResults, AGILE_MAX) };
}

function visibleBoard(ctx: RouteContext): SiteBoard | JiraResponse {
  const board = ctx.site.boards.get(Number(ctx.params.boardId));
  if (!board || !canBrowse(ctx.site, ctx.principal, board.projectKey)) {
    return errorCollection(404, [`Board does not exist or you do not have permission to see it.`]);
  }
  return board;
}

const isResponse = (value: object): value is JiraResponse => 'status' in value && 'headers' in value;

const BOARD_TYPES: SiteBoard['type'][] = ['scrum', 'kanban', 'simple'];

const listBoards: Route = {
  method: 'GET',
  template: '/rest/agile/1.0/board',
  handle: (ctx) => {
    const page = paging(ctx);
    if (isResponse(page)) return page;
    const projectRef = ctx.query.get('projectKeyOrId');
    const project = projectRef ? findProject(ctx.site, projectRef) : undefined;
    if (projectRef && (!project || !canBrowse(ctx.site, ctx.principal, project.key))) {
      return errorCollection(400, [`No project could be found with key or id '${projectRef}'.`]);
    }
    // `type`: "Filters results to boards of the specified types. Valid values: scrum, kanban, simple"
    // (agile spec, getAllBoards). Team-managed software projects have `simple` boards
    // [events-reference/jira-software, Board]. Several types are read as a comma list, like `state`.
    const types = (ctx.query.get('type') ?? '').split(',').map((type) => type.trim()).filter(Boolean);
    const unknownType = types.find((type) => !BOARD_TYPES.some((known) => known === type));
    if (unknownType) return errorCollection(400, [`The board type '${unknownType}' is not valid. Valid types are: scrum, kanban, simple.`]);
    const boards = [...ctx.site.boards.values()].filter(
      (board) => canBrowse(ctx.site, ctx.principal, board.projectKey) && (!project || board.projectKey === project.key) && (types.length === 0 || types.includes(board.type)),
    );
    const values = boards.slice(page.startAt, page.startAt + page.maxResults);
    return json(200, {
      maxResults: page.maxResults,
      startAt: page.startAt,
      total: boards.length,
      isLast: page.startAt + values.length >= boards.length,
      values: values.map((board) => boardView(ctx.site, board)),
    });
  },
};

const getBoard: Route = {
  method: 'GET',
  template: '/rest/agile/1.0/board/{boardId}',
  handle: (ctx) => {
    const board = visibleBoard(ctx);
    return isResponse(board) ? board : json(200, boardView(ctx.site, board));
  },
};

const boardConfiguration: Route = {
  method: 'GET',
  template: '/rest/agile/1.0/board/{boardId}/configuration',
  handle: (ctx) => {
    const board = visibleBoard(ctx);
    if (isResponse(board)) return board;
    const project = ctx.site.projects.get(board.projectKey);
    return json(200, {
      id: board.id,
      name: board.name,
      type: board.type,
      self: `${ctx.site.siteUrl}/rest/agile/1.0/board/${board.id}/configuration`,
      // The spec's shape (Jira itself also sends key/id/name here; the spec forbids them).
      location: { type: 'project', projectKeyOrId: project?.id ?? board.projectKey },
      filter: { id: String(10000 + board.id), self: `${ctx.site.siteUrl}/rest/api/3/filter/${10000 + board.id}` },
      subQuery: { query: 'resolution = EMPTY OR resolution changed after -2w' },
      columnConfig: {
        columns: [
          { name: 'To Do', statuses: [{ id: '10000', self: `${ctx.site.siteUrl}/rest/api/3/status/10000` }] },
          { name: 'In Progress', statuses: [{ id: '3', self: `${ctx.site.siteUrl}/rest/api/3/status/3` }, { id: '10002', self: `${ctx.site.siteUrl}/rest/api/3/status/10002` }] },
          { name: 'Done', statuses: [{ id: '10001', self: `${ctx.site.siteUrl}/rest/api/3/status/10001` }] },
        ],
        constraintType: 'issueCount',
      },
      estimation: { type: 'field', field: { fieldId: board.estimationFieldId, displayName: board.estimationFieldName } },
      ranking: { rankCustomFieldId: Number(FIELD_IDS.rank.replace('customfield_', '')) },
    });
  },
};

const SPRINT_STATES: SprintState[] = ['future', 'active', 'closed'];

const boardSprints: Route = {
  method: 'GET',
  template: '/rest/agile/1.0/board/{boardId}/sprint',
  handle: (ctx) => {
    const board = visibleBoard(ctx);
    if (isResponse(board)) return board;
    // Kanban boards, and team-managed (`simple`) boards with sprints turned off, have no sprints: Jira
    // answers 400 (the spec's "request is invalid"). A `simple` board with sprints lists them like scrum.
    if (board.type === 'kanban' || board.sprintsEnabled === false) return errorCollection(400, ['The board does not support sprints']);
    const page = paging(ctx);
    if (isResponse(page)) return page;
    const states = (ctx.query.get('state') ?? '').split(',').map((state) => state.trim()).filter(Boolean);
    const invalid = states.find((state) => !SPRINT_STATES.some((known) => known === state));
    if (invalid) return errorCollection(400, [`The sprint state '${invalid}' is not valid. Valid states are: future, active, closed.`]);
    // Jira lists sprints closed → active → future, each by sequence.
    const order = { closed: 0, active: 1, future: 2 };
    const sprints = [...ctx.site.sprints.values()]
      .filter((sprint) => sprint.boardId === board.id && (states.length === 0 || states.includes(sprint.state)))
      .sort((a, b) => order[a.state] - order[b.state] || a.id - b.id);
    const values = sprints.slice(page.startAt, page.startAt + page.maxResults);
    return json(200, {
      maxResults: page.maxResults,
      startAt: page.startAt,
      isLast: page.startAt + values.length >= sprints.length,
      values: values.map((sprint) => sprintView(ctx.site, sprint)),
    });
  },
};

const getSprint: Route = {
  method: 'GET',
  template: '/rest/agile/1.0/sprint/{sprintId}',
  handle: (ctx) => {
    const sprint = ctx.site.sprints.get(Number(ctx.params.sprintId));
    const board = sprint ? ctx.site.boards.get(sprint.boardId) : undefined;
    if (!sprint || !board || !canBrowse(ctx.site, ctx.principal, board.projectKey)) return errorCollection(404, ['Sprint does not exist or you do not have permission to see it.']);
    return json(200, sprintView(ctx.site, sprint));
  },
};

/** A SearchResults page of agile issues, optionally narrowed by the `jql` parameter. */
function issuePage(ctx: RouteContext, candidates: SiteIssue[]): JiraResponse {
  const page = paging(ctx);
  if (isResponse(page)) return page;
  let issues = candidates.filter((issue) => canBrowse(ctx.site, ctx.principal, issue.projectKey));
  const jql = ctx.query.get('jql');
  if (jql) {
    try {
      const allowed = new Set(runJql({ site: ctx.site, principal: ctx.principal, jql, requireBounded: false, candidates: issues, now: ctx.now() }).issues.map((issue) => issue.key));
      issues = issues.filter((issue) => allowed.has(issue.key));
    } catch (error) {
      if (error instanceof JqlError) return errorCollection(400, [error.message]);
      throw error;
    }
  }
  const fields = ctx.query.getAll('fields').flatMap((value) => value.split(',')).filter(Boolean);
  const select = selectFields(fields.length > 0 ? fields : null, ['*navigable']);
  const slice = issues.slice(page.startAt, page.startAt + page.maxResults);
  return json(200, {
    expand: 'schema,names',
    startAt: page.startAt,
    maxResults: page.maxResults,
    total: issues.length,
    issues: slice.map((issue) => issueView({ site: ctx.site, issue, principal: ctx.principal, select })),
  });
}

const sprintIssues: Route = {
  method: 'GET',
  template: '/rest/agile/1.0/sprint/{sprintId}/issue',
  handle: (ctx) => {
    const sprint = ctx.site.sprints.get(Number(ctx.params.sprintId));
    const board = sprint ? ctx.site.boards.get(sprint.boardId) : undefined;
    if (!sprint || !board || !canBrowse(ctx.site, ctx.principal, board.projectKey)) return errorCollection(404, ['Sprint does not exist or you do not have permission to see it.']);
    return issuePage(ctx, issuesInRankOrder(ctx.site, (issue) => issue.sprintIds.includes(sprint.id)));
  },
};

const backlog: Route = {
  method: 'GET',
  template: '/rest/agile/1.0/board/{boardId}/backlog',
  handle: (ctx) => {
    const board = visibleBoard(ctx);
    if (isResponse(board)) return board;
    const openSprintIds = new Set([...ctx.site.sprints.values()].filter((sprint) => sprint.state !== 'closed').map((sprint) => sprint.id));
    const inBacklog = (issue: SiteIssue) =>
      issue.projectKey === board.projectKey && !isResolved(issue) && !issue.sprintIds.some((id) => openSprintIds.has(id)) && issue.issueTypeId !== '10000';
    return issuePage(ctx, issuesInRankOrder(ctx.site, inBacklog));
  },
};

export const AGILE_ROUTES: Route[] = [listBoards, getBoard, boardConfiguration, boardSprints, getSprint, sprintIssues, backlog];
