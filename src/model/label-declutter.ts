// Which labels to show when not all of them fit: the most important first,
// and a label that would overlap one already shown is hidden. Boxes are in
// screen (or image) pixels; a uniform grid keeps this linear for big graphs.
// A turned label (along a diagonal edge) may give its four corners: two
// labels along parallel edges then clash only if the turned boxes do, not
// merely their bounding boxes.

export interface LabelBox {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Higher is shown first (the selection, then its neighbourhood, then by degree). */
  priority: number;
  /** The corners of a turned label, in order around it; x1..y2 is then their bounding box. */
  corners?: readonly (readonly [number, number])[];
}

export interface DeclutterOptions {
  /** Pixels kept clear around every label shown. */
  gap?: number;
  /** A box that reaches past these bounds is hidden (no label cut at an image edge). */
  bounds?: { x1: number; y1: number; x2: number; y2: number };
}

/** Grid cell side in pixels: about one short label, so each box touches a few cells. */
const CELL = 64;

function cornersOf(box: LabelBox): readonly (readonly [number, number])[] {
  return (
    box.corners ?? [
      [box.x1, box.y1],
      [box.x2, box.y1],
      [box.x2, box.y2],
      [box.x1, box.y2],
    ]
  );
}

/**
 * Whether two convex polygons come closer than `gap` (separating axes): on
 * some edge's normal, their shadows must lie at least `gap` apart.
 */
function polygonsClash(a: readonly (readonly [number, number])[], b: typeof a, gap: number): boolean {
  for (const polygon of [a, b]) {
    for (let i = 0; i < polygon.length; i++) {
      const [x1, y1] = polygon[i] ?? [0, 0];
      const [x2, y2] = polygon[(i + 1) % polygon.length] ?? [0, 0];
      const length = Math.hypot(x2 - x1, y2 - y1);
      if (length === 0) continue;
      const nx = (y1 - y2) / length;
      const ny = (x2 - x1) / length;
      const shadow = (points: typeof a) => {
        const values = points.map(([x, y]) => x * nx + y * ny);
        return [Math.min(...values), Math.max(...values)] as const;
      };
      const [aMin, aMax] = shadow(a);
      const [bMin, bMax] = shadow(b);
      if (aMax + gap <= bMin || bMax + gap <= aMin) return false;
    }
  }
  return true;
}

function overlaps(a: LabelBox, b: LabelBox, gap: number): boolean {
  const boxesClash = a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
  if (!boxesClash || (!a.corners && !b.corners)) return boxesClash;
  return polygonsClash(cornersOf(a), cornersOf(b), gap);
}

function inside(box: LabelBox, bounds: NonNullable<DeclutterOptions['bounds']>): boolean {
  return box.x1 >= bounds.x1 && box.y1 >= bounds.y1 && box.x2 <= bounds.x2 && box.y2 <= bounds.y2;
}

/**
 * Returns the ids of the labels to hide. Labels are taken by priority
 * (ties by id, so the answer does not depend on the input order); each is
 * shown unless it overlaps one already shown or leaves the bounds.
 */
export function labelsToHide(boxes: readonly LabelBox[], options: DeclutterOptions = {}): Set<string> {
  const gap = options.gap ?? 0;
  const order = [...boxes].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const grid = new Map<string, LabelBox[]>();
  const hidden = new Set<string>();
  for (const box of order) {
    if (options.bounds && !inside(box, options.bounds)) {
      hidden.add(box.id);
      continue;
    }
    const cx1 = Math.floor((box.x1 - gap) / CELL);
    const cx2 = Math.floor((box.x2 + gap) / CELL);
    const cy1 = Math.floor((box.y1 - gap) / CELL);
    const cy2 = Math.floor((box.y2 + gap) / CELL);
    const cells: string[] = [];
    let clash = false;
    for (let cx = cx1; cx <= cx2 && !clash; cx++) {
      for (let cy = cy1; cy <= cy2 && !clash; cy++) {
        const key = `${cx},${cy}`;
        cells.push(key);
        clash = (grid.get(key) ?? []).some((shown) => overlaps(box, shown, gap));
      }
    }
    if (clash) {
      hidden.add(box.id);
      continue;
    }
    for (const key of cells) {
      const bucket = grid.get(key);
      if (bucket) bucket.push(box);
      else grid.set(key, [box]);
    }
  }
  return hidden;
}

/** What a label belongs to, for its priority. */
export interface LabelRole {
  /** The selected actor or relation. */
  selected: boolean;
  /** A relation of the selected actor. */
  touching: boolean;
  /** An actor linked to the selected one. */
  neighbour: boolean;
  /** Relations drawn at the actor (or at the relation's busier end). */
  degree: number;
}

/** Far above any degree (a graph has at most 50,000 relations), so that a tier always wins. */
const TIER = 1_000_000;

/**
 * The selection's labels first, then the names of its neighbours, then the
 * labels of its relations, then the other actors by degree. Names before
 * relation labels: a relation's type can still be read from its colour and
 * line in the legend, an actor left unnamed cannot be identified at all.
 */
export function labelPriority(role: LabelRole): number {
  const tier = role.selected ? 3 : role.neighbour ? 2 : role.touching ? 1 : 0;
  return tier * TIER + Math.min(role.degree, TIER - 1);
}
