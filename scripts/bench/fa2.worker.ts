// ForceAtlas2 for the peers bench's "sigma, layout then draw": the engine of
// Gephi Lite (graphology-layout-forceatlas2) run to a stopping rule in a Web
// Worker. The page builds the matrices with the library's graphToByteArrays,
// as its worker supervisor does, and transfers them here; this worker runs the
// library's own iterate(), the loop forceAtlas2(graph, { iterations }) runs,
// and transfers the node matrix back.
//
// The stopping rule. Gephi Lite has none: its ForceAtlas2 runs until the
// analyst presses stop, and graphology's README only shows `iterations: 50` as
// an example. Stopping where the picture stops visibly changing is the fair
// point to compare with a layout that ends by itself (fcose): after each
// iteration the mean distance the nodes moved is converted to pixels of the
// shared graph area (the layout's extent fitted into the area's shorter side,
// less sigma's 30 px stage padding, as sigma fits it); the run stops when the
// mean over the last 10 iterations is under half a pixel, or after 2,000
// iterations. Measured on the generated graphs (November 2026), the movement
// first falls steeply, then levels off at 0.2 to 0.3 px an iteration on 5,000
// actors (Barnes-Hut's noise), so a quarter pixel is never reached on some
// graphs while half a pixel always is: in the app's 1030 x 471 graph area
// after 80 iterations on the shipped graph and about 100 on 1,000 to 20,000
// actors. The mean over 10 iterations keeps the rule from firing in the first
// iterations, when the seeded start (every node in a unit square) makes the
// movement jump up and down.

import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { MAX_ITERATIONS, STOP_BELOW_PX, STOP_WINDOW } from './fa2-stop-rule.ts';

/** Floats a node in the matrix (x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed). */
const PER_NODE = 10;

export interface Fa2Request {
  nodes: Float32Array;
  edges: Float32Array;
  settings: Required<ForceAtlas2Settings>;
  /** The graph area in CSS pixels, and sigma's stage padding. */
  width: number;
  height: number;
  padding: number;
}

export interface Fa2Response {
  nodes: Float32Array;
  iterations: number;
  /** The time spent iterating, inside the worker. */
  ms: number;
}

self.onmessage = (event: MessageEvent<Fa2Request>) => {
  const { nodes, edges, settings, width, height, padding } = event.data;
  const started = performance.now();
  const count = nodes.length / PER_NODE;
  const previous = new Float32Array(count * 2);
  const recent: number[] = [];
  const drawable = Math.max(Math.min(width, height) - 2 * padding, 1);
  let iterations = 0;
  while (iterations < MAX_ITERATIONS) {
    for (let node = 0; node < count; node++) {
      previous[2 * node] = nodes[node * PER_NODE] ?? 0;
      previous[2 * node + 1] = nodes[node * PER_NODE + 1] ?? 0;
    }
    iterate(settings, nodes, edges);
    iterations++;
    let moved = 0;
    let minX = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (let node = 0; node < count; node++) {
      const x = nodes[node * PER_NODE] ?? 0;
      const y = nodes[node * PER_NODE + 1] ?? 0;
      moved += Math.hypot(x - (previous[2 * node] ?? 0), y - (previous[2 * node + 1] ?? 0));
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    const pixelsPerUnit = drawable / Math.max(maxX - minX, maxY - minY, Number.EPSILON);
    recent.push((moved / Math.max(count, 1)) * pixelsPerUnit);
    if (recent.length > STOP_WINDOW) recent.shift();
    if (recent.length === STOP_WINDOW && recent.reduce((sum, px) => sum + px, 0) / STOP_WINDOW < STOP_BELOW_PX) break;
  }
  const response: Fa2Response = { nodes, iterations, ms: performance.now() - started };
  self.postMessage(response, { transfer: [nodes.buffer] });
};
