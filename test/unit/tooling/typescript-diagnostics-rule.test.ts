/**
 * `npm test` runs no separate `tsc`: the lint step reports the compiler's errors through the local rule
 * scripts/eslint/typescript-diagnostics.cjs. These tests prove that rule really reports them, on a tiny
 * project of its own (a few lines and ES2023's lib, so the program builds in about a second).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as parser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import plugin from '../../../scripts/eslint/typescript-diagnostics.cjs';

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ts-diagnostics-'));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', lib: ['ES2023'], types: [], noEmit: true }, include: ['*.ts'] }),
  );
  writeFileSync(path.join(dir, 'shapes.ts'), 'export interface Point {\n  x: number;\n}\n');
  writeFileSync(path.join(dir, 'clean.ts'), "import type { Point } from './shapes';\nexport const origin: Point = { x: 0 };\n");
  writeFileSync(
    path.join(dir, 'broken.ts'),
    ["import type { Point } from './shapes';", "export const wrong: Point = { x: 'zero' };", 'export const missing: number = notDeclared;', ''].join('\n'),
  );
  writeFileSync(path.join(dir, 'unused.ts'), 'export function f(): number {\n  const unused = 1;\n  return 2;\n}\n');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function lint(file: string): Promise<{ line: number; column: number; message: string }[]> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser, parserOptions: { project: './tsconfig.json', tsconfigRootDir: dir } },
        plugins: { local: plugin },
        rules: { 'local/typescript-diagnostics': 'error' },
      },
    ],
  });
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).map(({ line, column, message }) => ({ line, column, message }));
}

describe('the typescript-diagnostics lint rule', () => {
  it("reports each compiler error of the file with tsc's code, message and position", async () => {
    expect(await lint('broken.ts')).toEqual([
      { line: 2, column: 31, message: "TS2322: Type 'string' is not assignable to type 'number'." },
      { line: 3, column: 32, message: "TS2304: Cannot find name 'notDeclared'." },
    ]);
  });

  it('reports nothing for a file that compiles, even when it imports another file', async () => {
    expect(await lint('clean.ts')).toEqual([]);
  });

  it('leaves unused locals to no-unused-vars (typescript-eslint turns noUnusedLocals on in its programs)', async () => {
    expect(await lint('unused.ts')).toEqual([]);
  });
});
