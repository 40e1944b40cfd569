/** @type {import('jest').Config} */
const tsJest = [
  'ts-jest',
  {
    tsconfig: {
      module: 'commonjs',
      moduleResolution: 'node',
      jsx: 'react-jsx',
      esModuleInterop: true,
      isolatedModules: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      strict: true,
      target: 'ES2022',
    },
    diagnostics: false,
  },
];

const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: { '\\.css$': '<rootDir>/test/support/style-stub.js' },
  restoreMocks: true,
  // `npm test` runs these suites beside the browser tests on a 2-core machine, where a test that takes 1.3 s
  // alone (a 250-issue sprint through the queue) can take several times as long: Jest's 5 s default would
  // fail correct tests. Hangs still fail, after 30 s.
  testTimeout: 30_000,
};

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'], testEnvironment: '<rootDir>/test/e2e/support/environment.ts' },
  ],
};
