import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LabelBox, labelPriority, labelsToHide, placeLabels } from '../../src/model/label-declutter.ts';

const box = (id: string, x: number, y: number, priority: number, w = 50, h = 12): LabelBox => ({
  id,
  x1: x,
  y1: y,
  x2: x + w,
  y2: y + h,
  priority,
});

/** A spot of the same size as box(): x, y is its top left corner. */
const spot = (x: number, y: number, w = 50, h = 12) => ({ x1: x, y1: y, x2: x + w, y2: y + h });

describe('placeLabels: an actor’s name moves to a free place before it is hidden', () => {
  it('takes the first free alternative, and a moved label blocks later ones like any other', () => {
    const hub = box('hub', 0, 0, 9);
    const leaf = { ...box('leaf', 10, 5, 2), alternatives: [spot(10, -20), spot(10, 30)] };
    const late = box('late', 0, -25, 1);
    const { hidden, moved } = placeLabels([late, leaf, hub]);
    expect(moved).toEqual(new Map([['leaf', 0]]));
    // 'late' sits on leaf's new place: hidden, though leaf is not where its own box says.
    expect(hidden).toEqual(new Set(['late']));
  });

  it('hides a label when every place is taken', () => {
    const hub = box('hub', 0, 0, 9, 50, 60);
    const leaf = { ...box('leaf', 10, 5, 2), alternatives: [spot(10, 20), spot(5, 40)] };
    expect(placeLabels([hub, leaf])).toEqual({ hidden: new Set(['leaf']), moved: new Map() });
  });

  it('does not move a label onto another actor, nor out of sight; its own actor is no obstacle', () => {
    const hub = box('hub', 0, 0, 9);
    const leaf = { ...box('leaf', 10, 5, 2), alternatives: [spot(10, -30), spot(10, 30), spot(200, 5)] };
    const bodies = [
      { id: 'other', ...spot(20, -25, 10, 10) },
      { id: 'leaf', ...spot(20, 25, 10, 10) },
    ];
    // Above is on another actor, right is out of sight: below, over its own actor's shape, it is.
    const within = { x1: -100, y1: -100, x2: 150, y2: 100 };
    const placed = placeLabels([hub, leaf], { obstacles: bodies, alternativesWithin: within });
    expect(placed.moved).toEqual(new Map([['leaf', 1]]));
    const crowded = [...bodies, { id: 'x', ...spot(20, 35, 5, 5) }];
    const blocked = placeLabels([hub, leaf], { obstacles: crowded, alternativesWithin: within });
    expect(blocked).toEqual({ hidden: new Set(['leaf']), moved: new Map() });
  });

  it('among actors resized after the layout, a name on another actor moves to a free place clear of shapes', () => {
    const name = { ...box('big', 0, 0, 5), alternatives: [spot(0, -30), spot(60, 0)] };
    const bodies = [
      { id: 'small', ...spot(20, 2, 8, 8) },
      { id: 'above', ...spot(10, -28, 8, 8) },
    ];
    // Its own place covers 'small', above covers 'above': it goes right.
    expect(placeLabels([name], { obstacles: bodies, ownPlaceAvoidsObstacles: true }).moved).toEqual(
      new Map([['big', 1]]),
    );
    // Without the option, or with no free place clear of shapes, it stays where it is.
    expect(placeLabels([name], { obstacles: bodies }).moved).toEqual(new Map());
    const everywhere = [...bodies, { id: 'right', ...spot(70, 2, 8, 8) }];
    expect(placeLabels([name], { obstacles: everywhere, ownPlaceAvoidsObstacles: true })).toEqual({
      hidden: new Set(),
      moved: new Map(),
    });
  });

  it('a label that makes room takes the free place that blocks the least important labels', () => {
    // The selection's name may go below (its own place) or above; a relation label (tier 1) lies below, the name
    // of an actor outside its neighbourhood above: it goes above, so the relation is drawn and that name is not.
    const selected = { ...box('selected', 0, 20, 3_000_000), alternatives: [spot(0, -20)], makeRoom: true };
    const relation = box('relation', 10, 25, 1_000_000);
    const name = box('name', 10, -15, 5);
    const { hidden, moved } = placeLabels([selected, relation, name]);
    expect(moved).toEqual(new Map([['selected', 0]]));
    expect(hidden).toEqual(new Set(['name']));
    // Without makeRoom it stays in its own place, and the relation is hidden.
    const { makeRoom: _, ...plain } = selected;
    expect(placeLabels([plain, relation, name]).hidden).toEqual(new Set(['relation']));
  });
});

describe('labelsToHide', () => {
  it('shows every label when none overlap', () => {
    expect(labelsToHide([box('a', 0, 0, 1), box('b', 100, 0, 1), box('c', 0, 100, 1)])).toEqual(new Set());
  });

  it('hides the less important of two overlapping labels, whatever the input order', () => {
    const high = box('hub', 10, 10, 9);
    const low = box('leaf', 30, 15, 2);
    expect(labelsToHide([low, high])).toEqual(new Set(['leaf']));
    expect(labelsToHide([high, low])).toEqual(new Set(['leaf']));
  });

  it('breaks a tie by id, so the picture does not depend on the order of the file', () => {
    expect(labelsToHide([box('b', 0, 0, 1), box('a', 10, 0, 1)])).toEqual(new Set(['b']));
    expect(labelsToHide([box('a', 10, 0, 1), box('b', 0, 0, 1)])).toEqual(new Set(['b']));
  });

  it('lets a label hidden for overlapping a shown one free no room for a third', () => {
    // b loses to a; c overlaps only b, so c is shown.
    const hidden = labelsToHide([box('a', 0, 0, 3), box('b', 40, 0, 2), box('c', 85, 0, 1)]);
    expect(hidden).toEqual(new Set(['b']));
  });

  it('treats touching edges as not overlapping, and keeps the gap asked for', () => {
    const left = box('a', 0, 0, 2, 50, 10);
    const right = box('b', 50, 0, 1, 50, 10);
    expect(labelsToHide([left, right])).toEqual(new Set());
    expect(labelsToHide([left, right], { gap: 1 })).toEqual(new Set(['b']));
    expect(labelsToHide([left, box('c', 53, 0, 1)], { gap: 2 })).toEqual(new Set());
    expect(labelsToHide([left, box('c', 51, 0, 1)], { gap: 2 })).toEqual(new Set(['c']));
  });

  it('finds overlaps across grid cells and in negative coordinates', () => {
    const wide = box('wide', -300, -5, 5, 600, 10);
    expect(labelsToHide([wide, box('under', 250, 0, 1, 10, 10)])).toEqual(new Set(['under']));
    expect(labelsToHide([wide, box('above', -200, -40, 1, 10, 10)])).toEqual(new Set());
    expect(labelsToHide([wide, box('tall', -100, -500, 1, 4, 2000)])).toEqual(new Set(['tall']));
  });

  it('hides a label that would be cut at the bounds, even the most important', () => {
    const bounds = { x1: 0, y1: 0, x2: 200, y2: 100 };
    const hidden = labelsToHide(
      [box('edge', 180, 10, 9), box('in', 10, 10, 1), box('top', 10, -1, 1), box('fits', 150, 88, 1)],
      { bounds },
    );
    expect(hidden).toEqual(new Set(['edge', 'top']));
  });

  it('never leaves two shown labels overlapping, and hides a label only for one at least as important', () => {
    const boxes = fc.array(
      fc.record({
        x: fc.integer({ min: -200, max: 400 }),
        y: fc.integer({ min: -200, max: 400 }),
        w: fc.integer({ min: 1, max: 150 }),
        h: fc.integer({ min: 1, max: 40 }),
        priority: fc.integer({ min: 0, max: 5 }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(boxes, (specs) => {
        const all = specs.map((s, i) => box(`n${i}`, s.x, s.y, s.priority, s.w, s.h));
        const hidden = labelsToHide(all);
        const shown = all.filter((b) => !hidden.has(b.id));
        for (const [i, a] of shown.entries()) {
          for (const b of shown.slice(i + 1)) {
            expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false);
          }
        }
        // Every hidden label overlaps a shown one at least as important.
        for (const h of all.filter((b) => hidden.has(b.id))) {
          const blockers = shown.filter((s) => h.x1 < s.x2 && s.x1 < h.x2 && h.y1 < s.y2 && s.y1 < h.y2);
          expect(blockers.some((blocker) => blocker.priority >= h.priority)).toBe(true);
        }
      }),
    );
  });

  it('gives the same answer as checking every pair, near grid-cell borders, with gaps and bounds', () => {
    // The obvious quadratic rule, to compare the grid against.
    const reference = (all: LabelBox[], gap: number, bounds?: { x1: number; y1: number; x2: number; y2: number }) => {
      const order = [...all].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const shown: LabelBox[] = [];
      const hidden = new Set<string>();
      for (const b of order) {
        const out = bounds && (b.x1 < bounds.x1 || b.y1 < bounds.y1 || b.x2 > bounds.x2 || b.y2 > bounds.y2);
        const near = (s: LabelBox) => b.x1 < s.x2 + gap && s.x1 < b.x2 + gap && b.y1 < s.y2 + gap && s.y1 < b.y2 + gap;
        if (out || shown.some(near)) hidden.add(b.id);
        else shown.push(b);
      }
      return hidden;
    };
    // Coordinates in half pixels around the cell borders at 0, 64 and 128.
    const coordinate = fc.integer({ min: -20, max: 280 }).map((half) => half / 2);
    const boxes = fc.array(
      fc.record({
        x: coordinate,
        y: coordinate,
        w: fc.integer({ min: 1, max: 90 }),
        h: fc.integer({ min: 1, max: 30 }),
      }),
      { maxLength: 25 },
    );
    const priorities = fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 25, maxLength: 25 });
    fc.assert(
      fc.property(boxes, priorities, fc.integer({ min: 0, max: 3 }), fc.boolean(), (specs, ranks, gap, bounded) => {
        // Ids in a shuffled order, so that ties are broken by id and not by position in the input.
        const all = specs.map((s, i) => box(`n${(i * 7) % 25}`, s.x, s.y, ranks[i] ?? 0, s.w, s.h));
        const bounds = bounded ? { x1: 0, y1: 0, x2: 128, y2: 128 } : undefined;
        expect(labelsToHide(all, { gap, ...(bounds ? { bounds } : {}) })).toEqual(reference(all, gap, bounds));
      }),
      { numRuns: 400 },
    );
  });

  it('finds a label one gap away across a cell border, on every side', () => {
    // The shown label ends just before the border at 64; the other starts just after it, within the gap.
    const shownFirst = (a: LabelBox, b: LabelBox) =>
      labelsToHide(
        [
          { ...a, priority: 2 },
          { ...b, priority: 1 },
        ],
        { gap: 2 },
      );
    expect(shownFirst(box('a', 0, 0, 0, 61.5, 10), box('b', 62, 0, 0, 30, 10))).toEqual(new Set(['b']));
    expect(shownFirst(box('a', 66.5, 0, 0, 30, 10), box('b', 30, 0, 0, 35, 10))).toEqual(new Set(['b']));
    expect(shownFirst(box('a', 0, 0, 0, 10, 61.5), box('b', 0, 62, 0, 10, 30))).toEqual(new Set(['b']));
    expect(shownFirst(box('a', 0, 66.5, 0, 10, 30), box('b', 0, 30, 0, 10, 35))).toEqual(new Set(['b']));
    // Three apart with a gap of 2: both shown.
    expect(shownFirst(box('a', 0, 0, 0, 61, 10), box('b', 64, 0, 0, 30, 10))).toEqual(new Set());
  });

  it('keeps every label shown in a cell, not only the last', () => {
    // a and b share a cell without overlapping; c overlaps only a.
    const hidden = labelsToHide([box('a', 0, 0, 3, 20, 10), box('b', 30, 0, 2, 20, 10), box('c', 5, 5, 1, 10, 10)]);
    expect(hidden).toEqual(new Set(['c']));
  });
});

/** A w x h label centred at (cx, cy), turned by `degrees`, with its corners and bounding box. */
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
  return {
    id,
    x1: Math.min(...xs),
    y1: Math.min(...ys),
    x2: Math.max(...xs),
    y2: Math.max(...ys),
    priority,
    corners,
  };
}

describe('labelsToHide with turned labels', () => {
  it('shows both labels of two parallel diagonal edges, whose bounding boxes overlap but whose labels do not', () => {
    // Two 45° labels 20 px apart across their direction: 12 px tall, so 8 px clear.
    const a = turned('a', 100, 100, 45, 2);
    const b = turned('b', 100 + 20 / Math.SQRT2, 100 - 20 / Math.SQRT2, 45, 1);
    expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(true);
    expect(labelsToHide([a, b])).toEqual(new Set());
    expect(labelsToHide([a, b], { gap: 7 })).toEqual(new Set());
    expect(labelsToHide([a, b], { gap: 9 })).toEqual(new Set(['b']));
  });

  it('hides the less important of two crossing labels', () => {
    expect(labelsToHide([turned('x', 0, 0, 45, 1), turned('y', 0, 0, -45, 2)])).toEqual(new Set(['x']));
    expect(labelsToHide([turned('x', 0, 0, 30, 2), turned('y', 40, 10, 30, 1)])).toEqual(new Set(['y']));
  });

  it('checks a turned label against a level one by the turned outline', () => {
    const level = box('level', 0, 0, 3, 50, 12);
    // Its bounding box reaches over the level label's corner; the label itself stays clear of it.
    const diagonal = turned('diagonal', 85, 20, 45, 1);
    expect(diagonal.x1).toBeLessThan(50);
    expect(diagonal.y1).toBeLessThan(12);
    expect(labelsToHide([level, diagonal])).toEqual(new Set());
    expect(labelsToHide([level, turned('over', 40, 10, 45, 1)])).toEqual(new Set(['over']));
  });
});

describe('labelPriority', () => {
  const role = { selected: false, touching: false, neighbour: false, degree: 0 };
  it('puts the selection first, then the names of its neighbours, then its relations, then the rest by degree', () => {
    const order = [
      labelPriority({ ...role, selected: true, degree: 1 }),
      labelPriority({ ...role, neighbour: true, degree: 2 }),
      labelPriority({ ...role, neighbour: true, degree: 1 }),
      labelPriority({ ...role, touching: true, degree: 3 }),
      labelPriority({ ...role, touching: true, degree: 0 }),
      labelPriority({ ...role, degree: 49_999 }),
      labelPriority({ ...role, degree: 3 }),
      labelPriority(role),
    ];
    expect([...order].sort((a, b) => b - a)).toEqual(order);
    expect(new Set(order).size).toBe(order.length);
  });

  it('never lets a huge degree climb into the tier above', () => {
    expect(labelPriority({ ...role, degree: 5_000_000 })).toBeLessThan(labelPriority({ ...role, touching: true }));
    expect(labelPriority({ ...role, touching: true, degree: 5_000_000 })).toBeLessThan(
      labelPriority({ ...role, neighbour: true }),
    );
  });
});
