// The positions a file saves: which are usable, when an edit has changed one
// (only then does the actor move on screen), and how a position is rounded to be saved.
import { describe, expect, it } from 'vitest';
import type { Graph, Position } from '../../src/model/graph.ts';
import { roundedPosition, savedPosition, savedPositionChanged } from '../../src/model/saved-positions.ts';

const graph = (positions?: Record<string, Position>): Graph => ({
  title: 't',
  updated: '2024-01-01',
  actorKinds: [],
  relationTypes: [],
  sources: [],
  actors: [],
  relations: [],
  ...(positions ? { layout: { positions } } : {}),
});

describe('savedPosition', () => {
  it('is the saved position of an actor, and none for a file without a layout or an actor without one', () => {
    const saved = graph({ ali: { x: 1, y: -2 } });
    expect(savedPosition(saved, 'ali')).toEqual({ x: 1, y: -2 });
    expect(savedPosition(saved, 'bea')).toBeUndefined();
    expect(savedPosition(graph(), 'ali')).toBeUndefined();
    expect(savedPosition(null, 'ali')).toBeUndefined();
  });

  it('ignores positions that are not two finite numbers, and names of Object.prototype', () => {
    const odd = graph({ nan: { x: Number.NaN, y: 0 }, far: { x: 0, y: Number.POSITIVE_INFINITY } });
    expect(savedPosition(odd, 'nan')).toBeUndefined();
    expect(savedPosition(odd, 'far')).toBeUndefined();
    expect(savedPosition(odd, 'constructor')).toBeUndefined();
    expect(savedPosition(odd, '__proto__')).toBeUndefined();
  });
});

describe('savedPositionChanged', () => {
  const before = graph({ ali: { x: 1, y: 2 }, bea: { x: 3, y: 4 } });

  it('is true when the position moved, on either axis, or is new', () => {
    expect(savedPositionChanged(before, graph({ ali: { x: 1.5, y: 2 } }), 'ali')).toBe(true);
    expect(savedPositionChanged(before, graph({ ali: { x: 1, y: 2.5 } }), 'ali')).toBe(true);
    expect(savedPositionChanged(before, graph({ cem: { x: 0, y: 0 } }), 'cem')).toBe(true);
    expect(savedPositionChanged(null, graph({ cem: { x: 0, y: 0 } }), 'cem')).toBe(true);
  });

  it('is false when the position is the same, or there is none now', () => {
    expect(savedPositionChanged(before, graph({ ali: { x: 1, y: 2 } }), 'ali')).toBe(false);
    expect(savedPositionChanged(before, graph({ ali: { x: 1, y: 2 } }), 'bea')).toBe(false);
    expect(savedPositionChanged(before, graph(), 'ali')).toBe(false);
  });
});

describe('roundedPosition', () => {
  it('rounds to 0.1, and never gives -0', () => {
    expect(roundedPosition({ x: 12.345, y: -7.06 })).toEqual({ x: 12.3, y: -7.1 });
    const nearZero = roundedPosition({ x: -0.04, y: -0.05 });
    expect(Object.is(nearZero.x, 0)).toBe(true);
    expect(Object.is(nearZero.y, 0)).toBe(true);
  });
});
