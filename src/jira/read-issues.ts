/**
 * Issue reads. Every request names its fields explicitly and every walk stops at a cap, so the
 * cost follows the refinement horizon, never the size of the backlog.
 */
import { route, type Route } from '@forge/api';
import type { NormalizedIssue } from '../domain/issue';
import type { FieldPlan, IssuePage } from '../usecases/ports';
import { issueFieldsFor, normalizeIssue, READINESS_PROPERTY_KEY } from './normalize-issue';
import type { JiraClient } from './request';
import { agileIssuesPageSchema } from './schemas/agile-page';
import { bulkFetchResponseSchema } from './schemas/bulkfetch';
import { restIssueSchema } from './schemas/issue';
import { searchJqlResponseSchema } from './schemas/search';

const DEFAULT_PAGE_SIZE = 50;
/** Jira returns at most 100 issues per page when fields are requested. */
const MAX_PAGE_SIZE = 100;
/** bulkfetch accepts at most 100 ids or keys per request. */
const BULK_CHUNK = 100;

const pageSizeOf = (pageSize: number | undefined) => Math.max(1, Math.min(MAX_PAGE_SIZE, pageSize ?? DEFAULT_PAGE_SIZE));

export async function getIssue(params: { client: JiraClient; issueIdOrKey: string; plan: FieldPlan }): Promise<NormalizedIssue> {
  const fields = issueFieldsFor(params.plan).join(',');
  const issue = await params.client.get(route`/rest/api/3/issue/${params.issueIdOrKey}?fields=${fields}&properties=${READINESS_PROPERTY_KEY}`, restIssueSchema);
  return normalizeIssue({ issue, plan: params.plan });
}

export async function searchIssues(params: {
  client: JiraClient;
  jql: string;
  plan: FieldPlan;
  maxItems: number;
  pageSize?: number;
}): Promise<IssuePage> {
  if (params.maxItems <= 0) return { issues: [], truncated: false };
  const fields = issueFieldsFor(params.plan);
  const pageSize = pageSizeOf(params.pageSize);
  const issues: NormalizedIssue[] = [];
  let nextPageToken: string | undefined;
  while (issues.length < params.maxItems) {
    const page = await params.client.post(route`/rest/api/3/search/jql`, searchJqlResponseSchema, {
      jql: params.jql,
      fields,
      properties: [READINESS_PROPERTY_KEY],
      maxResults: Math.min(pageSize, params.maxItems - issues.length),
      ...(nextPageToken ? { nextPageToken } : {}),
    });
    const room = params.maxItems - issues.length;
    issues.push(...page.issues.slice(0, room).map((issue) => normalizeIssue({ issue, plan: params.plan })));
    const more = Boolean(page.nextPageToken) && page.isLast !== true;
    if (page.issues.length > room) return { issues, truncated: true };
    if (!more || page.issues.length === 0) return { issues, truncated: false };
    nextPageToken = page.nextPageToken ?? undefined;
  }
  return { issues, truncated: true };
}

/** One page of a JQL search, with its continuation token, for work that is spread over queue events. */
export async function searchPage(params: {
  client: JiraClient;
  jql: string;
  plan: FieldPlan;
  pageToken: string | null;
  pageSize: number;
  /** The app's Readiness custom field, read alongside so unchanged values are not written again. */
  readinessFieldId: string | null;
}): Promise<{ issues: NormalizedIssue[]; fieldValues: Map<string, number | null>; nextPageToken: string | null }> {
  const fields = issueFieldsFor(params.plan);
  const page = await params.client.post(route`/rest/api/3/search/jql`, searchJqlResponseSchema, {
    jql: params.jql,
    fields: params.readinessFieldId ? [...fields, params.readinessFieldId] : fields,
    properties: [READINESS_PROPERTY_KEY],
    maxResults: pageSizeOf(params.pageSize),
    ...(params.pageToken ? { nextPageToken: params.pageToken } : {}),
  });
  const fieldValues = new Map<string, number | null>();
  for (const issue of page.issues) {
    const raw: unknown = params.readinessFieldId ? Reflect.get(issue.fields ?? {}, params.readinessFieldId) : null;
    fieldValues.set(issue.id, typeof raw === 'number' ? raw : null);
  }
  const more = Boolean(page.nextPageToken) && page.isLast !== true && page.issues.length > 0;
  return {
    issues: page.issues.map((issue) => normalizeIssue({ issue, plan: params.plan })),
    fieldValues,
    nextPageToken: more ? (page.nextPageToken ?? null) : null,
  };
}

export function sprintIssues(params: {
  client: JiraClient;
  sprintId: number;
  plan: FieldPlan;
  maxItems: number;
  pageSize?: number;
}): Promise<IssuePage> {
  const fields = issueFieldsFor(params.plan).join(',');
  return walkAgileIssues({
    ...params,
    pageRoute: ({ startAt, maxResults }) =>
      route`/rest/agile/1.0/sprint/${params.sprintId}/issue?startAt=${startAt}&maxResults=${maxResults}&fields=${fields}`,
  });
}

export function backlogIssues(params: {
  client: JiraClient;
  boardId: number;
  plan: FieldPlan;
  maxItems: number;
  pageSize?: number;
  enough?: (soFar: NormalizedIssue[]) => boolean;
}): Promise<IssuePage> {
  const fields = issueFieldsFor(params.plan).join(',');
  return walkAgileIssues({
    ...params,
    pageRoute: ({ startAt, maxResults }) =>
      route`/rest/agile/1.0/board/${params.boardId}/backlog?startAt=${startAt}&maxResults=${maxResults}&fields=${fields}`,
  });
}

/** Agile 1.0 lists page with startAt/total; walk them in rank order until told to stop. */
async function walkAgileIssues(params: {
  client: JiraClient;
  plan: FieldPlan;
  maxItems: number;
  pageSize?: number;
  enough?: (soFar: NormalizedIssue[]) => boolean;
  pageRoute: (page: { startAt: number; maxResults: number }) => Route;
}): Promise<IssuePage> {
  if (params.maxItems <= 0) return { issues: [], truncated: false };
  const pageSize = pageSizeOf(params.pageSize);
  const issues: NormalizedIssue[] = [];
  let startAt = 0;
  while (issues.length < params.maxItems) {
    const room = params.maxItems - issues.length;
    const page = await params.client.get(params.pageRoute({ startAt, maxResults: Math.min(pageSize, room) }), agileIssuesPageSchema);
    issues.push(...page.issues.slice(0, room).map((issue) => normalizeIssue({ issue, plan: params.plan })));
    if (params.enough?.(issues)) return { issues, truncated: false };
    if (page.issues.length > room) return { issues, truncated: true };
    startAt += page.issues.length;
    const endReached = page.issues.length === 0 || (page.total !== undefined && startAt >= page.total);
    if (endReached) return { issues, truncated: false };
  }
  return { issues, truncated: true };
}

/**
 * The issues among `issueIdsOrKeys` the principal may browse (bulkfetch silently leaves out the
 * others, and lists unknown ones in `issueErrors`), with only the key field asked for.
 */
export async function visibleIssues(params: { client: JiraClient; issueIdsOrKeys: string[] }): Promise<{ id: string; key: string }[]> {
  const wanted = [...new Set(params.issueIdsOrKeys)];
  const visible: { id: string; key: string }[] = [];
  for (let start = 0; start < wanted.length; start += BULK_CHUNK) {
    const page = await params.client.post(route`/rest/api/3/issue/bulkfetch`, bulkFetchResponseSchema, {
      issueIdsOrKeys: wanted.slice(start, start + BULK_CHUNK),
      fields: ['summary'],
    });
    for (const issue of page.issues ?? []) visible.push({ id: issue.id, key: issue.key });
  }
  return visible;
}
