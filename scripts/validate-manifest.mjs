// Checks manifest.yml offline the way `forge lint` would, because `forge lint` needs a login
// (../shared/reference/toolchain.md "Forge CLI"). A step of `npm test` (`npm run check:manifest`), kept out of
// jest because the linters take ~15 s. Usage: node scripts/validate-manifest.mjs [path/to/manifest.yml]
//  1. @forge/manifest FULL validation (schema, modules, resources, handlers, runtime);
//  2. a negative control: the same validator must reject an unsupported runtime (proves it is really wired);
//  3. the client-side @forge/lint linters on src/, which include the PRODUCT_TRIGGER validation (trigger scopes,
//     PermissionsManifestLinter). Dropped: PermissionLinter (it downloads Jira's OpenAPI spec) and
//     FullManifestLinter (step 1 ran the same validation). Each validation compiles Forge's 1.5 MB manifest
//     schema anew (about 1.3 s), so running each one once is most of this script's speed.
// Fails (exit 1) on any validation error or lint error; lint warnings are listed only.
// Our own, fast checks (scopes, event names, handlers, builds) stay in test/unit/manifest/manifest.test.ts.
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NullLogger, StatsigService } from '@forge/cli-shared';
import { getClientSideLintersOnly, lint } from '@forge/lint';
import forgeManifest from '@forge/manifest';

const { ProcessorBuilder, ValidationTypes } = forgeManifest;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Linters the offline run must include; an @forge/lint upgrade that drops them should fail loudly. */
const REQUIRED_LINTERS = ['HandlerLinter', 'FunctionTimeoutLinter', 'PermissionsManifestLinter'];
/** Linters left out offline: one needs the network, the other repeats step 1. */
const SKIPPED_LINTERS = ['PermissionLinter', 'FullManifestLinter'];

/** Built once: building it compiles the manifest schema; the negative control reuses it. */
const fullValidation = ProcessorBuilder.instance().withValidation(ValidationTypes.FULL).build();
const describeErrors = (errors) => (errors ?? []).map((error) => `  ${error.level ?? 'error'} line ${error.line ?? '?'}: ${error.message}`).join('\n');

/** Statsig answers the CLI would fetch from Atlassian; offline: no gates, no deprecated runtimes. */
class OfflineStatsig extends StatsigService {
  constructor() {
    super(
      NullLogger,
      undefined,
      { getCredentials: () => Promise.reject(new Error('offline: no credentials')) },
      { readConfigSection: () => Promise.resolve('missing') },
    );
  }
  checkGate() {
    return Promise.resolve(null);
  }
  getDynamicConfig() {
    return Promise.resolve(null);
  }
  getDeprecatedRuntimes() {
    return Promise.resolve([]);
  }
}

const listSourceFiles = (dir) =>
  readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return listSourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });

/**
 * The linters read ./manifest.yml, ./tsconfig.json and handler files relative to the working directory,
 * and skip every .ts file not matched by tsconfig `include` — our tsconfig lists globs that
 * @forge/cli-shared does not expand, so nothing would be linted. We therefore run in a temporary folder
 * that links the manifest being checked, and src and static from the root, and has no tsconfig.json.
 */
async function lintOffline(manifestPath, manifest, files) {
  const workDir = mkdtempSync(path.join(tmpdir(), 'forge-lint-'));
  // The manifest linters read ./manifest.yml themselves: link the file being checked.
  symlinkSync(manifestPath, path.join(workDir, 'manifest.yml'));
  for (const entry of ['src', 'static']) symlinkSync(path.join(ROOT, entry), path.join(workDir, entry));
  const previousDir = process.cwd();
  process.chdir(workDir);
  try {
    const statsig = new OfflineStatsig();
    const logger = { info: () => undefined };
    const linters = (await getClientSideLintersOnly(manifest, 'development', logger, statsig)).filter((linter) => !SKIPPED_LINTERS.includes(linter.constructor.name));
    const results = await lint([...files], manifest, 'development', logger, statsig, { linter: { mode: 'client-side' }, linters });
    const findings = (kind) => results.flatMap((result) => result[kind].map((rule) => `  ${result.file}:${rule.line}:${rule.column} ${rule.message} (${rule.reference})`));
    return { errors: findings('errors'), warnings: findings('warnings'), linterNames: linters.map((linter) => linter.constructor.name) };
  } finally {
    process.chdir(previousDir);
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function main() {
  const manifestPath = path.resolve(process.argv[2] ?? path.join(ROOT, 'manifest.yml'));
  // Forge resolves function handlers against ./src, so validate from the project root.
  process.chdir(ROOT);
  let failed = false;
  const fail = (message) => {
    console.log(message);
    failed = true;
  };

  const result = await fullValidation.process(manifestPath);
  if (result.success && (result.errors ?? []).length === 0) console.log(`manifest ${ValidationTypes.FULL}: ok`);
  else fail(`manifest ${ValidationTypes.FULL}: FAILED\n${describeErrors(result.errors)}`);
  const typed = result.manifestObject?.typedContent;

  const badDir = mkdtempSync(path.join(tmpdir(), 'manifest-'));
  try {
    const text = readFileSync(manifestPath, 'utf8');
    if (!text.includes('name: nodejs22.x')) fail('negative control: manifest.yml no longer declares nodejs22.x; update this script');
    const badFile = path.join(badDir, 'manifest.yml');
    writeFileSync(badFile, text.replace('name: nodejs22.x', 'name: nodejs18.x'));
    const bad = await fullValidation.process(badFile);
    if (!bad.success && /runtime|nodejs18/i.test(describeErrors(bad.errors))) console.log('negative control (nodejs18.x rejected): ok');
    else fail(`negative control: FULL validation accepted an unsupported runtime (nodejs18.x)\n${describeErrors(bad.errors)}`);
  } finally {
    rmSync(badDir, { recursive: true, force: true });
  }

  if (typed === undefined) {
    fail('@forge/lint: skipped, the manifest did not validate');
  } else {
    const files = listSourceFiles('src');
    const report = await lintOffline(manifestPath, typed, files);
    const missing = REQUIRED_LINTERS.filter((name) => !report.linterNames.includes(name));
    if (missing.length > 0) fail(`@forge/lint: linters missing from the offline run: ${missing.join(', ')}`);
    if (report.warnings.length > 0) console.log(`@forge/lint: ${report.warnings.length} warning(s):\n${report.warnings.join('\n')}`);
    if (report.errors.length > 0) fail(`@forge/lint: ${report.errors.length} error(s):\n${report.errors.join('\n')}`);
    else console.log(`@forge/lint (${report.linterNames.length} client-side linters, ${files.length} files): ok`);
  }

  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
