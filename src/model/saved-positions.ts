// The positions a graph file saves for its actors (`layout.positions`): a
// curated picture opens as it was left, and an edit that moves an actor (or
// the undo of a move) moves it on screen too.

import type { Graph, Position } from './graph.ts';

/** An actor's saved position, if the file has a usable one (two finite numbers). */
export function savedPosition(graph: Graph | null, actorId: string): Position | undefined {
  const positions = graph?.layout?.positions;
  if (!positions || !Object.hasOwn(positions, actorId)) return undefined;
  const position = positions[actorId];
  return position && Number.isFinite(position.x) && Number.isFinite(position.y) ? position : undefined;
}

/**
 * Whether an actor's saved position is different in `next` from `previous`:
 * only then does an update move the actor there. An actor whose position is
 * the same (or has none now) stays where it is on screen, where the analyst
 * may have dragged it.
 */
export function savedPositionChanged(previous: Graph | null, next: Graph, actorId: string): boolean {
  const now = savedPosition(next, actorId);
  if (!now) return false;
  const before = savedPosition(previous, actorId);
  return !before || before.x !== now.x || before.y !== now.y;
}

/** A position to save: rounded to 0.1 (finer than a pixel at any zoom the view allows), never -0. */
export function roundedPosition(position: Position): Position {
  const round = (value: number) => Math.round(value * 10) / 10 + 0;
  return { x: round(position.x), y: round(position.y) };
}
