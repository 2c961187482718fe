import { describe, expect, it } from 'vitest';
import {
  arrowDirection,
  arrowStep,
  closestTo,
  type Direction,
  nearestInDirection,
  type PlacedActor,
} from '../../src/model/direction.ts';

const at = (id: string, x: number, y: number): PlacedActor => ({ id, x, y });
const origin = { x: 0, y: 0 };
const ids = (actor: PlacedActor | null) => actor?.id ?? null;

describe('arrowDirection', () => {
  it('maps the four arrow keys, and nothing else', () => {
    expect(arrowDirection('ArrowUp')).toBe('up');
    expect(arrowDirection('ArrowDown')).toBe('down');
    expect(arrowDirection('ArrowLeft')).toBe('left');
    expect(arrowDirection('ArrowRight')).toBe('right');
    for (const key of ['Enter', 'Up', 'arrowup', '', 'toString', 'constructor', '__proto__']) {
      expect(arrowDirection(key), key).toBeNull();
    }
  });
});

describe('nearestInDirection', () => {
  // One actor straight out in each direction, on screen (y grows downwards).
  const compass = [at('north', 0, -10), at('south', 0, 10), at('west', -10, 0), at('east', 10, 0)];

  it('finds the actor drawn in each direction, with y growing down the screen', () => {
    expect(ids(nearestInDirection(origin, compass, 'up'))).toBe('north');
    expect(ids(nearestInDirection(origin, compass, 'down'))).toBe('south');
    expect(ids(nearestInDirection(origin, compass, 'left'))).toBe('west');
    expect(ids(nearestInDirection(origin, compass, 'right'))).toBe('east');
  });

  it('measures from where the selection is drawn, not from the origin', () => {
    const from = { x: 100, y: 50 };
    const actors = [at('a', 90, 50), at('b', 130, 50), at('c', 100, 20), at('d', 100, 95)];
    expect(ids(nearestInDirection(from, actors, 'left'))).toBe('a');
    expect(ids(nearestInDirection(from, actors, 'right'))).toBe('b');
    expect(ids(nearestInDirection(from, actors, 'up'))).toBe('c');
    expect(ids(nearestInDirection(from, actors, 'down'))).toBe('d');
  });

  it('takes the nearest of several in the same direction', () => {
    const actors = [at('far', 50, 0), at('near', 20, 3), at('middle', 30, -1)];
    expect(ids(nearestInDirection(origin, actors, 'right'))).toBe('near');
  });

  it('keeps to a cone of 45° either side: an actor more up than right is up, not right', () => {
    const upAndRight = [at('mostly-up', 9, -10)];
    expect(ids(nearestInDirection(origin, upAndRight, 'right'))).toBeNull();
    expect(ids(nearestInDirection(origin, upAndRight, 'up'))).toBe('mostly-up');
    const rightAndUp = [at('mostly-right', 10, -9)];
    expect(ids(nearestInDirection(origin, rightAndUp, 'right'))).toBe('mostly-right');
    expect(ids(nearestInDirection(origin, rightAndUp, 'up'))).toBeNull();
  });

  it('an actor exactly on a diagonal belongs to both arrows', () => {
    const diagonal = [at('corner', 10, 10)];
    expect(ids(nearestInDirection(origin, diagonal, 'right'))).toBe('corner');
    expect(ids(nearestInDirection(origin, diagonal, 'down'))).toBe('corner');
    expect(ids(nearestInDirection(origin, diagonal, 'left'))).toBeNull();
    expect(ids(nearestInDirection(origin, diagonal, 'up'))).toBeNull();
  });

  it('never goes backwards or sideways, and an actor on the spot is in no direction', () => {
    const actors = [at('behind', -5, 0), at('beside', 0, 5), at('on-the-spot', 0, 0)];
    expect(nearestInDirection(origin, actors, 'right')).toBeNull();
    expect(ids(nearestInDirection(origin, actors, 'down'))).toBe('beside');
    expect(nearestInDirection(origin, [at('on-the-spot', 0, 0)], 'up')).toBeNull();
  });

  it('a near actor in the cone wins over a far one straight ahead', () => {
    const actors = [at('straight', 100, 0), at('slanted', 20, 15)];
    expect(ids(nearestInDirection(origin, actors, 'right'))).toBe('slanted');
  });

  it('at equal distance the straighter one wins, then the smaller id', () => {
    const equal = [at('slanted', 8, 6), at('straight', 10, 0)];
    expect(ids(nearestInDirection(origin, equal, 'right'))).toBe('straight');
    expect(ids(nearestInDirection(origin, [...equal].reverse(), 'right'))).toBe('straight');
    const mirrored = [at('b', 8, 6), at('a', 8, -6)];
    expect(ids(nearestInDirection(origin, mirrored, 'right'))).toBe('a');
    expect(ids(nearestInDirection(origin, [...mirrored].reverse(), 'right'))).toBe('a');
  });

  it('finds nothing among no candidates', () => {
    for (const direction of ['up', 'down', 'left', 'right'] as Direction[]) {
      expect(nearestInDirection(origin, [], direction)).toBeNull();
    }
  });

  it('gives the same answer at any zoom and pan', () => {
    const actors = [at('a', 3, -7), at('b', 12, 2), at('c', -4, -4), at('d', 8, 9), at('e', -11, 3)];
    const from = { x: 1, y: 1 };
    const moved = (p: { x: number; y: number }) => ({ x: p.x * 2.5 + 300, y: p.y * 2.5 - 40 });
    for (const direction of ['up', 'down', 'left', 'right'] as Direction[]) {
      const plain = ids(nearestInDirection(from, actors, direction));
      const zoomed = ids(
        nearestInDirection(
          moved(from),
          actors.map((a) => ({ ...a, ...moved(a) })),
          direction,
        ),
      );
      expect(zoomed, direction).toBe(plain);
    }
  });
});

describe('closestTo', () => {
  it('finds the actor drawn closest to a point, ties to the smaller id', () => {
    const actors = [at('b', 10, 0), at('a', -10, 0), at('c', 3, 4)];
    expect(ids(closestTo(origin, actors))).toBe('c');
    expect(ids(closestTo(origin, actors.slice(0, 2)))).toBe('a');
    expect(ids(closestTo(origin, actors.slice(0, 2).reverse()))).toBe('a');
    expect(ids(closestTo({ x: 9, y: 1 }, actors))).toBe('b');
    expect(closestTo(origin, [])).toBeNull();
  });
});

describe('arrowStep', () => {
  const from = { id: 'me', x: 0, y: 0 };
  const actors = [
    at('me', 0, 0),
    at('near-stranger', 10, 0),
    at('far-friend', 60, 20),
    at('friend-behind', -5, 0),
    at('above', 0, -30),
  ];

  it('follows a drawn relation when one leads that way, even past a nearer actor', () => {
    const linked = new Set(['far-friend', 'friend-behind']);
    expect(ids(arrowStep(from, actors, linked, 'right'))).toBe('far-friend');
    expect(ids(arrowStep(from, actors, linked, 'left'))).toBe('friend-behind');
  });

  it('otherwise goes to the nearest actor that way', () => {
    const linked = new Set(['friend-behind']);
    expect(ids(arrowStep(from, actors, linked, 'right'))).toBe('near-stranger');
    expect(ids(arrowStep(from, actors, linked, 'up'))).toBe('above');
    expect(arrowStep(from, actors, linked, 'down')).toBeNull();
  });

  it('never stays on the selection itself, even when it is linked to itself', () => {
    const onTop = [at('me', 0, 0), at('twin', 0, 0)];
    expect(arrowStep(from, onTop, new Set(['me']), 'right')).toBeNull();
    expect(ids(arrowStep({ x: -1, y: 0 }, onTop, new Set(), 'right'))).toBe('me');
  });
});

describe('closestTo and arrowStep, measured from where the point is', () => {
  it('measures distance from the point on both axes', () => {
    const near = { id: 'near', x: 0, y: 90 };
    const far = { id: 'far', x: 0, y: -95 };
    expect(closestTo({ x: 0, y: 100 }, [far, near])?.id).toBe('near');
    expect(
      closestTo({ x: 100, y: 0 }, [
        { id: 'w', x: -95, y: 0 },
        { id: 'e', x: 90, y: 0 },
      ])?.id,
    ).toBe('e');
  });

  it('never steps to the selection itself, even when its drawn place has moved since', () => {
    const stale = { id: 'self', x: 50, y: 0 };
    const other = { id: 'other', x: 80, y: 0 };
    expect(arrowStep({ id: 'self', x: 0, y: 0 }, [stale, other], new Set(), 'right')?.id).toBe('other');
  });
});
