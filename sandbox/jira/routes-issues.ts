/**
 * Platform REST routes about issues: search, bulk fetch, get/edit, adding a comment, properties.
 */
import { z } from 'zod';
import { COMPUTED_CUSTOM_FIELDS, FIELDS, FIELD_IDS, FLAGGED_OPTION } from './catalog';
import { type ChangeItem, commentedEvent, issueUpdatedEvent, propertyEvent } from './events';
import { errorCollection, intParam, isObject, type JiraResponse, jiraTimestamp, json, notFoundIssue, type Route, type RouteContext, toJson } from './http';
import { runJql } from './jql-evaluate';
import { JqlError } from './jql-parser';
import type { Json, JsonObject, SiteIssue } from './model';
import { accessOf, visibleIssue } from './site';
import { commentView, isIdOnlySelection, issueView, selectFields } from './views';
import { decodePageToken, encodePageToken } from './page-token';

const listParam = (query: URLSearchParams, name: string): string[] | null => {
  const values = query.getAll(name).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  return values.length > 0 ? values : null;
};

const searchBody = z.object({
  jql: z.string().optional(),
  nextPageToken: z.string().nullish(),
  maxResults: z.number().int().min(0).optional(),
  fields: z.array(z.string()).optional(),
  properties: z.array(z.string()).max(5).optional(),
  expand: z.string().optional(),
  fieldsByKeys: z.boolean().optional(),
  failFast: z.boolean().optional(),
  reconcileIssues: z.array(z.number()).max(50).optional(),
});

function search(ctx: RouteContext, input: { jql: string; token: string | null; maxResults: number | null; fields: string[] | null; properties: string[] | null }): JiraResponse {
  let found;
  try {
    found = runJql({ site: ctx.site, principal: ctx.principal, jql: input.jql, requireBounded: true, now: ctx.now() });
  } catch (error) {
    if (error instanceof JqlError) return errorCollection(400, [error.message]);
    throw error;
  }
  let offset = 0;
  if (input.token) {
    const decoded = decodePageToken(input.token, input.jql);
    if (decoded === null) return errorCollection(400, ['The provided next page token is invalid or expired.']);
    offset = decoded;
  }
  const cap = isIdOnlySelection(input.fields) ? 5000 : 100;
  const pageSize = Math.min(input.maxResults ?? 50, cap);
  const page = found.issues.slice(offset, offset + pageSize);
  const select = selectFields(input.fields, ['id']);
  const isLast = offset + page.length >= found.issues.length;
  return json(200, {
    issues: page.map((issue) => issueView({ site: ctx.site, issue, principal: ctx.principal, select, idOnlyWhenEmpty: true, properties: input.properties ?? [] })),
    ...(isLast ? {} : { nextPageToken: encodePageToken(input.jql, offset + page.length) }),
    isLast,
  });
}

const searchGet: Route = {
  method: 'GET',
  template: '/rest/api/3/search/jql',
  handle: (ctx) => {
    const maxResults = intParam(ctx.query, 'maxResults', 50);
    if (typeof maxResults !== 'number') return maxResults;
    return search(ctx, {
      jql: ctx.query.get('jql') ?? '',
      token: ctx.query.get('nextPageToken'),
      maxResults,
      fields: listParam(ctx.query, 'fields'),
      properties: listParam(ctx.query, 'properties'),
    });
  },
};

const searchPost: Route = {
  method: 'POST',
  template: '/rest/api/3/search/jql',
  handle: (ctx) => {
    const parsed = searchBody.safeParse(ctx.body ?? {});
    if (!parsed.success) return errorCollection(400, [`Invalid request payload. Refer to the REST API documentation and try again. (${parsed.error.issues[0]?.message ?? ''})`]);
    const body = parsed.data;
    return search(ctx, { jql: body.jql ?? '', token: body.nextPageToken ?? null, maxResults: body.maxResults ?? null, fields: body.fields ?? null, properties: body.properties ?? null });
  },
};

const bulkBody = z.object({
  issueIdsOrKeys: z.array(z.string()),
  fields: z.array(z.string()).optional(),
  properties: z.array(z.string()).max(5).optional(),
  expand: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
});

const bulkFetch: Route = {
  method: 'POST',
  template: '/rest/api/3/issue/bulkfetch',
  handle: (ctx) => {
    const parsed = bulkBody.safeParse(ctx.body ?? {});
    if (!parsed.success) return errorCollection(400, ['Invalid request payload. Refer to the REST API documentation and try again.']);
    const { issueIdsOrKeys, fields, properties } = parsed.data;
    if (issueIdsOrKeys.length === 0) return errorCollection(400, ['At least one issue key or id must be provided.']);
    if (issueIdsOrKeys.length > 100) return errorCollection(400, ['The number of issues requested exceeds the maximum of 100.']);
    const select = selectFields(fields ?? null, ['*navigable']);
    const issues = new Map<string, SiteIssue>();
    const issueErrors: JsonObject[] = [];
    for (const idOrKey of issueIdsOrKeys) {
      const issue = visibleIssue(ctx.site, ctx.principal, idOrKey);
      if (issue) issues.set(issue.id, issue);
      else issueErrors.push({ id: idOrKey, errorMessage: 'Issue does not exist or you do not have permission to see it.' });
    }
    const sorted = [...issues.values()].sort((a, b) => Number(a.id) - Number(b.id));
    return json(200, {
      issues: sorted.map((issue) => issueView({ site: ctx.site, issue, principal: ctx.principal, select, properties: properties ?? [] })),
      issueErrors,
    });
  },
};

const getIssue: Route = {
  method: 'GET',
  template: '/rest/api/3/issue/{issueIdOrKey}',
  handle: (ctx) => {
    const issue = visibleIssue(ctx.site, ctx.principal, ctx.params.issueIdOrKey ?? '');
    if (!issue) return notFoundIssue();
    const select = selectFields(listParam(ctx.query, 'fields'), ['*all']);
    return json(200, issueView({ site: ctx.site, issue, principal: ctx.principal, select, properties: listParam(ctx.query, 'properties') ?? [] }));
  },
};

const editBody = z.object({
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
  properties: z.array(z.unknown()).optional(),
  historyMetadata: z.unknown().optional(),
  transition: z.unknown().optional(),
});

const cannotSet = (fieldId: string) => `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;

const isAdfDoc = (value: unknown): boolean => isObject(value) && value.type === 'doc' && value.version === 1 && Array.isArray(value.content);

/** Applies one field's new value; returns an error message or the changelog item. */
function applyField(issue: SiteIssue, fieldId: string, value: unknown): string | ChangeItem | null {
  const definition = FIELDS.find((field) => field.id === fieldId);
  const display = (json: Json | undefined): string | null => (json === null || json === undefined ? null : typeof json === 'string' ? json : JSON.stringify(json));
  switch (fieldId) {
    case 'summary':
      if (typeof value !== 'string' || value.trim() === '') return 'You must specify a summary of the issue.';
      if (value.length > 255) return 'Summary must be less than 255 characters.';
      {
        const from = issue.summary;
        issue.summary = value;
        return { field: 'summary', fieldId: 'summary', fieldtype: 'jira', from: null, fromString: from, to: null, toString: value };
      }
    case 'description':
      if (value !== null && !isAdfDoc(value)) return 'Operation value must be an Atlassian Document (see the Atlassian Document Format).';
      issue.description = toJson(value);
      return { field: 'description', fieldId: 'description', fieldtype: 'jira', from: null, fromString: null, to: null, toString: null };
    case 'labels': {
      if (!Array.isArray(value) || !value.every((label) => typeof label === 'string')) return 'Operation value must be an array of strings.';
      const labels = value.filter((label): label is string => typeof label === 'string');
      if (labels.some((label) => /\s/.test(label))) return 'The label can not contain spaces.';
      const from = issue.labels.join(' ');
      issue.labels = [...new Set(labels)];
      return { field: 'labels', fieldId: 'labels', fieldtype: 'jira', from: null, fromString: from || null, to: null, toString: issue.labels.join(' ') || null };
    }
    case FIELD_IDS.flagged: {
      const options = value === null ? [] : value;
      if (!Array.isArray(options)) return "Specify the value for 'Flagged' in an array.";
      const valid = options.every((option) => isObject(option) && (option.value === FLAGGED_OPTION.value || option.id === FLAGGED_OPTION.id));
      if (!valid) return `Option value '${JSON.stringify(options[0])}' is not valid`;
      const from = issue.custom[fieldId] ? 'Impediment' : null;
      if (options.length === 0) delete issue.custom[fieldId];
      else issue.custom[fieldId] = [{ self: `https://example.invalid/rest/api/3/customFieldOption/${FLAGGED_OPTION.id}`, value: FLAGGED_OPTION.value, id: FLAGGED_OPTION.id }];
      return { field: 'Flagged', fieldId, fieldtype: 'custom', from: null, fromString: from, to: null, toString: options.length > 0 ? 'Impediment' : null };
    }
    default: {
      if (!definition?.custom) return cannotSet(fieldId);
      if (definition.schema?.type === 'number') {
        if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) return 'Operation value must be a number';
        const from = issue.custom[fieldId];
        issue.custom[fieldId] = value;
        return { field: definition.name, fieldId, fieldtype: 'custom', from: null, fromString: display(from), to: null, toString: display(value) };
      }
      if (definition.schema?.type === 'string') {
        if (value !== null && typeof value !== 'string') return 'Operation value must be a string';
        issue.custom[fieldId] = value;
        return null;
      }
      return cannotSet(fieldId);
    }
  }
}

const editIssue: Route = {
  method: 'PUT',
  template: '/rest/api/3/issue/{issueIdOrKey}',
  handle: (ctx) => {
    const issue = visibleIssue(ctx.site, ctx.principal, ctx.params.issueIdOrKey ?? '');
    if (!issue) return notFoundIssue();
    if (!accessOf(ctx.site, ctx.principal, issue.projectKey).edit) return errorCollection(403, ['You do not have permission to edit issues in this project.']);
    const parsed = editBody.safeParse(ctx.body ?? {});
    if (!parsed.success) return errorCollection(400, ['Invalid request payload. Refer to the REST API documentation and try again.']);
    const screen = ctx.site.projects.get(issue.projectKey)?.screenFieldIds ?? [];
    const errors: Record<string, string> = {};
    // Validate everything on a copy first: Jira applies an edit completely or not at all.
    const draft = structuredClone(issue);
    const items: ChangeItem[] = [];
    const onScreen = (fieldId: string) => screen.includes(fieldId) && !COMPUTED_CUSTOM_FIELDS.has(fieldId);
    for (const [fieldId, value] of Object.entries(parsed.data.fields ?? {})) {
      if (!onScreen(fieldId)) {
        errors[fieldId] = cannotSet(fieldId);
        continue;
      }
      const result = applyField(draft, fieldId, value);
      if (typeof result === 'string') errors[fieldId] = result;
      else if (result) items.push(result);
    }
    for (const [fieldId, operations] of Object.entries(parsed.data.update ?? {})) {
      if (!onScreen(fieldId)) {
        errors[fieldId] = cannotSet(fieldId);
        continue;
      }
      if (fieldId !== 'labels') {
        const setOp = operations.find((operation) => 'set' in operation);
        if (operations.length !== 1 || !setOp) {
          errors[fieldId] = `Field '${fieldId}' does not support the operations supplied.`;
          continue;
        }
        const result = applyField(draft, fieldId, setOp.set);
        if (typeof result === 'string') errors[fieldId] = result;
        else if (result) items.push(result);
        continue;
      }
      let labels = [...draft.labels];
      for (const operation of operations) {
        if (typeof operation.add === 'string') labels.push(operation.add);
        else if (typeof operation.remove === 'string') labels = labels.filter((label) => label !== operation.remove);
        else if (Array.isArray(operation.set)) labels = operation.set.filter((label): label is string => typeof label === 'string');
        else errors.labels = 'Operation value must be a string.';
      }
      const result = applyField(draft, 'labels', labels);
      if (typeof result === 'string') errors.labels = result;
      else if (result) items.push(result);
    }
    if (Object.keys(errors).length > 0) return errorCollection(400, [], errors);
    const changed = items.filter((item) => item.fromString !== item.toString || item.fieldId === 'description');
    Object.assign(issue, draft, { updated: jiraTimestamp(ctx.now()) });
    if (changed.length > 0) {
      ctx.emit(issueUpdatedEvent({ site: ctx.site, issue, actor: actorOf(ctx), now: ctx.now(), items: changed }));
    }
    if (ctx.query.get('returnIssue') === 'true') {
      return json(200, issueView({ site: ctx.site, issue, principal: ctx.principal, select: selectFields(null, ['*all']) }));
    }
    return json(204, null);
  },
};

const actorOf = (ctx: RouteContext): string => (ctx.principal.kind === 'user' ? ctx.principal.accountId : ctx.site.appAccountId);

const commentBody = z.object({ body: z.unknown(), visibility: z.unknown().optional(), properties: z.unknown().optional() });

const addComment: Route = {
  method: 'POST',
  template: '/rest/api/3/issue/{issueIdOrKey}/comment',
  handle: (ctx) => {
    const issue = visibleIssue(ctx.site, ctx.principal, ctx.params.issueIdOrKey ?? '');
    if (!issue) return notFoundIssue();
    const parsed = commentBody.safeParse(ctx.body ?? {});
    if (!parsed.success || !isAdfDoc(parsed.data.body)) return errorCollection(400, [], { comment: 'Comment body is not valid!' });
    ctx.site.counters.commentId += 1;
    const now = jiraTimestamp(ctx.now());
    const comment = { id: String(ctx.site.counters.commentId), authorAccountId: actorOf(ctx), body: toJson(parsed.data.body), created: now, updated: now };
    issue.comments.push(comment);
    ctx.emit(commentedEvent({ site: ctx.site, issue, actor: actorOf(ctx), now: ctx.now(), commentId: comment.id }));
    return json(201, commentView(ctx.site, issue, comment));
  },
};

const PROPERTY_KEY = /^.{1,255}$/;

function propertyRoute(method: 'GET' | 'PUT'): Route {
  return {
    method,
    template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    handle: (ctx) => {
      const issue = visibleIssue(ctx.site, ctx.principal, ctx.params.issueIdOrKey ?? '');
      if (!issue) return notFoundIssue();
      const key = ctx.params.propertyKey ?? '';
      if (method === 'GET') {
        const value = issue.properties[key];
        if (value === undefined) return errorCollection(404, [`The property with key '${key}' does not exist.`]);
        return json(200, { key, value });
      }
      if (!accessOf(ctx.site, ctx.principal, issue.projectKey).edit) return errorCollection(403, ['You do not have permission to edit this issue.']);
      if (!PROPERTY_KEY.test(key)) return errorCollection(400, ['The property key is too long.']);
      if (ctx.body === undefined) return errorCollection(400, ['The property value must be valid JSON.']);
      const value = toJson(ctx.body);
      if (JSON.stringify(value).length > 32_768) return errorCollection(400, ['The property value is too long. The maximum length is 32768 characters.']);
      const existed = issue.properties[key] !== undefined;
      issue.properties[key] = value;
      ctx.emit(propertyEvent({ site: ctx.site, issue, actor: actorOf(ctx), now: ctx.now(), key, value }));
      return json(existed ? 200 : 201, null);
    },
  };
}

export const ISSUE_ROUTES: Route[] = [
  searchGet,
  searchPost,
  bulkFetch,
  getIssue,
  editIssue,
  addComment,
  propertyRoute('GET'),
  propertyRoute('PUT'),
];
