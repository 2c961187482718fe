// A small seeded PRNG (mulberry32): the same seed gives the same sequence.
// The layout, the centrality sample, Louvain's visiting order and the graph
// generator all need repeatable randomness. Pure.

/** Returns floats in [0, 1), like Math.random, the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
