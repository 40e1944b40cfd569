/**
 * `npm run bench`: runs every scenario against the sandbox (the app's real handlers, emulated
 * Jira with injected latency and 429s) and prints one table; the same rows go to
 * bench/results/latest.json, merged into what is there: a focused run (`npm run bench -- health`)
 * replaces the rows of the scenarios it ran and keeps the others'. Scenarios run one after the other: createSandbox() installs the
 * process-wide Forge globals, so only one sandbox may be live at a time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { formatTable, writeResults, type BenchRow } from './report';
import { agendaCost } from './scenarios/agenda-cost';
import { dailyRescore } from './scenarios/daily-rescore';
import { healthCost } from './scenarios/health-cost';
import { panelCost } from './scenarios/panel-cost';
import { readinessThroughput } from './scenarios/readiness-throughput';
import { sessionCost } from './scenarios/session-cost';
import { sprintStart } from './scenarios/sprint-start';

const SCENARIOS: { name: string; run: () => Promise<BenchRow[]> }[] = [
  { name: 'readiness throughput', run: readinessThroughput },
  { name: 'agenda cost', run: agendaCost },
  { name: 'panel', run: panelCost },
  { name: 'health', run: healthCost },
  { name: 'sprint start', run: sprintStart },
  { name: 'daily rescore', run: dailyRescore },
  { name: 'refinement session', run: sessionCost },
];

/** `npm run bench -- agenda panel` runs only the scenarios whose name contains one of the words. */
function selected(args: string[]) {
  const words = args.map((arg) => arg.toLowerCase());
  return words.length === 0 ? SCENARIOS : SCENARIOS.filter((scenario) => words.some((word) => scenario.name.includes(word)));
}

/** When each scenario last ran, and which rows (by their `scenario` label) it wrote. */
const runSchema = z.object({ generatedAt: z.string(), seconds: z.number(), loadAverage: z.string(), rowLabels: z.array(z.string()) });
type ScenarioRun = z.infer<typeof runSchema>;
const rowSchema = z.object({
  scenario: z.string(),
  jiraCalls: z.number().nullable(),
  lowerBound: z.number().nullable(),
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
  peakRssMb: z.number(),
  heapDeltaMb: z.number(),
  outcome: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
}) satisfies z.ZodType<BenchRow>;
const resultsSchema = z.object({ runs: z.record(z.string(), runSchema), rows: z.array(rowSchema) });

/**
 * The rows already in latest.json by scenario name. A file from before runs were kept by scenario
 * (or an unreadable one) gives nothing, since its rows cannot be told apart.
 */
function previousRuns(path: string): Map<string, { run: ScenarioRun; rows: BenchRow[] }> {
  const runs = new Map<string, { run: ScenarioRun; rows: BenchRow[] }>();
  if (!existsSync(path)) return runs;
  let stored: unknown;
  try {
    stored = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return runs; // A half-written file: start afresh.
  }
  const parsed = resultsSchema.safeParse(stored);
  if (!parsed.success) return runs;
  for (const [name, run] of Object.entries(parsed.data.runs)) {
    runs.set(name, { run, rows: parsed.data.rows.filter((row) => run.rowLabels.includes(row.scenario)) });
  }
  return runs;
}

async function main(): Promise<void> {
  const began = performance.now();
  const rows: BenchRow[] = [];
  const path = join(__dirname, 'results', 'latest.json');
  const runs = previousRuns(path);
  for (const scenario of selected(process.argv.slice(2))) {
    const start = performance.now();
    process.stderr.write(`bench: ${scenario.name}…`);
    const scenarioRows = await scenario.run();
    rows.push(...scenarioRows);
    const seconds = Math.round((performance.now() - start) / 100) / 10;
    const run = { generatedAt: new Date().toISOString(), seconds, loadAverage: loadavg().map((value) => value.toFixed(2)).join(' '), rowLabels: scenarioRows.map((row) => row.scenario) };
    runs.set(scenario.name, { run, rows: scenarioRows });
    process.stderr.write(` ${seconds.toFixed(1)} s\n`);
  }
  const totalSeconds = Math.round((performance.now() - began) / 100) / 10;
  // Other work on the machine skews wall times and the throughput figures; say how busy it was.
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  console.log(formatTable(rows));
  console.log(`\n${rows.length} rows in ${totalSeconds} s on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${load}`);
  // Every scenario's latest rows, in the table's order; `runs` says when each was measured.
  const allRows = SCENARIOS.flatMap((scenario) => runs.get(scenario.name)?.rows ?? []);
  const ranAt: Record<string, ScenarioRun> = {};
  for (const scenario of SCENARIOS) {
    const kept = runs.get(scenario.name);
    if (kept) ranAt[scenario.name] = kept.run;
  }
  writeResults({ path, rows: allRows, meta: { generatedAt: new Date().toISOString(), totalSeconds, node: process.version, cpus: cpus().length, loadAverage: load, gcExposed: typeof Reflect.get(globalThis, 'gc') === 'function', runs: ranAt } });
  console.log(`Written to ${path} (${rows.length} rows of this run, ${allRows.length} in all)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
