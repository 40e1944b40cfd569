/**
 * Runs the client-side `@forge/lint` linters offline (`forge lint` itself needs a login — see
 * ../shared/reference/toolchain.md "Forge CLI"). PermissionLinter is dropped: it downloads Jira's OpenAPI spec.
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NullLogger, StatsigService } from '@forge/cli-shared';
import { getClientSideLintersOnly, lint, PermissionLinter, type LintResultRule } from '@forge/lint';
import { type ManifestSchema } from '@forge/manifest';

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
  override checkGate(): Promise<boolean | null> {
    return Promise.resolve(null);
  }
  override getDynamicConfig(): Promise<null> {
    return Promise.resolve(null);
  }
  override getDeprecatedRuntimes(): Promise<string[]> {
    return Promise.resolve([]);
  }
}

export interface LintFinding extends Pick<LintResultRule, 'message' | 'reference' | 'line' | 'column'> {
  file: string;
}

export interface OfflineLintReport {
  errors: LintFinding[];
  warnings: LintFinding[];
  linterNames: string[];
}

const toFinding = (file: string) => (rule: LintResultRule): LintFinding => ({
  file,
  message: rule.message,
  reference: rule.reference,
  line: rule.line,
  column: rule.column,
});

/**
 * Lints `files` (relative to `root`, e.g. `src/index.ts`) against the validated manifest object.
 * The linters read ./manifest.yml, ./tsconfig.json and handler files relative to the working directory,
 * and skip every .ts file not matched by tsconfig `include` — our tsconfig lists folders ("src"), which
 * @forge/cli-shared's glob does not expand, so nothing would be linted. We therefore run in a temporary
 * folder that links manifest.yml, src and static from `root` and has no tsconfig.json.
 */
export async function lintOffline({
  root,
  manifest,
  files,
}: {
  root: string;
  manifest: ManifestSchema;
  files: readonly string[];
}): Promise<OfflineLintReport> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'forge-lint-'));
  for (const entry of ['manifest.yml', 'src', 'static']) symlinkSync(path.join(root, entry), path.join(workDir, entry));
  const previousDir = process.cwd();
  process.chdir(workDir);
  try {
    const statsig = new OfflineStatsig();
    const logger = { info: (): void => undefined };
    const linters = (await getClientSideLintersOnly(manifest, 'development', logger, statsig)).filter(
      (linter) => !(linter instanceof PermissionLinter),
    );
    const results = await lint([...files], manifest, 'development', logger, statsig, {
      linter: { mode: 'client-side' },
      linters,
    });
    return {
      errors: results.flatMap((result) => result.errors.map(toFinding(result.file))),
      warnings: results.flatMap((result) => result.warnings.map(toFinding(result.file))),
      linterNames: linters.map((linter) => linter.constructor.name),
    };
  } finally {
    process.chdir(previousDir);
    rmSync(workDir, { recursive: true, force: true });
  }
}
