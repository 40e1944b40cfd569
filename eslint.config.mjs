import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import jest from 'eslint-plugin-jest';
import local from './scripts/eslint/typescript-diagnostics.cjs';

export default tseslint.config(
  { ignores: ['node_modules/**', '**/build/**', 'coverage/**', '.artifacts/**', 'jest.config.js', 'eslint.config.mjs', 'test/support/*.js', 'sandbox/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { local },
    rules: {
      // The compiler's errors, from the programs built for the rules below (so `npm test` runs no separate tsc).
      'local/typescript-diagnostics': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' }],
      // Counts, scores and percentages go into messages all the time; a number always prints the same way.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => setX(y)` in handlers and callbacks is the React idiom; the void result is never used there.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // The emulator edits Jira's field maps keyed by field id, as Jira does (`issue.custom[fieldId]`).
    files: ['sandbox/**/*.ts'],
    rules: { '@typescript-eslint/no-dynamic-delete': 'off' },
  },
  {
    files: ['static/**/*.tsx', 'static/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Lozenge 17 still draws `isBold` (bold vs subtle); the deprecation announces a future default, not a replacement.
      '@typescript-eslint/no-deprecated': ['error', { allow: ['isBold'] }],
    },
  },
  { files: ['static/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    files: ['test/**/*.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      // Table-driven tests walk seeded issues and answers whose expected outcome depends on the item (ready or not, ok or refused); every branch asserts.
      'jest/no-conditional-expect': 'off',
      // The browser tests assert through helpers (expectText, expectNothingRan, …).
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*'] }],
    },
  },
  {
    // Boundaries with Jira, KVS and the browser: values must be parsed (zod), never cast.
    files: ['src/jira/**/*.ts', 'src/store/**/*.ts', 'src/resolvers/**/*.ts', 'src/triggers/**/*.ts', 'src/usecases/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-type-assertion': 'error' },
  },
  {
    // Tests, tools and the emulator index arrays they built themselves; a wrong index fails loudly there, not in production.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'eval/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.mjs'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  {
    // Plain Node scripts (the UI build, the manifest check): syntax rules only, no type information.
    files: ['scripts/**/*.mjs', 'scripts/**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
