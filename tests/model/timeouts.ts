// Tests that feed the validator huge or hostile inputs (megabytes of text,
// thousands of problems, exhaustive comparisons). They guard against work
// that grows without bound. Under mutation testing (npm run mutate, which
// sets AG_MUTATION_RUN) the instrumented code runs some hundred times slower,
// so they are skipped there: smaller tests exercise the same code paths.
import { it } from 'vitest';

export const MUTATION_RUN = process.env.AG_MUTATION_RUN !== undefined;

/** `it` for a test on a large input: skipped in mutation runs. */
export const itWithLargeInput = MUTATION_RUN ? it.skip : it;
