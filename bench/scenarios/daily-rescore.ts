/**
 * Scenario 5: the daily rescore (scheduled trigger `rescore-daily`) over the demo site and over
 * a generated site with a 10,000-issue backlog, 100 ms per Jira request. It re-scores each scrum
 * board's horizon and writes the readiness property only where the judgement changed, so a
 * second run on unchanged data should write nothing.
 */
import { createSandbox, type Sandbox } from '../../sandbox/runtime';
import { generatedSeed } from '../generate-seed';
import { captureInfo, sumCalls, timed, withMemory } from '../measure';
import type { BenchRow } from '../report';

const LATENCY_MS = 100;
/**
 * Fewest calls for one scrum board whose horizon fits one backlog page: the board list (1), the
 * horizon walk an agenda needs (5: sprint lists, active and 2 future sprints), one backlog page
 * (1) and one bulk read of the stored properties (1). The first run adds what the app caches
 * (fields, board, board config, 3 closed sprints for velocity: 6) and one write per changed property.
 */
const WARM_BOUND = 1 + 5 + 1 + 1;
const COLD_SETUP = 6;
const REPORT_PREFIX = '[refinement-radar] daily rescore';

interface RescoreRun {
  ms: number;
  calls: Record<string, number>;
  report: string;
}

async function rescoreOnce(sandbox: Sandbox): Promise<RescoreRun> {
  sandbox.resetCounters();
  const { value, lines } = await captureInfo(() => timed(() => sandbox.runScheduled('rescore-daily')));
  const line = lines.find((candidate) => candidate.startsWith(REPORT_PREFIX));
  return { ms: value.ms, calls: sandbox.jiraCalls(), report: line ? line.slice(REPORT_PREFIX.length).trim() : 'no report logged' };
}

async function rescoreRow(params: { label: string; sandbox: Sandbox }): Promise<BenchRow> {
  const { value, memory } = await withMemory(async () => ({ first: await rescoreOnce(params.sandbox), second: await rescoreOnce(params.sandbox) }));
  const { first, second } = value;
  const properties = (calls: Record<string, number>, method: 'GET' | 'PUT') => calls[`${method} /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}`] ?? 0;
  return {
    scenario: `5 daily rescore: ${params.label}`,
    jiraCalls: sumCalls(first.calls),
    lowerBound: WARM_BOUND + COLD_SETUP + properties(first.calls, 'PUT'),
    p50Ms: first.ms,
    p95Ms: null,
    ...memory,
    outcome: `first run ${first.report}; second run (nothing changed) ${sumCalls(second.calls)} calls (bound ${WARM_BOUND}), ${properties(second.calls, 'PUT')} property writes, ${Math.round(second.ms)} ms`,
    details: { latencyMs: LATENCY_MS, first, second },
  };
}

export async function dailyRescore(): Promise<BenchRow[]> {
  // One sandbox at a time: createSandbox() installs the process-wide __forge_fetch__, so only the
  // newest sandbox receives the app's requests.
  const demo = await rescoreRow({ label: 'demo site', sandbox: await createSandbox({ seed: 'demo', playVotes: false, latencyMs: LATENCY_MS, logErrors: true }) });
  const large = await rescoreRow({
    label: 'backlog 10,000',
    sandbox: await createSandbox({ seed: generatedSeed({ backlogSize: 10_000 }), latencyMs: LATENCY_MS, logErrors: true }),
  });
  return [demo, large];
}
