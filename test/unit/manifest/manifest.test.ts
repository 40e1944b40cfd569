/**
 * manifest.yml checked offline by our own checks (manifest-checks.ts) for what @forge/manifest and
 * @forge/lint miss. The @forge/manifest validation (FULL; PRODUCT_TRIGGER through @forge/lint) and the client-side @forge/lint
 * linters run as their own step, `npm run check:manifest` (scripts/validate-manifest.mjs), part of `npm test`:
 * they take ~11 s, too slow for the unit layer. `npm test` builds the UI first, so the resource folders exist here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
import { WORK_QUEUE_KEY } from '../../../src/triggers/work-queue';

const ROOT = path.resolve(__dirname, '../../..');
const MANIFEST_PATH = path.join(ROOT, 'manifest.yml');
const MANIFEST_TEXT = readFileSync(MANIFEST_PATH, 'utf8');
const REFERENCE = loadForgeReference({ manifestPackageOut: path.dirname(require.resolve('@forge/manifest')) });
/** JQL aliases the app documents and the agenda/filters rely on. */
const REQUIRED_SEARCH_ALIASES = ['readinessScore', 'readinessState', 'readinessGap'];
const HANDLER_EXPORTS = ['resolver', 'onIssueChanged', 'onIssueLinkChanged', 'onSprintChanged', 'rescoreDaily', 'readinessBadgeStatus', 'onWork'];
/** The queues src/ pushes to (`new Queue({ key })`); each needs its consumer in the manifest. */
const QUEUE_KEYS = [WORK_QUEUE_KEY];

const moduleSchema = z.record(z.string(), z.unknown());

describe('manifest.yml', () => {
  let manifest: Manifest;

  beforeAll(() => {
    manifest = parseManifest({ text: MANIFEST_TEXT });
  });

  describe('own checks', () => {
    it('has no problems in the static checks', () => {
      expect(checkManifest({ text: MANIFEST_TEXT, reference: REFERENCE, requiredSearchAliases: REQUIRED_SEARCH_ALIASES, queueKeys: QUEUE_KEYS })).toEqual([]);
    });

    it('declares the seven functions with the documented handlers', () => {
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
      expect(events.length).toBe(7);
      for (const event of events) {
        expect(REFERENCE.eventScopes.has(event)).toBe(true);
        expect({ event, missing: missingEventScopes({ event, declared, reference: REFERENCE }) }).toEqual({ event, missing: [] });
      }
    });
  });
});

describe('manifest checks reject bad manifests', () => {
  const problemsFor = (edit: (text: string) => string): string[] =>
    checkManifest({ text: edit(MANIFEST_TEXT), reference: REFERENCE, requiredSearchAliases: REQUIRED_SEARCH_ALIASES, queueKeys: QUEUE_KEYS });

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
    ['an undeclared dynamicProperties function', (t: string) => t.replace('function: readiness-badge-status', 'function: badge-status'), /function-reference: jira:issueContext "readiness-badge" dynamicProperties uses undeclared function "badge-status"/],
    ['a dynamicProperties timeout over 25 s', (t: string) => t.replace('handler: index.readinessBadgeStatus', 'handler: index.readinessBadgeStatus\n      timeoutSeconds: 60'), /timeout: function "readiness-badge-status"/],
    ['an icon from an undeclared resource', (t: string) => t.replace('resource:readiness-panel;icon.svg', 'resource:panel;icon.svg'), /resource-reference: .*icon uses undeclared resource "panel"/],
    ['no unsafe-inline styles', (t: string) => t.replace('      - unsafe-inline', '      - unsafe-hashes'), /csp-styles/],
    ['a broken shape', () => 'app: {}\n', /manifest shape/],
    ['a consumer queue that src/ does not push to', (t: string) => t.replace('queue: refinement-work', 'queue: refinment-work'), /queue-consumer: queue "refinement-work" used in src\/ has no consumer[\s\S]*consumer "work-consumer" listens to queue "refinment-work"/],
    ['an undeclared consumer function', (t: string) => t.replace('function: on-work', 'function: on-wrok'), /function-reference: "work-consumer" uses undeclared function "on-wrok"/],
    ['a consumer timeout over 900 s', (t: string) => t.replace('timeoutSeconds: 900', 'timeoutSeconds: 901'), /timeout: function "on-work" has timeoutSeconds 901 > 900/],
    ['a consumer function that is also a product trigger (25 s)', (t: string) => t.replace('function: on-issue-changed', 'function: on-work'), /timeout: function "on-work" has timeoutSeconds 900 > 25/],
    ['a custom field without a description', (t: string) => t.replace(/^ *description: Definition-of-Ready.*\n/m, ''), /custom-field: jira:customField "readiness-field" lacks the required "description"/],
    ['a custom field without a name', (t: string) => t.replace(/^ *name: Readiness\n/m, ''), /custom-field: .* lacks the required "name"/],
    ['a custom field without a type', (t: string) => t.replace('      type: number\n      readOnly: true', '      readOnly: true'), /custom-field: .* lacks the required "type"/],
    ['a custom field of an unknown type', (t: string) => t.replace('type: number\n      readOnly: true', 'type: integer\n      readOnly: true'), /custom-field: .* type "integer" is not one of/],
    ['a custom field without a key', (t: string) => t.replace('- key: readiness-field', '- keys: readiness-field'), /custom-field: jira:customField "#0" lacks the required "key"/],
    ['a custom field key with a dot', (t: string) => t.replace('- key: readiness-field', '- key: readiness.field'), /custom-field: .* key must match/],
    ['custom field values without write:app-data:jira', (t: string) => t.replace(/^ *- write:app-data:jira\n/m, ''), /custom-field-scope: .* needs scope write:app-data:jira/],
  ])('rejects %s', (_name, edit, expected) => {
    const problems = problemsFor(edit);
    expect(problems.join('\n')).toMatch(expected);
  });

  it('checks the consumer it is given, not a hard-coded queue', () => {
    const problems = checkManifest({ text: MANIFEST_TEXT, reference: REFERENCE, queueKeys: [WORK_QUEUE_KEY, 'other-work'] });
    expect(problems).toEqual(['queue-consumer: queue "other-work" used in src/ has no consumer']);
  });

  it('rejects a consumer handler that src/index.ts does not export', () => {
    const manifest = parseManifest({ text: MANIFEST_TEXT });
    const problems = checkHandlerExports({ manifest, exportsOf: () => ({ resolver: () => undefined }) });
    expect(problems).toContainEqual(expect.stringMatching(/"on-work" needs src\/index.ts to export a function "onWork" \(found undefined\)/));
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
