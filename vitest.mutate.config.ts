// The tests that guard src/model, for mutation testing (npm run mutate): the
// pure-logic tests in Node, without the browser project or the scripts. The
// fuzz tests are left out: under Stryker's instrumentation their hundreds of
// generated files take minutes per mutant, and they guard against crashes,
// which the targeted tests cover one by one.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/model/**/*.test.ts'],
    exclude: ['tests/model/**/*fuzz*.test.ts'],
    testTimeout: 300_000,
    // One module graph for all files: each mutant run then re-imports nothing (about 20x faster
    // dry run). Stryker switches mutants at run time, so cached modules still see the active one.
    isolate: false,
    // Read by tests/model/timeouts.ts: tests on huge inputs are skipped, the instrumented code being far slower.
    env: { AG_MUTATION_RUN: '1' },
  },
});
