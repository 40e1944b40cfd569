/**
 * REST representations (Jira Cloud v3 / Agile 1.0 JSON) of the emulator's state.
 */
import { FIELDS, FIELD_IDS, LINK_TYPES, PRIORITIES, STATUS_CATEGORIES } from './catalog';
import type { Json, JsonObject, Principal, SiteBoard, SiteComment, SiteIssue, SiteProject, SiteSprint, SiteUser } from './model';
import { canBrowse, findIssue, issueTypeOf, isResolved, linksOf, type Site, statusOf } from './site';

const avatarUrls = (site: Site, seed: string): JsonObject => ({
  '48x48': `${site.siteUrl}/secure/useravatar?size=large&ownerId=${seed}`,
  '24x24': `${site.siteUrl}/secure/useravatar?size=small&ownerId=${seed}`,
  '16x16': `${site.siteUrl}/secure/useravatar?size=xsmall&ownerId=${seed}`,
  '32x32': `${site.siteUrl}/secure/useravatar?size=medium&ownerId=${seed}`,
});

/** UserDetails as embedded in issues and comments. */
export function userDetails(site: Site, accountId: string | null): Json {
  if (!accountId) return null;
  const user = site.users.get(accountId);
  if (accountId === site.appAccountId) {
    return {
      self: `${site.siteUrl}/rest/api/3/user?accountId=${accountId}`,
      accountId,
      avatarUrls: avatarUrls(site, accountId),
      displayName: 'Refinement Radar',
      active: true,
      timeZone: 'Etc/UTC',
      accountType: 'app',
    };
  }
  return {
    self: `${site.siteUrl}/rest/api/3/user?accountId=${accountId}`,
    accountId,
    ...(user ? { emailAddress: user.email } : {}),
    avatarUrls: avatarUrls(site, accountId),
    displayName: user?.displayName ?? 'Former user',
    active: user?.active ?? false,
    timeZone: user?.timeZone ?? 'Etc/UTC',
    accountType: 'atlassian',
  };
}

/** The full User bean of /myself and /user. */
export function userBean(site: Site, user: SiteUser | 'app'): JsonObject {
  if (user === 'app') {
    return {
      self: `${site.siteUrl}/rest/api/3/user?accountId=${site.appAccountId}`,
      accountId: site.appAccountId,
      accountType: 'app',
      avatarUrls: avatarUrls(site, site.appAccountId),
      displayName: 'Refinement Radar',
      active: true,
      timeZone: 'Etc/UTC',
      locale: 'en_US',
      groups: { size: 1, items: [] },
      applicationRoles: { size: 1, items: [] },
      expand: 'groups,applicationRoles',
    };
  }
  return {
    self: `${site.siteUrl}/rest/api/3/user?accountId=${user.accountId}`,
    accountId: user.accountId,
    accountType: 'atlassian',
    emailAddress: user.email,
    avatarUrls: avatarUrls(site, user.accountId),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    locale: 'en_US',
    groups: { size: 2, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
}

export function statusView(site: Site, issue: SiteIssue): JsonObject {
  const status = statusOf(issue);
  const category = STATUS_CATEGORIES[status.category];
  return {
    self: `${site.siteUrl}/rest/api/3/status/${status.id}`,
    description: '',
    iconUrl: `${site.siteUrl}/images/icons/statuses/generic.png`,
    name: status.name,
    id: status.id,
    statusCategory: { self: `${site.siteUrl}/rest/api/3/statuscategory/${category.id}`, id: category.id, key: category.key, colorName: category.colorName, name: category.name },
  };
}

export function issueTypeView(site: Site, issue: SiteIssue): JsonObject {
  const type = issueTypeOf(issue);
  return {
    self: `${site.siteUrl}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: `${site.siteUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.avatarId}?size=medium`,
    name: type.name,
    subtask: type.subtask,
    avatarId: type.avatarId,
    hierarchyLevel: type.hierarchyLevel,
  };
}

function priorityView(site: Site, issue: SiteIssue): JsonObject {
  const priority = PRIORITIES.find((candidate) => candidate.id === issue.priorityId) ?? PRIORITIES[2];
  return {
    self: `${site.siteUrl}/rest/api/3/priority/${priority.id}`,
    iconUrl: `${site.siteUrl}/images/icons/priorities/${priority.name.toLowerCase()}.svg`,
    name: priority.name,
    id: priority.id,
  };
}

export function projectView(site: Site, project: SiteProject): JsonObject {
  return {
    self: `${site.siteUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: project.style === 'next-gen',
    avatarUrls: avatarUrls(site, `project-${project.id}`),
  };
}

function sprintFieldValue(sprint: SiteSprint): JsonObject {
  return {
    id: sprint.id,
    name: sprint.name,
    state: sprint.state,
    boardId: sprint.boardId,
    goal: sprint.goal ?? '',
    ...(sprint.startDate ? { startDate: sprint.startDate } : {}),
    ...(sprint.endDate ? { endDate: sprint.endDate } : {}),
    ...(sprint.completeDate ? { completeDate: sprint.completeDate } : {}),
  };
}

export function sprintView(site: Site, sprint: SiteSprint): JsonObject {
  return {
    id: sprint.id,
    self: `${site.siteUrl}/rest/agile/1.0/sprint/${sprint.id}`,
    state: sprint.state,
    name: sprint.name,
    ...(sprint.startDate ? { startDate: sprint.startDate } : {}),
    ...(sprint.endDate ? { endDate: sprint.endDate } : {}),
    ...(sprint.completeDate ? { completeDate: sprint.completeDate } : {}),
    createdDate: sprint.createdDate,
    originBoardId: sprint.boardId,
    goal: sprint.goal ?? '',
  };
}

export function boardView(site: Site, board: SiteBoard): JsonObject {
  const project = site.projects.get(board.projectKey);
  return {
    id: board.id,
    self: `${site.siteUrl}/rest/agile/1.0/board/${board.id}`,
    name: board.name,
    type: board.type,
    location: {
      projectId: Number(project?.id ?? 0),
      displayName: `${project?.name ?? board.projectKey} (${board.projectKey})`,
      projectName: project?.name ?? board.projectKey,
      projectKey: board.projectKey,
      projectTypeKey: 'software',
      avatarURI: `${site.siteUrl}/rest/api/2/universal_avatar/view/type/project/avatar/10424?size=small`,
      name: `${project?.name ?? board.projectKey} (${board.projectKey})`,
    },
  };
}

/** A linked issue as Jira embeds it in issuelinks: only summary, status, priority, issuetype. */
function linkedIssueView(site: Site, issue: SiteIssue): JsonObject {
  return {
    id: issue.id,
    key: issue.key,
    self: `${site.siteUrl}/rest/api/3/issue/${issue.id}`,
    fields: { summary: issue.summary, status: statusView(site, issue), priority: priorityView(site, issue), issuetype: issueTypeView(site, issue) },
  };
}

function issueLinksView(site: Site, issue: SiteIssue, principal: Principal): Json[] {
  return linksOf(site, issue.key).map((link) => {
    const type = LINK_TYPES.find((candidate) => candidate.id === link.typeId) ?? LINK_TYPES[0]!;
    const outward = link.sourceKey === issue.key;
    const other = findIssue(site, outward ? link.destinationKey : link.sourceKey);
    const entry: JsonObject = {
      id: link.id,
      self: `${site.siteUrl}/rest/api/3/issueLink/${link.id}`,
      type: { id: type.id, name: type.name, inward: type.inward, outward: type.outward, self: `${site.siteUrl}/rest/api/3/issueLinkType/${type.id}` },
    };
    // A linked issue the caller may not browse is left out: only the link id and type remain.
    if (other && canBrowse(site, principal, other.projectKey)) entry[outward ? 'outwardIssue' : 'inwardIssue'] = linkedIssueView(site, other);
    return entry;
  });
}

export function commentView(site: Site, issue: SiteIssue, comment: SiteComment): JsonObject {
  return {
    self: `${site.siteUrl}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    author: userDetails(site, comment.authorAccountId),
    body: comment.body,
    updateAuthor: userDetails(site, comment.authorAccountId),
    created: comment.created,
    updated: comment.updated,
    jsdPublic: true,
  };
}

/** Every field value of an issue, by field id (custom fields with the project's context). */
function allFieldValues(site: Site, issue: SiteIssue, principal: Principal): Record<string, Json> {
  const project = site.projects.get(issue.projectKey);
  const sprints = issue.sprintIds.flatMap((id) => {
    const sprint = site.sprints.get(id);
    return sprint ? [sprintFieldValue(sprint)] : [];
  });
  const parent = issue.parentKey ? findIssue(site, issue.parentKey) : undefined;
  const values: Record<string, Json> = {
    summary: issue.summary,
    description: issue.description,
    issuetype: issueTypeView(site, issue),
    project: project ? projectView(site, project) : null,
    status: statusView(site, issue),
    priority: priorityView(site, issue),
    labels: [...issue.labels],
    assignee: userDetails(site, issue.assigneeAccountId),
    reporter: userDetails(site, issue.reporterAccountId),
    creator: userDetails(site, issue.creatorAccountId),
    created: issue.created,
    updated: issue.updated,
    statuscategorychangedate: issue.updated,
    resolution: isResolved(issue)
      ? { self: `${site.siteUrl}/rest/api/3/resolution/10000`, id: '10000', description: 'Work has been completed on this issue.', name: 'Done' }
      : null,
    resolutiondate: issue.resolutionDate,
    issuelinks: issueLinksView(site, issue, principal),
    attachment: issue.attachments.map((attachment) => ({
      self: `${site.siteUrl}/rest/api/3/attachment/${attachment.id}`,
      id: attachment.id,
      filename: attachment.filename,
      author: userDetails(site, attachment.authorAccountId),
      created: attachment.created,
      size: attachment.size,
      mimeType: attachment.mimeType,
      content: `${site.siteUrl}/rest/api/3/attachment/content/${attachment.id}`,
    })),
    comment: {
      comments: issue.comments.map((comment) => commentView(site, issue, comment)),
      self: `${site.siteUrl}/rest/api/3/issue/${issue.id}/comment`,
      maxResults: issue.comments.length,
      total: issue.comments.length,
      startAt: 0,
    },
    [FIELD_IDS.sprint]: sprints.length > 0 ? sprints : null,
    [FIELD_IDS.rank]: issue.rank,
    [FIELD_IDS.storyPointsOld]: issue.custom[FIELD_IDS.storyPointsOld] ?? null,
    [FIELD_IDS.flagged]: issue.custom[FIELD_IDS.flagged] ?? null,
    [FIELD_IDS.teamName]: issue.custom[FIELD_IDS.teamName] ?? null,
    [FIELD_IDS.readiness]: issue.custom[FIELD_IDS.readiness] ?? null,
  };
  if (parent && canBrowse(site, principal, parent.projectKey)) {
    values.parent = { id: parent.id, key: parent.key, self: `${site.siteUrl}/rest/api/3/issue/${parent.id}`, fields: linkedIssueView(site, parent).fields ?? null };
  }
  // Estimation fields exist only where the project's field configuration has them.
  for (const fieldId of [FIELD_IDS.storyPoints, FIELD_IDS.storyPointEstimate, FIELD_IDS.epicLink]) {
    if (project?.screenFieldIds.includes(fieldId)) values[fieldId] = issue.custom[fieldId] ?? null;
  }
  return values;
}

const NOT_NAVIGABLE = new Set(['comment']);

/** Which fields a `fields` parameter selects (ids, `*all`, `*navigable`, `-id`). */
export function selectFields(requested: string[] | null, defaultSelection: string[]): (fieldId: string) => boolean {
  const items = (requested && requested.length > 0 ? requested : defaultSelection).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean);
  const include = new Set<string>();
  const exclude = new Set<string>();
  let all = false;
  let navigable = false;
  for (const item of items) {
    if (item === '*all') all = true;
    else if (item === '*navigable') navigable = true;
    else if (item.startsWith('-')) exclude.add(item.slice(1));
    else include.add(FIELDS.find((field) => field.id === item || field.name.toLowerCase() === item.toLowerCase())?.id ?? item);
  }
  return (fieldId) => !exclude.has(fieldId) && (all || include.has(fieldId) || (navigable && !NOT_NAVIGABLE.has(fieldId)));
}

/** True when a selection asks for nothing but id/key (Jira then allows bigger pages). */
export function isIdOnlySelection(requested: string[] | null): boolean {
  const items = (requested ?? []).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean);
  return items.every((item) => item === 'id' || item === 'key');
}

export function issueView(params: {
  site: Site;
  issue: SiteIssue;
  principal: Principal;
  select: (fieldId: string) => boolean;
  /** /search/jql answers only `{id}` when no field is selected. */
  idOnlyWhenEmpty?: boolean;
  properties?: string[];
}): JsonObject {
  const { site, issue, principal, select } = params;
  const fields: JsonObject = {};
  for (const [fieldId, value] of Object.entries(allFieldValues(site, issue, principal))) if (select(fieldId)) fields[fieldId] = value;
  if (params.idOnlyWhenEmpty && Object.keys(fields).length === 0 && !select('key') && !select('issuekey')) return { id: issue.id };
  const view: JsonObject = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${site.siteUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields,
  };
  if (params.properties && params.properties.length > 0) {
    const properties: JsonObject = {};
    for (const key of params.properties) {
      const value = issue.properties[key];
      if (value !== undefined) properties[key] = value;
    }
    view.properties = properties;
  }
  return view;
}
