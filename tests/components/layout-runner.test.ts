import { describe, expect, it } from 'vitest';
import shippedGraph from '../../graph/kadhimi-2021.json';
import { layoutElements } from '../../scripts/bench/boxes.ts';
import { generateGraph } from '../../scripts/generate-graph.ts';
import {
  type LayoutNode,
  type LayoutRequest,
  type Positions,
  runLayout,
  terminateIdleLayoutWorker,
} from '../../src/cy/layout-runner.ts';
import type { Graph } from '../../src/model/graph.ts';

const shipped: LayoutRequest = { ...layoutElements(shippedGraph as Graph), seed: 1, randomize: true };

/** Pairs of boxes that overlap, checked pair by pair (independently of countOverlaps). */
function overlappingPairs(nodes: LayoutNode[], positions: Positions): string[] {
  const pairs: string[] = [];
  nodes.forEach((a, i) => {
    for (const b of nodes.slice(i + 1)) {
      const pa = positions[a.id];
      const pb = positions[b.id];
      if (!pa || !pb) continue;
      const apartX = Math.abs(pa.x - pb.x) >= (a.width + b.width) / 2 - 0.5;
      const apartY = Math.abs(pa.y - pb.y) >= (a.height + b.height) / 2 - 0.5;
      if (!apartX && !apartY) pairs.push(`${a.id} / ${b.id}`);
    }
  });
  return pairs;
}

describe('runLayout (fcose in a worker)', () => {
  it('places every actor of the shipped graph', async () => {
    const positions = await runLayout(shipped);
    expect(Object.keys(positions).sort()).toEqual(shipped.nodes.map((node) => node.id).sort());
    for (const position of Object.values(positions)) {
      expect(Number.isFinite(position.x) && Number.isFinite(position.y)).toBe(true);
    }
  });

  it('gives the same picture for the same seed, in the warm worker and in a new one', async () => {
    const first = await runLayout(shipped);
    const second = await runLayout(shipped);
    terminateIdleLayoutWorker();
    const inNewWorker = await runLayout(shipped);
    expect(second).toEqual(first);
    expect(inNewWorker).toEqual(first);
    expect(await runLayout({ ...shipped, seed: 2 })).not.toEqual(first);
  });

  it('leaves no two node boxes (labels included) overlapping on a 20-actor graph', async () => {
    for (const seed of [1, 2, 3]) {
      const request: LayoutRequest = { ...layoutElements(generateGraph(20, seed)), seed, randomize: true };
      const positions = await runLayout(request);
      expect(overlappingPairs(request.nodes, positions)).toEqual([]);
    }
  });

  it('leaves no overlapping boxes on the shipped graph either', async () => {
    expect(overlappingPairs(shipped.nodes, await runLayout(shipped))).toEqual([]);
  });

  it('spreads a hub with 400 leaves (the large-graph path) without overlaps', async () => {
    const nodes: LayoutNode[] = Array.from({ length: 401 }, (_, i) => ({ id: `n${i}`, width: 120, height: 50 }));
    const edges = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: 'n0', target: node.id }));
    const positions = await runLayout({ nodes, edges, seed: 1, randomize: true });
    expect(Object.values(positions).every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(overlappingPairs(nodes, positions)).toEqual([]);
  });

  it('re-lays out from the given positions: locked nodes stay, the rest moves little', async () => {
    const before = await runLayout(shipped);
    const nodes = shipped.nodes.map((node, i) => ({ ...node, ...before[node.id], ...(i < 2 ? { locked: true } : {}) }));
    const after = await runLayout({ ...shipped, nodes, randomize: false });
    const [first, second] = nodes;
    expect(after[first?.id ?? '']).toEqual(before[first?.id ?? '']);
    expect(after[second?.id ?? '']).toEqual(before[second?.id ?? '']);
    const moves = nodes.map((node) =>
      Math.hypot(
        (after[node.id]?.x ?? 0) - (before[node.id]?.x ?? 0),
        (after[node.id]?.y ?? 0) - (before[node.id]?.y ?? 0),
      ),
    );
    moves.sort((a, b) => a - b);
    expect(moves[Math.floor(moves.length / 2)]).toBeLessThan(100);
    expect(overlappingPairs(shipped.nodes, after)).toEqual([]);
  });

  it('runs two layouts at once', async () => {
    const small: LayoutRequest = { ...layoutElements(generateGraph(20, 4)), seed: 4, randomize: true };
    const [a, b] = await Promise.all([runLayout(shipped), runLayout(small)]);
    expect(a).toEqual(await runLayout(shipped));
    expect(b).toEqual(await runLayout(small));
  });

  it('stops when aborted and rejects with an AbortError, and the next layout still works', async () => {
    const large: LayoutRequest = { ...layoutElements(generateGraph(3000, 1)), seed: 1, randomize: true };
    const controller = new AbortController();
    const running = runLayout(large, controller.signal);
    setTimeout(() => controller.abort(), 20);
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    await expect(runLayout(shipped, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    expect(Object.keys(await runLayout(shipped))).toHaveLength(shipped.nodes.length);
  });

  it('does not block the page while it runs', async () => {
    const large: LayoutRequest = { ...layoutElements(generateGraph(2000, 2)), seed: 1, randomize: true };
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    await runLayout(large);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(5);
  });
});
