// Node boxes for benches and tests, estimated from label length the way the
// explorer draws them: a 32 px shape with its label below, wrapped at 160 px.
// The app measures real labels; this only has to be of the same size.

import type { LayoutEdge, LayoutNode } from '../../src/cy/layout.ts';
import type { Graph } from '../../src/model/graph.ts';

const CHAR_WIDTH = 6.8;
const WRAP_WIDTH = 160;
const SHAPE_SIZE = 32;
const LINE_HEIGHT = 15;

export function estimatedNodeBox(label: string): { width: number; height: number } {
  const textWidth = label.length * CHAR_WIDTH;
  const lines = Math.max(1, Math.ceil(textWidth / WRAP_WIDTH));
  return { width: Math.max(SHAPE_SIZE, Math.min(textWidth, WRAP_WIDTH)), height: SHAPE_SIZE + 4 + lines * LINE_HEIGHT };
}

/** The layout's view of a graph: one box per actor, one edge per relation. */
export function layoutElements(graph: Graph): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  return {
    nodes: graph.actors.map((actor) => ({ id: actor.id, ...estimatedNodeBox(actor.label) })),
    edges: graph.relations.map((relation) => ({ id: relation.id, source: relation.from, target: relation.to })),
  };
}
