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
import { accessOf, findIssue, visibleIssue } from './site';
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

const entityProperty = z.object({ key: z.string().min(1).max(255), value: z.unknown() });

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
    const access = accessOf(ctx.site, ctx.principal, issue.projectKey);
    if (!access.edit) return errorCollection(403, ['You do not have permission to edit issues in this project.']);
    // editIssue, query parameter `notifyUsers` (boolean, default true): "To disable the notification,
    // administer Jira or administer project permissions are required. If the user doesn't have the
    // necessary permission the request is ignored." So by default the edit is applied and watchers are
    // notified (the flag is ignored). Some real sites reject the whole edit with this 403 instead
    // (reported by public Jira clients): `site.refuseQuietEdits` is that fault. The value stays in the
    // request path, which the traffic log records.
    if (ctx.query.get('notifyUsers') === 'false' && !access.admin && ctx.site.refuseQuietEdits) {
      return errorCollection(403, ['To discard the user notification either admin or project admin permissions are required.']);
    }
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
    // IssueUpdateDetails `properties`: "Details of issue properties to be add or update" (EntityProperty {key, value}).
    const properties: [string, Json][] = [];
    for (const raw of parsed.data.properties ?? []) {
      const property = entityProperty.safeParse(raw);
      if (!property.success) return errorCollection(400, ['Invalid request payload. Refer to the REST API documentation and try again.']);
      const value = toJson(property.data.value);
      if (JSON.stringify(value).length > 32_768) return errorCollection(400, ['The property value is too long. The maximum length is 32768 characters.']);
      properties.push([property.data.key, value]);
    }
    if (Object.keys(errors).length > 0) return errorCollection(400, [], errors);
    for (const [key, value] of properties) draft.properties[key] = value;
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

/**
 * addComment body (`Comment` schema): `body` ADF, optional `visibility`, and `properties`, "A list of
 * comment properties. Optional on create and update." — `EntityProperty` items `{ key, value }`.
 * Entity property keys are at most 255 characters and values at most 32,768 (issue-properties docs).
 */
const commentBody = z.object({
  body: z.unknown(),
  visibility: z.unknown().optional(),
  properties: z.array(z.object({ key: z.string().min(1).max(255), value: z.unknown() })).optional(),
});

const addComment: Route = {
  method: 'POST',
  template: '/rest/api/3/issue/{issueIdOrKey}/comment',
  handle: (ctx) => {
    const issue = visibleIssue(ctx.site, ctx.principal, ctx.params.issueIdOrKey ?? '');
    if (!issue) return notFoundIssue();
    const parsed = commentBody.safeParse(ctx.body ?? {});
    if (!parsed.success || !isAdfDoc(parsed.data.body)) return errorCollection(400, [], { comment: 'Comment body is not valid!' });
    const properties: Record<string, Json> = {};
    for (const property of parsed.data.properties ?? []) {
      const value = toJson(property.value);
      if (JSON.stringify(value).length > 32_768) return errorCollection(400, ['The property value is too long. The maximum length is 32768 characters.']);
      properties[property.key] = value;
    }
    ctx.site.counters.commentId += 1;
    const now = jiraTimestamp(ctx.now());
    const comment = {
      id: String(ctx.site.counters.commentId),
      authorAccountId: actorOf(ctx),
      body: toJson(parsed.data.body),
      created: now,
      updated: now,
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
    };
    issue.comments.push(comment);
    ctx.emit(commentedEvent({ site: ctx.site, issue, actor: actorOf(ctx), now: ctx.now(), commentId: comment.id }));
    return json(201, commentView(ctx.site, issue, comment));
  },
};

const COMMENT_ORDERS = new Set(['created', '+created', '-created']);

/**
 * getComments: "Returns all comments for an issue", paged by `startAt` / `maxResults` (default 100),
 * `orderBy` one of `created`, `-created`, `+created` (400 otherwise), answered as `PageOfComments`
 * `{ comments, maxResults, startAt, total }`. Properties are not part of this answer (its `expand`
 * accepts only `renderedBody`, which the emulator does not render).
 */
const getComments: Route = {
  method: 'GET',
  template: '/rest/api/3/issue/{issueIdOrKey}/comment',
  handle: (ctx) => {
    const issue = visibleIssue(ctx.site, ctx.principal, ctx.params.issueIdOrKey ?? '');
    if (!issue) return notFoundIssue();
    const startAt = intParam(ctx.query, 'startAt', 0);
    if (typeof startAt !== 'number') return startAt;
    const maxResults = intParam(ctx.query, 'maxResults', 100);
    if (typeof maxResults !== 'number') return maxResults;
    const orderBy = ctx.query.get('orderBy');
    if (orderBy !== null && !COMMENT_ORDERS.has(orderBy)) return errorCollection(400, [`Ordering by '${orderBy}' is not supported. Only 'created' is.`]);
    const ordered = [...issue.comments].sort((a, b) => a.created.localeCompare(b.created) || Number(a.id) - Number(b.id));
    if (orderBy === '-created') ordered.reverse();
    const page = ordered.slice(startAt, startAt + maxResults);
    return json(200, { comments: page.map((comment) => commentView(ctx.site, issue, comment)), maxResults, startAt, total: issue.comments.length });
  },
};

const commentListBody = z.object({ ids: z.array(z.number().int()).min(1).max(1000) });

/**
 * getCommentsByIds: body `{ ids }` (at most 1000, 400 when empty or more), `expand` a comma list
 * of `renderedBody` and `properties` ("Returns the comment's properties"); answered as
 * `PageBeanComment` `{ isLast, maxResults, startAt, total, values }`. Comments on issues the caller
 * may not browse are left out.
 */
const getCommentsByIds: Route = {
  method: 'POST',
  template: '/rest/api/3/comment/list',
  handle: (ctx) => {
    const parsed = commentListBody.safeParse(ctx.body ?? {});
    if (!parsed.success) return errorCollection(400, ['The request must contain between 1 and 1000 comment IDs.']);
    const expand = new Set(listParam(ctx.query, 'expand') ?? []);
    const wanted = new Set(parsed.data.ids.map(String));
    const values: Json[] = [];
    for (const issue of ctx.site.issues.values()) {
      if (!visibleIssue(ctx.site, ctx.principal, issue.id)) continue;
      for (const comment of issue.comments) {
        if (!wanted.has(comment.id)) continue;
        const view = commentView(ctx.site, issue, comment);
        values.push(
          expand.has('properties')
            ? { ...view, properties: Object.entries(comment.properties ?? {}).map(([key, value]): Json => ({ key, value })) }
            : view,
        );
      }
    }
    return json(200, { isLast: true, maxResults: parsed.data.ids.length, startAt: 0, total: values.length, values });
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

/**
 * bulkSetIssuePropertiesByIssue: body MultiIssueEntityProperties `{issues: [{issueID, properties}]}`
 * (≤ 100 issues, ≤ 10 properties each); "303 Returned if the operation is successfully submitted",
 * with the task in Location. Non-transactional: issues the caller may not edit are skipped. The
 * emulator finishes the task at once; GET /rest/api/3/task/{taskId} reports it COMPLETE.
 */
const multiIssueProperties = z.object({
  issues: z.array(z.object({ issueID: z.number().int(), properties: z.record(z.string(), z.unknown()) }).strict()).min(1).max(100),
}).strict();

const setPropertiesMulti: Route = {
  method: 'POST',
  template: '/rest/api/3/issue/properties/multi',
  handle: (ctx) => {
    const parsed = multiIssueProperties.safeParse(ctx.body);
    if (!parsed.success || parsed.data.issues.some((entry) => Object.keys(entry.properties).length < 1 || Object.keys(entry.properties).length > 10)) {
      return errorCollection(400, ['Invalid request payload. Refer to the REST API documentation and try again.']);
    }
    for (const entry of parsed.data.issues) {
      const issue = visibleIssue(ctx.site, ctx.principal, String(entry.issueID));
      if (!issue || !accessOf(ctx.site, ctx.principal, issue.projectKey).edit) continue;
      for (const [key, value] of Object.entries(entry.properties)) issue.properties[key] = toJson(value);
    }
    const taskId = String(10_000 + (tasks.size + 1));
    const at = ctx.now().getTime();
    // TaskProgressBeanObject (Jira REST v3 "Tasks" → Get task): submittedBy is a required int64 user id;
    // Cloud accounts have no numeric id, so the emulator reports one fixed number for every submitter.
    tasks.set(taskId, { id: taskId, self: `${ctx.site.siteUrl}/rest/api/3/task/${taskId}`, description: 'Set issue properties', status: 'COMPLETE', progress: 100, submitted: at, submittedBy: TASK_SUBMITTER_ID, started: at, finished: at, lastUpdate: at, elapsedRuntime: 0, message: 'Completed' });
    return json(303, null, { location: `${ctx.site.siteUrl}/rest/api/3/task/${taskId}` });
  },
};

/** Tasks of asynchronous operations (TaskProgressBeanObject), kept per process; ids are unique per emulator run. */
const TASK_SUBMITTER_ID = 10_000;
const tasks = new Map<string, JsonObject>();

const getTask: Route = {
  method: 'GET',
  template: '/rest/api/3/task/{taskId}',
  handle: (ctx) => {
    const task = tasks.get(ctx.params.taskId ?? '');
    return task ? json(200, task) : errorCollection(404, ['The task does not exist.']);
  },
};

/**
 * updateMultipleCustomFieldValues: `{updates: [{customField, issueIds, value}]}`; only the app's own
 * Forge fields; `generateChangelog` (default true) false adds no history. 204 on success.
 */
const fieldValueUpdates = z.object({
  updates: z.array(z.object({ customField: z.string(), issueIds: z.array(z.number().int()), value: z.unknown() }).strict()),
}).strict();

const setAppFieldValues: Route = {
  method: 'POST',
  template: '/rest/api/3/app/field/value',
  handle: (ctx) => {
    if (ctx.principal.kind !== 'app') return errorCollection(403, ['Only the app that provides the field can set its values.']);
    const parsed = fieldValueUpdates.safeParse(ctx.body);
    if (!parsed.success) return errorCollection(400, ['Invalid request payload. Refer to the REST API documentation and try again.']);
    for (const update of parsed.data.updates) {
      if (update.customField !== FIELD_IDS.readiness) return errorCollection(404, [`The custom field ${update.customField} was not found or is not provided by the app.`]);
      if (update.value !== null && typeof update.value !== 'number') return errorCollection(400, [], { [update.customField]: 'The value must be a number.' });
    }
    for (const update of parsed.data.updates) {
      for (const issueId of update.issueIds) {
        const issue = findIssue(ctx.site, String(issueId));
        if (issue) issue.custom[update.customField] = toJson(update.value);
      }
    }
    appFieldChangelog.entries += ctx.query.get('generateChangelog') === 'false' ? 0 : parsed.data.updates.reduce((sum, update) => sum + update.issueIds.length, 0);
    return json(204, null);
  },
};

/** History entries the app's field writes would have created (0 with generateChangelog=false). */
export const appFieldChangelog = { entries: 0 };

export const ISSUE_ROUTES: Route[] = [
  setPropertiesMulti,
  getTask,
  setAppFieldValues,
  searchGet,
  searchPost,
  bulkFetch,
  getIssue,
  editIssue,
  addComment,
  getComments,
  getCommentsByIds,
  propertyRoute('GET'),
  propertyRoute('PUT'),
];
