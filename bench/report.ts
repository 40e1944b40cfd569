/**
 * The one table `npm run bench` prints, and its JSON twin in bench/results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface BenchRow {
  scenario: string;
  /** Jira requests the app made (null for pure, in-process scenarios). */
  jiraCalls: number | null;
  /** The fewest calls the job could need; see the scenario's notes for how it is computed. */
  lowerBound: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  peakRssMb: number;
  heapDeltaMb: number;
  outcome: string;
  /** Calls by endpoint, runs, and anything else worth keeping in the JSON. */
  details?: Record<string, unknown>;
}

const COLUMNS: { title: string; cell: (row: BenchRow) => string; right?: boolean }[] = [
  { title: 'scenario', cell: (row) => row.scenario },
  { title: 'Jira calls', cell: (row) => (row.jiraCalls === null ? '–' : String(row.jiraCalls)), right: true },
  { title: 'lower bound', cell: (row) => (row.lowerBound === null ? '–' : String(row.lowerBound)), right: true },
  { title: 'p50 ms', cell: (row) => formatMs(row.p50Ms), right: true },
  { title: 'p95 ms', cell: (row) => formatMs(row.p95Ms), right: true },
  { title: 'peak RSS MB', cell: (row) => String(row.peakRssMb), right: true },
  { title: 'heap Δ MB', cell: (row) => String(row.heapDeltaMb), right: true },
  { title: 'outcome', cell: (row) => row.outcome },
];

function formatMs(ms: number | null): string {
  if (ms === null || Number.isNaN(ms)) return '–';
  return ms >= 100 ? String(Math.round(ms)) : ms.toFixed(2);
}

/** A Markdown table, so the same text reads in a terminal and pastes into the README. */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((row) => COLUMNS.map((column) => column.cell(row)));
  const widths = COLUMNS.map((column, i) => Math.max(column.title.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: string[]) =>
    `| ${values.map((value, i) => (COLUMNS[i]!.right ? value.padStart(widths[i]!) : value.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((width, i) => (COLUMNS[i]!.right ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [line(COLUMNS.map((column) => column.title)), rule, ...cells.map(line)].join('\n');
}

export function writeResults(params: { path: string; rows: readonly BenchRow[]; meta: Record<string, unknown> }): void {
  mkdirSync(dirname(params.path), { recursive: true });
  writeFileSync(params.path, JSON.stringify({ ...params.meta, rows: params.rows }, null, 2) + '\n');
}
