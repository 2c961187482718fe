// Timeouts for the tests that feed the validator huge or hostile files. They
// only catch a regression to minutes; under mutation testing (npm run mutate,
// which sets AG_MUTATION_RUN) the instrumented code runs many times slower,
// so they are stretched there.
export function generousTimeout(ms: number): number {
  return process.env.AG_MUTATION_RUN ? ms * 20 : ms;
}
