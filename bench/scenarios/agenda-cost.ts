/**
 * Scenario 2: what one `getAgenda` costs as the backlog grows from 100 to 50,000 issues, with
 * 100 ms added to every Jira request. The app's Jira calls must stay flat: it walks the
 * refinement horizon (future sprints, then the backlog by rank until 2 sprints of velocity are
 * covered) and never the whole backlog.
 */
import type { Agenda, Envelope } from '../../src/contract';
import { createSandbox, type Sandbox } from '../../sandbox/runtime';
import { FUTURE_SPRINT_ISSUES, generatedSeed } from '../generate-seed';
import { percentile, sumCalls, timed, withMemory } from '../measure';
import type { BenchRow } from '../report';

const AGENDA_BACKLOG_SIZES = [100, 1_000, 10_000, 50_000] as const;
const LATENCY_MS = 100;
const RUNS = 5;
/** Largest page the agile backlog endpoint serves when fields are asked for. */
const MAX_PAGE = 100;

/**
 * The calls no agenda can avoid on a scrum board, whatever the backlog size (warm run):
 *   closed sprint list (1, tells whether the cached velocity still holds) + open sprint list (1)
 *   + active sprint issues (1) + one page per future sprint walked (2 here).
 * A cold run adds what the app caches in KVS: field discovery (GET /field), the board lookup,
 * the board configuration (estimation field) and the issues of the last 3 closed sprints
 * (velocity) — 6 more.
 */
function agendaConstant(futureSprintsWalked: number): number {
  return 1 + 1 + 1 + futureSprintsWalked;
}
const COLD_SETUP_CALLS = 6;

async function invokeAgenda(sandbox: Sandbox): Promise<Agenda> {
  const result = await sandbox.invoke<Envelope<Agenda>>('getAgenda', {}, { accountId: 'ana', projectKey: 'DEMO' });
  if (!result.ok) throw new Error(`getAgenda failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}

async function measureBacklog(backlogSize: number): Promise<BenchRow> {
  const built = await timed(async () => createSandbox({ seed: generatedSeed({ backlogSize }), latencyMs: LATENCY_MS, logErrors: true }));
  const sandbox = built.value;
  const { value, memory } = await withMemory(async () => {
    // Cold run: field discovery is not cached yet.
    sandbox.resetCounters();
    await invokeAgenda(sandbox);
    const cold = sumCalls(sandbox.jiraCalls());
    const runs: { ms: number; calls: Record<string, number>; agenda: Agenda }[] = [];
    for (let run = 0; run < RUNS; run++) {
      sandbox.resetCounters();
      const { value: agenda, ms } = await timed(() => invokeAgenda(sandbox));
      runs.push({ ms, calls: sandbox.jiraCalls(), agenda });
    }
    return { cold, runs };
  });
  const last = value.runs[value.runs.length - 1]!;
  const calls = sumCalls(last.calls);
  const futureIssues = Object.values(FUTURE_SPRINT_ISSUES).reduce((sum, count) => sum + count, 0);
  const backlogInHorizon = Math.max(0, last.agenda.horizon.items - futureIssues);
  const futureSprintsWalked = Object.keys(FUTURE_SPRINT_ISSUES).length;
  const lowerBound = Math.ceil(backlogInHorizon / MAX_PAGE) + agendaConstant(futureSprintsWalked);
  const stable = value.runs.every((run) => sumCalls(run.calls) === calls);
  return {
    scenario: `2 agenda: backlog ${backlogSize.toLocaleString('en-US')}`,
    jiraCalls: calls,
    lowerBound,
    p50Ms: percentile(value.runs.map((run) => run.ms), 50),
    p95Ms: percentile(value.runs.map((run) => run.ms), 95),
    ...memory,
    outcome: `horizon ${last.agenda.horizon.items} items / ${last.agenda.horizon.points} pts (target ${last.agenda.horizon.targetPoints ?? '–'}, ${last.agenda.horizon.stoppedBecause}); cold run ${value.cold} calls (bound ${lowerBound + COLD_SETUP_CALLS})${stable ? '' : '; CALLS VARY between runs'}`,
    details: {
      backlogSize,
      latencyMs: LATENCY_MS,
      runs: value.runs.map((run) => Math.round(run.ms)),
      coldRunCalls: value.cold,
      callsByEndpoint: last.calls,
      horizon: last.agenda.horizon,
      velocity: last.agenda.velocity.value,
      backlogItemsInHorizon: backlogInHorizon,
      lowerBoundFormula: `ceil(${backlogInHorizon} backlog items in horizon / ${MAX_PAGE}) + ${agendaConstant(futureSprintsWalked)} (closed+open sprint lists, active sprint, ${futureSprintsWalked} future sprints); cold run + ${COLD_SETUP_CALLS} (fields, board, board config, 3 closed sprints for velocity)`,
      seedMs: Math.round(built.ms),
    },
  };
}

export async function agendaCost(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of AGENDA_BACKLOG_SIZES) rows.push(await measureBacklog(size));
  const beyond = rows.slice(1).map((row) => row.jiraCalls);
  const flat = beyond.every((calls) => calls === beyond[0]);
  // Flat means: from 1,000 issues on (past any horizon), every size costs the same calls.
  for (const [i, row] of rows.entries()) row.outcome = `${i === 0 ? 'ok' : flat ? 'ok, flat' : 'NOT FLAT'}: ${row.outcome}`;
  return rows;
}
