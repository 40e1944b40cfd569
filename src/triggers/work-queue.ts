/**
 * The app's own queue (`@forge/events`, manifest `consumer` → `on-work`): sprint starts, issues
 * moved into sprints and the daily rescore are split into jobs here and carried out by the
 * consumer, which may run 900 s, continues itself when its time runs short, and re-enqueues
 * itself with a delay when Jira's quota runs out.
 * @see /platform/forge/runtime-reference/async-events-api/
 */
import { InvocationError, InvocationErrorCode, Queue } from '@forge/events';
import { z } from 'zod';
import { editIssueOnce } from '../jira/write-issue';
import { searchPage } from '../jira/read-issues';
import { setReadinessFieldValues, setReadinessProperties } from '../jira/write-bulk';
import { createJiraClient } from '../jira/request';
import { JiraBadRequestError, JiraForbiddenError, JiraNotFoundError, JiraRateLimitedError } from '../jira/errors';
import { createQueueStepStore } from '../store/queue-step-store';
import { runJob } from '../usecases/queued-work';
import type { BulkJira, WorkJob, WorkQueue } from '../usecases/work-ports';
import { appDeps, currentRetryTiming as retryTiming } from '../wiring';

export const WORK_QUEUE_KEY = 'refinement-work';
/** Push limit of the async events API: 50 events per push. */
const MAX_EVENTS_PER_PUSH = 50;
/** delayInSeconds ≤ 900 (15 min). */
const MAX_DELAY_SECONDS = 900;
/** manifest: on-work timeoutSeconds 900; the consumer stops starting work well before. */
let consumerBudgetMs = 780_000;

/** Test seam: how long a consumer works before it pushes the rest as a new event. */
export function useConsumerBudget(ms: number | null): void {
  consumerBudgetMs = ms ?? 780_000;
}

const jobSchema: z.ZodType<WorkJob> = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sprint'),
    run: z.string(),
    seq: z.number().int(),
    sprintId: z.number().int(),
    pageToken: z.string().nullable(),
    only: z.array(z.string()).optional(),
    record: z.object({ page: z.number().int().nonnegative() }).optional(),
  }),
  z.object({ kind: z.literal('close'), run: z.string(), seq: z.number().int(), sprintId: z.number().int() }),
  z.object({ kind: z.literal('issues'), run: z.string(), seq: z.number().int(), projectId: z.string(), projectKey: z.string(), issueIds: z.array(z.string()) }),
  z.object({ kind: z.literal('boards'), run: z.string(), seq: z.number().int(), startAt: z.number().int().nonnegative(), projects: z.array(z.string()) }),
  z.object({ kind: z.literal('board'), run: z.string(), seq: z.number().int(), boardId: z.number().int(), horizon: z.boolean().optional() }),
]);

/** One sprint's jobs run one at a time (continuations stay in order); boards run a few side by side. */
function concurrencyOf(job: WorkJob): { key: string; limit: number } {
  if (job.kind === 'sprint' || job.kind === 'close') return { key: `sprint-${job.sprintId}`, limit: 1 };
  if (job.kind === 'issues') return { key: `project-${job.projectId}`, limit: 1 };
  // The board listing is one chain: each page queues the next.
  if (job.kind === 'boards') return { key: 'rescore-listing', limit: 1 };
  return { key: 'rescore-boards', limit: 4 };
}

export function createWorkQueue(): WorkQueue {
  const queue = new Queue({ key: WORK_QUEUE_KEY });
  return {
    async push(jobs) {
      for (let start = 0; start < jobs.length; start += MAX_EVENTS_PER_PUSH) {
        await queue.push(
          jobs.slice(start, start + MAX_EVENTS_PER_PUSH).map(({ job, delayInSeconds }) => ({
            body: { ...job },
            concurrency: concurrencyOf(job),
            ...(delayInSeconds ? { delayInSeconds: Math.min(MAX_DELAY_SECONDS, Math.max(1, Math.ceil(delayInSeconds))) } : {}),
          })),
        );
      }
    },
  };
}

function bulkJira(): BulkJira {
  const timing = retryTiming();
  const client = createJiraClient({ as: 'app', now: () => timing.now(), sleep: (ms) => timing.sleep(ms), maxTotalWaitMs: 60_000 });
  return {
    searchPage: (params) => searchPage({ client, ...params }),
    editIssue: (edit) => editIssueOnce({ client, ...edit }),
    setReadinessProperties: (entries) => setReadinessProperties({ client, entries, sleep: (ms) => timing.sleep(ms) }),
    setReadinessField: ({ fieldId, values }) => setReadinessFieldValues({ client, fieldId, values }),
  };
}

const eventSchema = z.object({ body: z.unknown(), retryContext: z.object({ retryCount: z.number() }).loose().optional() }).loose();

/**
 * Consumer of WORK_QUEUE_KEY. A rate limit (quota or burst, after the client's own retries)
 * re-enqueues the same job with Jira's wait as `delayInSeconds` (≤ 900) instead of spinning; a
 * permanent refusal (404, 400, 401/403) ends the job with a log line; any other failure asks the
 * platform for a retry (InvocationError), which redoes only what is not done.
 */
export async function onWork(event: unknown): Promise<InvocationError | undefined> {
  const parsedEvent = eventSchema.safeParse(event);
  const job = parsedEvent.success ? jobSchema.safeParse(parsedEvent.data.body) : null;
  if (!job?.success) {
    console.warn('[refinement-radar] dropped an unreadable queue event');
    return undefined;
  }
  const timing = retryTiming();
  const deps = appDeps({ retryBudgetMs: consumerBudgetMs });
  const queue = createWorkQueue();
  try {
    const report = await runJob(
      { deps, bulk: bulkJira(), queue, steps: createQueueStepStore(), deadline: timing.now() + consumerBudgetMs, now: () => timing.now() },
      job.data,
    );
    console.info('[refinement-radar] queued work', JSON.stringify({ kind: job.data.kind, run: job.data.run, seq: job.data.seq, ...report }));
    return undefined;
  } catch (error) {
    if (error instanceof JiraRateLimitedError) {
      const wait = Math.min(MAX_DELAY_SECONDS, error.retryAfterSeconds ?? 60);
      await queue.push([{ job: job.data, delayInSeconds: wait }]);
      console.warn(
        '[refinement-radar] rate limited; job re-enqueued',
        JSON.stringify({ run: job.data.run, seq: job.data.seq, wait, limit: error.limit, reason: error.reason, endpoint: error.endpoint }),
      );
      return undefined;
    }
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    // A retry cannot change these answers (the platform would redeliver for 24 h): the job ends here.
    if (error instanceof JiraNotFoundError || error instanceof JiraBadRequestError || error instanceof JiraForbiddenError) {
      console.error('[refinement-radar] queued work dropped (Jira will not accept it):', JSON.stringify({ kind: job.data.kind, run: job.data.run, seq: job.data.seq }), detail);
      return undefined;
    }
    console.error('[refinement-radar] queued work failed:', detail);
    return new InvocationError({ retryAfter: 30, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
}
