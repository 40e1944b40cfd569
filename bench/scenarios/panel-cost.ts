/**
 * Scenario 3: the issue panel on the demo site with 100 ms per Jira request — one
 * `getReadiness`, and 20 developers casting their vote at the same moment.
 */
import type { Envelope, EstimationRound, IssueReadiness } from '../../src/contract';
import { createSandbox, type Sandbox } from '../../sandbox/runtime';
import { GENERATED_DEVELOPERS } from '../../sandbox/seed/users';
import { percentile, sumCalls, timed, withMemory } from '../measure';
import type { BenchRow } from '../report';

const LATENCY_MS = 100;
const RUNS = 5;
const PANEL_ISSUE = 'DEMO-5';
const VOTE_ISSUE = 'DEMO-14';
const CARDS = ['1', '2', '3', '5', '8'] as const;

async function readiness(sandbox: Sandbox): Promise<IssueReadiness> {
  const result = await sandbox.invoke<Envelope<IssueReadiness>>('getReadiness', {}, { accountId: 'ana', issueKey: PANEL_ISSUE });
  if (!result.ok) throw new Error(`getReadiness failed: ${result.error.message}`);
  return result.data;
}

async function panelRow(sandbox: Sandbox): Promise<BenchRow> {
  const { value, memory } = await withMemory(async () => {
    sandbox.resetCounters();
    await readiness(sandbox);
    const cold = sandbox.jiraCalls();
    const runs: { ms: number; calls: Record<string, number> }[] = [];
    for (let run = 0; run < RUNS; run++) {
      sandbox.resetCounters();
      const { ms } = await timed(() => readiness(sandbox));
      runs.push({ ms, calls: sandbox.jiraCalls() });
    }
    return { cold, runs };
  });
  const warm = value.runs[value.runs.length - 1]!.calls;
  return {
    scenario: `3 panel: getReadiness ${PANEL_ISSUE}`,
    jiraCalls: sumCalls(warm),
    // The issue itself (the stored readiness property can come with it, to skip an unchanged write).
    lowerBound: 1,
    p50Ms: percentile(value.runs.map((run) => run.ms), 50),
    p95Ms: percentile(value.runs.map((run) => run.ms), 95),
    ...memory,
    outcome: `ok: warm runs; cold run ${sumCalls(value.cold)} calls (writes the property, discovers fields and board)`,
    details: { latencyMs: LATENCY_MS, runs: value.runs.map((run) => Math.round(run.ms)), callsByEndpoint: warm, coldCallsByEndpoint: value.cold },
  };
}

async function votesRow(sandbox: Sandbox): Promise<BenchRow> {
  const { value, memory } = await withMemory(async () => {
    sandbox.resetCounters();
    const began = performance.now();
    const results = await Promise.all(
      GENERATED_DEVELOPERS.map(async (developer, i) => {
        const { value: result, ms } = await timed(() =>
          sandbox.invoke<Envelope<EstimationRound>>('castVote', { value: CARDS[i % CARDS.length]! }, { accountId: developer.alias, issueKey: VOTE_ISSUE }),
        );
        return { ok: result.ok, ms };
      }),
    );
    const totalMs = performance.now() - began;
    const calls = sandbox.jiraCalls();
    const round = await sandbox.invoke<Envelope<EstimationRound>>('getRound', {}, { accountId: 'ana', issueKey: VOTE_ISSUE });
    return { results, totalMs, calls, voterCount: round.ok ? round.data.voterCount : null };
  });
  const failed = value.results.filter((result) => !result.ok).length;
  const voters = GENERATED_DEVELOPERS.length;
  const allCounted = value.voterCount === voters && failed === 0;
  return {
    scenario: `3 panel: castVote ×${voters} concurrent`,
    jiraCalls: sumCalls(value.calls),
    lowerBound: null,
    p50Ms: percentile(value.results.map((result) => result.ms), 50),
    p95Ms: percentile(value.results.map((result) => result.ms), 95),
    ...memory,
    outcome: `${allCounted ? 'ok' : 'LOST VOTES'}: ${voters - failed}/${voters} accepted, round shows ${value.voterCount ?? '?'} voters; all done in ${Math.round(value.totalMs)} ms`,
    details: { latencyMs: LATENCY_MS, callsByEndpoint: value.calls, failed, voterCount: value.voterCount, totalMs: Math.round(value.totalMs) },
  };
}

export async function panelCost(): Promise<BenchRow[]> {
  const sandbox = await createSandbox({ seed: 'demo', playVotes: false, latencyMs: LATENCY_MS, logErrors: true });
  return [await panelRow(sandbox), await votesRow(sandbox)];
}
