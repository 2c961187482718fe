import fc from 'fast-check';
import { expect, it } from 'vitest';
import { MAX_STRETCH, stretchToAspect } from '../../src/cy/fit-aspect.ts';

const extent = (positions: Record<string, { x: number; y: number }>) => {
  const xs = Object.values(positions).map((p) => p.x);
  const ys = Object.values(positions).map((p) => p.y);
  return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
};

it('stretches a wide layout vertically to the shape of a square window', () => {
  const wide = { a: { x: 0, y: 0 }, b: { x: 1000, y: 500 }, c: { x: 500, y: 250 } };
  const result = extent(stretchToAspect(wide, 900, 900));
  expect(result.width).toBe(1000);
  expect(result.height).toBeCloseTo(1000);
});

it('never stretches more than the limit, and leaves a matching layout alone', () => {
  const line = { a: { x: 0, y: 0 }, b: { x: 1000, y: 10 } };
  expect(extent(stretchToAspect(line, 100, 100)).height).toBeCloseTo(10 * MAX_STRETCH);
  const square = { a: { x: 0, y: 0 }, b: { x: 100, y: 100 } };
  expect(stretchToAspect(square, 500, 500)).toBe(square);
});

it('only moves nodes apart: no distance between two nodes shrinks', () => {
  const point = fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }) });
  fc.assert(
    fc.property(
      fc.array(point, { minLength: 2, maxLength: 30 }),
      fc.integer({ min: 100, max: 3000 }),
      fc.integer({ min: 100, max: 3000 }),
      (points, w, h) => {
        const positions = Object.fromEntries(points.map((p, i) => [`n${i}`, p]));
        const stretched = stretchToAspect(positions, w, h);
        for (let i = 0; i < points.length; i++) {
          for (let j = i + 1; j < points.length; j++) {
            const before = Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y);
            const a = stretched[`n${i}`]!;
            const b = stretched[`n${j}`]!;
            expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(before - 1e-9);
          }
        }
      },
    ),
  );
});
