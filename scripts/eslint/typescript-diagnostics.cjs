// An ESLint rule that reports the TypeScript compiler's own errors (what `tsc --noEmit` prints) for each linted file.
// Type-aware linting already builds the three TypeScript programs (Node back end, browser apps, browser tests);
// reading their diagnostics here spares `npm test` a second, separate build of the same programs by `tsc`
// (about 24 s of CPU on a 2-core machine). `npm run typecheck` still runs plain tsc for focused use.
// CommonJS so that the unit test (jest, CommonJS) can load it as well as eslint.config.mjs.
const ts = require('typescript');

/** Programs whose project-wide errors (tsconfig options, global types) were already reported, once per program. */
const programsReported = new WeakSet();

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Report TypeScript compiler errors from the program that type-aware linting built' },
    schema: [],
  },
  create(context) {
    const program = context.sourceCode.parserServices?.program;
    if (!program) return {};
    return {
      Program() {
        const file = program.getSourceFile(context.filename);
        if (!file) return;
        const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
        if (!programsReported.has(program)) {
          programsReported.add(program);
          diagnostics.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
        }
        // typescript-eslint turns on noUnusedLocals/noUnusedParameters in the programs it builds; unused code is
        // @typescript-eslint/no-unused-vars' job (with its `_` convention), so those diagnostics are left to it.
        const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error && d.reportsUnnecessary !== true);
        for (const diagnostic of errors) {
          const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : { line: 0, character: 0 };
          const elsewhere = diagnostic.file && diagnostic.file !== file ? ` (in ${diagnostic.file.fileName})` : '';
          context.report({
            loc: { line: where.line + 1, column: where.character },
            message: `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}${elsewhere}`,
          });
        }
      },
    };
  },
};

module.exports = { rules: { 'typescript-diagnostics': rule } };
