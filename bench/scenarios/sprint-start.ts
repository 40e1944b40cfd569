/**
 * Scenario 4: a sprint of 100 issues, most of them not ready, is started. The
 * `onSprintChanged` trigger scores them all and flags the not-ready ones (label, comment,
 * readiness property). Forge ends a trigger after 25 s; the use case stops starting work at its
 * own 20 s budget and reports what it left. Run once with 100 ms latency, once with a 429
 * (Retry-After 1 s) on every 10th request as well.
 */
import { createSandbox } from '../../sandbox/runtime';
import type { FaultConfig } from '../../sandbox/forge/faults';
import { BENCH_SPRINTS, generatedSeed } from '../generate-seed';
import { captureInfo, sumCalls, timed, withMemory } from '../measure';
import type { BenchRow } from '../report';
import type { SprintFlagReport } from '../../src/usecases/flag-sprint';

const SPRINT_SIZE = 100;
const LATENCY_MS = 100;
const TRIGGER_LIMIT_MS = 25_000;
const REPORT_PREFIX = '[refinement-radar] sprint flags';

type FlagReport = Omit<SprintFlagReport, 'sprintId'>;

function parseReport(lines: string[]): FlagReport | null {
  const line = lines.find((candidate) => candidate.startsWith(REPORT_PREFIX));
  if (!line) return null;
  const parsed: unknown = JSON.parse(line.slice(REPORT_PREFIX.length).trim());
  if (typeof parsed !== 'object' || parsed === null) return null;
  const number = (key: string) => {
    const value: unknown = Reflect.get(parsed, key);
    return typeof value === 'number' ? value : 0;
  };
  return { issues: number('issues'), flagged: number('flagged'), cleared: number('cleared'), unchanged: number('unchanged'), failed: number('failed'), notStarted: number('notStarted') };
}

async function startSprint(params: { label: string; faults: FaultConfig }): Promise<BenchRow> {
  const sandbox = await createSandbox({ seed: generatedSeed({ backlogSize: 200, planningSprintSize: SPRINT_SIZE }), logErrors: true });
  const sprintIssues = [...sandbox.jira.site.issues.values()].filter((issue) => issue.sprintIds.includes(BENCH_SPRINTS.planning));
  sandbox.faults.set(params.faults);
  sandbox.resetCounters();
  const { value, memory } = await withMemory(() =>
    captureInfo(() =>
      timed(async () => {
        sandbox.jira.startSprint(BENCH_SPRINTS.planning, 'ana');
        await sandbox.settle();
      }),
    ),
  );
  const ms = value.value.ms;
  const calls = sandbox.jiraCalls();
  const report = parseReport(value.lines);
  // The emulator's own state, independent of what the app reports.
  const labelled = sprintIssues.filter((issue) => issue.labels.includes('not-ready')).length;
  const commented = sprintIssues.filter((issue) => issue.comments.length > 0).length;
  const delivered = sandbox.deliveredEvents.filter((event) => event.functionKey === 'on-sprint-changed');
  const complete = report !== null && report.failed === 0 && report.notStarted === 0;
  const verdict = ms > TRIGGER_LIMIT_MS ? 'over-limit' : complete ? 'ok' : 'partial';
  const counts = report
    ? `flagged ${report.flagged}, cleared ${report.cleared}, unchanged ${report.unchanged}, failed ${report.failed}, notStarted ${report.notStarted}`
    : 'no report logged';
  const flaggable = report ? report.flagged + report.unchanged : 0;
  return {
    scenario: `4 sprint start ×${SPRINT_SIZE}: ${params.label}`,
    jiraCalls: sumCalls(calls),
    // Reads (sprint, fields, board, board config, one 100-issue page, one bulk read of the stored
    // properties), then one property write per issue (none has one yet) and, per not-ready
    // issue, a label edit and a comment.
    lowerBound: report ? 6 + report.issues + 2 * report.flagged : null,
    p50Ms: ms,
    p95Ms: null,
    ...memory,
    outcome: `${verdict}: ${counts}; emulator: ${labelled} labelled, ${commented} commented; 429s injected ${sandbox.faults.injected().rateLimited}`,
    details: {
      latencyMs: LATENCY_MS,
      faults: { ...params.faults, rateLimit: params.faults.rateLimit ? { ...params.faults.rateLimit } : undefined },
      callsByEndpoint: calls,
      report,
      flaggable,
      labelled,
      commented,
      triggerRuns: delivered.map((event) => ({ ok: event.ok, error: event.error })),
      triggerLimitMs: TRIGGER_LIMIT_MS,
    },
  };
}

export async function sprintStart(): Promise<BenchRow[]> {
  return [
    await startSprint({ label: '100 ms latency', faults: { latencyMs: LATENCY_MS } }),
    await startSprint({ label: '100 ms + 429 every 10th', faults: { latencyMs: LATENCY_MS, rateLimit: { every: 10, retryAfterSeconds: 1 } } }),
  ];
}
