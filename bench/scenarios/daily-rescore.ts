/**
 * Scenario 5: the daily rescore (scheduled trigger `rescore-daily`) on a site of 50 and of 500
 * scrum boards (bench/generate-seed.ts `boardsSeed`), 100 ms per Jira call. The trigger only pages
 * through the boards and pushes one queued job per board; each board job re-judges its horizon
 * and queues a job per open sprint. Time is virtual (bench/virtual-clock.ts) and the sandbox
 * delivers one event at a time, so the figure is an upper bound: Forge runs up to 4 board jobs
 * side by side (concurrency key `rescore-boards`).
 */
import { APP_ACCOUNT_ID } from '../../sandbox/seed/demo';
import type { SiteIssue } from '../../sandbox/jira/model';
import { boardsSeed } from '../generate-seed';
import { captureInfo, sumCalls, withMemory } from '../measure';
import type { BenchRow } from '../report';
import { queueSandbox, releaseClock } from './sprint-start';

const LATENCY_MS = 100;
const DAY_MS = 86_400_000;
const READINESS_PROPERTY = 'refinement-radar-readiness';

const hasProperty = (issue: SiteIssue) => issue.properties[READINESS_PROPERTY] !== undefined;

async function rescore(boards: number): Promise<BenchRow> {
  const { sandbox, clock } = await queueSandbox({ seed: boardsSeed({ boards }), latencyMs: LATENCY_MS });
  sandbox.resetCounters();
  const began = clock.now();
  const { memory } = await withMemory(() => captureInfo(() => sandbox.runScheduled('rescore-daily')));
  const virtualMs = clock.now() - began;
  await releaseClock();
  const calls = sandbox.jiraCalls();
  const rejected = sandbox.faults.injected().rateLimited;
  const open = [...sandbox.jira.site.issues.values()].filter((issue) => issue.statusId !== '10001' && issue.sprintIds.length > 0);
  const unjudged = open.filter((issue) => !hasProperty(issue)).length;
  const notReadyUnflagged = open.filter((issue) => {
    const value = issue.properties[READINESS_PROPERTY];
    const state = typeof value === 'object' && value !== null && !Array.isArray(value) ? Reflect.get(value, 'state') : undefined;
    return state === 'not-ready' && (!issue.labels.includes('not-ready') || issue.comments.filter((comment) => comment.authorAccountId === APP_ACCOUNT_ID).length !== 1);
  }).length;
  const boardsDone = new Set(sandbox.asyncQueue.deliveries.filter((delivery) => delivery.outcome === 'ok').map((delivery) => JSON.stringify(delivery.body).match(/"boardId":(\d+)/)?.[1]).filter(Boolean)).size;
  const ok = boardsDone === boards && unjudged === 0 && notReadyUnflagged === 0 && virtualMs < DAY_MS;
  return {
    scenario: `5 daily rescore: ${boards} boards`,
    jiraCalls: sumCalls(calls) - rejected,
    lowerBound: null,
    p50Ms: virtualMs,
    p95Ms: null,
    ...memory,
    outcome: `${ok ? 'ok' : 'INCOMPLETE'}: ${boardsDone}/${boards} boards rescored in one run, done after ${(virtualMs / 1000).toFixed(0)} s virtual (sequential); ${rejected} 429s; sprint issues unjudged ${unjudged}, unflagged ${notReadyUnflagged}; ${(sumCalls(calls) / boards).toFixed(1)} calls per board`,
    details: { latencyMs: LATENCY_MS, virtualMs, callsByEndpoint: calls, deliveries: sandbox.asyncQueue.deliveries.length },
  };
}

export async function dailyRescore(): Promise<BenchRow[]> {
  // One sandbox at a time: createSandbox() installs the process-wide __forge_fetch__.
  return [await rescore(50), await rescore(500)];
}
