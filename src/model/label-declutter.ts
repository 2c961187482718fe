// Which labels to show when not all of them fit: the most important first,
// and a label that would overlap one already shown is hidden. Boxes are in
// screen (or image) pixels; a uniform grid keeps this linear for big graphs.

export interface LabelBox {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Higher is shown first (the selection, then its neighbourhood, then by degree). */
  priority: number;
}

export interface DeclutterOptions {
  /** Pixels kept clear around every label shown. */
  gap?: number;
  /** A box that reaches past these bounds is hidden (no label cut at an image edge). */
  bounds?: { x1: number; y1: number; x2: number; y2: number };
}

/** Grid cell side in pixels: about one short label, so each box touches a few cells. */
const CELL = 64;

function overlaps(a: LabelBox, b: LabelBox, gap: number): boolean {
  return a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
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
