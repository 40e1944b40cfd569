/**
 * Forge product-event payloads (avi:jira:*, avi:jira-software:*) built from emulator state.
 */
import { FIELD_IDS, LINK_TYPES } from './catalog';
import type { Json, JsonObject, SiteIssue, SiteLink, SiteSprint } from './model';
import { findIssue, type Site } from './site';
import { issueTypeView, projectView, statusView, userDetails } from './views';

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
  selfGenerated: boolean;
  timestamp: string;
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

function base(eventType: ForgeEventType, actor: string | null, now: Date): ForgeEvent {
  return { eventType, selfGenerated: false, timestamp: now.toISOString(), ...(actor ? { atlassianId: actor } : {}) };
}

/** The small field subset Forge sends with issue events. */
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

export function issueCreatedEvent(params: { site: Site; issue: SiteIssue; actor: string | null; now: Date }): ForgeEvent {
  return { ...base('avi:jira:created:issue', params.actor, params.now), issue: issueSubset(params.site, params.issue) };
}

export function issueUpdatedEvent(params: { site: Site; issue: SiteIssue; actor: string | null; now: Date; items: ChangeItem[] }): ForgeEvent {
  return {
    ...base('avi:jira:updated:issue', params.actor, params.now),
    issue: issueSubset(params.site, params.issue),
    changelog: { id: String(Date.now()), items: params.items },
  };
}

export function commentedEvent(params: { site: Site; issue: SiteIssue; actor: string | null; now: Date; commentId: string }): ForgeEvent {
  return { ...base('avi:jira:commented:issue', params.actor, params.now), issue: issueSubset(params.site, params.issue), comment: { id: params.commentId } };
}

export function propertyEvent(params: { site: Site; issue: SiteIssue; actor: string | null; now: Date; key: string; value: Json }): ForgeEvent {
  return {
    ...base('avi:jira:set:issue-property', params.actor, params.now),
    entityId: params.issue.id,
    entityType: 'issue',
    propertyKey: params.key,
    propertyValue: params.value,
  };
}

export function issueLinkEvent(params: { site: Site; link: SiteLink; created: boolean; actor: string | null; now: Date }): ForgeEvent {
  const type = LINK_TYPES.find((candidate) => candidate.id === params.link.typeId) ?? LINK_TYPES[0]!;
  return {
    ...base(params.created ? 'avi:jira:created:issuelink' : 'avi:jira:deleted:issuelink', params.actor, params.now),
    issueLink: {
      id: params.link.id,
      sourceIssueId: findIssue(params.site, params.link.sourceKey)?.id ?? '',
      destinationIssueId: findIssue(params.site, params.link.destinationKey)?.id ?? '',
      issueLinkType: { id: type.id, name: type.name, inward: type.inward, outward: type.outward },
    },
  };
}

export function sprintEvent(params: {
  type: 'created' | 'started' | 'updated' | 'closed';
  sprint: SiteSprint;
  actor: string | null;
  now: Date;
}): ForgeEvent {
  const { sprint } = params;
  return {
    ...base(`avi:jira-software:${params.type}:sprint`, params.actor, params.now),
    sprint: {
      id: String(sprint.id),
      name: sprint.name,
      state: sprint.state,
      originBoardId: String(sprint.boardId),
      createdDate: sprint.createdDate,
      ...(sprint.startDate ? { startDate: sprint.startDate } : {}),
      ...(sprint.endDate ? { endDate: sprint.endDate } : {}),
      ...(sprint.completeDate ? { completeDate: sprint.completeDate } : {}),
      goal: sprint.goal ?? '',
    },
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
