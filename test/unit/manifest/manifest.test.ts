/**
 * manifest.yml checked offline three ways: @forge/manifest validation (schema, resources, handlers,
 * trigger scopes), the client-side @forge/lint linters, and our own checks (manifest-checks.ts) for what
 * those two miss. `npm test` builds the UI first, so the resource folders exist here.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ProcessorBuilder, ValidationTypes, type ManifestSchema } from '@forge/manifest';
import { z } from 'zod';
import {
  checkHandlerExports,
  checkManifest,
  checkResourceBuilds,
  DOCUMENTED_JIRA_EVENTS,
  loadForgeReference,
  missingEventScopes,
  parseManifest,
  type Manifest,
} from './manifest-checks';
import { lintOffline } from './forge-offline-lint';

const ROOT = path.resolve(__dirname, '../../..');
const MANIFEST_PATH = path.join(ROOT, 'manifest.yml');
const MANIFEST_TEXT = readFileSync(MANIFEST_PATH, 'utf8');
const REFERENCE = loadForgeReference({ manifestPackageOut: path.dirname(require.resolve('@forge/manifest')) });
/** JQL aliases the app documents and the agenda/filters rely on. */
const REQUIRED_SEARCH_ALIASES = ['readinessScore', 'readinessState', 'readinessGap'];
const HANDLER_EXPORTS = ['resolver', 'onIssueChanged', 'onIssueLinkChanged', 'onSprintChanged', 'rescoreDaily'];

const moduleSchema = z.record(z.string(), z.unknown());

const validateWith = async (type: ValidationTypes, file: string) =>
  ProcessorBuilder.instance().withValidation(type).build().process(file);

const describeErrors = (errors: readonly { message: string; line?: number }[] | undefined): string =>
  (errors ?? []).map((error) => `line ${error.line ?? '?'}: ${error.message}`).join('\n');

/** Runs fn with the repo root as working directory: Forge tools resolve handlers against ./src. */
async function inRoot<T>(fn: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  process.chdir(ROOT);
  try {
    return await fn();
  } finally {
    process.chdir(previous);
  }
}

function withTempManifest<T>(text: string, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'manifest-'));
  const file = path.join(dir, 'manifest.yml');
  writeFileSync(file, text);
  return fn(file).finally(() => rmSync(dir, { recursive: true, force: true }));
}

const listSourceFiles = (dir: string): string[] =>
  readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return listSourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });

describe('manifest.yml', () => {
  let manifest: Manifest;

  beforeAll(() => {
    manifest = parseManifest({ text: MANIFEST_TEXT });
  });

  describe('@forge/manifest validation (offline)', () => {
    it('passes FULL validation with no errors', async () => {
      const result = await inRoot(() => validateWith(ValidationTypes.FULL, MANIFEST_PATH));
      expect(describeErrors(result.errors)).toBe('');
      expect(result.success).toBe(true);
    });

    it('passes PRODUCT_TRIGGER validation (trigger events have their scopes)', async () => {
      const result = await inRoot(() => validateWith(ValidationTypes.PRODUCT_TRIGGER, MANIFEST_PATH));
      expect(describeErrors(result.errors)).toBe('');
      expect(result.success).toBe(true);
    });

    it('rejects a manifest with an unsupported runtime (the validator is really wired)', async () => {
      const bad = MANIFEST_TEXT.replace('name: nodejs22.x', 'name: nodejs18.x');
      const result = await withTempManifest(bad, (file) => inRoot(() => validateWith(ValidationTypes.FULL, file)));
      expect(result.success).toBe(false);
      expect(describeErrors(result.errors)).toMatch(/runtime|nodejs18/i);
    });
  });

  describe('@forge/lint client-side linters (offline, without PermissionLinter)', () => {
    it('reports no errors on src/', async () => {
      const validated = await inRoot(() => validateWith(ValidationTypes.FULL, MANIFEST_PATH));
      const typed: ManifestSchema | undefined = validated.manifestObject?.typedContent;
      if (!typed) throw new Error(`manifest did not validate:\n${describeErrors(validated.errors)}`);
      const report = await lintOffline({ root: ROOT, manifest: typed, files: listSourceFiles('src') });
      const listing = [...report.errors, ...report.warnings]
        .map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message} (${finding.reference})`)
        .join('\n');
      expect(report.linterNames).not.toContain('PermissionLinter');
      expect(report.linterNames).toEqual(expect.arrayContaining(['HandlerLinter', 'FunctionTimeoutLinter']));
      // Warnings (e.g. a missing handler export) are only listed; the handler check below fails on that one.
      if (report.errors.length > 0) throw new Error(`${report.errors.length} lint error(s):\n${listing}`);
      expect(report.errors).toEqual([]);
    }, 60_000);
  });

  describe('own checks', () => {
    it('has no problems in the static checks', () => {
      expect(checkManifest({ text: MANIFEST_TEXT, reference: REFERENCE, requiredSearchAliases: REQUIRED_SEARCH_ALIASES })).toEqual([]);
    });

    it('declares the five functions with the documented handlers', () => {
      expect(manifest.modules.function.map((fn) => fn.handler).sort()).toEqual(
        HANDLER_EXPORTS.map((name) => `index.${name}`).sort(),
      );
    });

    it('points every function handler at an exported function of src/', async () => {
      const files = new Set(manifest.modules.function.map((fn) => fn.handler.slice(0, fn.handler.lastIndexOf('.'))));
      const loaded = new Map<string, Record<string, unknown>>();
      for (const file of files) {
        loaded.set(file, moduleSchema.parse(await import(path.join(ROOT, 'src', file))));
      }
      expect(checkHandlerExports({ manifest, exportsOf: (file) => loaded.get(file) })).toEqual([]);
    });

    it('has every resource built, with the issue panel icon inside it', () => {
      // `npm test` runs `npm run build` before jest; a bare jest run needs it done by hand.
      expect(checkResourceBuilds({ manifest, root: ROOT, exists: existsSync })).toEqual([]);
    });

    it('derives known events from @forge/manifest and keeps the documented Jira events', () => {
      expect(REFERENCE.eventScopes.size).toBeGreaterThan(50);
      for (const event of DOCUMENTED_JIRA_EVENTS) expect(REFERENCE.knownEvents.has(event)).toBe(true);
      expect(REFERENCE.knownScopes.has('read:jira-work')).toBe(true);
    });

    it('declares the scopes each trigger event needs according to the mapping', () => {
      const declared = new Set(Array.isArray(manifest.permissions.scopes) ? manifest.permissions.scopes : []);
      const events = manifest.modules.trigger.flatMap((trigger) => trigger.events);
      expect(events.length).toBe(6);
      for (const event of events) {
        expect(REFERENCE.eventScopes.has(event)).toBe(true);
        expect({ event, missing: missingEventScopes({ event, declared, reference: REFERENCE }) }).toEqual({ event, missing: [] });
      }
    });
  });
});

describe('manifest checks reject bad manifests', () => {
  const problemsFor = (edit: (text: string) => string): string[] =>
    checkManifest({ text: edit(MANIFEST_TEXT), reference: REFERENCE, requiredSearchAliases: REQUIRED_SEARCH_ALIASES });

  it.each([
    ['a misspelled scope', (t: string) => t.replace('- read:jira-work', '- read:jira-wrok'), /scope-unknown: "read:jira-wrok"/],
    ['an unknown event', (t: string) => t.replace('avi:jira-software:started:sprint', 'avi:jira:started:sprint'), /event-unknown: .*avi:jira:started:sprint/],
    ['a trigger event without its scope', (t: string) => t.replace(/^ *- read:jira-work\n/m, ''), /event-scope-missing: event "avi:jira:created:issue" needs scope\(s\) read:jira-work/],
    ['an unsupported runtime', (t: string) => t.replace('name: nodejs22.x', 'name: nodejs20.x'), /runtime: "nodejs20.x"/],
    ['a deprecated issue glance', (t: string) => t.replace('jira:issueContext:', 'jira:issueGlance:'), /deprecated-module: jira:issueGlance/],
    ['a UI Kit 1 module', (t: string) => t.replace('      title: Refinement agenda', '      title: Refinement agenda\n      function: resolver'), /deprecated-module: .*UI Kit 1/],
    ['a resolver timeout over 25 s', (t: string) => t.replace('handler: index.resolver', 'handler: index.resolver\n      timeoutSeconds: 60'), /timeout: function "resolver"/],
    ['a scheduled timeout over 900 s', (t: string) => t.replace('timeoutSeconds: 600', 'timeoutSeconds: 901'), /timeout: function "rescore-daily"/],
    ['a resource key over 23 chars', (t: string) => t.replaceAll('issue-badge', 'issue-badge-with-a-long-key'), /resource-key: "issue-badge-with-a-long-key"/],
    ['a missing search alias', (t: string) => t.replace('searchAlias: readinessGap', 'searchAlias: readinessGaps'), /search-alias: JQL alias "readinessGap"/],
    ['a trigger without ignoreSelf', (t: string) => t.replace('ignoreSelf: true', 'ignoreSelf: false'), /trigger-loop/],
    ['an undeclared resolver function', (t: string) => t.replace('function: resolver', 'function: resolvr'), /function-reference: .*"resolvr"/],
    ['an icon from an undeclared resource', (t: string) => t.replace('resource:readiness-panel;icon.svg', 'resource:panel;icon.svg'), /resource-reference: .*icon uses undeclared resource "panel"/],
    ['no unsafe-inline styles', (t: string) => t.replace('      - unsafe-inline', '      - unsafe-hashes'), /csp-styles/],
    ['a broken shape', () => 'app: {}\n', /manifest shape/],
  ])('rejects %s', (_name, edit, expected) => {
    const problems = problemsFor(edit);
    expect(problems.join('\n')).toMatch(expected);
  });

  it('rejects a handler that is not an exported function', () => {
    const manifest = parseManifest({ text: MANIFEST_TEXT });
    const problems = checkHandlerExports({
      manifest,
      exportsOf: () => ({ resolver: () => undefined, onIssueChanged: 'not a function' }),
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/"on-issue-changed" .* "onIssueChanged" \(found string\)/),
        expect.stringMatching(/"rescore-daily" .* "rescoreDaily" \(found undefined\)/),
      ]),
    );
    expect(problems.some((problem) => problem.includes('"resolver"'))).toBe(false);
  });

  it('rejects missing builds and a missing icon, asking for npm run build', () => {
    const manifest = parseManifest({ text: MANIFEST_TEXT });
    const problems = checkResourceBuilds({ manifest, root: '/nowhere', exists: (file) => file.endsWith('index.html') && !file.includes('issue-badge') });
    expect(problems).toEqual([
      'resource-build: static/issue-badge/build/index.html is missing (run npm run build first)',
      expect.stringMatching(/resource-icon: static\/readiness-panel\/build\/icon.svg is missing/),
    ]);
  });
});
