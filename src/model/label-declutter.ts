// Which labels to show when not all of them fit: the most important first,
// and a label that would overlap one already shown is hidden. Boxes are in
// screen (or image) pixels; a uniform grid keeps this linear for big graphs.
// A turned label (along a diagonal edge) may give its four corners: two
// labels along parallel edges then clash only if the turned boxes do, not
// merely their bounding boxes.

/** Where a label is drawn: its box, and the corners of a turned label. */
export interface LabelSpot {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The corners of a turned label, in order around it; x1..y2 is then their bounding box. */
  corners?: readonly (readonly [number, number])[];
}

export interface LabelBox extends LabelSpot {
  id: string;
  /** Higher is shown first (the selection, then its neighbourhood, then by degree). */
  priority: number;
  /**
   * Other places the label may be drawn (an actor's name above, left or right
   * of it), tried in order when its own place is taken; they must also stay
   * clear of the obstacles (other actors' shapes).
   */
  alternatives?: readonly LabelSpot[];
  /**
   * Of its places that are free, take the one that blocks the least
   * important labels still to place (their priorities summed): the names of
   * the selection and its neighbours, so that its relations can be named.
   */
  makeRoom?: boolean;
}

export interface DeclutterOptions {
  /** Pixels kept clear around every label shown. */
  gap?: number;
  /** A box that reaches past these bounds is hidden (no label cut at an image edge). */
  bounds?: { x1: number; y1: number; x2: number; y2: number };
  /** A label is moved only to a place inside these bounds (the view: a label is not moved out of sight). */
  alternativesWithin?: { x1: number; y1: number; x2: number; y2: number };
  /** What a label moved to an alternative place must not cover (the actors' shapes), but its own. */
  obstacles?: readonly (LabelSpot & { id: string })[];
  /**
   * A label whose own place covers an obstacle moves to a free alternative
   * that covers none, if there is one (else it stays). For actors resized
   * after the layout: the layout left room for each name at the usual size,
   * so only then can a name's own place fall on another actor.
   */
  ownPlaceAvoidsObstacles?: boolean;
}

/** Which labels are hidden, and which are drawn in an alternative place (its index in `alternatives`). */
export interface LabelPlacement {
  hidden: Set<string>;
  moved: Map<string, number>;
}

/** Grid cell side in pixels: about one short label, so each box touches a few cells. */
const CELL = 64;

function cornersOf(box: LabelSpot): readonly (readonly [number, number])[] {
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

function overlaps(a: LabelSpot, b: LabelSpot, gap: number): boolean {
  const boxesClash = a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
  if (!boxesClash || (!a.corners && !b.corners)) return boxesClash;
  return polygonsClash(cornersOf(a), cornersOf(b), gap);
}

function inside(box: LabelSpot, bounds: NonNullable<DeclutterOptions['bounds']>): boolean {
  return box.x1 >= bounds.x1 && box.y1 >= bounds.y1 && box.x2 <= bounds.x2 && box.y2 <= bounds.y2;
}

/**
 * Returns the ids of the labels to hide. Labels are taken by priority
 * (ties by id, so the answer does not depend on the input order); each is
 * shown unless it overlaps one already shown or leaves the bounds.
 */
export function labelsToHide(boxes: readonly LabelBox[], options: DeclutterOptions = {}): Set<string> {
  return placeLabels(boxes, options).hidden;
}

/** Labels shown so far, by grid cell. */
class ShownLabels {
  private readonly grid = new Map<string, (LabelSpot & { id?: string })[]>();
  constructor(private readonly gap: number) {}

  private cellsOf(spot: LabelSpot): string[] {
    const cells: string[] = [];
    for (let cx = Math.floor((spot.x1 - this.gap) / CELL); cx <= Math.floor((spot.x2 + this.gap) / CELL); cx++) {
      for (let cy = Math.floor((spot.y1 - this.gap) / CELL); cy <= Math.floor((spot.y2 + this.gap) / CELL); cy++) {
        cells.push(`${cx},${cy}`);
      }
    }
    return cells;
  }

  /** Whether a spot comes within the gap of one shown (other than the one of `ownId`). */
  clashes(spot: LabelSpot, ownId?: string): boolean {
    return this.cellsOf(spot).some((key) =>
      (this.grid.get(key) ?? []).some(
        (shown) => (ownId === undefined || shown.id !== ownId) && overlaps(spot, shown, this.gap),
      ),
    );
  }

  add(spot: LabelSpot & { id?: string }): void {
    for (const key of this.cellsOf(spot)) {
      const bucket = this.grid.get(key);
      if (bucket) bucket.push(spot);
      else this.grid.set(key, [spot]);
    }
  }
}

/**
 * Like labelsToHide, and a label whose place is taken is drawn in the first
 * of its alternative places that is free (and covers no obstacle) instead of
 * being hidden. A label that makes room takes, of its free places, the one
 * that overlaps the own places of the least important labels still to come.
 */
export function placeLabels(boxes: readonly LabelBox[], options: DeclutterOptions = {}): LabelPlacement {
  const gap = options.gap ?? 0;
  const order = [...boxes].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const shown = new ShownLabels(gap);
  const obstacles = new ShownLabels(gap);
  for (const obstacle of options.obstacles ?? []) obstacles.add(obstacle);
  const hidden = new Set<string>();
  const moved = new Map<string, number>();
  for (const [position, box] of order.entries()) {
    const spots = [box, ...(box.alternatives ?? [])];
    const free = spots
      .map((spot, i) => ({ spot, i }))
      .filter(
        ({ spot, i }) =>
          (!options.bounds || inside(spot, options.bounds)) &&
          !shown.clashes(spot) &&
          (i === 0 ||
            ((!options.alternativesWithin || inside(spot, options.alternativesWithin)) &&
              !obstacles.clashes(spot, box.id))),
      );
    if (options.ownPlaceAvoidsObstacles && free.length > 1 && free[0]?.i === 0 && obstacles.clashes(box, box.id)) {
      free.shift();
    }
    let chosen = free[0];
    if (box.makeRoom && free.length > 1) {
      const later = order.slice(position + 1);
      // The labels a spot would block, weighed by their priority: one of the selection's relations outweighs any
      // number of names outside its neighbourhood.
      const blocked = (spot: LabelSpot) =>
        later.reduce((sum, other) => sum + (overlaps(spot, other, gap) ? Math.max(other.priority, 1) : 0), 0);
      const counts = free.map(({ spot }) => blocked(spot));
      chosen = free[counts.indexOf(Math.min(...counts))];
    }
    if (!chosen) {
      hidden.add(box.id);
      continue;
    }
    shown.add(chosen.spot);
    if (chosen.i > 0) moved.set(box.id, chosen.i - 1);
  }
  return { hidden, moved };
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
