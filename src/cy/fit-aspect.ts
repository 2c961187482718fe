// Stretches a finished layout along its short axis so that its shape matches
// the window it is shown in: a wide layout in a square window would otherwise
// be fitted at a zoom where labels are too small to read. Stretching only ever
// moves nodes apart, so it cannot create an overlap. Pure.

import type { Positions } from './layout.ts';

/** The most a layout is stretched: beyond it the picture distorts too much. */
export const MAX_STRETCH = 2.5;

export function stretchToAspect(positions: Positions, targetWidth: number, targetHeight: number): Positions {
  const points = Object.values(positions);
  if (points.length < 2 || targetWidth <= 0 || targetHeight <= 0) return positions;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const width = Math.max(...xs) - Math.min(...xs);
  const height = Math.max(...ys) - Math.min(...ys);
  if (width <= 0 || height <= 0) return positions;
  const target = targetWidth / targetHeight;
  const aspect = width / height;
  const stretchX = aspect < target ? Math.min(MAX_STRETCH, target / aspect) : 1;
  const stretchY = aspect > target ? Math.min(MAX_STRETCH, aspect / target) : 1;
  if (stretchX === 1 && stretchY === 1) return positions;
  const centreX = (Math.max(...xs) + Math.min(...xs)) / 2;
  const centreY = (Math.max(...ys) + Math.min(...ys)) / 2;
  const stretched: Positions = {};
  for (const [id, p] of Object.entries(positions)) {
    stretched[id] = { x: centreX + (p.x - centreX) * stretchX, y: centreY + (p.y - centreY) * stretchY };
  }
  return stretched;
}
