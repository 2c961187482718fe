// Rows of the relation table, and their order. Pure.

import { type Corroboration, corroborationLine } from './corroboration.ts';
import { parseDateOrRange } from './dates.ts';
import type { Graph } from './graph.ts';
import type { GraphIndex } from './queries.ts';

export type TableColumn = 'from' | 'type' | 'to' | 'date' | 'sources' | 'corroboration';

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
  /** "2 sources, 3 claimants, 1 contradicting" */
  corroboration: string;
  /** Sorts the corroboration column: independent sources, then fewer contradicting, then the best grade. */
  corroborationRank: number;
}

export function relationRows(graph: Graph, index: GraphIndex, visibleRelationIds: ReadonlySet<string>): RelationRow[] {
  return graph.relations
    .filter((relation) => visibleRelationIds.has(relation.id))
    .map((relation) => {
      const corroboration = index.corroborationById.get(relation.id);
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
        corroboration: corroboration ? corroborationLine(corroboration) : '',
        corroborationRank: corroboration ? rankOf(corroboration) : 0,
      };
    });
}

const RELIABILITY_RANK = { A: 5, B: 4, C: 3, D: 2, E: 1, F: 0 } as const;

/** A number that grows with corroboration: independent sources first, then support over contradiction, then grade. */
function rankOf(corroboration: Corroboration): number {
  const grade = corroboration.bestGrade;
  const gradeRank = grade ? RELIABILITY_RANK[grade.reliability] * 10 + (7 - grade.credibility) : 0;
  const balance = Math.max(0, Math.min(99, 50 + corroboration.supporting - corroboration.contradicting));
  return corroboration.independentSources * 10_000 + balance * 100 + gradeRank;
}

/** Sorts by a column; dates by the first day they mean, undated last. */
export function sortRows(rows: readonly RelationRow[], column: TableColumn, ascending: boolean): RelationRow[] {
  const key = (row: RelationRow): string => {
    if (column === 'corroboration') return String(row.corroborationRank).padStart(8, '0');
    if (column !== 'date') return row[column].toLocaleLowerCase();
    if (row.date === '') return ascending ? '\uffff' : '';
    const parsed = parseDateOrRange(row.date);
    return parsed.ok ? parsed.span.start : row.date;
  };
  const sign = ascending ? 1 : -1;
  return [...rows].sort((a, b) => sign * key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
}
