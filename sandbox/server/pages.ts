/**
 * Host pages: a plain-HTML imitation of Jira's chrome that frames the Custom UI apps.
 * No inline scripts: behaviour lives in /__sandbox/host.js.
 */
import { FIELD_IDS } from '../jira/catalog';
import type { Json, SiteUser } from '../jira/model';
import { canBrowse, findIssue, issuesInRankOrder, issueTypeOf, type Site, statusOf } from '../jira/site';
import type { UiModule } from '../forge/manifest';
import { descriptionHtml, escapeHtml } from './adf-html';

export interface PageUser {
  user: SiteUser;
  theme: 'light' | 'dark';
}

const query = (params: Record<string, string | undefined>): string =>
  Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');

const link = (path: string, viewer: PageUser, extra: Record<string, string> = {}) => `${path}?${query({ as: viewer.user.alias, theme: viewer.theme, ...extra })}`;

function layout(params: { title: string; viewer: PageUser; site: Site; body: string; currentPath: string }): string {
  const { viewer, site } = params;
  const named = [...site.users.values()].filter((user) => !user.alias.startsWith('dev'));
  const switcher = named
    .map((user) => `<a class="user${user.accountId === viewer.user.accountId ? ' current' : ''}" href="${link(params.currentPath, { ...viewer, user })}">${escapeHtml(user.displayName)}</a>`)
    .join('');
  const otherTheme = viewer.theme === 'dark' ? 'light' : 'dark';
  return `<!doctype html>
<html lang="en" data-color-mode="${viewer.theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(params.title)} – Jira (sandbox)</title>
<link rel="stylesheet" href="/__sandbox/host.css">
<script src="/__sandbox/host.js" defer></script>
</head>
<body class="theme-${viewer.theme}">
<header class="topbar">
  <a class="logo" href="${link('/', viewer)}">Jira <span>sandbox</span></a>
  <nav class="projects">${[...site.projects.values()]
    .filter((project) => canBrowse(site, { kind: 'user', accountId: viewer.user.accountId }, project.key))
    .map((project) => `<a href="${link(`/projects/${project.key}/agenda`, viewer)}">${escapeHtml(project.name)}</a>`)
    .join('')}</nav>
  <div class="viewer">Viewing as <strong data-testid="current-user">${escapeHtml(viewer.user.displayName)}</strong> ${switcher}
    <a class="theme" href="${link(params.currentPath, { ...viewer, theme: otherTheme })}">${otherTheme} theme</a></div>
</header>
<main>${params.body}</main>
<div id="flags" aria-live="polite"></div>
</body>
</html>`;
}

function frameSrc(module: UiModule, viewer: PageUser, context: { issue?: string; project?: string }): string {
  return `/ui/${module.app}/index.html?${query({ module: module.key, issue: context.issue, project: context.project, as: viewer.user.accountId, theme: viewer.theme })}`;
}

function iframe(module: UiModule, viewer: PageUser, context: { issue?: string; project?: string }, height: number): string {
  return `<iframe class="forge-frame" title="${escapeHtml(module.title)}" data-testid="frame-${escapeHtml(module.key)}" src="${frameSrc(module, viewer, context)}" style="height:${height}px"
    sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals"></iframe>`;
}

function frame(module: UiModule | undefined, viewer: PageUser, context: { issue?: string; project?: string }, height: number): string {
  if (!module) return '<p class="muted">This module is not in manifest.yml.</p>';
  return `<section class="module" data-module="${escapeHtml(module.key)}">
  <h2 class="module-title">${escapeHtml(module.title)}</h2>
  ${iframe(module, viewer, context, height)}
</section>`;
}

/**
 * A jira:issueContext module as Jira's issue view shows it: a row with its `label` and, right of it,
 * the status its `dynamicProperties` function returns; expanding the row shows the app. host.js asks
 * /__sandbox/dynamic-properties for the status on the first render and on every collapse, as
 * manifest-reference/modules/jira-issue-context ("Dynamic properties") describes. Jira remembers which
 * panels each user expanded; the sandbox starts expanded, so the app is in view and the row still
 * shows the status.
 */
function issueContextPanel(module: UiModule | undefined, viewer: PageUser, context: { issue: string; project: string }, height: number): string {
  if (!module) return '<p class="muted">This module is not in manifest.yml.</p>';
  const key = escapeHtml(module.key);
  return `<details class="issue-context" open data-module="${key}" data-issue="${escapeHtml(context.issue)}" data-as="${escapeHtml(viewer.user.accountId)}"${module.dynamicProperties ? ' data-dynamic-properties' : ''} data-testid="context-${key}">
  <summary class="context-row"><span class="context-label">${escapeHtml(module.label ?? module.title)}</span><span class="context-status" data-testid="context-status-${key}"></span></summary>
  <div class="context-body">${iframe(module, viewer, context, height)}</div>
</details>`;
}

export function homePage(params: { site: Site; viewer: PageUser }): string {
  const { site, viewer } = params;
  const principal = { kind: 'user' as const, accountId: viewer.user.accountId };
  const projects = [...site.projects.values()].filter((project) => canBrowse(site, principal, project.key));
  const highlights: [string, string][] = [
    ['DEMO-5', 'ready story'],
    ['DEMO-7', 'vague one-liner'],
    ['DEMO-9', 'estimates diverge (3 vs 13)'],
    ['DEMO-12', 'blocked, ranked above its blocker'],
    ['DEMO-13', '21 points: too big'],
    ['DEMO-20', 'dependency cycle'],
    ['DEMO-25', 'blocked by a hidden SEC issue'],
    ['DEMO-28', 'wiki-markup description'],
  ];
  const body = `<h1>Refinement Radar – local sandbox</h1>
<p>An emulated Jira Cloud site running the app's real Forge handlers. Switch users above; the app only sees what Jira lets each user see.</p>
<h2>Projects</h2>
<ul class="cards">${projects
    .map(
      (project) => `<li><strong>${escapeHtml(project.name)}</strong> (${project.key})<br>
  <a href="${link(`/projects/${project.key}/agenda`, viewer)}">Refinement agenda</a> · <a href="${link(`/projects/${project.key}/settings`, viewer)}">Project settings</a> · <a href="${link(`/projects/${project.key}/session-duo`, viewer)}" data-testid="session-duo-link">Live session, two users side by side</a></li>`,
    )
    .join('')}</ul>
<h2>Issues worth a look</h2>
<ul>${highlights
    .filter(([key]) => {
      const issue = findIssue(site, key);
      return issue && canBrowse(site, principal, issue.projectKey);
    })
    .map(([key, why]) => `<li><a href="${link(`/browse/${key}`, viewer)}">${key}</a> ${escapeHtml(findIssue(site, key)?.summary ?? '')} — <span class="muted">${escapeHtml(why)}</span></li>`)
    .join('')}</ul>
<h2>Backlog (DEMO)</h2>
<ol class="backlog">${issuesInRankOrder(site, (issue) => issue.projectKey === 'DEMO' && statusOf(issue).category !== 'done')
    .map((issue) => `<li><a href="${link(`/browse/${issue.key}`, viewer)}">${issue.key}</a> ${escapeHtml(issue.summary)}</li>`)
    .join('')}</ol>`;
  return layout({ title: 'Home', viewer, site, body, currentPath: '/' });
}

const display = (value: Json | undefined): string => (value === null || value === undefined ? 'None' : typeof value === 'object' ? JSON.stringify(value) : String(value));

export function issuePage(params: { site: Site; viewer: PageUser; key: string; panel: UiModule | undefined; badge: UiModule | undefined; estimationFieldId: string }): string | null {
  const { site, viewer } = params;
  const issue = findIssue(site, params.key);
  if (!issue || !canBrowse(site, { kind: 'user', accountId: viewer.user.accountId }, issue.projectKey)) return null;
  const project = site.projects.get(issue.projectKey);
  const sprintNames = issue.sprintIds.map((id) => site.sprints.get(id)?.name ?? String(id)).join(', ') || 'None';
  const openSprints = [...site.sprints.values()].filter((sprint) => sprint.state !== 'closed' && site.boards.get(sprint.boardId)?.projectKey === issue.projectKey);
  const context = { issue: issue.key, project: issue.projectKey };
  const body = `<nav class="crumbs"><a href="${link('/', viewer)}">Projects</a> / <a href="${link(`/projects/${issue.projectKey}/agenda`, viewer)}">${escapeHtml(project?.name ?? issue.projectKey)}</a> / <span>${issue.key}</span></nav>
<div class="issue">
  <div class="issue-main">
    <h1 data-testid="issue-summary">${escapeHtml(issue.summary)}</h1>
    <h3>Description</h3>
    <div class="description">${descriptionHtml(issue.description)}</div>
    ${frame(params.panel, viewer, context, 420)}
  </div>
  <aside class="issue-side">
    <div class="status">${escapeHtml(statusOf(issue).name)}</div>
    <dl class="details">
      <dt>Type</dt><dd>${escapeHtml(issueTypeOf(issue).name)}</dd>
      <dt>Assignee</dt><dd>${escapeHtml(site.users.get(issue.assigneeAccountId ?? '')?.displayName ?? 'Unassigned')}</dd>
      <dt>Story points</dt><dd data-testid="story-points">${escapeHtml(display(issue.custom[params.estimationFieldId]))}</dd>
      <dt>Sprint</dt><dd>${escapeHtml(sprintNames)}</dd>
      <dt>Labels</dt><dd data-testid="labels">${issue.labels.map((label) => `<span class="label">${escapeHtml(label)}</span>`).join(' ') || 'None'}</dd>
      <dt>Flagged</dt><dd>${issue.custom[FIELD_IDS.flagged] ? 'Impediment' : 'No'}</dd>
    </dl>
    ${issueContextPanel(params.badge, viewer, context, 80)}
    <form class="action" data-action="move-to-sprint">
      <input type="hidden" name="issueKey" value="${issue.key}">
      <label>Move to sprint <select name="sprintId"><option value="">Backlog</option>${openSprints
        .map((sprint) => `<option value="${sprint.id}"${issue.sprintIds.includes(sprint.id) ? ' selected' : ''}>${escapeHtml(sprint.name)} (${sprint.state})</option>`)
        .join('')}</select></label>
      <button type="submit">Move</button>
    </form>
  </aside>
</div>`;
  return layout({ title: `${issue.key} ${issue.summary}`, viewer, site, body, currentPath: `/browse/${issue.key}` });
}

export function projectModulePage(params: { site: Site; viewer: PageUser; projectKey: string; module: UiModule | undefined; kind: 'agenda' | 'settings' }): string | null {
  const { site, viewer } = params;
  const project = site.projects.get(params.projectKey.toUpperCase());
  if (!project || !canBrowse(site, { kind: 'user', accountId: viewer.user.accountId }, project.key)) return null;
  const body = `<nav class="crumbs"><a href="${link('/', viewer)}">Projects</a> / <span>${escapeHtml(project.name)}</span></nav>
<nav class="tabs"><a class="${params.kind === 'agenda' ? 'current' : ''}" href="${link(`/projects/${project.key}/agenda`, viewer)}">Refinement agenda</a>
<a class="${params.kind === 'settings' ? 'current' : ''}" href="${link(`/projects/${project.key}/settings`, viewer)}">Project settings</a></nav>
${frame(params.module, viewer, { project: project.key }, 640)}`;
  return layout({ title: `${project.name} ${params.kind}`, viewer, site, body, currentPath: `/projects/${project.key}/${params.kind}` });
}

/**
 * Two users on the project page side by side (Ana facilitates, Raj follows), to try a live
 * refinement session on one screen: each frame is its own user, as two browsers would be.
 */
export function sessionDuoPage(params: { site: Site; viewer: PageUser; projectKey: string; module: UiModule | undefined; left: SiteUser; right: SiteUser }): string | null {
  const { site, viewer, module } = params;
  const project = site.projects.get(params.projectKey.toUpperCase());
  if (!project || !module) return null;
  const principalOf = (user: SiteUser) => ({ kind: 'user' as const, accountId: user.accountId });
  if (!canBrowse(site, principalOf(params.left), project.key) || !canBrowse(site, principalOf(params.right), project.key)) return null;
  const pane = (user: SiteUser, role: string) => `<section class="duo-pane" data-testid="duo-${escapeHtml(user.alias)}">
  <h2 class="module-title">${escapeHtml(user.displayName)} <span class="muted">— ${escapeHtml(role)}</span></h2>
  ${iframe(module, { user, theme: viewer.theme }, { project: project.key }, 900)}
</section>`;
  const body = `<nav class="crumbs"><a href="${link('/', viewer)}">Projects</a> / <a href="${link(`/projects/${project.key}/agenda`, viewer)}">${escapeHtml(project.name)}</a> / <span>Live session</span></nav>
<p class="muted">Open the <strong>Session</strong> tab on both sides. ${escapeHtml(params.left.displayName)} starts the session and moves through the items; ${escapeHtml(params.right.displayName)}'s side follows without a reload (Forge Realtime, polling every 5 s as a fallback).</p>
<div class="duo">${pane(params.left, 'facilitator')}${pane(params.right, 'participant')}</div>`;
  return layout({ title: `${project.name} live session`, viewer, site, body, currentPath: `/projects/${project.key}/session-duo` });
}

export function notFoundPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title><link rel="stylesheet" href="/__sandbox/host.css"></head><body><main><h1>Not found</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}
