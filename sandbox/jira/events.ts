/**
 * Forge product-event payloads (avi:jira:*, avi:jira-software:*) built from emulator state.
 *
 * Each shape follows the Forge events reference (snapshot of 2026-08-22, mirrored under
 * forge-docs/mirror/events-reference/): "Jira events" (jira/) and "Jira Software events"
 * (jira-software/). The app's trigger schemas and its tests are written from the same pages,
 * not from this file, so a misreading here cannot hide a misreading in the app.
 */
import { FIELD_IDS, LINK_TYPES } from './catalog';
import { jiraTimestamp } from './http';
import type { Json, JsonObject, SiteIssue, SiteLink, SiteSprint } from './model';
import { findIssue, type Site } from './site';
import { commentView, issueTypeView, projectView, statusView, userDetails } from './views';

export type ForgeEventType =
  | 'avi:jira:created:issue'
  | 'avi:jira:updated:issue'
  | 'avi:jira:deleted:issue'
  | 'avi:jira:commented:issue'
  | 'avi:jira:created:issuelink'
  | 'avi:jira:deleted:issuelink'
  | 'avi:jira:set:issue-property'
  | 'avi:jira:deleted:issue-property'
  | 'avi:jira-software:created:sprint'
  | 'avi:jira-software:started:sprint'
  | 'avi:jira-software:updated:sprint'
  | 'avi:jira-software:closed:sprint';

export interface ForgeEvent extends JsonObject {
  eventType: ForgeEventType;
  /** Set on every delivered event (events-reference/product_events, "ignoreSelf"); the emulator fills in the real value. */
  selfGenerated: boolean;
}

export interface ChangeItem extends JsonObject {
  field: string;
  fieldId: string;
  fieldtype: 'jira' | 'custom';
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

/**
 * The root of every Jira event: the event name, `selfGenerated`, and the common field `timestamp`,
 * "the time when the event occurred, in epoch milliseconds", typed `string` (events-reference/jira,
 * "Common fields in Jira event payloads"). `webhookTraceValue` is only sent when the app passed
 * `X-Atlassian-Webhook-Trace`, which it never does.
 */
function jiraEventBase(eventType: ForgeEventType, now: Date): ForgeEvent {
  return { eventType, selfGenerated: false, timestamp: String(now.getTime()) };
}

/** `atlassianId?`: "[Optional] The ID of the user that has caused the event", on the events whose table lists it. */
const actorOf = (actor: string | null): JsonObject => (actor ? { atlassianId: actor } : {});

/**
 * `issue` of the issue events: `{ id: string, key: string, fields }`, where `fields` is the small
 * subset Forge sends (summary, issuetype, project, status, created, updated, creator, reporter,
 * assignee) — events-reference/jira "Issue events" and product_events "Example" (`issue.fields.issuetype`).
 */
function issueSubset(site: Site, issue: SiteIssue): JsonObject {
  const project = site.projects.get(issue.projectKey);
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: issue.summary,
      issuetype: issueTypeView(site, issue),
      project: project ? projectView(site, project) : null,
      status: statusView(site, issue),
      created: issue.created,
      updated: issue.updated,
      creator: userDetails(site, issue.creatorAccountId),
      reporter: userDetails(site, issue.reporterAccountId),
      assignee: userDetails(site, issue.assigneeAccountId),
    },
  };
}

/** "Issue created" (events-reference/jira): `{ eventType, selfGenerated, issue, atlassianId? }` + common fields. */
export function issueCreatedEvent(params: { site: Site; issue: SiteIssue; actor: string | null; now: Date }): ForgeEvent {
  return { ...jiraEventBase('avi:jira:created:issue', params.now), issue: issueSubset(params.site, params.issue), ...actorOf(params.actor) };
}

/** "Issue updated" (events-reference/jira): `{ eventType, selfGenerated, issue, atlassianId?, changelog }` + common fields. */
export function issueUpdatedEvent(params: { site: Site; issue: SiteIssue; actor: string | null; now: Date; items: ChangeItem[] }): ForgeEvent {
  return {
    ...jiraEventBase('avi:jira:updated:issue', params.now),
    ...actorOf(params.actor),
    issue: issueSubset(params.site, params.issue),
    changelog: { id: String(Date.now()), items: params.items },
  };
}

/**
 * "Comment events", `avi:jira:commented:issue` (events-reference/jira): `{ eventType, selfGenerated,
 * issue, atlassianId?, comment }`, the comment "including its author, body content, and other metadata".
 */
export function commentedEvent(params: { site: Site; issue: SiteIssue; actor: string | null; now: Date; commentId: string }): ForgeEvent {
  const comment = params.issue.comments.find((candidate) => candidate.id === params.commentId);
  return {
    ...jiraEventBase('avi:jira:commented:issue', params.now),
    issue: issueSubset(params.site, params.issue),
    ...actorOf(params.actor),
    comment: comment ? commentView(params.site, params.issue, comment) : { id: params.commentId },
  };
}

/**
 * `avi:jira:set:issue-property`: the event name exists (@forge/manifest's product-event scope
 * mapping), but the events reference snapshot documents no payload for it. The app never
 * subscribes; the sandbox emits it only so `ignoreSelf` can be seen suppressing the app's writes.
 */
export function propertyEvent(params: { site: Site; issue: SiteIssue; actor: string | null; now: Date; key: string; value: Json }): ForgeEvent {
  return {
    ...jiraEventBase('avi:jira:set:issue-property', params.now),
    ...actorOf(params.actor),
    entityId: params.issue.id,
    entityType: 'issue',
    propertyKey: params.key,
    propertyValue: params.value,
  };
}

/**
 * "Issue link events" (events-reference/jira): the same flat payload for created and deleted,
 * `{ eventType, selfGenerated, id, sourceIssueId, destinationIssueId, sourceProjectId,
 * destinationProjectId, issueLinkType }` + common fields; every id a string, no `issueLink`
 * wrapper and no `atlassianId` in the table. `issueLinkType` is an IssueLinkType object; the
 * snapshot does not spell out its keys, so it carries the REST IssueLinkType's `id, name, inward, outward`.
 */
export function issueLinkEvent(params: {
  site: Site;
  link: SiteLink;
  created: boolean;
  /** Who made the change; not sent, as the payload table has no `atlassianId`. */
  actor: string | null;
  now: Date;
}): ForgeEvent {
  const type = LINK_TYPES.find((candidate) => candidate.id === params.link.typeId) ?? LINK_TYPES[0]!;
  const end = (key: string) => {
    const issue = findIssue(params.site, key);
    if (!issue) throw new Error(`Link ${params.link.id} names the unknown issue ${key}`);
    const project = params.site.projects.get(issue.projectKey);
    if (!project) throw new Error(`Issue ${key} is in the unknown project ${issue.projectKey}`);
    return { issueId: issue.id, projectId: project.id };
  };
  const source = end(params.link.sourceKey);
  const destination = end(params.link.destinationKey);
  return {
    ...jiraEventBase(params.created ? 'avi:jira:created:issuelink' : 'avi:jira:deleted:issuelink', params.now),
    id: params.link.id,
    sourceIssueId: source.issueId,
    destinationIssueId: destination.issueId,
    sourceProjectId: source.projectId,
    destinationProjectId: destination.projectId,
    issueLinkType: { id: type.id, name: type.name, inward: type.inward, outward: type.outward },
  };
}

/** Sprint dates as the reference example writes them: "2024-09-24T10:59:20.334+0200". */
function sprintEventDate(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : jiraTimestamp(new Date(time));
}

/** The `Sprint` type of "Sprint events": ids as strings, optional keys left out when unset. */
function sprintPayload(sprint: Partial<SiteSprint>): JsonObject {
  return {
    ...(sprint.id !== undefined ? { id: String(sprint.id) } : {}),
    ...(sprint.boardId !== undefined ? { originBoardId: String(sprint.boardId) } : {}),
    ...(sprint.name !== undefined ? { name: sprint.name } : {}),
    ...(sprint.goal !== undefined && sprint.goal !== null ? { goal: sprint.goal } : {}),
    ...(sprint.state !== undefined ? { state: sprint.state } : {}),
    ...(sprint.createdDate ? { createDate: sprintEventDate(sprint.createdDate) } : {}),
    ...(sprint.startDate ? { startDate: sprintEventDate(sprint.startDate) } : {}),
    ...(sprint.endDate ? { endDate: sprintEventDate(sprint.endDate) } : {}),
    ...(sprint.completeDate ? { completeDate: sprintEventDate(sprint.completeDate) } : {}),
  };
}

/**
 * "Sprint events" (events-reference/jira-software): `{ eventType, sprint, oldValue?, atlassianId? }`
 * with `sprint: { id: string, originBoardId?: string, name, goal?, state, createDate?, startDate?,
 * endDate?, completeDate? }`; `oldValue` (the changed values before the change) only for updated.
 * The Jira Software page lists no common fields and its example has no `timestamp`, so none is sent;
 * `selfGenerated` is set as for every product event (product_events, "ignoreSelf").
 */
export function sprintEvent(params: {
  type: 'created' | 'started' | 'updated' | 'closed';
  sprint: SiteSprint;
  actor: string | null;
  /** When the change happened; not sent, as the sprint payload has no `timestamp`. */
  now: Date;
  /** For `updated`: the values the change replaced. */
  oldValue?: Partial<SiteSprint>;
}): ForgeEvent {
  return {
    eventType: `avi:jira-software:${params.type}:sprint`,
    selfGenerated: false,
    sprint: sprintPayload(params.sprint),
    ...(params.type === 'updated' && params.oldValue ? { oldValue: sprintPayload(params.oldValue) } : {}),
    ...actorOf(params.actor),
  };
}

/** The changelog item Jira writes when an issue's sprints change ("12" → "12, 13"). */
export function sprintChangeItem(site: Site, before: number[], after: number[]): ChangeItem {
  const names = (ids: number[]) => ids.map((id) => site.sprints.get(id)?.name ?? String(id)).join(', ');
  return {
    field: 'Sprint',
    fieldId: FIELD_IDS.sprint,
    fieldtype: 'custom',
    from: before.length > 0 ? before.join(', ') : null,
    fromString: before.length > 0 ? names(before) : null,
    to: after.length > 0 ? after.join(', ') : null,
    toString: after.length > 0 ? names(after) : null,
  };
}
