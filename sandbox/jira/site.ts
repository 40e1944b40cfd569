/**
 * The mutable state of one emulated Jira site plus the lookups every endpoint needs.
 */
import { FIELD_IDS, ISSUE_TYPES, LINK_TYPES, PRIORITIES, STATUSES } from './catalog';
import type {
  Principal,
  ProjectAccess,
  SeedData,
  SiteBoard,
  SiteIssue,
  SiteIssueType,
  SiteLink,
  SiteProject,
  SiteSprint,
  SiteStatus,
  SiteUser,
} from './model';
import { rankAt } from './rank';

export interface Site {
  cloudId: string;
  siteUrl: string;
  appAccountId: string;
  users: Map<string, SiteUser>;
  access: Record<string, Record<string, ProjectAccess>>;
  projects: Map<string, SiteProject>;
  boards: Map<number, SiteBoard>;
  sprints: Map<number, SiteSprint>;
  issues: Map<string, SiteIssue>;
  links: Map<string, SiteLink>;
  counters: { issueId: number; linkId: number; commentId: number; sprintId: number; attachmentId: number; historyId?: number };
  /**
   * Fault: answer `notifyUsers=false` from someone who may not administer the project with a 403 (as
   * some real sites do) instead of ignoring the flag as editIssue documents. Default off.
   */
  refuseQuietEdits?: boolean;
}

const NO_ACCESS: ProjectAccess = { browse: false, edit: false, admin: false };
const FULL_ACCESS: ProjectAccess = { browse: true, edit: true, admin: true };

export function accessOf(site: Site, principal: Principal, projectKey: string): ProjectAccess {
  if (principal.kind === 'app') return FULL_ACCESS;
  return site.access[principal.accountId]?.[projectKey] ?? NO_ACCESS;
}

export const canBrowse = (site: Site, principal: Principal, projectKey: string): boolean =>
  accessOf(site, principal, projectKey).browse;

export function findIssue(site: Site, idOrKey: string): SiteIssue | undefined {
  const byKey = site.issues.get(idOrKey.toUpperCase());
  if (byKey) return byKey;
  for (const issue of site.issues.values()) if (issue.id === idOrKey) return issue;
  return undefined;
}

/** The issue if it exists and the principal may browse it (Jira answers 404 otherwise). */
export function visibleIssue(site: Site, principal: Principal, idOrKey: string): SiteIssue | undefined {
  const issue = findIssue(site, idOrKey);
  return issue && canBrowse(site, principal, issue.projectKey) ? issue : undefined;
}

export function findProject(site: Site, keyOrId: string): SiteProject | undefined {
  const byKey = site.projects.get(keyOrId.toUpperCase());
  if (byKey) return byKey;
  for (const project of site.projects.values()) if (project.id === keyOrId) return project;
  return undefined;
}

export function issueTypeOf(issue: SiteIssue): SiteIssueType {
  return ISSUE_TYPES.find((type) => type.id === issue.issueTypeId) ?? ISSUE_TYPES[1]!;
}

export function statusOf(issue: SiteIssue): SiteStatus {
  return STATUSES.find((status) => status.id === issue.statusId) ?? STATUSES[0]!;
}

export const isResolved = (issue: SiteIssue): boolean => statusOf(issue).category === 'done';

export function issueTypeIdFor(project: SiteProject, typeName: string): string {
  const type = ISSUE_TYPES.find((candidate) => project.issueTypeIds.includes(candidate.id) && candidate.name.toLowerCase() === typeName.toLowerCase());
  if (!type) throw new Error(`Project ${project.key} has no issue type "${typeName}"`);
  return type.id;
}

export function statusIdFor(name: string): string {
  const status = STATUSES.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  if (!status) throw new Error(`Unknown status "${name}"`);
  return status.id;
}

function priorityIdFor(name: string): string {
  return PRIORITIES.find((priority) => priority.name === name)?.id ?? '3';
}

export const linkTypeByName = (name: string) => LINK_TYPES.find((type) => type.name.toLowerCase() === name.toLowerCase());

export function userByAliasOrId(site: Site, aliasOrId: string): SiteUser | undefined {
  const direct = site.users.get(aliasOrId);
  if (direct) return direct;
  for (const user of site.users.values()) if (user.alias === aliasOrId.toLowerCase()) return user;
  return undefined;
}

/** Issues of a project in rank order. */
export function issuesInRankOrder(site: Site, filter: (issue: SiteIssue) => boolean = () => true): SiteIssue[] {
  return [...site.issues.values()].filter(filter).sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
}

export function linksOf(site: Site, key: string): SiteLink[] {
  return [...site.links.values()].filter((link) => link.sourceKey === key || link.destinationKey === key);
}

export function createSite(seed: SeedData): Site {
  const site: Site = {
    cloudId: seed.cloudId,
    siteUrl: seed.siteUrl,
    appAccountId: seed.appAccountId,
    users: new Map(seed.users.map((user) => [user.accountId, user])),
    access: structuredClone(seed.access),
    projects: new Map(seed.projects.map((project) => [project.key, structuredClone(project)])),
    boards: new Map(seed.boards.map((board) => [board.id, structuredClone(board)])),
    sprints: new Map(seed.sprints.map((sprint) => [sprint.id, structuredClone(sprint)])),
    issues: new Map(),
    links: new Map(),
    counters: { issueId: 10000, linkId: 10300, commentId: 10500, sprintId: 100, attachmentId: 10700 },
  };
  site.counters.sprintId = Math.max(site.counters.sprintId, ...seed.sprints.map((sprint) => sprint.id + 1));
  const positionInProject = new Map<string, number>();
  for (const seedIssue of seed.issues) {
    const projectKey = seedIssue.key.split('-')[0] ?? '';
    const project = site.projects.get(projectKey);
    if (!project) throw new Error(`Seed issue ${seedIssue.key}: unknown project ${projectKey}`);
    const position = positionInProject.get(projectKey) ?? 0;
    positionInProject.set(projectKey, position + 1);
    const resolveUser = (aliasOrId: string | null | undefined): string | null =>
      aliasOrId ? (userByAliasOrId(site, aliasOrId)?.accountId ?? aliasOrId) : null;
    const created = seedIssue.created ?? '2025-01-06T09:00:00.000+0000';
    const updated = seedIssue.updated ?? created;
    const statusId = statusIdFor(seedIssue.status);
    const reporter = resolveUser(seedIssue.reporter) ?? project.leadAccountId;
    site.counters.issueId += 1;
    const id = String(site.counters.issueId);
    const issue: SiteIssue = {
      id,
      key: seedIssue.key,
      projectKey,
      issueTypeId: issueTypeIdFor(project, seedIssue.type),
      statusId,
      summary: seedIssue.summary,
      description: seedIssue.description,
      labels: [...(seedIssue.labels ?? [])],
      priorityId: priorityIdFor(seedIssue.priority ?? 'Medium'),
      assigneeAccountId: resolveUser(seedIssue.assignee),
      reporterAccountId: reporter,
      creatorAccountId: reporter,
      created,
      updated,
      resolutionDate: STATUSES.find((status) => status.id === statusId)?.category === 'done' ? updated : null,
      // Rank strings interleave projects like a real site with one global rank field.
      rank: rankAt(position * 8 + [...site.projects.keys()].indexOf(projectKey)),
      sprintIds: [...(seedIssue.sprints ?? [])],
      parentKey: seedIssue.parentKey ?? null,
      custom: { ...(seedIssue.custom ?? {}) },
      attachments: (seedIssue.attachments ?? []).map((attachment) => {
        site.counters.attachmentId += 1;
        return { ...attachment, id: String(site.counters.attachmentId), authorAccountId: reporter, created };
      }),
      comments: (seedIssue.comments ?? []).map((comment) => {
        site.counters.commentId += 1;
        const author = resolveUser(comment.author) ?? reporter;
        return {
          id: String(site.counters.commentId),
          authorAccountId: author,
          body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: comment.text }] }] },
          created: updated,
          updated,
        };
      }),
      properties: {},
      ...(seedIssue.changelog
        ? {
            changelog: seedIssue.changelog.map((history) => {
              site.counters.historyId = (site.counters.historyId ?? 20000) + 1;
              return { id: String(site.counters.historyId), created: history.created, authorAccountId: resolveUser(history.author), items: history.items };
            }),
          }
        : {}),
    };
    if (issue.custom[FIELD_IDS.flagged] === undefined) delete issue.custom[FIELD_IDS.flagged];
    site.issues.set(issue.key, issue);
  }
  for (const seedLink of seed.links) {
    const type = linkTypeByName(seedLink.type);
    if (!type) throw new Error(`Seed link: unknown type ${seedLink.type}`);
    if (!site.issues.has(seedLink.source) || !site.issues.has(seedLink.destination)) {
      throw new Error(`Seed link ${seedLink.source} → ${seedLink.destination}: unknown issue`);
    }
    site.counters.linkId += 1;
    const id = String(site.counters.linkId);
    site.links.set(id, { id, typeId: type.id, sourceKey: seedLink.source, destinationKey: seedLink.destination });
  }
  return site;
}
