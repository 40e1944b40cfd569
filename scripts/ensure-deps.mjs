#!/usr/bin/env node
/**
 * Installs what is missing before `npm start` / `npm test`, so a fresh clone needs only those two commands.
 *
 * - npm packages: `npm ci` when node_modules is missing or was installed from another package-lock.json
 *   (a stamp of the lockfile's hash is kept in node_modules). Plain node built-ins only: this runs before
 *   any dependency exists.
 * - `--browser`: the browser tests drive Debian's Chromium (browser downloads are blocked on these machines).
 *   As root it is installed with apt-get; otherwise we stop at once with the exact command to run.
 *
 * npm does not run pre/post scripts here (.npmrc has ignore-scripts=true), hence an explicit first step.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockfile = join(root, 'package-lock.json');
const stamp = join(root, 'node_modules', '.refinement-radar-lock-hash');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command, args) {
  console.log(`[ensure-deps] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`[ensure-deps] "${command} ${args.join(' ')}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function ensurePackages() {
  const lockHash = createHash('sha256').update(readFileSync(lockfile)).digest('hex');
  const installed = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null;
  if (installed === lockHash) return;
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, `${lockHash}\n`);
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const install = 'apt-get update && apt-get install -y --no-install-recommends chromium';
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    console.error(`[ensure-deps] The browser tests need Debian's Chromium at ${CHROMIUM}. Install it first:\n\n  sudo sh -c '${install}'\n`);
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    console.log(`[ensure-deps] apt-get ${args.join(' ')}`);
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`[ensure-deps] apt-get ${args.join(' ')} failed; run: ${install}`);
      process.exit(result.status ?? 1);
    }
  }
}

ensurePackages();
if (process.argv.includes('--browser')) ensureChromium();
