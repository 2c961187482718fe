import { describe, expect, it } from 'vitest';
import type { Sheet } from '../../src/model/sheet.ts';
import { formatSheetProblem, graphToSheets, sheetsToGraph } from '../../src/model/sheets.ts';
import { loadShippedGraph } from './shipped.ts';

const SHIPPED_SHEETS = graphToSheets(loadShippedGraph());

/** The shipped sheets with some cells changed: [sheet, row, column, text]. */
function withCells(...changes: [string, number, number, string][]): Sheet[] {
  const sheets = SHIPPED_SHEETS.map((sheet) => ({ name: sheet.name, rows: sheet.rows.map((row) => [...row]) }));
  for (const [name, row, column, text] of changes) {
    const sheet = sheets.find((candidate) => candidate.name === name);
    const cells = sheet?.rows[row];
    if (!cells) throw new Error(`no row ${row} in ${name}`);
    cells[column] = text;
  }
  return sheets;
}

function problemsOf(sheets: Sheet[]): string[] {
  const result = sheetsToGraph(sheets);
  return result.problems.map(formatSheetProblem);
}

describe('a sheet with mistakes says where each one is, all at once', () => {
  it('a kind with a space in it points at the cell and suggests the kind meant', () => {
    expect(problemsOf(withCells(['actors', 11, 2, 'armed group']))).toEqual([
      'actors.csv:12:C kind: no kind "armed group" (did you mean "armed-group"?)',
    ]);
  });

  it('several mistakes in several sheets are all listed, and nothing is imported', () => {
    const result = sheetsToGraph(
      withCells(['actors', 2, 2, 'persn'], ['evidence', 3, 6, '7'], ['types', 1, 4, 'yes'], ['sources', 1, 6, 'd']),
    );
    expect(result.ok).toBe(false);
    expect(result.problems.map(formatSheetProblem)).toEqual([
      'types.csv:2:E directed: "yes" is not true or false',
      'sources.csv:2:G reliability: no reliability "d" (did you mean "D"?); one of A, B, C, D, E, F',
      'evidence.csv:4:G credibility: no credibility "7"; one of 1, 2, 3, 4, 5, 6',
      'actors.csv:3:C kind: no kind "persn" (did you mean "person"?)',
    ]);
  });

  it('an unknown column is a warning at its header, with the column meant', () => {
    const sheets = withCells(['actors', 0, 4, 'sumary']);
    const result = sheetsToGraph(sheets);
    expect(result.problems.map(formatSheetProblem)).toEqual([
      'actors.csv:1:E sumary: unknown column "sumary"; its cells are not read (did you mean "summary"?)',
    ]);
    expect(result.ok).toBe(true);
  });

  it('a missing column and an empty required cell', () => {
    expect(problemsOf(withCells(['actors', 0, 2, 'type'], ['relations', 5, 2, '']))).toEqual([
      'actors.csv:1 kind: no "kind" column; the actors sheet needs id, label, kind',
      'relations.csv:6:C from: empty; a relation needs one',
      'actors.csv:1:C type: unknown column "type"; its cells are not read',
    ]);
  });

  it('an evidence row for an actor that is not there, and a duplicate id', () => {
    const actors = SHIPPED_SHEETS.find((sheet) => sheet.name === 'actors')?.rows ?? [];
    const problems = problemsOf(withCells(['evidence', 2, 0, 'kadhimy'], ['actors', 3, 0, actors[2]?.[0] ?? '']));
    expect(problems.slice(0, 2)).toEqual([
      `actors.csv:4:A id: "${actors[2]?.[0]}" is already the id of the actor on row 3 of the actors sheet`,
      'evidence.csv:3:A owner: no actor or relation "kadhimy" (did you mean "kadhimi"?)',
    ]);
    // The actor whose id was overwritten is gone: what named it says so.
    expect(problems).toContain(`relations.csv:9:C from: no actor "${actors[3]?.[0]}"`);
  });

  it('a relation whose evidence rows are all gone is pointed at by its id', () => {
    const relations = SHIPPED_SHEETS.find((sheet) => sheet.name === 'relations')?.rows ?? [];
    const id = relations[1]?.[0] ?? '';
    const sheets = withCells();
    const evidence = sheets.find((sheet) => sheet.name === 'evidence');
    if (evidence) evidence.rows = evidence.rows.filter((row) => row[0] !== id);
    expect(problemsOf(sheets)).toEqual([
      `relations.csv:2:A id: no evidence row names this relation; every relation needs at least one`,
    ]);
  });

  it('a relation to an actor that is not there, a source not listed, an unknown sheet', () => {
    const sheets = [
      ...withCells(['relations', 1, 3, 'nobody'], ['evidence', 1, 1, 'reuters']),
      { name: 'notes', rows: [['x']] },
    ];
    const problems = problemsOf(sheets);
    expect(problems).toEqual([
      'relations.csv:2:D to: no actor "nobody"',
      'evidence.csv:2:B source: no source "reuters"',
      'notes.csv: unknown sheet "notes"; the sheets are ' +
        'graph, kinds, types, sources, actors, relations, evidence, positions',
    ]);
  });

  it('what only the file validator catches is still placed at its cell (a date that is no date)', () => {
    expect(problemsOf(withCells(['relations', 1, 4, 'yesterday']))).toEqual([
      'relations.csv:2:E date: "yesterday" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or START/END',
    ]);
  });

  it('a sheet that is missing altogether is named', () => {
    const sheets = SHIPPED_SHEETS.filter((sheet) => sheet.name !== 'kinds');
    expect(problemsOf(sheets)[0]).toBe('kinds.csv: no kinds sheet; a graph needs one');
  });
});

describe('a hostile sheet', () => {
  it('100,000 bad rows and a 1 MB cell are answered within seconds, with a bounded list', () => {
    const sheets = withCells(['evidence', 1, 2, 'x'.repeat(1_000_000)]);
    const actors = sheets.find((sheet) => sheet.name === 'actors');
    for (let row = 0; row < 100_000; row++) actors?.rows.push([`a${row}`, 'A', 'no-such-kind']);
    const started = performance.now();
    const result = sheetsToGraph(sheets);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.ok).toBe(false);
    expect(result.problems.length).toBe(200);
    expect(result.omitted).toBeGreaterThan(9_000);
  });

  it('a 1 MB quote is refused at its cell, shortened in the message', () => {
    const problems = problemsOf(withCells(['evidence', 1, 2, 'x'.repeat(1_000_000)]));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.startsWith('evidence.csv:2:C quote: ')).toBe(true);
    expect(problems[0]?.length).toBeLessThan(300);
  });
});
