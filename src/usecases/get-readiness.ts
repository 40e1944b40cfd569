import type { IssueReadiness, ProjectSettings, StoredReadiness } from '../contract';
import type { NormalizedIssue } from '../domain/issue';
import type { UseCaseDeps } from './deps';
import { loadIssueState, scoreIssue, type IssueState } from './evaluate-issue';
import { BARE_PLAN, loadSettings, resolveProjectSetup, type ProjectSetup } from './project-setup';
import { syncReadinessProperty } from './sync-readiness-property';

export interface IssueRef {
  project: { id: string; key: string };
  issue: { id: string; key: string };
}

/** Reading the issue as the caller proves they may see it; Jira answers 404 otherwise. */
export async function assertCanSee({ deps, ref }: { deps: Pick<UseCaseDeps, 'jira'>; ref: Pick<IssueRef, 'issue'> }): Promise<void> {
  await deps.jira.getIssue({ issueIdOrKey: ref.issue.id, plan: BARE_PLAN });
}

export interface ReadinessView {
  /** The issue as the caller read it: lets what follows a change (the sprint flag) skip a second read. */
  issue: NormalizedIssue;
  readiness: IssueReadiness;
  settings: ProjectSettings;
  setup: ProjectSetup;
}

/** What a judgement needs, read as the caller: the settings, the field plan and the issue itself. */
export interface IssueRead {
  issue: NormalizedIssue;
  settings: ProjectSettings;
  setup: ProjectSetup;
  /** The trusted context's project: Jira's answer may lack its project when the body is malformed. */
  projectId: string;
}

/** Reads the issue as the user with the project's field plan (Jira answers 404 when they may not see it). */
export async function readIssue({ deps, ref }: { deps: UseCaseDeps; ref: IssueRef }): Promise<IssueRead> {
  const settings = await loadSettings({ deps, projectId: ref.project.id });
  const setup = await resolveProjectSetup({ deps, project: ref.project, settings });
  const issue = await deps.jira.getIssue({ issueIdOrKey: ref.issue.id, plan: setup.plan });
  return { issue, settings, setup, projectId: ref.project.id };
}

/**
 * Judges an issue already read (see `readIssue`) against its current checklist and round, so a
 * change made by the app itself (a reveal, a new round) is judged without reading the issue again.
 */
export async function judgeRead({ deps, read }: { deps: UseCaseDeps; read: IssueRead }): Promise<ReadinessView> {
  return judge({ deps, read, state: await loadIssueState({ deps, issueId: read.issue.id, projectId: read.projectId }) });
}

/** Judges an issue read with the stored state already loaded (the panel view loads both at once). */
export async function judge({ deps, read, state }: { deps: UseCaseDeps; read: IssueRead; state: IssueState }): Promise<ReadinessView> {
  const { issue, settings, setup } = read;
  const readiness = scoreIssue({ issue, settings, state, now: deps.clock.now(), warnings: [...setup.warnings], estimateFieldName: setup.plan.estimation?.name ?? null });
  try {
    await syncReadinessProperty({ appJira: deps.appJira, issueKey: issue.key, readiness, known: issue.readinessProperty });
  } catch (error) {
    // The panel's answer stands even when the index cannot be refreshed; the daily rescore retries.
    readiness.warnings.push('The JQL readiness index could not be updated just now; it will be refreshed later.');
    console.warn('[refinement-radar] readiness property sync failed', error instanceof Error ? error.message : error);
  }
  return { issue, readiness, settings, setup };
}

/**
 * The panel's judgement of one issue: read as the user (they only see what Jira lets them),
 * then refresh the JQL index as the app, only if the judgement changed.
 */
export async function getReadiness({ deps, ref }: { deps: UseCaseDeps; ref: IssueRef }): Promise<ReadinessView> {
  const [read, state] = await Promise.all([readIssue({ deps, ref }), loadIssueState({ deps, issueId: ref.issue.id, projectId: ref.project.id })]);
  return judge({ deps, read, state });
}

/**
 * The stored judgement (the readiness property), read as the user: Jira answers 404 when they may
 * not see the issue, so the property proves visibility as the issue read would. The badge shows it
 * while the panel's own judgement (announced on the bridge) has not arrived.
 */
export async function storedReadiness({ deps, ref }: { deps: Pick<UseCaseDeps, 'jira'>; ref: IssueRef }): Promise<StoredReadiness> {
  // By id: the key changes when the issue moves to another project.
  return { issueKey: ref.issue.key, property: await deps.jira.getReadinessProperty(ref.issue.id) };
}
