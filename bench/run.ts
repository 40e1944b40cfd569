/**
 * `npm run bench`: runs every scenario against the sandbox (the app's real handlers, emulated
 * Jira with injected latency and 429s) and prints one table; the same rows go to
 * bench/results/latest.json. Scenarios run one after the other: createSandbox() installs the
 * process-wide Forge globals, so only one sandbox may be live at a time.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { formatTable, writeResults, type BenchRow } from './report';
import { agendaCost } from './scenarios/agenda-cost';
import { dailyRescore } from './scenarios/daily-rescore';
import { panelCost } from './scenarios/panel-cost';
import { readinessThroughput } from './scenarios/readiness-throughput';
import { sprintStart } from './scenarios/sprint-start';

const SCENARIOS: { name: string; run: () => Promise<BenchRow[]> }[] = [
  { name: 'readiness throughput', run: readinessThroughput },
  { name: 'agenda cost', run: agendaCost },
  { name: 'panel', run: panelCost },
  { name: 'sprint start', run: sprintStart },
  { name: 'daily rescore', run: dailyRescore },
];

/** `npm run bench -- agenda panel` runs only the scenarios whose name contains one of the words. */
function selected(args: string[]) {
  const words = args.map((arg) => arg.toLowerCase());
  return words.length === 0 ? SCENARIOS : SCENARIOS.filter((scenario) => words.some((word) => scenario.name.includes(word)));
}

async function main(): Promise<void> {
  const began = performance.now();
  const rows: BenchRow[] = [];
  for (const scenario of selected(process.argv.slice(2))) {
    const start = performance.now();
    process.stderr.write(`bench: ${scenario.name}…`);
    rows.push(...(await scenario.run()));
    process.stderr.write(` ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  }
  const totalSeconds = Math.round((performance.now() - began) / 100) / 10;
  // Other work on the machine skews wall times and the throughput figures; say how busy it was.
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  console.log(formatTable(rows));
  console.log(`\n${rows.length} rows in ${totalSeconds} s on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${load}`);
  const path = join(__dirname, 'results', 'latest.json');
  writeResults({ path, rows, meta: { generatedAt: new Date().toISOString(), totalSeconds, node: process.version, cpus: cpus().length, loadAverage: load, gcExposed: typeof Reflect.get(globalThis, 'gc') === 'function' } });
  console.log(`Written to ${path}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
