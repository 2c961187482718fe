// Edges of the alternative label places (placeLabels in src/model/label-declutter.ts): each test kills a mutant
// that the story tests in label-declutter.test.ts let through (docs/mutation-equivalents.md).
import { describe, expect, it } from 'vitest';
import { type LabelBox, placeLabels } from '../../src/model/label-declutter.ts';

const box = (id: string, x1: number, y1: number, changes: Partial<LabelBox> = {}): LabelBox => ({
  id,
  x1,
  y1,
  x2: x1 + 40,
  y2: y1 + 10,
  priority: 1,
  ...changes,
});

describe('placeLabels at its edges', () => {
  it('a label in its own place is drawn even over another actor’s shape: only moved labels avoid shapes', () => {
    const name = box('a', 0, 0);
    const result = placeLabels([name], { obstacles: [{ id: 'b', x1: 10, y1: 0, x2: 20, y2: 10 }] });
    expect(result.hidden).toEqual(new Set());
    expect(result.moved).toEqual(new Map());
  });

  it('a label touching the top edge of the bounds exactly is inside them', () => {
    const result = placeLabels([box('a', 10, 0)], { bounds: { x1: 0, y1: 0, x2: 100, y2: 100 } });
    expect(result.hidden).toEqual(new Set());
  });

  it('a label that does not make room keeps its own place when it is free, whatever it blocks', () => {
    const first = box('a', 0, 0, { priority: 2, alternatives: [{ x1: 0, y1: 50, x2: 40, y2: 60 }] });
    const second = box('b', 0, 0, { priority: 1 });
    const result = placeLabels([first, second]);
    expect(result.moved).toEqual(new Map());
    expect(result.hidden).toEqual(new Set(['b']));
  });

  it('a label that makes room, with nothing after it, stays in its own place (it does not count itself)', () => {
    const alone = box('a', 0, 0, { makeRoom: true, alternatives: [{ x1: 0, y1: 50, x2: 40, y2: 60 }] });
    expect(placeLabels([alone]).moved).toEqual(new Map());
  });

  it('a label that makes room moves off a later label’s place when another of its places is free', () => {
    const first = box('a', 0, 0, { priority: 2, makeRoom: true, alternatives: [{ x1: 0, y1: 50, x2: 40, y2: 60 }] });
    const second = box('b', 0, 0, { priority: 1 });
    const result = placeLabels([first, second]);
    expect(result.moved).toEqual(new Map([['a', 0]]));
    expect(result.hidden).toEqual(new Set());
  });
});
