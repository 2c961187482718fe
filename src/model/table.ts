// Rows of the relation table, and their order. Pure.

import { parseDateOrRange } from './dates.ts';
import type { Graph } from './graph.ts';
import type { GraphIndex } from './queries.ts';

export type TableColumn = 'from' | 'type' | 'to' | 'date' | 'sources';

export interface RelationRow {
  id: string;
  fromId: string;
  from: string;
  type: string;
  toId: string;
  to: string;
  date: string;
  /** Publishers of the sources cited, with the number of evidence items. */
  sources: string;
  evidenceCount: number;
}

export function relationRows(graph: Graph, index: GraphIndex, visibleRelationIds: ReadonlySet<string>): RelationRow[] {
  return graph.relations
    .filter((relation) => visibleRelationIds.has(relation.id))
    .map((relation) => {
      const publishers = [
        ...new Set(
          relation.evidence.map((e) => {
            const source = index.sourceById.get(e.source);
            return source ? `${source.publisher} (${source.reliability})` : e.source;
          }),
        ),
      ];
      return {
        id: relation.id,
        fromId: relation.from,
        from: index.actorById.get(relation.from)?.label ?? relation.from,
        type: index.typeById.get(relation.type)?.label ?? relation.type,
        toId: relation.to,
        to: index.actorById.get(relation.to)?.label ?? relation.to,
        date: relation.date ?? '',
        sources: publishers.join('; '),
        evidenceCount: relation.evidence.length,
      };
    });
}

/** Sorts by a column; dates by the first day they mean, undated last. */
export function sortRows(rows: readonly RelationRow[], column: TableColumn, ascending: boolean): RelationRow[] {
  const key = (row: RelationRow): string => {
    if (column !== 'date') return row[column].toLocaleLowerCase();
    if (row.date === '') return ascending ? '\uffff' : '';
    const parsed = parseDateOrRange(row.date);
    return parsed.ok ? parsed.span.start : row.date;
  };
  const sign = ascending ? 1 : -1;
  return [...rows].sort((a, b) => sign * key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
}
