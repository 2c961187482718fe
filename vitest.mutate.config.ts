// The tests that guard src/model, for mutation testing (npm run mutate): the
// pure-logic tests in Node, without the browser project or the scripts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { environment: 'node', include: ['tests/model/**/*.test.ts'] },
});
