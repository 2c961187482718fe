// Types for the parts of graphology-layout-forceatlas2 that its own worker
// supervisor uses and that the package ships without declarations. The peers
// bench runs the same pieces in its worker so that it can stop on a rule
// instead of after a fixed number of iterations.

declare module 'graphology-layout-forceatlas2/iterate.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

  /** One ForceAtlas2 iteration, in place on the node matrix (10 floats a node: x, y, dx, dy, ...). */
  export default function iterate(
    settings: Required<ForceAtlas2Settings>,
    nodes: Float32Array,
    edges: Float32Array,
  ): void;
}

declare module 'graphology-layout-forceatlas2/helpers.js' {
  import type { Attributes, default as Graph } from 'graphology-types';

  /** The matrices forceAtlas2() and the worker supervisor build from a graph (nodes in graph order). */
  export function graphToByteArrays(
    graph: Graph,
    getEdgeWeight: (edge: string, attributes: Attributes) => number,
  ): { nodes: Float32Array; edges: Float32Array };

  /** Writes the matrix's x and y back onto the graph's nodes, as the supervisor does after each message. */
  export function assignLayoutChanges(graph: Graph, nodes: Float32Array, outputReducer: null): void;
}

declare module 'graphology-layout-forceatlas2/defaults.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

  const defaults: Required<ForceAtlas2Settings>;
  export default defaults;
}
