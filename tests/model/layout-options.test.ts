import { describe, expect, it } from 'vitest';
import {
  countOverlaps,
  DRAFT_ABOVE_NODES,
  fcoseOptions,
  type LayoutEdge,
  type LayoutNode,
  mulberry32,
  OVERLAP_REMOVAL,
  type Positions,
  removeOverlaps,
} from '../../src/cy/layout.ts';

describe('fcoseOptions', () => {
  it('lays out hand-made graphs at full quality, pushing nodes apart harder than fcose by default', () => {
    const options = fcoseOptions(28, true);
    expect(options).toMatchObject({
      name: 'fcose',
      quality: 'default',
      randomize: true,
      animate: false,
      nodeDimensionsIncludeLabels: false,
    });
    expect(options.nodeRepulsion).toBeGreaterThan(4500);
  });

  it('switches large graphs to the spectral draft, which stays fast on hubs', () => {
    expect(fcoseOptions(DRAFT_ABOVE_NODES, true).quality).toBe('default');
    expect(fcoseOptions(DRAFT_ABOVE_NODES + 1, true).quality).toBe('draft');
    expect(fcoseOptions(5000, true).quality).toBe('draft');
  });

  it('starts an incremental re-layout cooler, so that the picture moves less', () => {
    const fresh = fcoseOptions(28, true);
    const incremental = fcoseOptions(28, false);
    expect(incremental.randomize).toBe(false);
    expect(Number(incremental.initialEnergyOnIncremental)).toBeLessThan(Number(fresh.initialEnergyOnIncremental));
  });

  it('is plain data that can be posted to the layout worker', () => {
    for (const count of [1, 28, 1000]) {
      for (const randomize of [true, false])
        expect(structuredClone(fcoseOptions(count, randomize))).toEqual(fcoseOptions(count, randomize));
    }
  });
});

describe('countOverlaps', () => {
  const box = (id: string, width = 100, height = 40): LayoutNode => ({ id, width, height });

  it('counts pairs of boxes that overlap, not boxes that touch', () => {
    const nodes = [box('a'), box('b'), box('c'), box('d')];
    const positions: Positions = { a: { x: 0, y: 0 }, b: { x: 50, y: 10 }, c: { x: 150, y: 10 }, d: { x: 0, y: 40 } };
    // a-b and b-d overlap; a-d (40 px apart, 40 px high) and b-c (100 px apart, 100 px wide) only touch.
    expect(countOverlaps(nodes, positions)).toBe(2);
    expect(
      countOverlaps(nodes, { a: { x: 0, y: 0 }, b: { x: 100, y: 0 }, c: { x: 200, y: 0 }, d: { x: 0, y: 40 } }),
    ).toBe(0);
  });

  it('ignores nodes without a position', () => {
    expect(countOverlaps([box('a'), box('b')], { a: { x: 0, y: 0 } })).toBe(0);
  });
});

describe('removeOverlaps', () => {
  const random = mulberry32(7);
  const nodes: LayoutNode[] = Array.from({ length: 300 }, (_, i) => ({
    id: `n${i}`,
    width: 40 + Math.floor(random() * 120),
    height: 51 + 15 * Math.floor(random() * 3),
  }));
  const edges: LayoutEdge[] = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: 'n0', target: node.id }));

  it('spreads 300 nodes piled on one spot (a hub and its leaves, as a spectral start leaves them), no overlap', () => {
    const piled: Positions = Object.fromEntries(nodes.map((node) => [node.id, { x: 10, y: 20 }]));
    const result = removeOverlaps(nodes, edges, piled, { padding: 0, maxFill: OVERLAP_REMOVAL.maxFill });
    expect(countOverlaps(nodes, result)).toBe(0);
    // The most connected node keeps its spot.
    expect(result.n0).toEqual({ x: 10, y: 20 });
  });

  it('keeps the padding between boxes', () => {
    const piled: Positions = Object.fromEntries(nodes.map((node) => [node.id, { x: 0, y: 0 }]));
    const padded = removeOverlaps(nodes, edges, piled, { padding: 12, maxFill: Infinity });
    const grown = nodes.map((node) => ({ ...node, width: node.width + 11.9, height: node.height + 11.9 }));
    expect(countOverlaps(grown, padded)).toBe(0);
  });

  it('leaves a layout without overlaps exactly as it was', () => {
    const spread: Positions = Object.fromEntries(
      nodes.map((node, i) => [node.id, { x: (i % 20) * 300, y: Math.floor(i / 20) * 200 }]),
    );
    expect(removeOverlaps(nodes, edges, spread, { padding: 12, maxFill: Infinity })).toEqual(spread);
  });

  it('never moves a locked node, and moves the others out of its way', () => {
    const withLocked = nodes.slice(0, 50).map((node, i) => (i === 10 ? { ...node, locked: true } : node));
    const piled: Positions = Object.fromEntries(withLocked.map((node) => [node.id, { x: 500, y: 500 }]));
    const result = removeOverlaps(withLocked, edges, piled, OVERLAP_REMOVAL);
    expect(result.n10).toEqual({ x: 500, y: 500 });
    expect(countOverlaps(withLocked, result)).toBe(0);
  });

  it('gives the same result every time', () => {
    const scattered: Positions = Object.fromEntries(
      nodes.map((node, i) => [node.id, { x: (i * 37) % 400, y: (i * 53) % 300 }]),
    );
    expect(removeOverlaps(nodes, edges, scattered, OVERLAP_REMOVAL)).toEqual(
      removeOverlaps(nodes, edges, scattered, OVERLAP_REMOVAL),
    );
  });
});

describe('mulberry32', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const first = mulberry32(42);
    const second = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => first());
    expect(Array.from({ length: 1000 }, () => second())).toEqual(values);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(values[0]);
  });
});
