import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexGraph } from '../../src/model/queries.ts';
import { relationRows, sortRows, type TableColumn } from '../../src/model/table.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();
const index = indexGraph(graph);
const allRows = relationRows(graph, index, new Set(graph.relations.map((r) => r.id)));

describe('the rows of the relation table', () => {
  it('are the visible relations, in file order, with labels, date and each publisher once', () => {
    const rows = relationRows(graph, index, new Set(['drone-attack-targeted-kadhimi', 'qaani-leads-quds-force']));
    expect(rows).toEqual([
      {
        id: 'qaani-leads-quds-force',
        fromId: 'qaani',
        from: 'Esmail Qaani',
        type: 'leads',
        toId: 'quds-force',
        to: 'Quds Force',
        date: '2021-11',
        sources: 'Global Research (D)',
        evidenceCount: 1,
        corroboration: '1 source, 1 claimant',
        // One publisher, one supporting item (50 + 1), best grade D2 (2 x 10 + 7 - 2).
        corroborationRank: 1 * 10_000 + 51 * 100 + 25,
      },
      {
        id: 'drone-attack-targeted-kadhimi',
        fromId: 'drone-attack-2021-11-07',
        from: 'Drone attack on Kadhimi’s residence (7 Nov 2021)',
        type: 'targeted',
        toId: 'kadhimi',
        to: 'Mustafa al-Kadhimi',
        date: '2021-11-07',
        sources: 'International South Connect (D); Global Research (D)',
        evidenceCount: 6,
        corroboration: '2 sources, 3 claimants',
        corroborationRank: 2 * 10_000 + 56 * 100 + 25,
      },
    ]);
  });

  it('an undated relation has an empty date', () => {
    const [row] = relationRows(graph, index, new Set(['iran-backs-pmf']));
    expect(row?.date).toBe('');
  });

  it('nothing visible, no rows', () => {
    expect(relationRows(graph, index, new Set())).toEqual([]);
  });
});

describe('sorting the relation table', () => {
  it('by corroboration: more independent sources first when descending, then more support, then grade', () => {
    const rows = relationRows(
      graph,
      index,
      new Set([
        'qaani-leads-quds-force',
        'drone-attack-targeted-kadhimi',
        'asaib-ahl-al-haq-suspected-of-drone-attack',
      ]),
    );
    expect(sortRows(rows, 'corroboration', false).map((row) => row.id)).toEqual([
      'drone-attack-targeted-kadhimi',
      'qaani-leads-quds-force',
      'asaib-ahl-al-haq-suspected-of-drone-attack',
    ]);
  });

  it('dates sort by the first day they mean, a month before a day later in it', () => {
    const rows = relationRows(
      graph,
      index,
      new Set(['qaani-met-kadhimi', 'qaani-leads-quds-force', 'kadhimi-leads-iraq', 'united-states-invaded-iraq']),
    );
    expect(sortRows(rows, 'date', true).map((r) => r.date)).toEqual([
      '2003',
      '2020-05-06/2021-11-11',
      '2021-11',
      '2021-11-07',
    ]);
    expect(sortRows(rows, 'date', false).map((r) => r.date)).toEqual([
      '2021-11-07',
      '2021-11',
      '2020-05-06/2021-11-11',
      '2003',
    ]);
  });

  it('the order does not depend on the order the rows came in, ties included', () => {
    const columns: TableColumn[] = ['from', 'type', 'to', 'date', 'sources'];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(allRows, { minLength: allRows.length }),
        fc.constantFrom(...columns),
        fc.boolean(),
        (shuffled, column, ascending) => {
          expect(sortRows(shuffled, column, ascending)).toEqual(sortRows(allRows, column, ascending));
        },
      ),
    );
  });

  it('rows with the same value are in id order, whichever way the column sorts', () => {
    for (const ascending of [true, false]) {
      const tied = sortRows(allRows, 'to', ascending)
        .filter((r) => r.toId === 'kadhimi')
        .map((r) => r.id);
      expect(tied).toEqual([...tied].sort());
      expect(tied).toHaveLength(10);
    }
  });

  it('does not reorder the rows it was given', () => {
    const before = allRows.map((r) => r.id);
    sortRows(allRows, 'from', false);
    expect(allRows.map((r) => r.id)).toEqual(before);
  });
});
