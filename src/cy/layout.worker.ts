// Runs fcose on a headless Cytoscape inside a Web Worker, so a long layout
// never freezes the page. Started by layout-runner.ts; one message in (a
// request and the fcose options), one message out (positions and timings).

import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { mulberry32, type LayoutEdge, type LayoutNode, type Positions } from './layout.ts';

cytoscape.use(fcose);

export interface LayoutWorkerRequest {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  seed: number;
  randomize: boolean;
  fcose: Record<string, unknown>;
}

export interface LayoutTimings {
  /** building the headless Cytoscape instance, in ms */
  buildMs: number;
  /** fcose itself, in ms */
  layoutMs: number;
}

export type LayoutWorkerResponse =
  | { ok: true; positions: Positions; timings: LayoutTimings }
  | { ok: false; message: string };

/**
 * Lays out the graph and returns every node's centre. Deterministic: the same
 * request gives the same positions, because Math.random (which fcose's spectral
 * start uses) is replaced by a PRNG seeded with `request.seed` for the run.
 */
export function computeLayout(request: LayoutWorkerRequest): { positions: Positions; timings: LayoutTimings } {
  const started = performance.now();
  const { nodes, randomize } = request;
  if (nodes.length === 0) return { positions: {}, timings: { buildMs: 0, layoutMs: 0 } };
  const random = mulberry32(request.seed);
  const nodeIds = new Set(nodes.map((node) => node.id));
  const edges = request.edges.filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target));
  const start = randomize ? null : startingPositions(nodes, edges, random);

  const cy = cytoscape({
    headless: true,
    // Headless instances ignore styles unless asked: the boxes come from data.
    styleEnabled: true,
    style: [{
      selector: 'node',
      style: { width: 'data(width)', height: 'data(height)', shape: 'rectangle', 'border-width': 0, padding: '0' },
    }],
    elements: [
      ...nodes.map((node) => ({
        group: 'nodes' as const,
        data: { id: node.id, width: Math.max(1, node.width), height: Math.max(1, node.height) },
        position: start?.get(node.id) ?? { x: 0, y: 0 },
      })),
      ...edges.map((edge) => ({ group: 'edges' as const, data: { id: edge.id, source: edge.source, target: edge.target } })),
    ],
  });
  const built = performance.now();

  const fixed = nodes
    .filter((node) => node.locked === true && node.x !== undefined && node.y !== undefined)
    .map((node) => ({ nodeId: node.id, position: { x: node.x ?? 0, y: node.y ?? 0 } }));
  const options: Record<string, unknown> = {
    ...request.fcose,
    name: 'fcose',
    randomize,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: false,
    ...(fixed.length > 0 ? { fixedNodeConstraint: fixed } : {}),
  };

  const originalRandom = Math.random;
  Math.random = random;
  try {
    cy.layout(options as unknown as cytoscape.LayoutOptions).run();
  } finally {
    Math.random = originalRandom;
  }
  const laidOut = performance.now();

  const positions: Positions = {};
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    positions[node.id()] = { x, y };
  });
  for (const node of nodes) {
    // A locked node stays exactly where the analyst put it.
    if (node.locked === true && node.x !== undefined && node.y !== undefined) positions[node.id] = { x: node.x, y: node.y };
  }
  cy.destroy();
  return { positions, timings: { buildMs: built - started, layoutMs: laidOut - built } };
}

/**
 * For an incremental re-layout: nodes keep their x/y; a node without one starts
 * beside its placed neighbours (or at the centre), nudged a little so that two
 * new nodes never start on the same spot.
 */
function startingPositions(nodes: LayoutNode[], edges: LayoutEdge[], random: () => number): Map<string, { x: number; y: number }> {
  const placed = new Map<string, { x: number; y: number }>();
  for (const node of nodes) if (node.x !== undefined && node.y !== undefined) placed.set(node.id, { x: node.x, y: node.y });
  let centreX = 0;
  let centreY = 0;
  for (const position of placed.values()) {
    centreX += position.x / placed.size;
    centreY += position.y / placed.size;
  }
  const neighbours = new Map<string, string[]>();
  for (const edge of edges) {
    neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
    neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
  }
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
