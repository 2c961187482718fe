import { expect, it } from 'vitest';
import { connectedComponents, packComponents } from '../../src/cy/pack-components.ts';

const node = (id: string) => ({ id, width: 40, height: 20 });

it('finds connected components, largest first', () => {
  const nodes = ['a', 'b', 'c', 'd', 'e'].map(node);
  const edges = [
    { id: '1', source: 'a', target: 'b' },
    { id: '2', source: 'b', target: 'c' },
    { id: '3', source: 'd', target: 'e' },
  ];
  expect(connectedComponents(nodes, edges)).toEqual([
    ['a', 'b', 'c'],
    ['d', 'e'],
  ]);
});

it('moves a far-away small component into the free corner of the main picture, overlapping nothing', () => {
  // An L-shaped main part with an empty bottom-right corner, and a pair far to the right.
  const nodes = ['a', 'b', 'c', 'd', 'e'].map(node);
  const edges = [
    { id: '1', source: 'a', target: 'b' },
    { id: '2', source: 'a', target: 'c' },
    { id: '3', source: 'd', target: 'e' },
  ];
  const positions = {
    a: { x: 0, y: 0 },
    b: { x: 400, y: 0 },
    c: { x: 0, y: 300 },
    d: { x: 2000, y: 0 },
    e: { x: 2100, y: 0 },
  };
  const packed = packComponents(nodes, edges, positions, 12);
  expect(packed.a).toEqual(positions.a);
  expect(packed.b).toEqual(positions.b);
  // The pair keeps its shape and now lies within the main part's extent.
  expect(packed.e!.x - packed.d!.x).toBe(100);
  expect(packed.e!.x + 20).toBeLessThanOrEqual(400 + 20);
  expect(packed.d!.y).toBeGreaterThan(0);
  expect(packed.d!.y).toBeLessThanOrEqual(300);
  const boxes = nodes.map((n) => ({
    x1: packed[n.id]!.x - 26,
    x2: packed[n.id]!.x + 26,
    y1: packed[n.id]!.y - 16,
    y2: packed[n.id]!.y + 16,
  }));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [p, q] = [boxes[i]!, boxes[j]!];
      expect(
        p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2,
        `${nodes[i]!.id} and ${nodes[j]!.id} overlap`,
      ).toBe(false);
    }
  }
});

it('leaves a connected graph as it is', () => {
  const positions = { a: { x: 0, y: 0 }, b: { x: 5, y: 5 } };
  expect(packComponents(['a', 'b'].map(node), [{ id: '1', source: 'a', target: 'b' }], positions)).toBe(positions);
});
