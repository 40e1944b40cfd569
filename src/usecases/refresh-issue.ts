import type { IssueReadiness, ProjectSettings } from '../contract';
import type { NormalizedIssue } from '../domain/issue';
import type { UseCaseDeps } from './deps';
import { loadIssueState, scoreIssue } from './evaluate-issue';
import type { FieldPlan, Sprint } from './ports';
import { loadSettings, resolveProjectSetup } from './project-setup';
import { syncReadinessProperty } from './sync-readiness-property';
import { syncSprintFlag, type FlagOutcome } from './sync-sprint-flag';

const BARE_PLAN: FieldPlan = { estimation: null, sprint: null, flagged: null, rank: null, acceptanceCriteria: null };

export interface RefreshResult {
  issue: NormalizedIssue;
  readiness: IssueReadiness;
  propertyWritten: boolean;
  flag: FlagOutcome | 'skipped';
}

/** The open sprint an issue sits in. Sprint states are looked up, never guessed from ids. */
async function openSprintOf({ deps, issue }: { deps: Pick<UseCaseDeps, 'appJira'>; issue: NormalizedIssue }): Promise<Sprint | null> {
  for (const sprintId of [...issue.sprintIds].reverse()) {
    const sprint = await deps.appJira.sprint(sprintId);
    if (sprint.state !== 'closed') return sprint;
  }
  return null;
}

/**
 * Re-reads one issue as the app (event payloads are partial), re-scores it, refreshes its JQL
 * property and, when asked, its sprint-planning flag.
 */
export async function refreshIssue({
  deps,
  issueIdOrKey,
  project,
  withSprintFlag,
  settings: knownSettings,
}: {
  deps: UseCaseDeps;
  issueIdOrKey: string;
  project?: { id: string; key: string };
  withSprintFlag: boolean;
  settings?: ProjectSettings;
}): Promise<RefreshResult> {
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
  const propertyWritten = await syncReadinessProperty({ appJira: deps.appJira, issueKey: issue.key, readiness, known: issue.readinessProperty });
  if (!withSprintFlag) return { issue, readiness, propertyWritten, flag: 'skipped' };
  const openSprint = issue.statusCategory === 'done' ? null : await openSprintOf({ deps, issue });
  const flag = await syncSprintFlag({ deps, issue, readiness, settings, plan: setup.plan, openSprint });
  return { issue, readiness, propertyWritten, flag };
}
