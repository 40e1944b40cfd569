/**
 * Enforces the dependency rule of docs/ARCHITECTURE.md with a plain import scan of .ts/.tsx files:
 * - src/domain imports only src/domain, plus `import type` from src/contract (no @forge/*, no node built-ins);
 *   the one package allowed is zod: DESIGN.md puts the settings schema in src/domain and mandates zod,
 *   and zod does no I/O (the domain's purity is "no I/O, no @forge/*");
 * - src/contract imports nothing outside src/contract but zod: the payload schemas live there so that
 *   the payload types derive from them (one definition per resolver key), and the UI parses the
 *   envelope with the contract's schema; zod does no I/O and runs in the browser and on Forge alike;
 * - static/ imports nothing from src/ but src/contract;
 * - src/ imports nothing from static/, sandbox/ or test/;
 * - src/jira does not import src/store: what the adapter caches comes in through the Cache port.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

interface ImportRef {
  /** Import specifier as written. */
  specifier: string;
  /** `import type …`, `export type …`, or every named specifier marked `type` (elided by TypeScript). */
  typeOnly: boolean;
}

interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

/** Drops comments so that example code in doc comments does not count; keeps `//` inside URLs/strings. */
const stripComments = (source: string): string =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

const FROM_PATTERN = /(?:^|[;\s}])(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g;
const BARE_PATTERN = /(?:^|[;\s])import\s*['"]([^'"]+)['"]/g;
const CALL_PATTERN = /(?:\bimport|\brequire)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

const allSpecifiersTyped = (clause: string): boolean => {
  const braces = /^\{([\s\S]*)\}$/.exec(clause.trim());
  if (!braces?.[1]) return false;
  const names = braces[1].split(',').map((name) => name.trim()).filter((name) => name.length > 0);
  return names.length > 0 && names.every((name) => name.startsWith('type '));
};

function findImports({ source }: { source: string }): ImportRef[] {
  const code = stripComments(source);
  const refs: ImportRef[] = [];
  for (const match of code.matchAll(FROM_PATTERN)) {
    const [, , typeKeyword, clause = '', specifier = ''] = match;
    refs.push({ specifier, typeOnly: typeKeyword !== undefined || allSpecifiersTyped(clause) });
  }
  for (const match of code.matchAll(BARE_PATTERN)) refs.push({ specifier: match[1] ?? '', typeOnly: false });
  for (const match of code.matchAll(CALL_PATTERN)) refs.push({ specifier: match[1] ?? '', typeOnly: false });
  return refs;
}

/** Pure (no I/O) packages the domain may use; see the header comment. */
const PACKAGES_ALLOWED_IN_DOMAIN = new Set(['zod']);
/** The contract's only package: its schemas are zod (see the header comment). Deliberately not `zod/*` subpaths. */
const PACKAGES_ALLOWED_IN_CONTRACT = new Set(['zod']);

const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (specifier: string): boolean =>
  specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0] ?? specifier);

/** Repo-relative target of a relative import ("src/contract/agenda"), or undefined for packages. */
const repoTarget = ({ file, specifier }: { file: string; specifier: string }): string | undefined =>
  specifier.startsWith('.')
    ? path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier)).split(path.sep).join('/')
    : undefined;

const isUnder = (target: string, folder: string): boolean => target === folder || target.startsWith(`${folder}/`);

/** Violations of the dependency rule for one file; `file` is repo-relative with forward slashes. */
function checkFileImports({ file, source }: { file: string; source: string }): Violation[] {
  const violations: Violation[] = [];
  const flag = (specifier: string, rule: string) => violations.push({ file, specifier, rule });
  for (const { specifier, typeOnly } of findImports({ source })) {
    const target = repoTarget({ file, specifier });
    if (isUnder(file, 'src/domain')) {
      if (specifier.startsWith('@forge/')) flag(specifier, 'src/domain must not import @forge/*');
      else if (isNodeBuiltin(specifier)) flag(specifier, 'src/domain must not import node built-ins');
      else if (target === undefined) {
        if (!PACKAGES_ALLOWED_IN_DOMAIN.has(specifier)) flag(specifier, 'src/domain must not import packages');
      }
      else if (isUnder(target, 'src/contract')) {
        if (!typeOnly) flag(specifier, 'src/domain may import src/contract only with `import type`');
      } else if (!isUnder(target, 'src/domain')) flag(specifier, 'src/domain must not import outside src/domain');
    }
    if (isUnder(file, 'src/contract')) {
      if (target === undefined ? !PACKAGES_ALLOWED_IN_CONTRACT.has(specifier) : !isUnder(target, 'src/contract')) {
        flag(specifier, 'src/contract must not import anything but zod');
      } else if (target === undefined && !typeOnly && file !== 'src/contract/zod.ts') {
        // Schemas must be built after src/contract/zod.ts turns zod's eval-based JIT off (Forge's CSP).
        flag(specifier, "src/contract imports zod only through './zod'");
      }
    }
    if (isUnder(file, 'static') && target !== undefined && isUnder(target, 'src') && !isUnder(target, 'src/contract')) {
      flag(specifier, 'static/ may import only src/contract from src/');
    }
    if (isUnder(file, 'src') && target !== undefined && ['static', 'sandbox', 'test'].some((dir) => isUnder(target, dir))) {
      flag(specifier, 'src/ must not import static/, sandbox/ or test/');
    }
    if (isUnder(file, 'src/jira') && target !== undefined && isUnder(target, 'src/store')) {
      flag(specifier, 'src/jira must not import src/store (take the Cache port instead)');
    }
  }
  return violations;
}

const SKIPPED_DIRS = new Set(['node_modules', 'build', 'dist']);

const listSources = (dir: string): string[] =>
  readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : listSources(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });

describe('architecture: dependency rule', () => {
  const files = [...listSources('src'), ...listSources('static')];

  it('scans the source tree', () => {
    expect(files).toContain('src/index.ts');
    expect(files.some((file) => file.startsWith('src/domain/'))).toBe(true);
  });

  it('has no forbidden imports', () => {
    const violations = files.flatMap((file) => checkFileImports({ file, source: readFileSync(path.join(ROOT, file), 'utf8') }));
    expect(violations.map((v) => `${v.file}: '${v.specifier}' — ${v.rule}`)).toEqual([]);
  });
});

describe('architecture checker', () => {
  const rulesFor = (file: string, source: string): string[] => checkFileImports({ file, source }).map((v) => v.rule);

  it.each([
    ['src/domain/x.ts', "import { asApp } from '@forge/api';", 'src/domain must not import @forge/*'],
    ['src/domain/x.ts', "import { readFileSync } from 'node:fs';", 'src/domain must not import node built-ins'],
    ['src/domain/x.ts', "import path from 'path';", 'src/domain must not import node built-ins'],
    ['src/domain/x.ts', "import { format } from 'date-fns';", 'src/domain must not import packages'],
    ['src/domain/x.ts', "import { z } from 'zod/v4/core';", 'src/domain must not import packages'],
    ['src/domain/a/x.ts', "import { kvsKey } from '../../store/keys';", 'src/domain must not import outside src/domain'],
    ['src/domain/x.ts', "import { SCALE_IDS } from '../contract/estimation';", 'src/domain may import src/contract only with `import type`'],
    ['src/domain/x.ts', "export { SCALE_IDS } from '../contract';", 'src/domain may import src/contract only with `import type`'],
    ['src/domain/x.ts', "const m = await import('../jira/request');", 'src/domain must not import outside src/domain'],
    ['src/contract/x.ts', "import { format } from 'date-fns';", 'src/contract must not import anything but zod'],
    ['src/contract/x.ts', "import { invoke } from '@forge/bridge';", 'src/contract must not import anything but zod'],
    ['src/contract/x.ts', "import { z } from 'zod/mini';", 'src/contract must not import anything but zod'],
    ['src/contract/payloads.ts', "import { z } from 'zod';", "src/contract imports zod only through './zod'"],
    ['src/contract/x.ts', "import type { NormalizedIssue } from '../domain/issue';", 'src/contract must not import anything but zod'],
    ['static/issue-badge/src/app.tsx', "import { score } from '../../../src/domain/readiness/score';", 'static/ may import only src/contract from src/'],
    ['src/resolvers/x.ts', "import { theme } from '../../static/shared/theme';", 'src/ must not import static/, sandbox/ or test/'],
    ['src/usecases/x.ts', "import { anIssue } from '../../test/support/builders';", 'src/ must not import static/, sandbox/ or test/'],
    ['src/jira/x.ts', "import '../../sandbox/fake-jira';", 'src/ must not import static/, sandbox/ or test/'],
    ['src/jira/x.ts', "import { createFieldCache } from '../store/field-cache';", 'src/jira must not import src/store (take the Cache port instead)'],
    ['src/jira/a/x.ts', "import type { Stores } from '../../store';", 'src/jira must not import src/store (take the Cache port instead)'],
  ])('flags %s: %s', (file, source, rule) => {
    expect(rulesFor(file, source)).toEqual([rule]);
  });

  it.each([
    ['src/domain/x.ts', "import type { Flag } from '../contract/readiness';"],
    ['src/domain/a/x.ts', "import { type Agenda, type AgendaItem } from '../../contract';"],
    ['src/domain/a/x.ts', "import { quote } from '../quote';\nexport * from './criteria';"],
    ['src/domain/settings/x.ts', "import { z } from 'zod';"],
    ['src/domain/x.ts', "/** Example: import { asApp } from '@forge/api'; */\n// import fs from 'node:fs';\nexport const a = 1;"],
    ['src/contract/index.ts', "export * from './readiness';\nimport type { Flag } from './readiness';"],
    ['src/contract/payloads.ts', "import { z } from './zod';\nimport { SESSION_OUTCOMES } from './session';"],
    ['src/contract/zod.ts', "import { z } from 'zod';"],
    ['src/contract/resolvers.ts', "import type { z } from 'zod';"],
    ['static/shared/api.ts', "import type { DataOf } from '../../src/contract';\nimport { invoke } from '@forge/bridge';"],
    ['src/resolvers/x.ts', "import { kvs } from '@forge/kvs';\nimport { judge } from '../domain/readiness';"],
    ['src/jira/x.ts', "import type { Cache } from '../usecases/ports';"],
  ])('allows %s: %s', (file, source) => {
    expect(rulesFor(file, source)).toEqual([]);
  });

  it('treats a mixed type/value import from src/contract in the domain as a value import', () => {
    expect(rulesFor('src/domain/x.ts', "import { type Flag, SCALE_IDS } from '../contract';")).toEqual([
      'src/domain may import src/contract only with `import type`',
    ]);
  });

  it('finds multi-line imports', () => {
    const source = "import {\n  a,\n  b,\n} from '@forge/api';\nexport {\n  c } from 'node:path';";
    expect(findImports({ source }).map((ref) => ref.specifier)).toEqual(['@forge/api', 'node:path']);
  });
});
