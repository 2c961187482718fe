import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, sheetToCsv } from '../../src/io/csv.ts';
import type { Graph } from '../../src/model/graph.ts';
import { graphToJson } from '../../src/model/graph-json.ts';
import type { Sheet } from '../../src/model/sheet.ts';
import { formatSheetProblem, graphToSheets, SHEET_COLUMNS, sheetsToGraph } from '../../src/model/sheets.ts';
import { loadShippedGraph } from './shipped.ts';

const SHIPPED_TEXT = readFileSync(join(import.meta.dirname, '..', '..', 'graph', 'kadhimi-2021.json'), 'utf8');

/** Each sheet written as CSV and read back, as an analyst's export and re-import does. */
function throughCsv(sheets: readonly Sheet[]): Sheet[] {
  return sheets.map((sheet) => ({ name: sheet.name, rows: parseCsv(sheetToCsv(sheet.rows)) }));
}

function imported(graph: Graph): Graph {
  const result = sheetsToGraph(throughCsv(graphToSheets(graph)));
  if (!result.ok) throw new Error(result.problems.map(formatSheetProblem).join('\n'));
  return result.graph;
}

describe('the shipped graph exported as CSV sheets and imported again', () => {
  it('comes back as the same graph, and saves to the same bytes as the shipped file', () => {
    const shipped = loadShippedGraph();
    const back = imported(shipped);
    expect(back).toEqual(shipped);
    expect(graphToJson(back)).toBe(SHIPPED_TEXT);
  });

  it('has one sheet per list of the file, each headed by the documented columns', () => {
    const sheets = graphToSheets(loadShippedGraph());
    expect(sheets.map((sheet) => sheet.name)).toEqual([
      'graph',
      'kinds',
      'types',
      'sources',
      'actors',
      'relations',
      'evidence',
    ]);
    for (const sheet of sheets) expect(sheet.rows[0]).toEqual(SHEET_COLUMNS[sheet.name as keyof typeof SHEET_COLUMNS]);
    expect(sheets.find((sheet) => sheet.name === 'evidence')?.rows.length).toBe(177);
  });
});

describe('cells a spreadsheet would take for formulas or blanks', () => {
  const shipped = loadShippedGraph();
  const [first, ...rest] = shipped.actors;
  if (!first) throw new Error('the shipped graph has actors');
  const firstItem = first.evidence[0];
  if (!firstItem) throw new Error('the shipped actor has evidence');
  const tricky: Graph = {
    ...shipped,
    actors: [
      {
        ...first,
        aliases: [],
        evidence: [
          { ...firstItem, quote: '- 40 killed, said the ministry', claimant: null, note: "'=not a formula" },
          { ...firstItem, quote: '=SUM(A1:A2)', attributedTo: '@spokesman', stance: 'contradicts' },
        ],
      },
      ...rest,
    ],
    layout: { positions: { [first.id]: { x: -12.5, y: 1e-7 } } },
  };

  it('a quote that starts with "-" is written with a \' before it and read back without', () => {
    const evidence = graphToSheets(tricky).find((sheet) => sheet.name === 'evidence');
    const csv = sheetToCsv(evidence?.rows ?? []);
    expect(csv).toContain(`"'- 40 killed, said the ministry"`);
    expect(imported(tricky)).toEqual(tricky);
  });

  it('a claimant of null is written (none), an empty list of other names too, and both come back', () => {
    const sheets = graphToSheets(tricky);
    expect(sheets.find((sheet) => sheet.name === 'evidence')?.rows[1]?.[4]).toBe('(none)');
    expect(sheets.find((sheet) => sheet.name === 'actors')?.rows[1]?.[3]).toBe('(none)');
    const back = imported(tricky);
    expect(back.actors[0]?.evidence[0]?.claimant).toBeNull();
    expect(back.actors[0]?.aliases).toEqual([]);
  });

  it('saved positions get a positions sheet and come back as numbers', () => {
    const positions = graphToSheets(tricky).find((sheet) => sheet.name === 'positions');
    expect(positions?.rows).toEqual([
      ['actor', 'x', 'y'],
      [first.id, '-12.5', '1e-7'],
    ]);
    expect(imported(tricky).layout).toEqual(tricky.layout);
    expect(imported({ ...tricky, layout: { positions: {} } }).layout).toEqual({ positions: {} });
  });

  it("a cell that really starts with '= keeps its ' through CSV", () => {
    expect(parseCsv(sheetToCsv([["'=x", '-1', "'a", '@b']]))).toEqual([["'=x", '-1', "'a", '@b']]);
  });
});
