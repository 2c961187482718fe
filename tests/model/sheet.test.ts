import { describe, expect, it } from 'vitest';
import { cellPlace, columnLetters } from '../../src/model/sheet.ts';

describe('cells named as a spreadsheet names them', () => {
  it('columns A to Z, then AA, AZ, BA and on', () => {
    expect([0, 1, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('a cell is its file, its line (the header is line 1) and its column', () => {
    expect(cellPlace('actors.csv', 11, 2)).toBe('actors.csv:12:C');
  });
});
