// More of label decluttering (src/model/label-declutter.ts): the corners that
// the mutation run showed no other test looks at.
import { describe, expect, it } from 'vitest';
import { type LabelBox, labelsToHide } from '../../src/model/label-declutter.ts';

const box = (id: string, x: number, y: number, priority: number, w = 50, h = 12): LabelBox => ({
  id,
  x1: x,
  y1: y,
  x2: x + w,
  y2: y + h,
  priority,
});

/** A 100 × 12 label centred at (cx, cy), turned by `degrees`, with its corners. */
function turned(id: string, cx: number, cy: number, degrees: number, priority: number, w = 100, h = 12): LabelBox {
  const angle = (degrees * Math.PI) / 180;
  const corners = [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ].map(
    ([x = 0, y = 0]) =>
      [cx + x * Math.cos(angle) - y * Math.sin(angle), cy + x * Math.sin(angle) + y * Math.cos(angle)] as const,
  );
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  return { id, x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys), priority, corners };
}

describe('labelsToHide: touching and gaps, on the side of the shown label', () => {
  it('shows a label that touches a more important one on its right, and keeps the gap asked for', () => {
    const shown = box('shown', 50, 0, 2, 50, 10);
    expect(labelsToHide([shown, box('left', 0, 0, 1, 50, 10)])).toEqual(new Set());
    expect(labelsToHide([shown, box('left', 0, 0, 1, 50, 10)], { gap: 1 })).toEqual(new Set(['left']));
  });
});

describe('labelsToHide: turned labels', () => {
  it('shows both labels of two parallel edges at 30°, whose bounding boxes overlap but whose labels do not', () => {
    // 20 px apart across their direction: 12 px tall, so 8 px clear.
    const across = (30 + 90) * (Math.PI / 180);
    const a = turned('a', 100, 100, 30, 2);
    const b = turned('b', 100 + 20 * Math.cos(across), 100 + 20 * Math.sin(across), 30, 1);
    expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(true);
    expect(labelsToHide([a, b])).toEqual(new Set());
    expect(labelsToHide([a, b], { gap: 9 })).toEqual(new Set(['b']));
  });

  it('checks a level label against a more important turned one by the turned outline', () => {
    // Its bounding box reaches over the level label's corner; the label itself stays clear of it.
    const diagonal = turned('diagonal', 85, 20, 45, 3);
    expect(labelsToHide([diagonal, box('level', 0, 0, 1, 50, 12)])).toEqual(new Set());
    expect(labelsToHide([turned('over', 40, 10, 45, 3), box('level', 0, 0, 1, 50, 12)])).toEqual(new Set(['level']));
  });

  it('shows two turned labels whose boxes keep the gap, though their outlines come closer along an edge', () => {
    // Two squares turned 45° (diamonds), corner to corner 10 px apart: 10 px along x, but only 7 px along
    // their edges' normals. The bounding boxes keep a gap of 10 clear, so the labels do not clash.
    const a = turned('a', 0, 0, 45, 2, 20, 20);
    const b = turned('b', 20 * Math.SQRT2 + 10, 0, 45, 1, 20, 20);
    expect(b.x1 - a.x2).toBeCloseTo(10);
    expect(labelsToHide([a, b], { gap: 10 })).toEqual(new Set());
  });

  it('gives the same answer wherever on the screen two turned labels are', () => {
    // Closer than the gap of 7 along the normal of one of their edges (they clash from a gap of about 6.9),
    // though farther apart along some other directions, which must not be taken for an edge's normal.
    for (const [dx, dy] of [
      [0, 0],
      [640, 0],
      [0, 640],
      [333, 777],
    ] as const) {
      const shown = turned('shown', -99 + dx, 44 + dy, 90, 2);
      const later = turned('later', -40 + dx, 10 + dy, 30, 1);
      expect(labelsToHide([shown, later], { gap: 7 })).toEqual(new Set(['later']));
      expect(labelsToHide([shown, later], { gap: 6.5 })).toEqual(new Set());
    }
  });
});
