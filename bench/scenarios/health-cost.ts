/**
 * Scenario: what one `getHealth` (project page, Health tab) costs for a board with 6 closed
 * sprints of 50 and of 500 issues each, each at two backlog sizes. The Jira calls must not move
 * with the backlog: the app reads the 6 sprints' issues (one JQL search, 100 per page) and their
 * sprint-field history (changelog/bulkfetch, 1,000 issues per request), never the backlog.
 */
import type { Envelope, HealthView } from '../../src/contract';
import { createSandbox } from '../../sandbox/runtime';
import { generatedSeed } from '../generate-seed';
import { sumCalls, timed, withMemory } from '../measure';
import type { BenchRow } from '../report';

const SPRINT_SIZES = [50, 500] as const;
const BACKLOG_SIZES = [1_000, 10_000] as const;

async function measure(sprintSize: number, backlogSize: number): Promise<{ calls: number; byEndpoint: Record<string, number>; ms: number; sprints: number }> {
  const sandbox = await createSandbox({ seed: generatedSeed({ backlogSize, historySprintSize: sprintSize }), logErrors: true });
  const invoke = () => sandbox.invoke<Envelope<HealthView>>('getHealth', {}, { accountId: 'ana', projectKey: 'DEMO' });
  await invoke(); // cold: field discovery and board setup are cached in KVS afterwards
  sandbox.resetCounters();
  const { value, ms } = await timed(invoke);
  if (!value.ok) throw new Error(`getHealth failed: ${value.error.message}`);
  return { calls: sumCalls(sandbox.jiraCalls()), byEndpoint: sandbox.jiraCalls(), ms, sprints: value.data.sprints.length };
}

export async function healthCost(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const sprintSize of SPRINT_SIZES) {
    const { value: results, memory } = await withMemory(async () => {
      const measured = [];
      for (const backlogSize of BACKLOG_SIZES) measured.push({ backlogSize, ...(await measure(sprintSize, backlogSize)) });
      return measured;
    });
    const issues = 6 * sprintSize;
    // Lower bound (warm): closed + open sprint lists (2), ceil(issues / 100) search pages, ceil(issues / 1000) changelog requests.
    const lowerBound = 2 + Math.ceil(issues / 100) + Math.ceil(issues / 1000);
    rows.push({
      scenario: `health: 6 closed sprints × ${sprintSize} issues`,
      jiraCalls: results[results.length - 1]!.calls,
      lowerBound,
      p50Ms: results[results.length - 1]!.ms,
      p95Ms: results[results.length - 1]!.ms,
      ...memory,
      outcome: results.map((r) => `backlog ${r.backlogSize.toLocaleString('en-US')}: ${r.calls} calls`).join(' / ') + (results.every((r) => r.calls === results[0]!.calls) ? ' (flat)' : ' (NOT FLAT)'),
      details: { sprintSize, results },
    });
  }
  return rows;
}
