// Moves the small disconnected parts of a laid-out graph into free space next
// to the main part. fcose leaves them at a distance, which widens the picture
// and so lowers the zoom at which the whole graph fits the window. Pure.

import type { LayoutEdge, LayoutNode, Positions } from './layout.ts';

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export function connectedComponents(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): string[][] {
  const neighbours = new Map<string, string[]>(nodes.map((node) => [node.id, []]));
  for (const edge of edges) {
    neighbours.get(edge.source)?.push(edge.target);
    neighbours.get(edge.target)?.push(edge.source);
  }
  const seen = new Set<string>();
  const components: string[][] = [];
  for (const node of nodes) {
    if (seen.has(node.id)) continue;
    const component: string[] = [];
    const stack = [node.id];
    seen.add(node.id);
    while (stack.length > 0) {
      const id = stack.pop() ?? '';
      component.push(id);
      for (const next of neighbours.get(id) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    components.push(component);
  }
  return components.sort((a, b) => b.length - a.length);
}

const union = (a: Box, b: Box): Box => ({
  x1: Math.min(a.x1, b.x1),
  y1: Math.min(a.y1, b.y1),
  x2: Math.max(a.x2, b.x2),
  y2: Math.max(a.y2, b.y2),
});
const area = (box: Box) => (box.x2 - box.x1) * (box.y2 - box.y1);

/**
 * Places every component but the largest where it overlaps no box already
 * placed (keeping `padding`), choosing the spot that grows the picture least
 * and, among those, the one nearest the main part's centre. Candidate spots
 * lie on a grid of `step` px over the picture and a margin around it.
 */
export function packComponents(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  positions: Positions,
  padding = 12,
  step = 16,
): Positions {
  const components = connectedComponents(nodes, edges);
  if (components.length < 2) return positions;
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const boxOf = (id: string, dx = 0, dy = 0): Box => {
    const node = nodeById.get(id);
    const p = positions[id] ?? { x: 0, y: 0 };
    const halfW = (node?.width ?? 0) / 2 + padding / 2;
    const halfH = (node?.height ?? 0) / 2 + padding / 2;
    return { x1: p.x + dx - halfW, y1: p.y + dy - halfH, x2: p.x + dx + halfW, y2: p.y + dy + halfH };
  };
  const [main = [], ...rest] = components;
  const placed: Box[] = main.map((id) => boxOf(id));
  let picture = placed.reduce(union);
  const centre = { x: (picture.x1 + picture.x2) / 2, y: (picture.y1 + picture.y2) / 2 };
  const result: Positions = { ...positions };

  for (const component of rest) {
    const boxes = component.map((id) => boxOf(id));
    const own = boxes.reduce(union);
    const ownWidth = own.x2 - own.x1;
    const ownHeight = own.y2 - own.y1;
    let best: { dx: number; dy: number; growth: number; distance: number } | null = null;
    for (let left = picture.x1 - ownWidth; left <= picture.x2; left += step) {
      for (let top = picture.y1 - ownHeight; top <= picture.y2; top += step) {
        const dx = left - own.x1;
        const dy = top - own.y1;
        const moved = boxes.map((b) => ({ x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy }));
        if (moved.some((b) => placed.some((p) => b.x1 < p.x2 && p.x1 < b.x2 && b.y1 < p.y2 && p.y1 < b.y2))) continue;
        const growth = area(union(picture, moved.reduce(union))) - area(picture);
        const distance = Math.hypot(left + ownWidth / 2 - centre.x, top + ownHeight / 2 - centre.y);
        if (
          !best ||
          growth < best.growth - 1e-6 ||
          (Math.abs(growth - best.growth) <= 1e-6 && distance < best.distance)
        ) {
          best = { dx, dy, growth, distance };
        }
      }
    }
    // No free spot inside the picture: the margin rows and columns always have one, but stay safe.
    const { dx, dy } = best ?? { dx: picture.x2 + padding - own.x1, dy: 0 };
    for (const id of component) {
      const p = positions[id] ?? { x: 0, y: 0 };
      result[id] = { x: p.x + dx, y: p.y + dy };
    }
    for (const b of boxes) placed.push({ x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy });
    picture = placed.reduce(union);
  }
  return result;
}
