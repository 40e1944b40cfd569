import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import type { ProjectSettings } from '../contract';
import { appDeps } from '../wiring';
import { loadSettings } from '../usecases/project-setup';
import { refreshIssue } from '../usecases/refresh-issue';
import type { WorkJob } from '../usecases/work-ports';
import { issueEventSchema, issueLinkEventSchema, sprintEventSchema } from './events';
import { classifyChange } from './issue-change-kind';
import { createWorkQueue } from './work-queue';

/** Tells two changes of one issue apart (and a redelivery of the same change not). */
function changeStamp(event: { changelog?: { id?: string | undefined } | undefined }): string {
  return event.changelog?.id ?? String(Date.now());
}

const sprintStampSchema = z.object({ startDate: z.string().optional(), createDate: z.string().optional() }).loose();

/**
 * Product-event handlers. The manifest sets `ignoreSelf`, and each handler also drops
 * self-generated events and app-only edits, so the app's own writes can never loop.
 * Handlers log and return on failure: a failed flag must never break anyone's sprint planning.
 * The one exception is a job that could not be queued: nothing else would ever do that work, so
 * the handler asks for the event again (see `pushOrRetry`).
 */
function logFailure(where: string, error: unknown): void {
  console.error(`[refinement-radar] ${where} failed:`, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}

/** Seconds before the platform delivers the event again when queuing failed (the queue recovers quickly). */
const PUSH_RETRY_AFTER_SECONDS = 60;

/**
 * Pushes the event's jobs; when the push fails, returns an InvocationError so the platform delivers
 * the event again (events-reference/product_events, "Retry for app level errors": at most 4 retries,
 * `retryAfter` ≤ 900 s, `retryData` an object under 4 KB). A redelivery names the same run, so jobs
 * that did get queued are not done twice.
 */
async function pushOrRetry(jobs: WorkJob[], where: string): Promise<InvocationError | undefined> {
  try {
    await createWorkQueue().push(jobs.map((job) => ({ job })));
    return undefined;
  } catch (error) {
    logFailure(`${where} (queuing; the event is retried)`, error);
    return new InvocationError({ retryAfter: PUSH_RETRY_AFTER_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST, retryData: { where } });
  }
}

export async function onIssueChanged(event: unknown): Promise<InvocationError | undefined> {
  const parsed = issueEventSchema.safeParse(event);
  if (!parsed.success || parsed.data.selfGenerated) return undefined;
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
      if (kind.onlyAppEdits || (!kind.sprintChanged && !kind.readinessInputsChanged)) return undefined;
      if (kind.sprintChanged && project) {
        // Moved into (or out of) a sprint: the queue judges it, one edit at most.
        const job: WorkJob = { kind: 'issues', run: `moved-${issue.id}-${changeStamp(parsed.data)}`, seq: 0, projectId: project.id, projectKey: project.key, issueIds: [issue.id] };
        return await pushOrRetry([job], `${eventType} ${issue.key}`);
      }
    }
    await refreshIssue({ deps, issueIdOrKey: issue.id, ...(project ? { project, settings } : {}) });
  } catch (error) {
    logFailure(`${eventType} ${issue.key}`, error);
  }
  return undefined;
}

export async function onIssueLinkChanged(event: unknown): Promise<void> {
  const parsed = issueLinkEventSchema.safeParse(event);
  if (!parsed.success || parsed.data.selfGenerated) return;
  const deps = appDeps();
  const { sourceIssueId, destinationIssueId } = parsed.data;
  // Both ends can change: the blocked one gains or loses a blocker; the blocker's own view is cheap to refresh.
  for (const issueId of new Set([sourceIssueId, destinationIssueId])) {
    try {
      await refreshIssue({ deps, issueIdOrKey: issueId });
    } catch (error) {
      logFailure(`${parsed.data.eventType} ${issueId}`, error);
    }
  }
}

/**
 * Only enqueues: the consumer (`onWork`) pages through the sprint and judges every issue. The run
 * id comes from the event itself, so a second delivery of the same event names the same steps
 * and finds them done. A failed push asks for the event again, so a sprint start is not lost.
 */
export async function onSprintChanged(event: unknown): Promise<InvocationError | undefined> {
  const parsed = sprintEventSchema.safeParse(event);
  if (!parsed.success || parsed.data.selfGenerated) return undefined;
  const { sprint, eventType } = parsed.data;
  const what = eventType.split(':')[2] ?? 'changed';
  const stamp = sprintStampSchema.safeParse(sprint);
  const when = (stamp.success ? (stamp.data.startDate ?? stamp.data.createDate ?? '') : '').replace(/[^0-9A-Za-z]/g, '');
  if (eventType === 'avi:jira-software:closed:sprint') {
    // Closing only records which issues were done; nothing is flagged in a closed sprint.
    return pushOrRetry([{ kind: 'close', run: `sprint-${sprint.id}-closed`, seq: 0, sprintId: sprint.id }], `${eventType} ${sprint.id}`);
  }
  // A started sprint also records every issue's readiness at start (Health tab), page by page.
  const record = eventType === 'avi:jira-software:started:sprint' ? { record: { page: 0 } } : {};
  return pushOrRetry([{ kind: 'sprint', run: `sprint-${sprint.id}-${what}-${when}`, seq: 0, sprintId: sprint.id, pageToken: null, ...record }], `${eventType} ${sprint.id}`);
}

/**
 * events-reference/scheduled-trigger, "Response": the function must answer `{ statusCode }` (204 = success,
 * 5xx = error), otherwise the platform records a 424. Scheduled runs are not retried, so a failure is only logged.
 */
export interface ScheduledTriggerResponse {
  statusCode: 204 | 500;
  statusText?: string;
}

/**
 * Starts the daily rescore: one queued "boards page" job. Its consumer lists a page of the site's
 * boards, queues a job per board with sprints (scrum, and team-managed boards with sprints on) and the
 * next page, so the listing runs in the queue (900 s per job, 429s re-enqueued with a delay) instead of
 * inside this function, and a site with hundreds of boards is covered every day.
 */
export async function rescoreDaily(): Promise<ScheduledTriggerResponse> {
  const run = `rescore-${appDeps().clock.now().toISOString().slice(0, 10)}`;
  try {
    await createWorkQueue().push([{ job: { kind: 'boards', run, seq: 0, startAt: 0, projects: [] } }]);
    console.info('[refinement-radar] daily rescore queued', JSON.stringify({ run }));
    return { statusCode: 204 };
  } catch (error) {
    logFailure('daily rescore', error);
    return { statusCode: 500, statusText: 'The daily rescore could not be queued; see the logs.' };
  }
}
