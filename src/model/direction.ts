// Moving the selection through the graph with the arrow keys: which actor an
// arrow leads to from where the selection is drawn. Positions are on screen
// (px, y grows downwards); only directions and distances matter, so the same
// answer holds at any zoom and pan.

export type Direction = 'up' | 'down' | 'left' | 'right';

export interface Point {
  x: number;
  y: number;
}

/** An actor where it is drawn. */
export interface PlacedActor extends Point {
  id: string;
}

const ARROW_KEYS: ReadonlyMap<string, Direction> = new Map([
  ['ArrowUp', 'up'],
  ['ArrowDown', 'down'],
  ['ArrowLeft', 'left'],
  ['ArrowRight', 'right'],
]);

/** The direction of an arrow key (a KeyboardEvent's `key`), or null for any other key. */
export function arrowDirection(key: string): Direction | null {
  return ARROW_KEYS.get(key) ?? null;
}

const UNIT: Readonly<Record<Direction, Point>> = {
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
};

/**
 * The actor nearest to `from` in a direction. An actor is in that direction
 * when it lies within 45° of it (each arrow has its own quarter of the
 * screen; one exactly on a diagonal belongs to both arrows); among those,
 * the nearest in a straight line wins, ties to the smaller sideways offset,
 * then to the id. An actor drawn where `from` is, is in no direction.
 */
export function nearestInDirection(
  from: Point,
  candidates: readonly PlacedActor[],
  direction: Direction,
): PlacedActor | null {
  const unit = UNIT[direction];
  let best: { actor: PlacedActor; distance: number; sideways: number } | null = null;
  for (const actor of candidates) {
    const dx = actor.x - from.x;
    const dy = actor.y - from.y;
    const along = dx * unit.x + dy * unit.y;
    const sideways = Math.abs(dx * unit.y - dy * unit.x);
    if (along <= 0 || sideways > along) continue;
    const distance = Math.hypot(dx, dy);
    if (
      best === null ||
      distance < best.distance ||
      (distance === best.distance &&
        (sideways < best.sideways || (sideways === best.sideways && actor.id < best.actor.id)))
    ) {
      best = { actor, distance, sideways };
    }
  }
  return best?.actor ?? null;
}

/** The actor drawn closest to a point (ties to the smaller id), or null when there is none. */
export function closestTo(point: Point, candidates: readonly PlacedActor[]): PlacedActor | null {
  let best: { actor: PlacedActor; distance: number } | null = null;
  for (const actor of candidates) {
    const distance = Math.hypot(actor.x - point.x, actor.y - point.y);
    if (best === null || distance < best.distance || (distance === best.distance && actor.id < best.actor.id)) {
      best = { actor, distance };
    }
  }
  return best?.actor ?? null;
}

/**
 * Where an arrow key takes the selection: along a drawn relation when one
 * leads that way (the nearest actor linked to the selection in that
 * direction), otherwise to the nearest actor in that direction; null when
 * nothing lies that way. `linked` names the actors joined to the selection
 * by a relation that is drawn; the selection itself is never a candidate.
 */
export function arrowStep(
  from: Point & { id?: string },
  candidates: readonly PlacedActor[],
  linked: ReadonlySet<string>,
  direction: Direction,
): PlacedActor | null {
  const others = candidates.filter((actor) => actor.id !== from.id);
  const alongRelation = nearestInDirection(
    from,
    others.filter((actor) => linked.has(actor.id)),
    direction,
  );
  return alongRelation ?? nearestInDirection(from, others, direction);
}
