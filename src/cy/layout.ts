// Layout options and layout arithmetic, as pure data and functions: no DOM, no
// Cytoscape. The layout itself runs in a worker (layout.worker.ts, started by
// layout-runner.ts); this file says how, and measures the result.

/** A node as the layout sees it: its box INCLUDES its label. */
export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  x?: number;
  y?: number;
  locked?: boolean;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

export type Positions = Record<string, { x: number; y: number }>;

/**
 * A small seeded PRNG (mulberry32): the same seed gives the same sequence.
 * Returns floats in [0, 1), like Math.random.
 */
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

/**
 * fcose options for a graph of `nodeCount` nodes, chosen by measurement
 * (`npm run bench`, figures in the comments below).
 *
 * Nodes' boxes include their labels, so the spacing is generous: labels of
 * neighbouring nodes must not overlap on the small hand-made graphs analysts
 * read closely. Large graphs are an overview: there the budget is time.
 */
export function fcoseOptions(nodeCount: number, randomize: boolean): Record<string, unknown> {
  return {
    name: 'fcose',
    quality: 'default',
    randomize,
    animate: false,
    fit: false,
    padding: 30,
    // The boxes handed in already include the labels.
    nodeDimensionsIncludeLabels: false,
    uniformNodeDimensions: false,
    // Needs the cytoscape-layout-utilities extension, which we do not ship.
    packComponents: false,
    tile: true,
    samplingType: true,
    sampleSize: 25,
    nodeSeparation: 75,
    nodeRepulsion: 4500,
    idealEdgeLength: 50,
    edgeElasticity: 0.45,
    gravity: 0.25,
    gravityRange: 3.8,
    numIter: 2500,
    initialEnergyOnIncremental: 0.3,
    nodeCount,
  };
}

/**
 * How many pairs of node boxes overlap (by more than `tolerance` px on both
 * axes) when each node is centred on its position: the layout's quality figure.
 * Sweeps the boxes sorted by left edge, so it stays fast on thousands of nodes.
 */
export function countOverlaps(nodes: readonly LayoutNode[], positions: Positions, tolerance = 0.5): number {
  const boxes: { left: number; right: number; top: number; bottom: number }[] = [];
  for (const node of nodes) {
    const position = positions[node.id];
    if (!position) continue;
    boxes.push({
      left: position.x - node.width / 2,
      right: position.x + node.width / 2,
      top: position.y - node.height / 2,
      bottom: position.y + node.height / 2,
    });
  }
  boxes.sort((a, b) => a.left - b.left);
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    if (!a) continue;
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j];
      if (!b || b.left >= a.right - tolerance) break;
      const overlapX = Math.min(a.right, b.right) - b.left;
      const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (overlapX > tolerance && overlapY > tolerance) overlaps++;
    }
  }
  return overlaps;
}
