/**
 * Scenario 4: a future sprint of 100, 500 or 1,000 issues (about 90 % not ready) is started.
 * The `onSprintChanged` trigger only pushes a job; the queue consumer (`onWork`) reads one
 * search/jql page of 100 at a time, sends one edit per issue that changes (label, Flagged and the
 * readiness property together), one comment per newly flagged issue, the property of unchanged
 * issues in bulk (properties/multi) and the Readiness field in bulk. 100 ms per Jira call; run
 * quiet and under a 429 storm (every 10th request, plus, from the 300th request on, quota 429s
 * with Retry-After: 30 on every request for 60 s). Time is virtual (bench/virtual-clock.ts): Retry-After and queue delays cost
 * no wall time, and the figure is the time the work would take on the platform, one consumer at a time.
 */
import type { FaultConfig } from '../../sandbox/forge/faults';
import type { SiteIssue } from '../../sandbox/jira/model';
import { createSandbox, type Sandbox } from '../../sandbox/runtime';
import { APP_ACCOUNT_ID } from '../../sandbox/seed/demo';
import { BENCH_SPRINTS, generatedSeed } from '../generate-seed';
import { captureInfo, sumCalls, withMemory } from '../measure';
import type { BenchRow } from '../report';
import { createBenchClock, type BenchClock } from '../virtual-clock';

const LATENCY_MS = 100;
const LABEL = 'not-ready';
const READINESS_PROPERTY = 'refinement-radar-readiness';
const WORK_REPORT = '[refinement-radar] queued work';
/** search/jql returns at most 100 issues per page with fields. */
const PAGE = 100;
/**
 * Reads every run needs besides the pages: the sprint, the field catalog, the board, its
 * configuration (estimation field), and the project's settings are in KVS (not Jira).
 */
export const SPRINT_READS = 4;

const STORM: FaultConfig = {
  latencyMs: LATENCY_MS,
  rateLimit: { every: 10, retryAfterSeconds: 1 },
  rateLimitStorm: { from: 300, seconds: 60, reason: 'jira-quota-tenant-based', retryAfterSeconds: 30 },
};

export interface QueueRun {
  sandbox: Sandbox;
  clock: BenchClock;
}

/** A sandbox on the discrete-event clock, with the app's Jira retries on the same clock. */
export async function queueSandbox(seed: Parameters<typeof createSandbox>[0]): Promise<QueueRun> {
  const sandbox = await createSandbox({ ...seed, logErrors: true });
  const clock = createBenchClock();
  sandbox.faults.setClock(clock.now);
  sandbox.setClock(clock);
  // Imported only now: the app's modules must load after the sandbox installed the Forge globals.
  const { useRetryTiming } = await import('../../src/wiring');
  useRetryTiming(clock);
  return { sandbox, clock };
}

export async function releaseClock(): Promise<void> {
  (await import('../../src/wiring')).useRetryTiming(null);
}

const appComments = (issue: SiteIssue) => issue.comments.filter((comment) => comment.authorAccountId === APP_ACCOUNT_ID).length;
const propertyState = (issue: SiteIssue): unknown => {
  const value = issue.properties[READINESS_PROPERTY];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Reflect.get(value, 'state') : undefined;
};

/** Sums the consumer's `queued work` reports. */
function workReports(lines: string[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const line of lines.filter((candidate) => candidate.startsWith(WORK_REPORT))) {
    const parsed: unknown = JSON.parse(line.slice(WORK_REPORT.length).trim());
    if (typeof parsed !== 'object' || parsed === null) continue;
    for (const [key, value] of Object.entries(parsed)) if (typeof value === 'number' && key !== 'seq') total[key] = (total[key] ?? 0) + value;
  }
  return total;
}

async function startSprint(params: { size: number; label: string; faults: FaultConfig }): Promise<BenchRow> {
  const { sandbox, clock } = await queueSandbox({ seed: generatedSeed({ backlogSize: 200, planningSprintSize: params.size }) });
  const sprintIssues = [...sandbox.jira.site.issues.values()].filter((issue) => issue.sprintIds.includes(BENCH_SPRINTS.planning));
  sandbox.faults.set(params.faults);
  sandbox.resetCounters();
  const began = clock.now();
  const wallStart = performance.now();
  const { value, memory } = await withMemory(() =>
    captureInfo(async () => {
      sandbox.jira.startSprint(BENCH_SPRINTS.planning, 'ana');
      await sandbox.settle();
    }),
  );
  const virtualMs = clock.now() - began;
  const wallMs = performance.now() - wallStart;
  await releaseClock();
  const calls = sandbox.jiraCalls();
  const rejected = sandbox.faults.injected().rateLimited;
  const answered = sumCalls(calls) - rejected;
  const report = workReports(value.lines);

  // The emulator's own state, independent of what the app reports.
  // The generated planning sprint holds only open (To Do) issues.
  const open = sprintIssues;
  const unjudged = open.filter((issue) => propertyState(issue) === undefined).length;
  const notReady = open.filter((issue) => propertyState(issue) === 'not-ready');
  const unflagged = notReady.filter((issue) => !issue.labels.includes(LABEL) || appComments(issue) !== 1).length;
  const flaggedReady = open.filter((issue) => propertyState(issue) === 'ready' && issue.labels.includes(LABEL)).length;
  const ready = open.length - notReady.length;
  // Lower bound: see bench/README.md (scenario 4).
  const reads = Math.ceil(open.length / PAGE) + SPRINT_READS;
  const writes = 2 * notReady.length + Math.ceil(ready / PAGE) * 2 + Math.ceil(open.length / PAGE);
  const lowerBound = reads + writes;
  const deliveries = sandbox.asyncQueue.deliveries;
  const ok = unjudged === 0 && unflagged === 0 && flaggedReady === 0;
  const ratio = answered / lowerBound;
  return {
    scenario: `4 sprint start ×${params.size.toLocaleString('en-US')}: ${params.label}`,
    jiraCalls: answered,
    lowerBound,
    p50Ms: virtualMs,
    p95Ms: null,
    ...memory,
    outcome:
      `${ok ? 'ok' : 'INCOMPLETE'}: ${rejected} 429s rejected; ${(ratio).toFixed(3)} × bound; done after ${(virtualMs / 1000).toFixed(1)} s virtual (${(wallMs / 1000).toFixed(1)} s wall); ` +
      `unjudged ${unjudged}, unflagged ${unflagged}; ${notReady.length} flagged, ${ready} ready; ${deliveries.length} deliveries (${deliveries.filter((delivery) => delivery.outcome !== 'ok').length} retried)`,
    details: {
      latencyMs: LATENCY_MS,
      virtualMs,
      wallMs,
      faults: { ...params.faults, rateLimit: params.faults.rateLimit ? { ...params.faults.rateLimit } : undefined },
      callsByEndpoint: calls,
      rejected429: rejected,
      answered,
      boundParts: { reads, writes },
      report,
      unjudged,
      unflagged,
      flaggedReady,
      deliveries: deliveries.map((delivery) => ({ outcome: delivery.outcome, duplicate: delivery.duplicate, retryCount: delivery.retryCount })),
    },
  };
}

export async function sprintStart(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of [100, 500, 1000]) {
    rows.push(await startSprint({ size, label: 'quiet', faults: { latencyMs: LATENCY_MS } }));
    rows.push(await startSprint({ size, label: '429 storm', faults: STORM }));
  }
  return rows;
}
