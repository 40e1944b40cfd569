#!/usr/bin/env node
/**
 * The `npm test` pipeline: runs the checks as child processes, in parallel where they do not depend on
 * each other, so the two cores of a small machine stay busy. Plain Node built-ins only.
 *
 *   build ──┬── check:manifest   (@forge/manifest validates that the resource folders exist)
 *           ├── jest unit + integration   (the manifest checks and the sandbox server read the builds)
 *           └── jest e2e   (serves the built UI)
 *   lint + types: independent of the rest. ESLint builds the three TypeScript programs for its type-aware rules and
 *   reports the compiler's errors from them (scripts/eslint/typescript-diagnostics.cjs), so no separate tsc runs here.
 *
 * At most one step per core runs at a time (RUN_PARALLEL_MAX overrides): with every step at once, two cores
 * spent more time switching than working (tsc 10 s → 79 s) and jest's 5 s test timeouts fired.
 * Each step's output is kept; it is printed whole when the step fails, otherwise only its last lines
 * (jest's summary). Exits 1 if any step failed; steps whose prerequisite failed are skipped.
 * Usage: node scripts/run-parallel.mjs
 */
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Longest first among the ready ones: build → e2e is the critical path. */
const STEPS = [
  { name: 'build', command: 'npm', args: ['run', '--silent', 'build'], after: [], tail: 1 },
  { name: 'e2e', command: 'npx', args: ['jest', '--ci', '--selectProjects', 'e2e', '--maxWorkers=2'], after: ['build'], tail: 5 },
  { name: 'lint + types', command: 'npm', args: ['run', '--silent', 'lint'], after: [], tail: 0 },
  { name: 'unit+integration', command: 'npx', args: ['jest', '--ci', '--selectProjects', 'unit', 'integration', '--maxWorkers=2'], after: ['build'], tail: 5 },
  { name: 'check:manifest', command: 'npm', args: ['run', '--silent', 'check:manifest'], after: ['build'], tail: 0 },
];

const MAX_RUNNING = Number(process.env.RUN_PARALLEL_MAX) || availableParallelism();
const started = Date.now();
let running = 0;
/** @type {(() => void)[]} */
const waiting = [];
/** Waits for a free slot; slots are handed out in STEPS order, so the critical path goes first. */
async function acquire() {
  if (running < MAX_RUNNING) {
    running += 1;
    return;
  }
  await new Promise((resolve) => waiting.push(resolve));
}
function release() {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}
/** Jest's "Tests: 3 failed, 1250 passed, 1253 total" lines of every step, added up for the closing line. */
const testCounts = { passed: 0, failed: 0, skipped: 0 };
function countTests(text) {
  for (const line of text.split('\n').filter((l) => l.startsWith('Tests:'))) {
    for (const kind of Object.keys(testCounts)) testCounts[kind] += Number(new RegExp(`(\\d+) ${kind}`).exec(line)?.[1] ?? 0);
  }
}
const seconds = (from) => `${((Date.now() - from) / 1000).toFixed(1)} s`;
/** @type {Map<string, Promise<boolean>>} */
const results = new Map();

function run(step) {
  return new Promise((resolve) => {
    const begin = Date.now();
    const output = [];
    const child = spawn(step.command, step.args, { cwd: root, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(String(error))));
    child.on('close', (code, signal) => {
      const text = Buffer.concat(output).toString('utf8').trimEnd();
      const ok = code === 0;
      countTests(text);
      if (ok) {
        console.log(`✔ ${step.name} (${seconds(begin)})`);
        if (step.tail > 0 && text) console.log(text.split('\n').slice(-step.tail).map((line) => `    ${line}`).join('\n'));
      } else {
        console.log(`✘ ${step.name} failed (${code ?? signal}, ${seconds(begin)}): ${[step.command, ...step.args].join(' ')}\n${text}\n`);
      }
      resolve(ok);
    });
  });
}

function schedule(step) {
  if (!results.has(step.name)) {
    results.set(
      step.name,
      (async () => {
        const prerequisites = await Promise.all(step.after.map((name) => schedule(STEPS.find((s) => s.name === name))));
        if (prerequisites.includes(false)) {
          console.log(`- ${step.name} skipped (${step.after.join(', ')} failed)`);
          return false;
        }
        await acquire();
        try {
          return await run(step);
        } finally {
          release();
        }
      })(),
    );
  }
  return results.get(step.name);
}

const outcomes = await Promise.all(STEPS.map(schedule));
const failed = STEPS.filter((_, index) => !outcomes[index]).map((step) => step.name);
console.log(failed.length === 0 ? `All checks passed in ${seconds(started)}.` : `Failed: ${failed.join(', ')} (${seconds(started)}).`);
// The plain closing line CI reads: every Jest test of every step (a failed non-test step counts as one failure).
const failures = testCounts.failed + (failed.length > 0 && testCounts.failed === 0 ? failed.length : 0);
console.log(`${testCounts.passed} passed, ${failures} failed${testCounts.skipped > 0 ? `, ${testCounts.skipped} skipped` : ''}`);
process.exitCode = failed.length === 0 ? 0 : 1;
