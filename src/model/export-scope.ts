// What every graph export shares: which part of the graph it holds (the
// scope), and the attributes written for actors and relations in the tabular
// formats (GEXF, GraphML, Cytoscape JSON), from one table so that they agree.
// Pure.

import { gradeCode } from './corroboration.ts';
import { parseDateOrRange } from './dates.ts';
import type { VisibleSubgraph } from './filter.ts';
import type { Actor, Graph, Position, Relation } from './graph.ts';
import { familyOf } from './palette.ts';
import { type GraphIndex, indexGraph } from './queries.ts';

export interface ExportScope {
  /** What is shown (filters and focus applied); null exports everything. */
  kept: VisibleSubgraph | null;
  /** Said in the file: "what is shown: filters …" or "everything". */
  description: string;
  /** Where actors are drawn, by actor id, in the explorer's coordinates (y grows downwards). */
  positions?: Record<string, Position>;
  /** When the export was made, an ISO date-time ("2026-11-28T10:00:00Z"). */
  exportedAt: string;
}

export interface ScopedGraph {
  actors: Actor[];
  /** Relations in scope whose two ends are actors in scope (an edge needs both its nodes). */
  relations: Relation[];
  index: GraphIndex;
}

/** The actors and relations an export holds, in file order. */
export function scopedGraph(graph: Graph, scope: ExportScope): ScopedGraph {
  const { kept } = scope;
  const actors = kept ? graph.actors.filter((actor) => kept.actorIds.has(actor.id)) : graph.actors;
  const actorIds = new Set(actors.map((actor) => actor.id));
  const relations = graph.relations.filter(
    (relation) =>
      (kept === null || kept.relationIds.has(relation.id)) && actorIds.has(relation.from) && actorIds.has(relation.to),
  );
  return { actors, relations, index: indexGraph(graph) };
}

/** Values list-valued attributes are joined with (aliases, answered relations), as in the spreadsheets. */
export const LIST_SEPARATOR = ' | ';

export type ColumnType = 'string' | 'integer';

export interface Column<T> {
  /** The attribute's id and title: the column an analyst sees in Gephi or Cytoscape. */
  id: string;
  type: ColumnType;
  /** Undefined when the item has no value (the attribute is left out). */
  value: (item: T, index: GraphIndex) => string | number | undefined;
}

const nonEmpty = (text: string | undefined) => (text === undefined || text === '' ? undefined : text);

export const ACTOR_COLUMNS: readonly Column<Actor>[] = [
  { id: 'kind', type: 'string', value: (actor) => actor.kind },
  { id: 'kindLabel', type: 'string', value: (actor, index) => index.kindLabelById.get(actor.kind) ?? actor.kind },
  { id: 'aliases', type: 'string', value: (actor) => nonEmpty(actor.aliases?.join(LIST_SEPARATOR)) },
  { id: 'summary', type: 'string', value: (actor) => nonEmpty(actor.summary) },
  { id: 'disputed', type: 'string', value: (actor) => nonEmpty(actor.disputed) },
  { id: 'evidenceCount', type: 'integer', value: (actor) => actor.evidence.length },
];

export const RELATION_COLUMNS: readonly Column<Relation>[] = [
  { id: 'type', type: 'string', value: (relation) => relation.type },
  {
    id: 'typeLabel',
    type: 'string',
    value: (relation, index) => index.typeById.get(relation.type)?.label ?? relation.type,
  },
  {
    id: 'family',
    type: 'string',
    value: (relation, index) => {
      const type = index.typeById.get(relation.type);
      return type ? familyOf(type) : undefined;
    },
  },
  { id: 'date', type: 'string', value: (relation) => nonEmpty(relation.date) },
  /** The first and last day the date can mean, for tools that filter by day. */
  { id: 'dateStart', type: 'string', value: (relation) => relationDays(relation)?.start },
  { id: 'dateEnd', type: 'string', value: (relation) => relationDays(relation)?.end },
  { id: 'summary', type: 'string', value: (relation) => nonEmpty(relation.summary) },
  { id: 'disputed', type: 'string', value: (relation) => nonEmpty(relation.disputed) },
  { id: 'strength', type: 'string', value: (relation, index) => index.corroborationById.get(relation.id)?.strength },
  {
    id: 'independentSources',
    type: 'integer',
    value: (relation, index) => index.corroborationById.get(relation.id)?.independentSources,
  },
  { id: 'claimants', type: 'integer', value: (relation, index) => index.corroborationById.get(relation.id)?.claimants },
  {
    id: 'bestGrade',
    type: 'string',
    value: (relation, index) => {
      const grade = index.corroborationById.get(relation.id)?.bestGrade;
      return grade ? gradeCode(grade) : undefined;
    },
  },
  {
    id: 'contradicting',
    type: 'integer',
    value: (relation, index) => index.corroborationById.get(relation.id)?.contradicting,
  },
  { id: 'evidenceCount', type: 'integer', value: (relation) => relation.evidence.length },
  { id: 'answers', type: 'string', value: (relation) => nonEmpty(relation.answers?.join(LIST_SEPARATOR)) },
];

/** The days a relation's date covers, or null when it has none (or one that does not parse). */
export function relationDays(relation: Relation): { start: string; end: string } | null {
  if (relation.date === undefined) return null;
  const check = parseDateOrRange(relation.date);
  return check.ok ? check.span : null;
}

/** "2026-11-28" from "2026-11-28T10:00:00Z" (or the text itself when it is a date already). */
export function dayOf(dateTime: string): string {
  return dateTime.slice(0, 10);
}

/** "#1f77b4" -> [31, 119, 180]; null for anything else (a CSS name, a short hex). */
export function hexToRgb(hex: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return null;
  return [
    Number.parseInt(match[1] ?? '0', 16),
    Number.parseInt(match[2] ?? '0', 16),
    Number.parseInt(match[3] ?? '0', 16),
  ];
}
