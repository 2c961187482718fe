import { describe, expect, it } from 'vitest';
import { gridMove } from '../../src/model/roving.ts';

const cell = (row: number, column: number) => ({ row, column });

describe('gridMove in a grid of rows (the relation table: 5 rows of 3 buttons)', () => {
  it('Up and Down move between rows, keeping the column', () => {
    expect(gridMove('ArrowDown', cell(1, 2), 5, 3)).toEqual(cell(2, 2));
    expect(gridMove('ArrowUp', cell(1, 2), 5, 3)).toEqual(cell(0, 2));
  });

  it('Left and Right move between columns, keeping the row', () => {
    expect(gridMove('ArrowRight', cell(3, 0), 5, 3)).toEqual(cell(3, 1));
    expect(gridMove('ArrowLeft', cell(3, 1), 5, 3)).toEqual(cell(3, 0));
  });

  it('stops at the edges', () => {
    expect(gridMove('ArrowUp', cell(0, 1), 5, 3)).toEqual(cell(0, 1));
    expect(gridMove('ArrowDown', cell(4, 1), 5, 3)).toEqual(cell(4, 1));
    expect(gridMove('ArrowLeft', cell(2, 0), 5, 3)).toEqual(cell(2, 0));
    expect(gridMove('ArrowRight', cell(2, 2), 5, 3)).toEqual(cell(2, 2));
  });

  it('Home and End go to the first and last row', () => {
    expect(gridMove('Home', cell(3, 1), 5, 3)).toEqual(cell(0, 1));
    expect(gridMove('End', cell(1, 2), 5, 3)).toEqual(cell(4, 2));
  });

  it('other keys are not movements', () => {
    for (const key of ['Enter', ' ', 'Tab', 'PageDown', 'a', 'Up']) expect(gridMove(key, cell(1, 1), 5, 3)).toBeNull();
  });

  it('a cell outside a grid that has shrunk is brought back inside first', () => {
    expect(gridMove('ArrowUp', cell(9, 7), 5, 3)).toEqual(cell(3, 2));
    expect(gridMove('ArrowDown', cell(-3, -1), 5, 3)).toEqual(cell(1, 0));
    expect(gridMove('ArrowRight', cell(9, -4), 5, 3)).toEqual(cell(4, 1));
    expect(gridMove('ArrowLeft', cell(9, 7), 5, 3)).toEqual(cell(4, 1));
    expect(gridMove('Home', cell(2, 7), 5, 3)).toEqual(cell(0, 2));
    expect(gridMove('End', cell(-2, -7), 5, 3)).toEqual(cell(4, 0));
  });

  it('an empty grid has nowhere to go', () => {
    expect(gridMove('ArrowDown', cell(0, 0), 0, 3)).toBeNull();
    expect(gridMove('ArrowDown', cell(0, 0), 5, 0)).toBeNull();
  });
});

describe('gridMove in a single row (a toolbar)', () => {
  it('Home and End go to the first and last control', () => {
    expect(gridMove('Home', cell(0, 1), 1, 2)).toEqual(cell(0, 0));
    expect(gridMove('End', cell(0, 0), 1, 2)).toEqual(cell(0, 1));
    expect(gridMove('ArrowRight', cell(0, 0), 1, 2)).toEqual(cell(0, 1));
    expect(gridMove('ArrowDown', cell(0, 0), 1, 2)).toEqual(cell(0, 0));
  });

  it('in a single column, Home and End go to the first and last row', () => {
    expect(gridMove('Home', cell(2, 0), 4, 1)).toEqual(cell(0, 0));
    expect(gridMove('End', cell(0, 0), 4, 1)).toEqual(cell(3, 0));
    expect(gridMove('Home', cell(0, 0), 1, 1)).toEqual(cell(0, 0));
    expect(gridMove('End', cell(0, 0), 1, 1)).toEqual(cell(0, 0));
  });
});
