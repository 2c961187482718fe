// Runs fcose on a headless Cytoscape inside a Web Worker, so a long layout
// never freezes the page. Started by layout-runner.ts; one message in (a
// request and the fcose options), one message out (positions and timings).

import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import {
  type LayoutEdge,
  type LayoutNode,
  type LayoutRequest,
  mulberry32,
  OVERLAP_REMOVAL,
  type Positions,
  removeOverlaps,
} from './layout.ts';
import { packComponents } from './pack-components.ts';

cytoscape.use(fcose);

export interface LayoutWorkerRequest extends LayoutRequest {
  /** fcose options, run as given: fcoseOptions() or, in benches, a variant to compare. */
  fcose: Record<string, unknown>;
  /** true: fcose alone on the graph as given, no pre- or post-processing (for comparisons). */
  plain?: boolean;
}

export interface LayoutTimings {
  /** preparing the graph and building the headless Cytoscape instance, ms */
  buildMs: number;
  /** fcose itself, ms */
  layoutMs: number;
  /** overlap removal, ms */
  overlapMs: number;
}

export type LayoutWorkerResponse =
  | { ok: true; positions: Positions; timings: LayoutTimings }
  | { ok: false; message: string };

/**
 * Lays out the graph and returns every node's centre. Deterministic: the same
 * request gives the same positions, because Math.random (which fcose's spectral
 * start uses) is replaced by a PRNG seeded with `request.seed` for the run.
 *
 * Unless `plain`: the layout sees one undirected edge per pair of actors; at
 * quality 'draft' (large graphs) structural twins are left out of fcose and
 * placed beside the one that stands for them afterwards; and finally no two
 * boxes overlap (removeOverlaps). At 'draft' with randomize false fcose would
 * not move anything, so it is skipped: nodes keep their x/y, new nodes start
 * beside their neighbours, and only overlaps are removed.
 */
export function computeLayout(request: LayoutWorkerRequest): { positions: Positions; timings: LayoutTimings } {
  const started = performance.now();
  const { nodes, randomize } = request;
  if (nodes.length === 0) return { positions: {}, timings: { buildMs: 0, layoutMs: 0, overlapMs: 0 } };
  const random = mulberry32(request.seed);
  const plain = request.plain === true;
  const draft = request.fcose.quality === 'draft';
  const nodeIds = new Set(nodes.map((node) => node.id));
  const validEdges = request.edges.filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target));
  const edges = plain ? validEdges : undirectedEdges(validEdges);
  const start = randomize ? null : startingPositions(nodes, edges, random);

  let positions: Positions = {};
  let buildMs = 0;
  let layoutMs = 0;
  if (draft && !randomize && !plain) {
    for (const node of nodes) positions[node.id] = start?.get(node.id) ?? { x: 0, y: 0 };
    buildMs = performance.now() - started;
  } else {
    const twins = draft && !plain ? structuralTwins(nodes, edges) : new Map<string, string>();
    const laidOutNodes = twins.size > 0 ? nodes.filter((node) => !twins.has(node.id)) : nodes;
    const laidOutEdges =
      twins.size > 0 ? edges.filter((edge) => !twins.has(edge.source) && !twins.has(edge.target)) : edges;
    const result = runFcose(laidOutNodes, laidOutEdges, start, random, request.fcose);
    positions = result.positions;
    for (const [twin, representative] of twins) positions[twin] = { ...(positions[representative] ?? { x: 0, y: 0 }) };
    layoutMs = result.layoutMs;
    // Everything but fcose itself: preparing the graph and building Cytoscape.
    buildMs = performance.now() - started - layoutMs;
  }
  for (const node of nodes) {
    // A locked node stays exactly where the analyst put it.
    if (node.locked === true && node.x !== undefined && node.y !== undefined)
      positions[node.id] = { x: node.x, y: node.y };
  }
  if (plain) return { positions, timings: { buildMs, layoutMs, overlapMs: 0 } };

  const overlapStarted = performance.now();
  positions = removeOverlaps(nodes, edges, positions, {
    ...OVERLAP_REMOVAL,
    maxFill: draft ? OVERLAP_REMOVAL.maxFill : Infinity,
  });
  // Small graphs, laid out afresh: bring stray components close (the search is
  // quadratic, and large graphs are an overview anyway).
  if (!draft && randomize) positions = packComponents(nodes, edges, positions, OVERLAP_REMOVAL.padding);
  return { positions, timings: { buildMs, layoutMs, overlapMs: performance.now() - overlapStarted } };
}

function runFcose(
  nodes: LayoutNode[],
  edges: LayoutEdge[],
  start: Map<string, { x: number; y: number }> | null,
  random: () => number,
  fcoseOptions: Record<string, unknown>,
): { positions: Positions; layoutMs: number } {
  const cy = cytoscape({
    headless: true,
    // Without it the instance starts with the 'null' layout, which puts every node at (0, 0).
    layout: { name: 'preset' },
    // Headless instances ignore styles unless asked: the boxes come from data.
    styleEnabled: true,
    style: [
      {
        selector: 'node',
        style: { width: 'data(width)', height: 'data(height)', shape: 'rectangle', 'border-width': 0, padding: '0' },
      },
    ],
    elements: [
      ...nodes.map((node) => ({
        group: 'nodes' as const,
        data: { id: node.id, width: Math.max(1, node.width), height: Math.max(1, node.height) },
        // A fresh layout depends on the graph and the seed only, not on where nodes were.
        position: start?.get(node.id) ?? (node.locked === true ? { x: node.x ?? 0, y: node.y ?? 0 } : { x: 0, y: 0 }),
      })),
      // Own edge ids: the layout does not need the relations' ids, and Cytoscape refuses duplicates.
      ...edges.map((edge, index) => ({
        group: 'edges' as const,
        data: { id: `e${index}`, source: edge.source, target: edge.target },
      })),
    ],
  });
  const built = performance.now();

  const originalRandom = Math.random;
  Math.random = random;
  try {
    cy.layout(fcoseOptions as unknown as cytoscape.LayoutOptions).run();
  } finally {
    Math.random = originalRandom;
  }
  const laidOut = performance.now();

  const positions: Positions = {};
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    // fcose's spectral step returns NaN on graphs of one or two nodes (a star whose
    // leaves are all twins, say); removeOverlaps then spreads what is left on one spot.
    positions[node.id()] =
      Number.isFinite(x) && Number.isFinite(y) ? { x, y } : (start?.get(node.id()) ?? { x: 0, y: 0 });
  });
  cy.destroy();
  return { positions, layoutMs: laidOut - built };
}

/**
 * One edge per pair of nodes, without self-loops, each drawn from its
 * less-connected end: Cytoscape scans the source's edges for every edge it
 * adds (looking for parallel edges), which is quadratic when a hub with
 * thousands of relations is the source.
 */
function undirectedEdges(edges: LayoutEdge[]): LayoutEdge[] {
  const degree = new Map<string, number>();
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  const seen = new Set<string>();
  const result: LayoutEdge[] = [];
  for (const edge of edges) {
    if (edge.source === edge.target) continue;
    const pair =
      edge.source < edge.target ? `${edge.source}\u0000${edge.target}` : `${edge.target}\u0000${edge.source}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    const swap = (degree.get(edge.source) ?? 0) > (degree.get(edge.target) ?? 0);
    result.push(swap ? { id: edge.id, source: edge.target, target: edge.source } : edge);
  }
  return result;
}

/**
 * Structural twins: nodes with the very same neighbours (all leaves of one
 * hub, say), by the one of them that stands for the group. Spectral layout
 * puts twins on the same spot anyway, and on hub-heavy graphs leaving them out
 * shrinks the hubs, which matters: fcose's spectral step is quadratic in a
 * hub's degree. removeOverlaps later fans the twins out around that spot.
 */
function structuralTwins(nodes: LayoutNode[], edges: LayoutEdge[]): Map<string, string> {
  const neighbours = neighbourLists(edges);
  const representative = new Map<string, string>();
  const twins = new Map<string, string>();
  for (const node of nodes) {
    const around = neighbours.get(node.id);
    if (!around || node.locked === true) continue;
    const key = [...around].sort().join('\u0000');
    const first = representative.get(key);
    if (first === undefined) representative.set(key, node.id);
    else twins.set(node.id, first);
  }
  return twins;
}

/**
 * For an incremental re-layout: nodes keep their x/y; a node without one starts
 * beside its placed neighbours (or at the centre), nudged a little so that two
 * new nodes never start on the same spot.
 */
function startingPositions(
  nodes: LayoutNode[],
  edges: LayoutEdge[],
  random: () => number,
): Map<string, { x: number; y: number }> {
  const placed = new Map<string, { x: number; y: number }>();
  for (const node of nodes)
    if (node.x !== undefined && node.y !== undefined) placed.set(node.id, { x: node.x, y: node.y });
  let centreX = 0;
  let centreY = 0;
  for (const position of placed.values()) {
    centreX += position.x / placed.size;
    centreY += position.y / placed.size;
  }
  const neighbours = neighbourLists(edges);
  const start = new Map(placed);
  for (const node of nodes) {
    if (placed.has(node.id)) continue;
    const around = (neighbours.get(node.id) ?? []).map((id) => placed.get(id)).filter((p) => p !== undefined);
    const x = around.length > 0 ? around.reduce((sum, p) => sum + p.x, 0) / around.length : centreX;
    const y = around.length > 0 ? around.reduce((sum, p) => sum + p.y, 0) / around.length : centreY;
    const angle = random() * 2 * Math.PI;
    const distance = Math.max(node.width, node.height) * (0.75 + random());
    start.set(node.id, { x: x + Math.cos(angle) * distance, y: y + Math.sin(angle) * distance });
  }
  return start;
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<LayoutWorkerRequest>) => void) | null;
  postMessage(message: LayoutWorkerResponse): void;
}

// Only when loaded as a worker (tests and benches may import computeLayout directly).
const scope = globalThis as unknown as Partial<WorkerScope> & { document?: unknown };
if (typeof scope.postMessage === 'function' && scope.document === undefined && 'onmessage' in globalThis) {
  const workerScope = scope as WorkerScope;
  workerScope.onmessage = (event) => {
    try {
      workerScope.postMessage({ ok: true, ...computeLayout(event.data) });
    } catch (error) {
      workerScope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };
}

function neighbourLists(edges: LayoutEdge[]): Map<string, string[]> {
  const neighbours = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const list = neighbours.get(from);
    if (list) list.push(to);
    else neighbours.set(from, [to]);
  };
  for (const edge of edges) {
    add(edge.source, edge.target);
    add(edge.target, edge.source);
  }
  return neighbours;
}
