import type { IssueReadiness, ProjectSettings } from '../contract';
import type { UseCaseDeps } from './deps';
import { loadIssueState, scoreIssue } from './evaluate-issue';
import { BARE_PLAN, loadSettings, resolveProjectSetup, type ProjectSetup } from './project-setup';
import { syncReadinessProperty } from './sync-readiness-property';

export interface IssueRef {
  project: { id: string; key: string };
  issue: { id: string; key: string };
}

/** Reading the issue as the caller proves they may see it; Jira answers 404 otherwise. */
export async function assertCanSee({ deps, ref }: { deps: Pick<UseCaseDeps, 'jira'>; ref: IssueRef }): Promise<void> {
  await deps.jira.getIssue({ issueIdOrKey: ref.issue.id, plan: BARE_PLAN });
}

export interface ReadinessView {
  readiness: IssueReadiness;
  settings: ProjectSettings;
  setup: ProjectSetup;
}

/**
 * The panel's judgement of one issue: read as the user (they only see what Jira lets them),
 * then refresh the JQL index as the app, only if the judgement changed.
 */
export async function getReadiness({ deps, ref }: { deps: UseCaseDeps; ref: IssueRef }): Promise<ReadinessView> {
  const settings = await loadSettings({ deps, projectId: ref.project.id });
  const setup = await resolveProjectSetup({ deps, project: ref.project, settings });
  const [issue, state] = await Promise.all([
    deps.jira.getIssue({ issueIdOrKey: ref.issue.id, plan: setup.plan }),
    loadIssueState({ deps, issueId: ref.issue.id }),
  ]);
  const readiness = scoreIssue({ issue, settings, state, now: deps.clock.now(), warnings: [...setup.warnings], estimateFieldName: setup.plan.estimation?.name ?? null });
  try {
    await syncReadinessProperty({ appJira: deps.appJira, issueKey: issue.key, readiness, known: issue.readinessProperty });
  } catch (error) {
    // The panel's answer stands even when the index cannot be refreshed; the daily rescore retries.
    readiness.warnings.push('The JQL readiness index could not be updated just now; it will be refreshed later.');
    console.warn('[refinement-radar] readiness property sync failed', error instanceof Error ? error.message : error);
  }
  return { readiness, settings, setup };
}
