import type { ProjectSettings } from '../contract';
import type { NormalizedIssue } from '../domain/issue';
import type { UseCaseDeps } from './deps';
import { loadIssueState, scoreIssue } from './evaluate-issue';
import type { Sprint } from './ports';
import { BARE_PLAN, loadSettings, resolveProjectSetup } from './project-setup';
import { syncReadinessProperty } from './sync-readiness-property';
import { syncSprintFlag } from './sync-sprint-flag';

/** The open sprint an issue sits in. Sprint states are looked up, never guessed from ids. */
async function openSprintOf({ deps, issue }: { deps: Pick<UseCaseDeps, 'appJira'>; issue: NormalizedIssue }): Promise<Sprint | null> {
  for (const sprintId of [...issue.sprintIds].reverse()) {
    const sprint = await deps.appJira.sprint(sprintId);
    if (sprint.state !== 'closed') return sprint;
  }
  return null;
}

/**
 * Re-reads one issue as the app (event payloads are partial), re-scores it, and refreshes its
 * JQL property and its sprint-planning flag.
 */
export async function refreshIssue({
  deps,
  issueIdOrKey,
  project,
  settings: knownSettings,
}: {
  deps: UseCaseDeps;
  issueIdOrKey: string;
  project?: { id: string; key: string };
  /** The project's settings, when the caller already loaded them. */
  settings?: ProjectSettings | undefined;
}): Promise<void> {
  let where = project;
  if (!where) {
    const bare = await deps.appJira.getIssue({ issueIdOrKey, plan: BARE_PLAN });
    where = { id: bare.projectId, key: bare.projectKey };
  }
  const settings = knownSettings ?? (await loadSettings({ deps, projectId: where.id }));
  const setup = await resolveProjectSetup({ deps: { jira: deps.appJira, stores: deps.stores }, project: where, settings });
  const issue = await deps.appJira.getIssue({ issueIdOrKey, plan: setup.plan });
  const state = await loadIssueState({ deps, issueId: issue.id });
  const readiness = scoreIssue({ issue, settings, state, now: deps.clock.now(), estimateFieldName: setup.plan.estimation?.name ?? null });
  await syncReadinessProperty({ appJira: deps.appJira, issueKey: issue.key, readiness, known: issue.readinessProperty });
  const openSprint = issue.statusCategory === 'done' ? null : await openSprintOf({ deps, issue });
  await syncSprintFlag({ deps, issue, readiness, settings, plan: setup.plan, openSprint });
}
