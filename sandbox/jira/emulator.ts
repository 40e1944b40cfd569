/**
 * The in-memory Jira Cloud emulator: REST `handle()` for the app, plain functions for
 * the humans of the demo (and tests) whose changes Jira would announce as events.
 */
import { FIELD_IDS } from './catalog';
import {
  type ChangeItem,
  type ForgeEvent,
  issueCreatedEvent,
  issueLinkEvent,
  issueUpdatedEvent,
  sprintChangeItem,
  sprintEvent,
} from './events';
import { errorCollection, type JiraRequest, type JiraResponse, jiraTimestamp, type RouteContext } from './http';
import type { Json, JsonObject, ProjectAccess, SeedData, SiteIssue, SiteLink, SiteSprint } from './model';
import { rankBetween } from './rank';
import { compileRoutes, type RouteMatch, templateKey } from './router';
import { AGILE_ROUTES } from './routes-agile';
import { CHANGELOG_ROUTES } from './routes-changelog';
import { ISSUE_ROUTES } from './routes-issues';
import { META_ROUTES } from './routes-meta';
import { createSite, findIssue, issuesInRankOrder, issueTypeIdFor, linkTypeByName, type Site, statusIdFor, statusOf, userByAliasOrId } from './site';
import { issueView, selectFields } from './views';

export interface EmittedEvent {
  event: ForgeEvent;
  /** True when the app's own REST write caused it (what `ignoreSelf` filters out). */
  selfGenerated: boolean;
}

export interface IssueEdit {
  summary?: string;
  description?: Json;
  /** Written to the estimation field of the project's board. */
  storyPoints?: number | string | null;
  labels?: string[];
  status?: string;
  assignee?: string | null;
  /** Any other custom field by id. */
  custom?: Record<string, Json>;
}

export interface NewIssue {
  projectKey: string;
  type: string;
  summary: string;
  description?: Json;
  storyPoints?: number | null;
  labels?: string[];
  status?: string;
  sprintId?: number | null;
  /** Rank the new issue right after this one (default: bottom of the project). */
  rankAfter?: string;
}

export interface JiraEmulator {
  readonly site: Site;
  handle(request: JiraRequest): JiraResponse;
  /** "GET /rest/api/3/issue/{issueIdOrKey}" for a method and path (unknown paths keep their own path). */
  routeTemplate(method: string, path: string): string;
  onEvent(listener: (emitted: EmittedEvent) => void): () => void;
  /** Raw state of an issue as the app would read it with asApp and fields=*all, plus all properties. */
  issueSnapshot(idOrKey: string): JsonObject | null;
  estimationFieldFor(projectKey: string): string;

  moveIssueToSprint(key: string, sprintId: number | null, actor: string): void;
  createSprint(params: { boardId: number; name: string; goal?: string; startDate?: string; endDate?: string }, actor: string): SiteSprint;
  startSprint(sprintId: number, actor: string, dates?: { startDate?: string; endDate?: string }): SiteSprint;
  completeSprint(sprintId: number, actor: string): SiteSprint;
  editIssue(key: string, edit: IssueEdit, actor: string): void;
  createIssue(params: NewIssue, actor: string): SiteIssue;
  rankIssue(key: string, position: { before?: string; after?: string }, actor: string): void;
  linkIssues(params: { type: string; source: string; destination: string }, actor: string): SiteLink;
  deleteLink(linkId: string, actor: string): void;
  setAccess(accountId: string, projectKey: string, access: ProjectAccess): void;
}

const ROUTES = [...ISSUE_ROUTES, ...CHANGELOG_ROUTES, ...META_ROUTES, ...AGILE_ROUTES];

export function createJiraEmulator(options: { seed: SeedData; now?: () => Date }): JiraEmulator {
  const site = createSite(options.seed);
  const now = options.now ?? (() => new Date());
  const match = compileRoutes(ROUTES);
  const listeners = new Set<(emitted: EmittedEvent) => void>();
  const emit = (event: ForgeEvent, selfGenerated: boolean) => {
    const emitted = { event: { ...event, selfGenerated }, selfGenerated };
    for (const listener of listeners) listener(emitted);
  };

  const requireIssue = (key: string): SiteIssue => {
    const issue = findIssue(site, key);
    if (!issue) throw new Error(`No issue ${key}`);
    return issue;
  };
  const actorId = (actor: string): string => userByAliasOrId(site, actor)?.accountId ?? actor;
  const touch = (issue: SiteIssue) => {
    issue.updated = jiraTimestamp(now());
  };
  const estimationFieldFor = (projectKey: string): string =>
    [...site.boards.values()].find((board) => board.projectKey === projectKey)?.estimationFieldId ?? FIELD_IDS.storyPoints;
  const requireSprint = (sprintId: number): SiteSprint => {
    const sprint = site.sprints.get(sprintId);
    if (!sprint) throw new Error(`No sprint ${sprintId}`);
    return sprint;
  };

  const emulator: JiraEmulator = {
    site,
    handle(request) {
      const [pathname = '', search = ''] = request.path.split('?', 2);
      const found: RouteMatch | null = match(request.method, pathname);
      if (!found) return errorCollection(404, [`No resource found for ${request.method.toUpperCase()} ${pathname}`]);
      const ctx: RouteContext = {
        site,
        principal: request.principal,
        params: found.params,
        query: new URLSearchParams(search),
        body: request.body,
        emit: (event) => emit(event, true),
        now,
      };
      return found.route.handle(ctx);
    },
    routeTemplate(method, path) {
      const pathname = path.split('?', 1)[0] ?? '';
      return templateKey(method, match(method, pathname), pathname);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    issueSnapshot(idOrKey) {
      const issue = findIssue(site, idOrKey);
      if (!issue) return null;
      return { ...issueView({ site, issue, principal: { kind: 'app' }, select: selectFields(null, ['*all']) }), properties: structuredClone(issue.properties) };
    },
    estimationFieldFor,

    moveIssueToSprint(key, sprintId, actor) {
      const issue = requireIssue(key);
      if (sprintId !== null) requireSprint(sprintId);
      const before = [...issue.sprintIds];
      // Moving keeps the closed sprints the issue was in (Jira keeps that history).
      const kept = before.filter((id) => site.sprints.get(id)?.state === 'closed');
      issue.sprintIds = sprintId === null ? kept : [...kept, sprintId];
      if (before.join() === issue.sprintIds.join()) return;
      touch(issue);
      const item = sprintChangeItem(site, before, issue.sprintIds);
      // Kept as history too, so changelog/bulkfetch answers with the move (getBulkChangelogs).
      site.counters.historyId = (site.counters.historyId ?? 20000) + 1;
      (issue.changelog ??= []).push({ id: String(site.counters.historyId), created: now().toISOString(), authorAccountId: actorId(actor), items: [item] });
      emit(issueUpdatedEvent({ site, issue, actor: actorId(actor), now: now(), items: [item] }), false);
    },
    createSprint(params, actor) {
      if (!site.boards.has(params.boardId)) throw new Error(`No board ${params.boardId}`);
      const sprint: SiteSprint = {
        id: site.counters.sprintId++,
        name: params.name,
        state: 'future',
        boardId: params.boardId,
        goal: params.goal ?? null,
        createdDate: now().toISOString(),
        startDate: params.startDate ?? null,
        endDate: params.endDate ?? null,
        completeDate: null,
      };
      site.sprints.set(sprint.id, sprint);
      emit(sprintEvent({ type: 'created', sprint, actor: actorId(actor), now: now() }), false);
      return sprint;
    },
    startSprint(sprintId, actor, dates) {
      const sprint = requireSprint(sprintId);
      if (sprint.state !== 'future') throw new Error(`Sprint ${sprintId} is ${sprint.state}, not future`);
      const start = dates?.startDate ?? now().toISOString();
      sprint.state = 'active';
      sprint.startDate = start;
      sprint.endDate = dates?.endDate ?? new Date(Date.parse(start) + 14 * 86_400_000).toISOString();
      emit(sprintEvent({ type: 'started', sprint, actor: actorId(actor), now: now() }), false);
      return sprint;
    },
    completeSprint(sprintId, actor) {
      const sprint = requireSprint(sprintId);
      if (sprint.state !== 'active') throw new Error(`Sprint ${sprintId} is ${sprint.state}, not active`);
      sprint.state = 'closed';
      sprint.completeDate = now().toISOString();
      emit(sprintEvent({ type: 'closed', sprint, actor: actorId(actor), now: now() }), false);
      return sprint;
    },
    editIssue(key, edit, actor) {
      const issue = requireIssue(key);
      const items: ChangeItem[] = [];
      const text = (value: Json | undefined): string | null => (value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value));
      if (edit.summary !== undefined && edit.summary !== issue.summary) {
        items.push({ field: 'summary', fieldId: 'summary', fieldtype: 'jira', from: null, fromString: issue.summary, to: null, toString: edit.summary });
        issue.summary = edit.summary;
      }
      if (edit.description !== undefined) {
        items.push({ field: 'description', fieldId: 'description', fieldtype: 'jira', from: null, fromString: null, to: null, toString: null });
        issue.description = edit.description;
      }
      const custom: Record<string, Json> = { ...(edit.custom ?? {}) };
      if (edit.storyPoints !== undefined) custom[estimationFieldFor(issue.projectKey)] = edit.storyPoints;
      for (const [fieldId, value] of Object.entries(custom)) {
        const name = fieldId === FIELD_IDS.storyPoints ? 'Story Points' : fieldId === FIELD_IDS.storyPointEstimate ? 'Story point estimate' : fieldId;
        items.push({ field: name, fieldId, fieldtype: 'custom', from: null, fromString: text(issue.custom[fieldId]), to: null, toString: text(value) });
        issue.custom[fieldId] = value;
      }
      if (edit.labels !== undefined) {
        items.push({ field: 'labels', fieldId: 'labels', fieldtype: 'jira', from: null, fromString: issue.labels.join(' ') || null, to: null, toString: edit.labels.join(' ') || null });
        issue.labels = [...edit.labels];
      }
      if (edit.status !== undefined) {
        const from = statusOf(issue);
        issue.statusId = statusIdFor(edit.status);
        const to = statusOf(issue);
        items.push({ field: 'status', fieldId: 'status', fieldtype: 'jira', from: from.id, fromString: from.name, to: to.id, toString: to.name });
        issue.resolutionDate = to.category === 'done' ? jiraTimestamp(now()) : null;
      }
      if (edit.assignee !== undefined) {
        const to = edit.assignee === null ? null : actorId(edit.assignee);
        items.push({ field: 'assignee', fieldId: 'assignee', fieldtype: 'jira', from: issue.assigneeAccountId, fromString: null, to, toString: null });
        issue.assigneeAccountId = to;
      }
      if (items.length === 0) return;
      touch(issue);
      emit(issueUpdatedEvent({ site, issue, actor: actorId(actor), now: now(), items }), false);
    },
    createIssue(params, actor) {
      const project = site.projects.get(params.projectKey);
      if (!project) throw new Error(`No project ${params.projectKey}`);
      const inProject = issuesInRankOrder(site, (issue) => issue.projectKey === project.key);
      const after = params.rankAfter ? requireIssue(params.rankAfter) : inProject[inProject.length - 1];
      const allRanked = issuesInRankOrder(site);
      const next = after ? allRanked[allRanked.indexOf(after) + 1] : allRanked[0];
      const number = Math.max(0, ...inProject.map((issue) => Number(issue.key.split('-')[1]))) + 1;
      site.counters.issueId += 1;
      const timestamp = jiraTimestamp(now());
      const accountId = actorId(actor);
      const issue: SiteIssue = {
        id: String(site.counters.issueId),
        key: `${project.key}-${number}`,
        projectKey: project.key,
        issueTypeId: issueTypeIdFor(project, params.type),
        statusId: statusIdFor(params.status ?? 'To Do'),
        summary: params.summary,
        description: params.description ?? null,
        labels: [...(params.labels ?? [])],
        priorityId: '3',
        assigneeAccountId: null,
        reporterAccountId: accountId,
        creatorAccountId: accountId,
        created: timestamp,
        updated: timestamp,
        resolutionDate: null,
        rank: rankBetween(after?.rank ?? null, next?.rank ?? null),
        sprintIds: params.sprintId ? [params.sprintId] : [],
        parentKey: null,
        custom: params.storyPoints !== undefined ? { [estimationFieldFor(project.key)]: params.storyPoints } : {},
        attachments: [],
        comments: [],
        properties: {},
      };
      site.issues.set(issue.key, issue);
      emit(issueCreatedEvent({ site, issue, actor: accountId, now: now() }), false);
      return issue;
    },
    rankIssue(key, position, actor) {
      const issue = requireIssue(key);
      const ranked = issuesInRankOrder(site).filter((candidate) => candidate !== issue);
      const anchor = requireIssue(position.before ?? position.after ?? '');
      const index = ranked.indexOf(anchor);
      const [low, high] = position.before ? [ranked[index - 1], anchor] : [anchor, ranked[index + 1]];
      const from = issue.rank;
      issue.rank = rankBetween(low?.rank ?? null, high?.rank ?? null);
      touch(issue);
      const item: ChangeItem = {
        field: 'Rank',
        fieldId: FIELD_IDS.rank,
        fieldtype: 'custom',
        from: null,
        fromString: null,
        to: null,
        toString: issue.rank < from ? 'Ranked higher' : 'Ranked lower',
      };
      emit(issueUpdatedEvent({ site, issue, actor: actorId(actor), now: now(), items: [item] }), false);
    },
    linkIssues(params, actor) {
      const type = linkTypeByName(params.type);
      if (!type) throw new Error(`No link type ${params.type}`);
      const source = requireIssue(params.source);
      const destination = requireIssue(params.destination);
      site.counters.linkId += 1;
      const link: SiteLink = { id: String(site.counters.linkId), typeId: type.id, sourceKey: source.key, destinationKey: destination.key };
      site.links.set(link.id, link);
      emit(issueLinkEvent({ site, link, created: true, actor: actorId(actor), now: now() }), false);
      return link;
    },
    deleteLink(linkId, actor) {
      const link = site.links.get(linkId);
      if (!link) throw new Error(`No link ${linkId}`);
      site.links.delete(linkId);
      emit(issueLinkEvent({ site, link, created: false, actor: actorId(actor), now: now() }), false);
    },
    setAccess(accountId, projectKey, access) {
      site.access[accountId] = { ...(site.access[accountId] ?? {}), [projectKey]: access };
    },
  };
  return emulator;
}
