import type { ProjectSettings } from '../contract';
import { appDeps } from '../wiring';
import { flagSprint } from '../usecases/flag-sprint';
import { loadSettings } from '../usecases/project-setup';
import { refreshIssue } from '../usecases/refresh-issue';
import { rescoreHorizons } from '../usecases/rescore-horizons';
import { issueEventSchema, issueLinkEventSchema, sprintEventSchema } from './events';
import { classifyChange } from './issue-change-kind';

/**
 * Product-event handlers. The manifest sets `ignoreSelf`, and each handler also drops
 * self-generated events and app-only edits, so the app's own writes can never loop.
 * Handlers log and return on failure: a failed flag must never break anyone's sprint planning.
 */
function logFailure(where: string, error: unknown): void {
  console.error(`[refinement-radar] ${where} failed:`, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}

export async function onIssueChanged(event: unknown): Promise<void> {
  const parsed = issueEventSchema.safeParse(event);
  if (!parsed.success || parsed.data.selfGenerated) return;
  const { issue, changelog, eventType } = parsed.data;
  const deps = appDeps();
  try {
    const project = issue.fields?.project;
    let settings: ProjectSettings | undefined;
    if (eventType === 'avi:jira:updated:issue') {
      const [catalog, loaded] = await Promise.all([
        deps.appJira.fieldCatalog(),
        project ? loadSettings({ deps, projectId: project.id }) : Promise.resolve(undefined),
      ]);
      settings = loaded;
      const kind = classifyChange({
        items: changelog?.items ?? [],
        sprintFieldId: catalog.sprint?.id ?? null,
        estimationFieldIds: catalog.storyPoints.map((field) => field.id),
        appLabel: settings?.sprintFlags.label ?? 'not-ready',
      });
      if (kind.onlyAppEdits || (!kind.sprintChanged && !kind.readinessInputsChanged)) return;
    }
    await refreshIssue({ deps, issueIdOrKey: issue.id, ...(project ? { project, settings } : {}) });
  } catch (error) {
    logFailure(`${eventType} ${issue.key}`, error);
  }
}

export async function onIssueLinkChanged(event: unknown): Promise<void> {
  const parsed = issueLinkEventSchema.safeParse(event);
  if (!parsed.success || parsed.data.selfGenerated) return;
  const deps = appDeps();
  const { sourceIssueId, destinationIssueId } = parsed.data.issueLink;
  // Both ends can change: the blocked one gains or loses a blocker; the blocker's own view is cheap to refresh.
  for (const issueId of new Set([sourceIssueId, destinationIssueId])) {
    try {
      await refreshIssue({ deps, issueIdOrKey: issueId });
    } catch (error) {
      logFailure(`${parsed.data.eventType} ${issueId}`, error);
    }
  }
}

export async function onSprintChanged(event: unknown): Promise<void> {
  const parsed = sprintEventSchema.safeParse(event);
  if (!parsed.success || parsed.data.selfGenerated) return;
  try {
    const report = await flagSprint({ deps: appDeps(), sprintId: parsed.data.sprint.id });
    console.info('[refinement-radar] sprint flags', JSON.stringify(report));
  } catch (error) {
    logFailure(`${parsed.data.eventType} ${parsed.data.sprint.id}`, error);
  }
}

/** manifest.yml gives the daily rescore 600 s; its Jira retries end a little before that. */
const RESCORE_RETRY_BUDGET_MS = 580_000;

export async function rescoreDaily(): Promise<void> {
  try {
    const report = await rescoreHorizons({ deps: appDeps({ retryBudgetMs: RESCORE_RETRY_BUDGET_MS }) });
    console.info('[refinement-radar] daily rescore', JSON.stringify(report));
  } catch (error) {
    logFailure('daily rescore', error);
  }
}
