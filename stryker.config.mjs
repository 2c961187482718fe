// Mutation testing of src/model (npm run mutate): which changes to the pure
// logic no test notices. Not in the test line: it takes minutes.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  mutate: ['src/model/**/*.ts'],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  // Stryker rewrites the tsconfig's `extends` and `references` through the
  // TypeScript JS API, which TypeScript 7's native compiler does not have.
  // Ours has neither, so no file is named and nothing is rewritten.
  tsconfigFile: 'no-tsconfig-to-rewrite.json',
  // Vitest does not type-check, so Stryker's "// @ts-nocheck" headers are not
  // needed; without them the generated schema validator stays byte-identical
  // to what its test regenerates.
  disableTypeChecks: false,
  // The instrumented first run of every test takes a few minutes on 2 cores.
  dryRunTimeoutMinutes: 20,
};
