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

/** What a layout is asked to do: place these boxes, linked by these edges. */
export interface LayoutRequest {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  seed: number;
  /** false: start from the given x/y (incremental); locked nodes never move. */
  randomize: boolean;
}

// The layout's seeded PRNG lives with the model's (centrality samples and Louvain use it too).
export { mulberry32 } from '../model/seeded-random.ts';

/**
 * Up to this many nodes fcose runs at quality 'default' (spectral start, then
 * the force-directed CoSE phase); above it at 'draft' (the spectral start
 * alone; the worker then fans out nodes fcose put on one spot and removes
 * overlaps). Measured (`npm run bench`, Chromium, 2 cores) on hub-heavy
 * generated graphs: the CoSE phase is repulsion-bound around hubs and grows
 * about quadratically: 0.9 s at 250 nodes with our spacing, 11-16 s at
 * 1,000, well over 60 s at 5,000, whatever the settings (the fastest found,
 * a cool start with weak springs, still takes 1.9 s at 1,000 and over 60 s at
 * 5,000). 'draft' takes 0.3 s at 1,000 and 3 s at 5,000. On those graphs
 * above ~150 nodes 'draft' plus overlap removal crosses about as many edges
 * through other nodes' boxes as 'default' (within 10 %), on sparse and
 * tree-like graphs 'default' is clearly better: hence the limit is as high as
 * the ~1 s budget allows.
 */
export const DRAFT_ABOVE_NODES = 250;

/**
 * The fcose options for a graph of `nodeCount` nodes, chosen by measurement.
 * This is the one place fcose options are built: the worker runs them as given
 * (`npm run bench`; see DRAFT_ABOVE_NODES). Nodes' boxes include their labels.
 *
 * Small graphs, which analysts read closely: edges ideally 50 px between
 * boxes (fcose measures edge length between box borders) and node repulsion
 * 20,000 instead of 4,500; the worker then removes any overlap left and packs
 * stray components into free space. Measured in the explorer (1600 x 1000
 * window) on the shipped graph: the whole graph fits at zoom 1.06 with no two
 * label boxes overlapping; idealEdgeLength 100 / repulsion 100,000 also gave
 * no overlaps but a picture twice as wide, fitted at zoom 0.51, where 12 px
 * labels shrink to 6 px and cannot be read.
 *
 * With randomize false (an incremental re-layout from the given positions),
 * small graphs start the CoSE phase cooler, so the picture the analyst knows
 * moves less (median 20 px instead of 56); large graphs keep their positions
 * and only new or overlapping nodes move (fcose at 'draft' does nothing
 * without randomize).
 */
export function fcoseOptions(
  nodeCount: number,
  randomize: boolean,
  nodes: readonly LayoutNode[] = [],
): Record<string, unknown> {
  // Locked nodes (placed by the analyst, or already on screen when new ones
  // are added) are fixed where they are.
  const fixedNodeConstraint = nodes
    .filter((node) => node.locked === true && node.x !== undefined && node.y !== undefined)
    .map((node) => ({ nodeId: node.id, position: { x: node.x ?? 0, y: node.y ?? 0 } }));
  const common = {
    name: 'fcose',
    randomize,
    animate: false,
    fit: false,
    // The boxes handed in already include the labels.
    nodeDimensionsIncludeLabels: false,
    uniformNodeDimensions: false,
    // Packing needs the cytoscape-layout-utilities extension, which we do not ship;
    // without it fcose joins components through a dummy node and gravity keeps them close.
    packComponents: false,
    // Spectral start: greedy sampling of 25 pivot nodes, fcose's defaults.
    samplingType: true,
    sampleSize: 25,
    nodeSeparation: 75,
    ...(fixedNodeConstraint.length > 0 ? { fixedNodeConstraint } : {}),
  };
  if (nodeCount > DRAFT_ABOVE_NODES) return { ...common, quality: 'draft' };
  return {
    ...common,
    quality: 'default',
    idealEdgeLength: 50,
    nodeRepulsion: 20000,
    edgeElasticity: 0.45,
    gravity: 0.25,
    gravityRange: 3.8,
    // Not a lever for speed: fcose runs max(numIter, 5 x nodes) iterations unless it converges first.
    numIter: 2500,
    initialEnergyOnIncremental: randomize ? 0.3 : 0.15,
  };
}

export interface OverlapRemovalOptions {
  /** Space kept between two boxes, px. */
  padding: number;
  /**
   * The densest a layout may be (box area / area of the layout) before it is
   * scaled up about its centre; Infinity keeps the scale (after a full fcose
   * run, whose scale is already right).
   */
  maxFill: number;
}

/** 12 px between boxes; a spectral (draft) layout is first spread so that boxes cover at most 30 % of it. */
export const OVERLAP_REMOVAL: OverlapRemovalOptions = { padding: 12, maxFill: 0.3 };

/**
 * Moves nodes as little as it can so that no two boxes overlap (keeping
 * `padding` between them), deterministically. Nodes are placed one by one,
 * locked ones first (they never move), then the most connected (hubs keep
 * their spot); a node whose spot is taken goes to the nearest free spot on a
 * spiral around it. A layout without overlaps comes back unchanged.
 */
export function removeOverlaps(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  positions: Positions,
  options: OverlapRemovalOptions,
): Positions {
  const degree = new Map<string, number>();
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  const targets = nodes.map((node) => positions[node.id] ?? { x: node.x ?? 0, y: node.y ?? 0 });
  scaleIfDense(nodes, targets, options);

  const order = nodes
    .map((_, i) => i)
    .sort((a, b) => {
      const lockedFirst = Number(nodes[b]?.locked === true) - Number(nodes[a]?.locked === true);
      if (lockedFirst !== 0) return lockedFirst;
      const byDegree = (degree.get(nodes[b]?.id ?? '') ?? 0) - (degree.get(nodes[a]?.id ?? '') ?? 0);
      return byDegree !== 0 ? byDegree : a - b;
    });

  let maxSide = 1;
  for (const node of nodes) maxSide = Math.max(maxSide, node.width + options.padding, node.height + options.padding);
  const placed = new SpatialHash(maxSide);
  const spirals = new Map<string, Spiral>();
  const allSpirals: Spiral[] = [];
  const result: Positions = {};
  // One ring spacing for all spirals: half the typical box's smaller side.
  const smallerSides = nodes.map((node) => Math.min(node.width, node.height) + options.padding).sort((a, b) => a - b);
  const step = Math.max(4, (smallerSides[Math.floor(smallerSides.length / 2)] ?? 8) / 2);

  for (const i of order) {
    const node = nodes[i];
    const target = targets[i];
    if (!node || !target) continue;
    const halfWidth = (node.width + options.padding) / 2;
    const halfHeight = (node.height + options.padding) / 2;
    if (node.locked === true || !placed.overlaps(target.x, target.y, halfWidth, halfHeight)) {
      placed.add(target.x, target.y, halfWidth, halfHeight);
      result[node.id] = { x: target.x, y: target.y };
      continue;
    }
    // Its spot is taken: search the nearest free one on a spiral. Nodes aiming
    // at the same neighbourhood share a spiral and resume where the last one
    // stopped (every spot before is taken: boxes are never removed), and a new
    // spiral starts outside the discs that earlier spirals have filled, so a
    // hub with thousands of leaves costs O(leaves), not O(leaves^2).
    const key = `${Math.round(target.x / step)},${Math.round(target.y / step)}`;
    let spiral = spirals.get(key);
    if (!spiral) {
      spiral = {
        x: target.x,
        y: target.y,
        ring: Math.max(1, coveredRings(target.x, target.y, allSpirals, step)),
        spot: 0,
      };
      spirals.set(key, spiral);
      allSpirals.push(spiral);
    }
    for (;;) {
      const { x, y } = spiralSpot(spiral, step);
      spiral.spot++;
      if (spiral.spot >= spotsOnRing(spiral.ring)) {
        spiral.ring++;
        spiral.spot = 0;
      }
      if (!placed.crowded(x, y) && !placed.overlaps(x, y, halfWidth, halfHeight)) {
        placed.add(x, y, halfWidth, halfHeight);
        result[node.id] = { x, y };
        break;
      }
    }
  }
  return result;
}

interface Spiral {
  x: number;
  y: number;
  ring: number;
  spot: number;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

function spotsOnRing(ring: number): number {
  return Math.max(6, Math.floor(2 * Math.PI * ring));
}

function spiralSpot(spiral: Spiral, step: number): { x: number; y: number } {
  const angle = spiral.ring * GOLDEN_ANGLE + (2 * Math.PI * spiral.spot) / spotsOnRing(spiral.ring);
  return { x: spiral.x + spiral.ring * step * Math.cos(angle), y: spiral.y + spiral.ring * step * Math.sin(angle) };
}

/** How many rings around (x, y) lie inside a disc an earlier spiral has already filled. */
function coveredRings(x: number, y: number, spirals: readonly Spiral[], step: number): number {
  let rings = 0;
  for (const spiral of spirals) {
    const filledRadius = (spiral.ring - 1) * step;
    if (filledRadius <= 0) continue;
    const inside = filledRadius - Math.hypot(spiral.x - x, spiral.y - y);
    if (inside > 0) rings = Math.max(rings, Math.floor(inside / step));
  }
  return rings;
}

/** Boxes by grid cell (cells as large as the largest box): overlap tests look at 3 x 3 cells. */
class SpatialHash {
  private readonly cells = new Map<number, number[]>();
  /** Box area centred in each cell: a cell more than half covered is not worth searching for a spot. */
  private readonly areas = new Map<number, number>();
  private readonly fullArea: number;
  constructor(private readonly cellSize: number) {
    this.fullArea = cellSize * cellSize * 0.5;
  }

  private key(cx: number, cy: number): number {
    return cx * 1_048_573 + cy;
  }

  add(x: number, y: number, halfWidth: number, halfHeight: number): void {
    const key = this.key(Math.floor(x / this.cellSize), Math.floor(y / this.cellSize));
    const boxes = this.cells.get(key);
    if (boxes) boxes.push(x, y, halfWidth, halfHeight);
    else this.cells.set(key, [x, y, halfWidth, halfHeight]);
    this.areas.set(key, (this.areas.get(key) ?? 0) + 4 * halfWidth * halfHeight);
  }

  /** True when the cell at x, y is so covered that searching it is not worth it. */
  crowded(x: number, y: number): boolean {
    return (
      (this.areas.get(this.key(Math.floor(x / this.cellSize), Math.floor(y / this.cellSize))) ?? 0) >= this.fullArea
    );
  }

  overlaps(x: number, y: number, halfWidth: number, halfHeight: number): boolean {
    const cx = Math.floor(x / this.cellSize);
    const cy = Math.floor(y / this.cellSize);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const boxes = this.cells.get(this.key(cx + dx, cy + dy));
        if (!boxes) continue;
        for (let b = 0; b < boxes.length; b += 4) {
          if (
            Math.abs((boxes[b] ?? 0) - x) < (boxes[b + 2] ?? 0) + halfWidth &&
            Math.abs((boxes[b + 1] ?? 0) - y) < (boxes[b + 3] ?? 0) + halfHeight
          )
            return true;
        }
      }
    }
    return false;
  }
}

/** Scales the targets up about their centre when the boxes would cover more than `maxFill` of the layout. */
function scaleIfDense(
  nodes: readonly LayoutNode[],
  targets: { x: number; y: number }[],
  options: OverlapRemovalOptions,
): void {
  if (!Number.isFinite(options.maxFill) || nodes.length < 3) return;
  let left = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  let boxArea = 0;
  nodes.forEach((node, i) => {
    const target = targets[i];
    if (!target) return;
    left = Math.min(left, target.x);
    right = Math.max(right, target.x);
    top = Math.min(top, target.y);
    bottom = Math.max(bottom, target.y);
    boxArea += (node.width + options.padding) * (node.height + options.padding);
  });
  const fill = boxArea / (Math.max(1, right - left) * Math.max(1, bottom - top));
  if (fill <= options.maxFill) return;
  const scale = Math.sqrt(fill / options.maxFill);
  const centreX = (left + right) / 2;
  const centreY = (top + bottom) / 2;
  nodes.forEach((node, i) => {
    const target = targets[i];
    if (!target || node.locked === true) return;
    targets[i] = { x: centreX + (target.x - centreX) * scale, y: centreY + (target.y - centreY) * scale };
  });
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
