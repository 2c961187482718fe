// When the peers bench's ForceAtlas2 run stops (see fa2.worker.ts for why):
// shared by the worker and by scripts/bench.ts, which prints the rule.

/** The run stops when the nodes moved less than this, on average, in pixels of the graph area ... */
export const STOP_BELOW_PX = 0.5;
/** ... averaged over this many iterations ... */
export const STOP_WINDOW = 10;
/** ... or after this many iterations. */
export const MAX_ITERATIONS = 2_000;

export const STOP_RULE =
  `until the nodes move less than ${STOP_BELOW_PX} px an iteration on average over the last ${STOP_WINDOW} ` +
  `iterations, at the scale sigma fits the layout into the graph area, or ${MAX_ITERATIONS.toLocaleString('en')} ` +
  'iterations';
