import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, sheetToCsv } from '../../src/io/csv.ts';
import { applyEdit } from '../../src/model/edit.ts';
import type { Graph } from '../../src/model/graph.ts';
import { graphToSheets, sheetsToGraph } from '../../src/model/sheets.ts';
import { loadShippedGraph } from './shipped.ts';

const shipped = loadShippedGraph();

/** The shipped graph without some actors (and what cannot stand without them) and some relations. */
function dropped(actorIndexes: number[], relationIndexes: number[]): Graph {
  let graph = shipped;
  const ids = [
    ...actorIndexes.map((index) => ({ op: 'remove-actor' as const, id: shipped.actors[index]?.id ?? '' })),
    ...relationIndexes.map((index) => ({ op: 'remove-relation' as const, id: shipped.relations[index]?.id ?? '' })),
  ];
  for (const op of ids) {
    const result = applyEdit(graph, op);
    if (result.ok) graph = result.graph;
  }
  return graph;
}

describe('any graph made from the shipped one by dropping items survives the trip through CSV sheets', () => {
  it('comes back equal', () => {
    const indexes = (length: number) => fc.uniqueArray(fc.nat(length - 1), { maxLength: 8 });
    fc.assert(
      fc.property(indexes(shipped.actors.length), indexes(shipped.relations.length), (actors, relations) => {
        const graph = dropped(actors, relations);
        const sheets = graphToSheets(graph).map((sheet) => ({
          name: sheet.name,
          rows: parseCsv(sheetToCsv(sheet.rows)),
        }));
        const result = sheetsToGraph(sheets);
        expect(result.ok && result.graph).toEqual(graph);
      }),
      { numRuns: 25 },
    );
  });
});
