/**
 * The app's bulk writes, so a sprint of 1,000 issues costs a handful of requests instead of one
 * per issue and property:
 * - `bulkSetIssuePropertiesByIssue` POST /rest/api/3/issue/properties/multi: up to 100 issues, each
 *   with its own value; Jira answers 303 and does the work in a task (GET /rest/api/3/task/{taskId}).
 * - `updateMultipleCustomFieldValues` POST /rest/api/3/app/field/value?generateChangelog=false: the
 *   values of the app's own Forge custom field ("Readiness"), with no history entries.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-properties/#api-rest-api-3-issue-properties-multi-post
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-custom-field-values--apps-/#api-rest-api-3-app-field-value-post
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { ReadinessProperty } from '../contract';
import { JiraUnavailableError } from './errors';
import { READINESS_PROPERTY_KEY } from './normalize-issue';
import { ignoredBody, seeOtherSchema, type JiraClient } from './request';

/** properties/multi: "maxProperties": 100 issues per request. */
const PROPERTY_CHUNK = 100;
/** Custom field updates: issue ids per update entry (the spec sets no maximum; kept to a page). */
const FIELD_CHUNK = 1000;
/** How often the task is polled before its outcome is left unknown (writes are idempotent: the next run redoes them). */
const MAX_TASK_POLLS = 10;

/** TaskProgressBeanObject (GET /rest/api/3/task/{taskId}): only what is read of it. */
const taskSchema = z.looseObject({
  id: z.string(),
  status: z.enum(['ENQUEUED', 'RUNNING', 'COMPLETE', 'FAILED', 'CANCEL_REQUESTED', 'CANCELLED', 'DEAD']),
  message: z.string().optional(),
});
type Task = z.output<typeof taskSchema>;

/**
 * What properties/multi hands back: the documented `303 See Other` (asked for with redirect:'manual'),
 * or, where the runtime followed the redirect anyway (Atlassian API redirects are internal traffic in
 * Forge, runtime-egress-permissions "API redirects"), the task itself as a 200 TaskProgressBeanObject.
 */
const submittedSchema = z.union([taskSchema, seeOtherSchema]);

/** The task id at the end of the 303's Location (`…/rest/api/3/task/10641`). */
function taskIdOf(location: string | null): string | null {
  if (!location) return null;
  const match = /\/rest\/api\/3\/task\/([^/?#]+)/.exec(location);
  return match?.[1] ?? null;
}

export async function setReadinessProperties(params: {
  client: JiraClient;
  entries: { issueId: string; value: ReadinessProperty }[];
  sleep: (ms: number) => Promise<void>;
}): Promise<void> {
  for (let start = 0; start < params.entries.length; start += PROPERTY_CHUNK) {
    const chunk = params.entries.slice(start, start + PROPERTY_CHUNK);
    const answer = await params.client.post(
      route`/rest/api/3/issue/properties/multi`,
      submittedSchema,
      { issues: chunk.map(({ issueId, value }) => ({ issueID: Number(issueId), properties: { [READINESS_PROPERTY_KEY]: value } })) },
      { redirect: 'manual' },
    );
    if ('id' in answer) {
      await followTask({ client: params.client, taskId: answer.id, sleep: params.sleep, first: answer });
      continue;
    }
    const taskId = taskIdOf(answer.location);
    if (taskId) await followTask({ client: params.client, taskId, sleep: params.sleep, first: null });
  }
}

/**
 * Waits for the asynchronous property task; a failed task throws so the caller's event is retried.
 * `first` is the task as already read (a followed redirect), so a finished one costs no poll.
 */
async function followTask(params: { client: JiraClient; taskId: string; sleep: (ms: number) => Promise<void>; first: Task | null }): Promise<void> {
  let known = params.first;
  for (let poll = 0; poll < MAX_TASK_POLLS; poll++) {
    const task = known ?? (await params.client.get(route`/rest/api/3/task/${params.taskId}`, taskSchema));
    known = null;
    if (task.status === 'COMPLETE') return;
    if (task.status !== 'ENQUEUED' && task.status !== 'RUNNING') {
      throw new JiraUnavailableError({ endpoint: 'GET /rest/api/3/task/{taskId}', status: null, attempts: poll + 1, cause: task.message ?? task.status });
    }
    await params.sleep(Math.min(5_000, 500 * 2 ** poll));
  }
}

/** Sets the Readiness custom field: one update entry per distinct score, each covering many issues. */
export async function setReadinessFieldValues(params: { client: JiraClient; fieldId: string; values: { issueId: string; score: number }[] }): Promise<void> {
  const byScore = new Map<number, number[]>();
  for (const { issueId, score } of params.values) byScore.set(score, [...(byScore.get(score) ?? []), Number(issueId)]);
  const updates = [...byScore.entries()].flatMap(([score, issueIds]) => {
    const parts: { customField: string; issueIds: number[]; value: number }[] = [];
    for (let start = 0; start < issueIds.length; start += FIELD_CHUNK) parts.push({ customField: params.fieldId, issueIds: issueIds.slice(start, start + FIELD_CHUNK), value: score });
    return parts;
  });
  if (updates.length === 0) return;
  await params.client.post(route`/rest/api/3/app/field/value?generateChangelog=${'false'}`, ignoredBody, { updates });
}
