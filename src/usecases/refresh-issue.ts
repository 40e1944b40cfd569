import type { ProjectSettings } from '../contract';
import { syncFlagForJudgement } from './after-readiness-change';
import type { UseCaseDeps } from './deps';
import { loadIssueState, scoreIssue } from './evaluate-issue';
import { BARE_PLAN, loadSettings, resolveProjectSetup } from './project-setup';
import { readinessPropertyChange } from './plan-sprint-flag';

/**
 * Re-reads one issue as the app (event payloads are partial), re-scores it, and refreshes its
 * JQL property and its sprint-planning flag in one edit where both change.
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
  const state = await loadIssueState({ deps, issueId: issue.id, projectId: issue.projectId });
  const readiness = scoreIssue({ issue, settings, state, now: deps.clock.now(), estimateFieldName: setup.plan.estimation?.name ?? null });
  // One write per issue: a changed property rides along with the flag's edit, or is written alone.
  const property = readinessPropertyChange(readiness, issue.readinessProperty ?? null);
  const { edited } = await syncFlagForJudgement({ deps, sprints: deps.appJira, issue, readiness, settings, plan: setup.plan, property });
  if (property && !edited) await deps.appJira.setReadinessProperty({ issueIdOrKey: issue.key, value: property });
}
